// import --dry-run: the import's own checks, counts, notes and exit code, and nothing written, of a
// JSON export and a CSV sheet alike; on the bulk path too.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkImport } from '../src/store/search-bulk';
import { caselog, DEMO, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const defaultThreshold = bulkImport.fromBytes;
afterEach(() => {
  bulkImport.fromBytes = defaultThreshold;
});

/** Everything a database holds that a dry run could change: its records, its change log, its schema. */
function contents(db: string): string {
  const file = new Database(db, { readonly: true });
  try {
    return JSON.stringify(['changes', 'sqlite_master', 'search_text'].map((t) => file.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
  } finally {
    file.close();
  }
}

describe('import --dry-run of a JSON export', () => {
  it('says what the import would add, and leaves no database where there was none', async () => {
    const db = tempDb();
    const r = await caselog(['import', DEMO, '--dry-run'], { db, today });
    // Every record of the file, counted from the file itself: a new database would take them all.
    const file = JSON.parse(readFileSync(DEMO, 'utf8')) as Record<string, unknown>;
    const added = Object.values(file).filter(Array.isArray).reduce((n, records) => n + records.length, 0);
    expect(added).toBeGreaterThan(20);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: `Dry run of ${DEMO}: would add ${added}, update 0, unchanged 0; nothing was written\n` });
    expect(existsSync(db)).toBe(false);
  });

  it('leaves none of the folders it made for a new database, and those that were there stay', async () => {
    // caselog's own place is the one made with its folders (a path given needs its folder there).
    const there = dirname(tempDb());
    const env = { XDG_DATA_HOME: join(there, 'nd', 'x') };
    expect((await caselog(['import', DEMO, '--dry-run'], { env, today })).code).toBe(0);
    expect(readdirSync(there)).toEqual([]);
    // A refused import on a new path too.
    const refused = await caselog(['import', fileOf('j1.json', '{"format":"caselog","version":1,"cases":[{"id":"bad"}]}')], { env, today });
    expect(refused.code).toBe(1);
    expect(readdirSync(there)).toEqual([]);
    expect(existsSync(there)).toBe(true);
  });

  it('changes nothing in a database, its change log, schema and search included, on the bulk path too', async () => {
    const db = tempDb();
    await caselog(['add', 'person', 'Kasim Mahpir'], { db, today });
    const before = contents(db);
    for (const fromBytes of [defaultThreshold, 0]) {
      bulkImport.fromBytes = fromBytes;
      const r = await caselog(['import', DEMO, '--dry-run'], { db, today });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^Dry run of .*: would add \d+, update 0, unchanged 0; nothing was written\nnote: /);
      expect(contents(db)).toBe(before);
    }
    // The notes are the import's: the people it would add who may be someone already here, with the
    // merge for after the import (before it, the file's person is not here to merge).
    const dry = await caselog(['import', DEMO, '--dry-run'], { db, today });
    expect(dry.stderr).toMatch(/\nnote: Kasim Mahpir \[p-\w+\], of the file, may be Kasim Mahpir \[p-\w+\] \(via "Kasim Mahpir", the same name\): if they are one person, after the import, caselog merge p-\w+ p-\w+\n/);
    const real = await caselog(['import', DEMO], { db, today });
    const asDry = real.stderr.replaceAll(', just imported, ', ', of the file, ').replaceAll('one person, caselog merge', 'one person, after the import, caselog merge');
    expect(dry.stderr.split('\n').slice(1)).toEqual(asDry.split('\n').slice(1));
  });

  it('is refused as the import is, with its exit code, and changes nothing', async () => {
    const db = tempDb();
    await caselog(['import', DEMO], { db, today });
    await caselog(['edit', 'Hemit Memet', '--citizenship', 'Kazakhstan'], { db, today });
    const before = contents(db);
    const dry = await caselog(['import', DEMO, '--dry-run'], { db, today });
    expect(dry).toMatchObject({ code: 1, stderr: expect.stringContaining('would be overwritten') });
    expect(contents(db)).toBe(before);
    expect((await caselog(['import', DEMO], { db, today })).stderr).toBe(dry.stderr);
    expect((await caselog(['import', DEMO, '--dry-run', '--replace'], { db, today })).stderr).toMatch(/would add 0, update 1, unchanged \d+; nothing was written/);
    expect(contents(db)).toBe(before);
  });
});

