// Ages told in an apposition beside a name: "X, an Afghan journalist aged 36", "Y, a 52-year-old nurse".
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const DOC = 'URGENT ACTION\nTAJIK-AFGHAN JOURNALIST AT RISK OF RETURN\nDate: 12 April 2022\n\n'
  + 'Parviz Rahimi, an Afghan journalist aged 36, was detained in Dushanbe on 4 April 2022. '
  + 'Zarina Aliyeva, a 52-year-old nurse, was arrested with him on 4 April 2022.\n';

describe('ingest reads an age in an apposition', () => {
  it('after "a ... aged N" and in "a N-year-old ...", and no person in a hyphenated heading in capitals', async () => {
    const db = tempDb();
    const dry = await caselog(['ingest', fileOf('ua.txt', DOC), '--dry-run'], { db, today: '2026-11-22' });
    expect(dry.stdout).toContain('person Parviz Rahimi \u2014 new, aged 36 on 12 April 2022');
    expect(dry.stdout).toContain('person Zarina Aliyeva \u2014 new, aged 52 on 12 April 2022');
    expect(dry.stdout.match(/^person /gm)).toHaveLength(2);
    expect((await caselog(['ingest', fileOf('ua.txt', DOC), '--yes'], { db, today: '2026-11-22' })).code).toBe(0);
    expect((await caselog(['show', 'Parviz Rahimi'], { db, today: '2026-11-22' })).stdout).toContain('aged 36 on 12 April 2022');
  });
});
