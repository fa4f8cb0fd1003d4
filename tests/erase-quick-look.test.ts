// erase rules out most texts and names without folding them (src/domain/name-mentions.ts mayHold,
// nameMayHold): a text of plain ASCII only where it has every letter of a name. What only the fold
// tells must still be found: spellings written with accents, umlauts written out, joined by an
// underscore, surname first, in a %-escaped address; and another person's longer name in any of them.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('erase looking through the records', () => {
  it('finds the name however it is written, and leaves a longer name of someone else\'s as it is', async () => {
    expect((await c(['add', 'person', 'Jürgen Strauß', '--new'])).code).toBe(0);
    for (const other of ['Juergen Strauss Mueller', 'Jürgen Strauß-Kahn']) expect((await c(['add', 'person', other, '--new'])).code).toBe(0);
    for (const summary of ['Seen with JUERGEN STRAUSS', 'Jurgen_Strauss was moved', 'STRAUSS, Jürgen (lawyer)', 'See https://news.example/j%C3%BCrgen-strau%C3%9F',
      'Juergen Strauss Mueller visited']) {
      expect((await c(['add', 'event', 'Hemit Memet', '--date', '2019-06-01', '--type', 'statement', '--summary', summary])).code).toBe(0);
    }
    const r = await c(['erase', 'Jürgen Strauß', '--force']);
    expect(r.code).toBe(0);
    const others = await Promise.all(['Juergen Strauss Mueller', 'Jürgen Strauß-Kahn'].map(async (name) => (await json(['show', name])).id as string));
    for (const id of others) expect(r.stderr).toMatch(new RegExp(`keep a longer name that holds theirs, taken as someone else's; check them: [^\\n]*person ${id.slice(0, 10)}`));
    const summaries = (await json(['timeline', 'Hemit Memet'])).events.map((e: { summary: string }) => e.summary);
    expect(summaries).toEqual(expect.arrayContaining(['Seen with [erased]', '[erased] was moved', '[erased] (lawyer)', 'See [erased]', 'Juergen Strauss Mueller visited']));
  });

  it('takes a name with umlauts for someone else\'s where it holds theirs written out', async () => {
    expect((await c(['add', 'person', 'Juergen Strauss', '--new'])).code).toBe(0);
    expect((await c(['add', 'person', 'Jürgen Strauß Müller', '--new'])).code).toBe(0);
    expect((await c(['add', 'event', 'Hemit Memet', '--date', '2019-06-01', '--type', 'statement', '--summary', 'Juergen Strauss Mueller visited Juergen Strauss'])).code).toBe(0);
    const r = await c(['erase', 'Juergen Strauss', '--force']);
    expect(r.code).toBe(0);
    const muller = (await json(['show', 'Jürgen Strauß Müller'])).id as string;
    expect(r.stderr).toContain(`keep a longer name that holds theirs, taken as someone else's; check them: person ${muller.slice(0, 10)}`);
    expect((await json(['timeline', 'Hemit Memet'])).events.map((e: { summary: string }) => e.summary)).toContain('Juergen Strauss Mueller visited [erased]');
  });
});
