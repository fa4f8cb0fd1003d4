// What a sheet's cells mean, said where a caseworker moving a group's spreadsheet would misread it:
// two spellings of one new person, names in other case or spacing, commas between names, and a
// status or an age dated the import day for want of its day.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const sheet = (name: string, ...lines: string[]) => fileOf(name, `${lines.join('\n')}\n`);

beforeEach(() => {
  db = tempDb();
});

describe('two new rows of one sheet with close names', () => {
  it('advises one row with both spellings, or --new, not an id neither has', async () => {
    const r = await c(['import', sheet('people.csv', 'name,other_names', 'Kaster Musakhanuly,', 'Qaster Musakhanuly,')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 3, column name: "Qaster Musakhanuly" is close to "Kaster Musakhanuly" on line 2 (spelling variant (K/Q)): ' +
      'if they are one person, keep one row and put the other spelling in its other_names, or import with --new if they are two people');
    expect(r.stderr).not.toContain('id column');
  });

  it('names both ways when the name is close to someone tracked and to an earlier row', async () => {
    await c(['add', 'person', 'Kaster Musakhanuly']);
    const r = await c(['import', sheet('people.csv', 'name', 'Qaster Musakhanuly', 'Kaster Musakhanuli')]);
    expect(r.stderr).toMatch(/line 3, column name: "Kaster Musakhanuli" is close to Kaster Musakhanuly \[p-\w+\] \(.*\); "Qaster Musakhanuly" on line 2 \(/);
    expect(r.stderr).toContain('if it is someone tracked, put their id in the id column to update them; if it is the person of that line, ' +
      'keep one row and put the other spelling in its other_names, or import with --new if every new row is a different person');
  });
});
