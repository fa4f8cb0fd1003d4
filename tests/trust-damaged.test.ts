// A database damaged in the middle: doctor's advice names what works (caselog restore FILE, and
// export), and export saves what can still be read, naming what it could not, with exit 1.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
let dir: string;
const c = (args: string[], path = db) => caselog(args, { db: path, today: '1999-03-01' });

beforeEach(async () => {
  db = tempDb();
  dir = dirname(db);
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--risk', 'torture']);
  await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned']);
  await c(['add', 'deadline', 'UA 77/98', '--date', '1999-04-01', '--note', 'Send appeals']);
  expect((await c(['backup', join(dir, 'backup.db')])).code).toBe(0);
});

/** The events table's first page overwritten: the file opens, and reading events meets the damage. */
function damageEvents(): void {
  const look = new Database(db, { readonly: true });
  const page = look.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'events'").pluck().get() as number;
  const size = look.pragma('page_size', { simple: true }) as number;
  look.close();
  const bytes = readFileSync(db);
  bytes.fill(0xff, (page - 1) * size, page * size);
  writeFileSync(db, bytes);
}

describe('a damaged database', () => {
  it('doctor names the restore command, and a restore makes it healthy', async () => {
    damageEvents();
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('what to do: restore the latest backup with: caselog restore FILE; without one, "caselog export --out FILE" may still save what can be read, and names what it could not');
    expect((await c(['restore', join(dir, 'backup.db'), '--force'])).code).toBe(0);
    expect((await c(['doctor'])).code).toBe(0);
  });

  it('export saves every record it can read, in JSON that imports, names the section it could not, and exits 1', async () => {
    damageEvents();
    const out = join(dir, 'saved.json');
    const r = await c(['export', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Wrote ${out}\ncaselog: the database is damaged: the export holds what could be read, but not all of: events; restore the latest backup if there is one (caselog restore FILE)\n`);
    const saved = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown[]>;
    expect([saved.cases!.length, saved.people!.length, saved.deadlines!.length, saved.events!.length]).toEqual([1, 1, 1, 0]);
    const fresh = join(dir, 'fresh.db');
    expect((await c(['import', out], fresh)).code).toBe(0);
    expect((await c(['list', 'people'], fresh)).stdout).toContain('Hemit Memet');
  });

  it('export saves what it can read when the damage is in the schema itself (a trigger\'s text), as doctor says it may', async () => {
    const bytes = readFileSync(db);
    const at = bytes.indexOf('AFTER INSERT ON search_text');
    expect(at).toBeGreaterThan(0);
    bytes.write('AFTER INSERT XN search_text', at);
    writeFileSync(db, bytes);
    const doctor = await c(['doctor']);
    expect(doctor.stdout).toContain('malformed database schema');
    expect(doctor.stdout).toContain('"caselog export --out FILE" may still save what can be read');
    const before = readFileSync(db);
    const out = join(dir, 'saved.json');
    const r = await c(['export', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Wrote ${out}\ncaselog: the database is damaged: its schema could not be read whole, so the export holds what could be read; restore the latest backup if there is one (caselog restore FILE)\n`);
    expect(readFileSync(db).equals(before)).toBe(true);
    const fresh = join(dir, 'fresh.db');
    expect((await c(['import', out], fresh)).code).toBe(0);
    expect((await c(['timeline', 'Hemit Memet'], fresh)).stdout).toContain('Forcibly returned');
    expect((await c(['due', '--within', '60'], fresh)).stdout).toContain('Send appeals');
  });

  it('export --format csv writes the tables it can read and names the one it could not', async () => {
    damageEvents();
    const out = join(dir, 'csv');
    const r = await c(['export', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('caselog: the database is damaged: could not read the events, so events.csv was not written; the other files hold what could be read');
    expect(readFileSync(join(out, 'people.csv'), 'utf8')).toContain('Hemit Memet');
    expect(readFileSync(join(out, 'deadlines.csv'), 'utf8')).toContain('Send appeals');
    expect(existsSync(join(out, 'events.csv'))).toBe(false);
  });
});