describe('import --dry-run of a CSV sheet', () => {
  it('counts as the import counts, says so under --json, and writes nothing', async () => {
    const db = tempDb();
    await caselog(['add', 'person', 'Aibek Omarov', '--citizenship', 'Kazakhstan'], { db, today });
    const sheet = fileOf('people.csv', 'name,citizenship\nAibek Omarov,Kazakhstan\nDana Seitova,Kazakhstan\n');
    const before = contents(db);
    const dry = await caselog(['import', sheet, '--dry-run'], { db, today });
    expect(dry).toMatchObject({ code: 0, stderr: `Dry run of people from ${sheet}: would add 1, update 0, unchanged 1; nothing was written\n` });
    const json = await caselog(['--json', 'import', sheet, '--dry-run'], { db, today });
    expect(JSON.parse(json.stdout)).toEqual({ table: 'people', added: 1, updated: 0, unchanged: 1, dryRun: true, notes: [] });
    expect(contents(db)).toBe(before);
    expect((await caselog(['import', sheet], { db, today })).stderr).toBe(`Imported people from ${sheet}: 1 added, 0 updated, 1 unchanged\n`);
  });

  it('says to give a status its day before importing, never to undo: after a dry run there is nothing to undo, and undo takes back an earlier change', async () => {
    const db = tempDb();
    await caselog(['add', 'person', 'Aibek Omarov'], { db, today });
    const sheet = fileOf('people.csv', 'name,status,age\nDana Seitova,detained,34\n');
    const dry = await caselog(['import', sheet, '--dry-run'], { db, today });
    expect(dry.stderr).toBe(`Dry run of people from ${sheet}: would add 1, update 0, unchanged 0; nothing was written\n` +
      'note: 1 row gives a status and 1 row an age without the day it held (no status_on or age_on): it would be dated today, 24 November 2026; ' +
      'a status so dated outranks every event of the timeline before it. If known earlier, give each row its day in a status_on and an age_on column (YYYY-MM-DD) before importing\n');
    expect((await caselog(['import', sheet], { db, today })).stderr).toContain('If known earlier, caselog undo takes this import back: give each row its day');
  });

  it('puts the delete that keeps the sheet\'s version of an event after the import, and names no id the import would not give', async () => {
    const db = tempDb();
    const header = 'date,type,summary,place,people\n';
    await caselog(['add', 'person', 'Ekpar Tursun'], { db, today });
    await caselog(['import', fileOf('fx1.csv', `${header}March 2018,detention,Taken to Dabancheng camp,Korla,Ekpar Tursun\n`)], { db, today });
    const here = JSON.parse((await caselog(['--json', 'timeline', 'Ekpar Tursun'], { db, today })).stdout).events[0].id.slice(0, 10) as string;
    const dry = await caselog(['import', fileOf('fx2.csv', `${header}April 2018,detention,Taken to Dabancheng camp,Korla,Ekpar Tursun\n`), '--dry-run'], { db, today });
    expect(dry.stderr).toContain(`note: an event of the file (detention, April 2018) says what event ${here} here says but for its date: ` +
      `it would be added, and the timeline show both; if they are one event, caselog delete ${here} after the import keeps the file's\n`);
  });

  it('refuses a bad row as the import does', async () => {
    const db = tempDb();
    await caselog(['add', 'person', 'Aibek Omarov'], { db, today });
    const before = contents(db);
    const sheet = fileOf('events.csv', 'date,type,summary,people\n2019-02-03,,No type,Aibek Omarov\n');
    const dry = await caselog(['import', sheet, '--dry-run'], { db, today });
    expect(dry).toMatchObject({ code: 1, stderr: expect.stringContaining('row 2, column type: is required') });
    expect(contents(db)).toBe(before);
  });

  it('is offered in the help, which says nothing is written', async () => {
    const help = (await caselog(['import', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--dry-run check the file and say what importing it would add, update or leave unchanged; nothing is written');
  });
});
