// Deadlines of one case falling due on one day are listed in the order they were added: the order
// fell to their random ids, and swapped from one database to the next.
import { expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

it('lists deadlines of one day and case in the order they were added, in due and in --json', async () => {
  const db = tempDb();
  const c = async (args: string[]) => {
    const r = await caselog(args, { db, today: '1999-02-15' });
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  const notes = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];
  for (const note of notes) await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-15', '--note', note]);
  const json = JSON.parse((await c(['--json', 'due', '--within', '60'])).stdout) as Array<{ note: string }>;
  expect(json.map((d) => d.note)).toEqual(notes);
  const text = (await c(['due', '--within', '60'])).stdout;
  expect(notes.map((n) => text.indexOf(`  ${n} `))).toEqual(notes.map((n) => text.indexOf(`  ${n} `)).sort((a, b) => a - b));
});
