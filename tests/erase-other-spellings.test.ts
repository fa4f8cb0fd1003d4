// A person's name in another script, in a spelling none of their stored names has ("Кастер
// Мусаханулы" in Russian letters for Kaster Musakhanuly, stored in Latin and Kazakh letters): show
// finds them by it, so an erase that cannot replace it lists the record for the caseworker to check.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
let russian: string;
let unrelated: string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 6/26', '--title', 'Detentions']);
  await c(['add', 'person', 'Kaster Musakhanuly', '--alias', 'Қастер Мұсаханұлы', '--case', 'UA 6/26']);
  await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 6/26']);
  russian = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Кастер Мусаханулы сидел с ним'])).id as string;
  unrelated = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-03', '--type', 'statement', '--summary', 'Болат Серикович сидел с ним'])).id as string;
});

describe('erase and a name spelt in another script', () => {
  it('shows the person by that spelling, and the erase lists the record to check', async () => {
    expect((await json(['show', 'Кастер Мусаханулы'])).name).toBe('Kaster Musakhanuly');
    const r = await c(['erase', 'Kaster Musakhanuly', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`hold a word of their names; check them: [^\\n]*event ${russian.slice(0, 10)}`));
    expect(r.stderr).not.toContain(unrelated.slice(0, 10));
  });

  it('with --words and --json, names the record (not the word: output is one more place it would stay)', async () => {
    const r = await c(['--json', 'erase', 'Kaster Musakhanuly', '--words', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).stillMentionedIn).toEqual([{ kind: 'event', id: russian }]);
  });

  it('lists a Latin spelling of a long word of theirs (Qaster Musakhan), and their Latin name for someone stored in Cyrillic only', async () => {
    const variant = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-04', '--type', 'statement', '--summary', 'RFE/RL: Qaster Musakhan was detained'])).id as string;
    await c(['add', 'person', '\u041d\u0438\u043a\u043e\u043b\u0430\u0439 \u041f\u0430\u043f\u0430\u0434\u043e\u043f\u0443\u043b\u043e', '--case', 'UA 6/26']);
    const latin = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-05', '--type', 'statement', '--summary', 'Nikolai Papadopulo was moved'])).id as string;
    const first = await c(['--json', 'erase', 'Kaster Musakhanuly', '--force']);
    expect(JSON.parse(first.stdout).stillMentionedIn).toEqual(expect.arrayContaining([{ kind: 'event', id: variant }]));
    expect(JSON.parse(first.stdout).stillMentionedIn).not.toContainEqual({ kind: 'event', id: latin });
    const second = await c(['--json', 'erase', '\u041d\u0438\u043a\u043e\u043b\u0430\u0439 \u041f\u0430\u043f\u0430\u0434\u043e\u043f\u0443\u043b\u043e', '--force']);
    expect(JSON.parse(second.stdout).stillMentionedIn).toEqual([{ kind: 'event', id: latin }]);
    expect(JSON.parse(second.stdout).stillMentionedIn).not.toContainEqual({ kind: 'event', id: unrelated });
  });
});
