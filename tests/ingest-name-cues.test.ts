// Cue words of event types that are also names: "Omar bin Said was arrested" is an arrest.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const dryRun = async (text: string) => (await caselog(['ingest', fileOf('said.txt', text), '--dry-run'], { db: tempDb(), today: '2023-01-10' })).stdout;

describe('ingest reads "Said" in a name as the name', () => {
  it('after bin, mid-sentence or first before another name, and "said" the verb still as a statement', async () => {
    const out = await dryRun('Arrests in Cairo\n\nCairo, 20 March 2019 \u2013 On 1 March 2019, Omar bin Said was arrested at his home. '
      + 'Said Barre was detained on 2 March 2019. On 3 March 2019, Mohamed Said Hassan was arrested. '
      + 'The lawyer of Said Barre said on 4 March 2019 that he had not seen him.\n');
    expect(out).toContain('1 March 2019  event arrest \u2014 Omar bin Said\n');
    expect(out).toContain('2 March 2019  event detention \u2014 Said Barre\n');
    expect(out).toContain('3 March 2019  event arrest \u2014 Mohamed Said Hassan\n');
    expect(out).toContain('4 March 2019  event statement \u2014 ');
    expect(out).not.toMatch(/[123] March 2019 {2}event statement/);
  });
});
