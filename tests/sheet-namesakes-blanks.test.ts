// The sheets caselog writes go back in: two people of one name, told apart by their ids, and fields
// given as "" on the command line (stored as nothing, as edit stores them).
import Database from 'better-sqlite3-multiple-ciphers';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], on = db) => caselog(args, { db: on, today: '2024-03-01' });
const sheet = async (table: string, on = db) => (await c(['export', '--format', 'csv', '--table', table], on)).stdout;
const rowsOf = (text: string) => parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA-1', '--title', 'Two brothers-in-law']);
});

describe('a people sheet with two people of one name', () => {
  beforeEach(async () => {
    await c(['add', 'person', 'Ali Hassan', '--case', 'UA-1', '--age', '34']);
    await c(['add', 'person', 'Ali Hassan', '--case', 'UA-1', '--new', '--age', '61']);
  });

  it('is taken by another database as the two people its ids tell apart', async () => {
    const other = tempDb();
    await c(['add', 'case', '--ref', 'UA-1', '--title', 'Two brothers-in-law'], other);
    const people = await sheet('people');
    const taken = await c(['import', fileOf('people.csv', people)], other);
    expect(taken).toMatchObject({ code: 0, stderr: expect.stringContaining('2 added') });
    const copied = rowsOf(await sheet('people', other));
    expect(copied.map((r) => [r.id, r.name, r.age]).sort()).toEqual(rowsOf(people).map((r) => [r.id, r.name, r.age]).sort());
    // And again: the same two, unchanged.
    expect((await c(['import', fileOf('people.csv', people)], other)).stderr).toContain('0 added, 0 updated, 2 unchanged');
  });

  it('without ids, is refused as one person given twice, unless --new says they are different people', async () => {
    const other = tempDb();
    await c(['add', 'case', '--ref', 'UA-1', '--title', 'Two brothers-in-law'], other);
    const rows = rowsOf(await sheet('people')).map((r) => ({ ...r, id: '', case_ids: '' }));
    const file = fileOf('people.csv', stringify(rows, { header: true }));
    const refused = await c(['import', file], other);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/"Ali Hassan" is also added on row 2: give one row per person, or import with --new if they are different people/);
    expect((await c(['list', 'people', '--json'], other)).stdout.trim()).toBe('[]');
    const taken = await c(['import', file, '--new'], other);
    expect(taken).toMatchObject({ code: 0, stderr: expect.stringContaining('2 added') });
    expect(JSON.parse((await c(['list', 'people', '--json'], other)).stdout)).toHaveLength(2);
  });
});

describe('a field given as "" on the command line', () => {
  it('is stored as nothing, and the sheets caselog writes of it are the database again', async () => {
    await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA-1', '--gender', '', '--citizenship', ' ', '--ethnicity', '']);
    await c(['add', 'event', 'Kaster Musakhanuly', '--date', '1999-02-11', '--type', 'arrest', '--summary', 'Arrested at home', '--place', '', '--actor', '  ']);
    const person = JSON.parse((await c(['show', 'Kaster Musakhanuly', '--json'])).stdout);
    expect(person.gender).toBeNull();
    expect(person.citizenship).toBeNull();
    const event = JSON.parse((await c(['timeline', 'Kaster Musakhanuly', '--json'])).stdout).events[0];
    expect(event.place ?? null).toBeNull();
    expect(event.actor ?? null).toBeNull();
    for (const table of ['people', 'events']) {
      const again = await c(['import', fileOf(`${table}.csv`, await sheet(table))]);
      expect(again).toMatchObject({ code: 0, stderr: expect.stringContaining('0 added, 0 updated, 1 unchanged') });
    }
  });

  it('stored as blank text by an older caselog, is the sheet\'s empty cell, not a difference', async () => {
    await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA-1', '--gender', 'male']);
    await c(['add', 'event', 'Kaster Musakhanuly', '--date', '1999-02-11', '--type', 'arrest', '--summary', 'Arrested at home', '--place', 'Almaty']);
    const raw = new Database(db);
    raw.exec("UPDATE people SET gender = '', citizenship = ' '; UPDATE events SET place = '', actor = ''");
    raw.close();
    const before = (await c(['export'])).stdout;
    for (const table of ['people', 'events']) {
      const again = await c(['import', fileOf(`${table}.csv`, await sheet(table))]);
      expect(again).toMatchObject({ code: 0, stderr: expect.stringContaining('0 added, 0 updated, 1 unchanged') });
    }
    expect((await c(['export'])).stdout).toBe(before);
  });
});

describe('free text typed with decomposed accents (e and a combining accent, as some keyboards and macOS send)', () => {
  it('is kept in the one form an import reads it in, so export, import and export again give the same file', async () => {
    const decomposed = 'Arrested at the cafe\u0301 in Almaty; moved to Qarag\u0306andy';
    await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA-1', '--citizenship', 'Kazakhstani\u0301']);
    await c(['add', 'event', 'Kaster Musakhanuly', '--date', '1999-02-11', '--type', 'arrest', '--summary', decomposed, '--place', 'Almaty cafe\u0301']);
    const event = JSON.parse((await c(['timeline', 'Kaster Musakhanuly', '--json'])).stdout).events[0];
    expect(event.summary).toBe(decomposed.normalize('NFC'));
    const exported = (await c(['export'])).stdout;
    const other = tempDb();
    expect((await c(['import', fileOf('all.json', exported)], other)).code).toBe(0);
    expect((await c(['export'], other)).stdout).toBe(exported);
    // Typed either way, it is found.
    expect((await c(['search', 'caf\u00e9'])).stdout).toContain('Almaty');
    expect((await c(['search', 'cafe\u0301'])).stdout).toContain('Almaty');
  });

  it('given to edit, is stored composed too', async () => {
    await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA-1']);
    const added = await c(['add', 'event', 'Kaster Musakhanuly', '--date', '1999-02-11', '--type', 'arrest', '--summary', 'Arrested']);
    const id = /\[(e-\w+)\]/.exec(added.stderr)![1]!;
    expect((await c(['edit', id, '--summary', 'Held at the cafe\u0301'])).code).toBe(0);
    const event = JSON.parse((await c(['timeline', 'Kaster Musakhanuly', '--json'])).stdout).events[0];
    expect(event.summary).toBe('Held at the caf\u00e9');
  });
});

describe('namesakes alike in every way at-risk weighs', () => {
  it('are listed in the same order in a database and in its copy made by export and import', async () => {
    for (let i = 0; i < 6; i++) await c(['add', 'person', 'Ali Hassan', '--case', 'UA-1', '--risk', 'torture', '--new']);
    const order = async (on: string) => (JSON.parse((await c(['at-risk', '--json'], on)).stdout) as Array<{ id: string }>).map((p) => p.id);
    const here = await order(db);
    expect(here).toHaveLength(6);
    expect(here).toEqual([...here].sort());
    const other = tempDb();
    await c(['import', fileOf('all.json', (await c(['export'])).stdout)], other);
    expect(await order(other)).toEqual(here);
  });
});
