// A database with a table dropped from it (by hand, by a tool that "cleaned" it): SQLite finds the
// file whole page by page, so doctor called it healthy, backup said its copy passed its check,
// restore put such a copy in place, and commands failed with "unexpected error: no such table".
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { SCHEMA_VERSION } from '../src/store/schema';

let db: string;
let dir: string;
const c = (args: string[], path = db) => caselog(args, { db: path, today: '1999-03-01' });

beforeEach(async () => {
  db = tempDb();
  dir = dirname(db);
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'source', '--title', 'Further information', '--ref', 'EUR 57/12/98']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--risk', 'torture']);
  await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned', '--source', 'EUR 57/12/98']);
  await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-15', '--note', 'Send appeals']);
});

/** As `sqlite3 FILE "DROP TABLE ..."` does it: without the foreign keys the driver turns on. */
function drop(path: string, sql: string): void {
  const raw = new Database(path);
  raw.pragma('foreign_keys = OFF');
  raw.exec(sql);
  raw.close();
}

describe('a database missing a table', () => {
  it('doctor names the missing tables and triggers as a problem, with what to do', async () => {
    drop(db, 'DROP TABLE deadlines; DROP TABLE event_sources; DROP TRIGGER search_events_insert');
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`PROBLEM schema: version ${SCHEMA_VERSION}, but the event_sources and deadlines tables are missing: the records kept there are gone from this file, and commands that read them fail; a trigger is missing (search_events_insert): search misses records added or changed since\n`
      + '    what to do: restore the latest backup with: caselog restore FILE;');
    expect(r.stdout).not.toContain('is healthy');
  });

  it('export --format json saves what the other tables hold, in JSON that imports, names what is missing and exits 1', async () => {
    drop(db, 'DROP TABLE event_sources; DROP TABLE deadlines');
    const out = join(dir, 'saved.json');
    const r = await c(['export', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Wrote ${out}\ncaselog: the database is damaged: the event_sources and deadlines tables are missing from it, so the export holds what the others hold; restore the latest backup if there is one (caselog restore FILE)\n`);
    const saved = JSON.parse(readFileSync(out, 'utf8')) as Record<string, Array<Record<string, unknown>>>;
    expect([saved.cases!.length, saved.sources!.length, saved.people!.length, saved.events!.length, saved.deadlines!.length]).toEqual([1, 1, 1, 1, 0]);
    expect(saved.events![0]!.sources).toEqual([]);
    const fresh = join(dir, 'fresh.db');
    expect((await c(['import', out], fresh)).code).toBe(0);
    expect((await c(['timeline', 'Hemit Memet'], fresh)).stdout).toContain('Forcibly returned');
  });

  it('export --format csv writes the files of the tables there, and leaves an earlier file of the missing one as it was', async () => {
    const out = join(dir, 'csv');
    expect((await c(['export', '--format', 'csv', '--out', out])).code).toBe(0);
    drop(db, 'DROP TABLE deadlines');
    const r = await c(['export', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('caselog: the database is damaged: could not read the deadlines, so deadlines.csv was not written (one there is from an earlier export); the other files hold what could be read; the deadlines table is missing from it;');
    expect(readFileSync(join(out, 'deadlines.csv'), 'utf8')).toContain('Send appeals');
    expect(readFileSync(join(out, 'events.csv'), 'utf8')).toContain('Forcibly returned');
  });

  it('backup refuses to write a copy that lacks it', async () => {
    drop(db, 'DROP TABLE person_risks');
    const r = await c(['backup', join(dir, 'backup.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('caselog: the copy failed its check: the person_risks table is missing, as in the database (it is damaged); no backup was written: run "caselog doctor"; "caselog export --out FILE" saves what the database still holds\n');
    expect(existsSync(join(dir, 'backup.db'))).toBe(false);
  });

  it('restore refuses a backup that lacks one, and leaves the database as it was', async () => {
    const backup = join(dir, 'backup.db');
    expect((await c(['backup', backup])).code).toBe(0);
    drop(backup, 'DROP TABLE sources');
    const before = readFileSync(db);
    const r = await c(['restore', backup, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`caselog: ${backup} is damaged: the sources table is missing from it; it cannot be restored; nothing was changed\n`);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect((await c(['due'])).stdout).toContain('Send appeals');
  });

  it('a command that meets it says in one line that the database is damaged, which table is missing, and to run doctor', async () => {
    drop(db, 'DROP TABLE deadlines');
    const due = await c(['due']);
    expect([due.code, due.stdout, due.stderr]).toEqual([1, '', 'caselog: the database is damaged (missing table deadlines): run "caselog doctor"\n']);
    const add = await c(['add', 'deadline', 'UA 77/98', '--date', '1999-04-01', '--note', 'Follow up']);
    expect([add.code, add.stderr]).toEqual([1, 'caselog: the database is damaged (missing table deadlines): run "caselog doctor"; nothing was changed\n']);
  });
});
