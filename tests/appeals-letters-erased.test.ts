// A letter goes to the authorities: where an erase took a name out of what it quotes, it would read
// "the release of [erased] and Murager Alimuly", telling them someone was erased for their safety.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'KZ 2019/12', '--title', 'Two men at risk of return to China']);
  await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'KZ 2019/12', '--risk', 'refoulement']);
  await c(['add', 'person', 'Murager Alimuly', '--case', 'KZ 2019/12', '--risk', 'refoulement']);
  await c(['add', 'target', 'Gizat Nurdauletov', '--title', 'Prosecutor General', '--address', 'Nur-Sultan']);
  await c(['appeal', 'plan', 'KZ 2019/12', '--target', 'Gizat Nurdauletov', '--action', 'urging the release of Kaster Musakhanuly and Murager Alimuly']);
});

describe('appeal letters after an erase', () => {
  it('are refused while what they quote holds the erase\'s mark, and written once the words are changed', async () => {
    expect((await c(['erase', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    const out = join(db, '..', 'letters');
    const refused = await c(['appeal', 'letters', 'KZ 2019/12', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a letter for KZ 2019\/12 would read "[^"]*the release of \[erased\] and Murager Alimuly/);
    expect(refused.stderr).toContain('caselog appeal plan "KZ 2019/12" --replace');
    expect(refused.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect((await c(['appeal', 'letters', 'KZ 2019/12', '--json'])).code).toBe(1);

    await c(['appeal', 'plan', 'KZ 2019/12', '--replace', '--target', 'Gizat Nurdauletov', '--action', 'urging the release of Murager Alimuly']);
    const written = await c(['appeal', 'letters', 'KZ 2019/12']);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('the release of Murager Alimuly');
    expect(written.stdout).not.toContain('[erased]');
  });
});
