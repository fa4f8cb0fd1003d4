// caselog doctor: says plainly what is wrong and what to do; exit 1 when anything is, 0 when healthy.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { unreadable } from '../src/store/trust-health';

let db: string;
const c = (args: string[], env: Record<string, string> = {}) => caselog(args, { db, today: '1999-03-01', env });

async function seed(env: Record<string, string> = {}, events = 60) {
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], env);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98'], env);
  for (let i = 0; i < events; i++) {
    await c(['add', 'event', 'Hemit Memet', '--date', `1999-01-${String((i % 28) + 1).padStart(2, '0')}`, '--type', 'report', '--summary', `report ${i} ${'x'.repeat(300)}`], env);
  }
}

beforeEach(() => {
  db = tempDb();
});

describe('caselog doctor', () => {
  it('reports a healthy database with exit 0, as text and JSON', async () => {
    await seed();
    const r = await c(['doctor']);
    expect(r.code).toBe(0);
    for (const name of ['integrity', 'links', 'schema', 'journal', 'permissions']) expect(r.stdout).toMatch(new RegExp(`ok ${name}: `));
    expect(r.stdout).toContain('is healthy');
    const json = JSON.parse((await c(['--json', 'doctor'])).stdout);
    expect(json.ok).toBe(true);
    expect(json.checks.map((x: { name: string }) => x.name)).toEqual(['encryption', 'integrity', 'links', 'schema', 'journal', 'permissions']);
  });

  it('names files others can read, and the chmod that fixes them', async () => {
    await seed();
    chmodSync(db, 0o644);
    chmodSync(dirname(db), 0o755);
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/PROBLEM permissions: other users of this computer can reach .*\(mode 644\)/);
    expect(r.stdout).toContain(`chmod 600 "${db}"`);
    expect(r.stdout).toContain(`chmod 700 "${dirname(db)}"`);
    expect(r.stderr).toMatch(/one problem found in .*: permissions/);
  });

  it('names a journal file left read-only, which makes every write fail', async () => {
    await seed({}, 1);
    // As a run on a read-only database leaves it (caselog closes and removes its own).
    writeFileSync(`${db}-shm`, '', { mode: 0o400 });
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`PROBLEM writable: not writable by its owner: ${db}-shm; every change would fail as "read-only"`);
    expect(r.stdout).toContain(`chmod 600 "${db}-shm"`);
  });

  it('names the unfinished copy a cut-off encrypt left, which erase removes', async () => {
    await seed({}, 1);
    await c(['add', 'person', 'Zebulon Quixotica', '--case', 'UA 77/98']);
    // What a kill in the middle of an encrypt leaves: a plain copy of the whole database, and its journal.
    const copy = `${db}.rekey-unfinished`;
    const conn = new Database(db);
    conn.exec(`VACUUM INTO '${copy}'`);
    conn.close();
    writeFileSync(`${copy}-journal`, 'Zebulon Quixotica');
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`PROBLEM leftovers: ${copy} is the unfinished copy of an encrypt, rekey or erase that was cut off`);
    expect((await c(['erase', 'Zebulon Quixotica', '--force'])).code).toBe(0);
    expect(existsSync(copy) || existsSync(`${copy}-journal`)).toBe(false);
    expect((await c(['doctor'])).code).toBe(0);
  });

  it('says when an erase is still to rewrite the file, and a write does it', async () => {
    await seed({}, 1);
    // The mark an erase leaves when another program's lock kept it from rewriting the file.
    const conn = new Database(db);
    conn.pragma(`application_id = ${0x43534c45}`);
    conn.close();
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('PROBLEM erase: an erase is still to rewrite the file');
    await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98']);
    expect((await c(['doctor'])).code).toBe(0);
  });

  it('finds damaged pages', async () => {
    await seed();
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 6);
    closeSync(fd);
    const r = await c(['--json', 'doctor']);
    expect(r.code).toBe(1);
    const integrity = JSON.parse(r.stdout).checks.find((x: { name: string }) => x.name === 'integrity');
    expect(integrity).toMatchObject({ ok: false, detail: expect.stringContaining('damaged'), fix: expect.stringContaining('backup') });
  });

  it('finds links to records that do not exist', async () => {
    await seed();
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    const event = (raw.prepare('SELECT id FROM events LIMIT 1').get() as { id: string }).id;
    raw.prepare('INSERT INTO event_people (event_id, person_id) VALUES (?, ?)').run(event, 'p-doesnotexist0000');
    raw.close();
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/PROBLEM links: 1 link\(s\) point at records that do not exist \(in event_people\)/);
  });

  it('flags a database that left WAL mode, and any write puts it back', async () => {
    await seed();
    const raw = new Database(db);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('journal mode is delete, not WAL');
    await c(['add', 'person', 'Kasim Mahpir']);
    expect((await c(['doctor'])).code).toBe(0);
  });

  it('says what to do about an encrypted database without its passphrase, a foreign file and a missing one', async () => {
    const env = { CASELOG_PASSPHRASE: 'doctor passphrase' };
    await seed(env, 2);
    expect((await c(['doctor'], env)).code).toBe(0);
    const locked = await c(['doctor']);
    expect(locked.code).toBe(1);
    expect(locked.stdout).toContain('set CASELOG_PASSPHRASE');
    expect((await c(['doctor'], { CASELOG_PASSPHRASE: 'wrong' })).stdout).toContain('wrong passphrase');
    writeFileSync(db, 'these are my notes, not a database\n'.repeat(100));
    const notes = await c(['doctor']);
    expect(notes.code).toBe(1);
    expect(notes.stdout).toContain('is a text file, not a database');
    expect(notes.stdout).toContain('give the database file with --db or CASELOG_DB');
    // Bytes that are neither text nor a SQLite header: encrypted, or someone else's file.
    writeFileSync(db, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256)));
    const foreign = await c(['doctor']);
    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toContain('is encrypted, or is not a SQLite database');
    expect(foreign.stdout).toContain('restore it from a backup');
    db = `${db}.missing`;
    const missing = await c(['doctor']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('there is no database');
  });
});

describe('a database that cannot be written, only', () => {
  it('is said to be whole, with the way to open it, never "restore the latest backup" (which would lose what is newer)', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/20', '--title', 't'], { db })).code).toBe(0);
    const reader = new Database(db, { readonly: true });
    let raised: unknown;
    try {
      reader.prepare("INSERT INTO cases (id) VALUES ('c-x')").run();
    } catch (error) {
      raised = error;
    }
    reader.close();
    expect((raised as { code: string }).code).toMatch(/^SQLITE_READONLY/);
    expect(unreadable(raised, db, false)).toEqual({ name: 'database', ok: false,
      detail: `cannot be opened: ${db} or its folder is read-only, and caselog needs its -wal and -shm files beside it`,
      fix: 'make the folder writable, or copy the database with its -wal and -shm files to a writable folder (it is not damaged: do not restore a backup over it)' });
  });
});

describe('doctor with a passphrase set for a database that has none', () => {
  it('says the database is not encrypted, not that the passphrase is wrong', async () => {
    expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'T'])).code).toBe(0);
    const r = await c(['doctor'], { CASELOG_PASSPHRASE: 'secret words' });
    expect(r.stdout).toContain(`PROBLEM database: ${db} is not encrypted, but CASELOG_PASSPHRASE is set\n    what to do: unset CASELOG_PASSPHRASE, or run "caselog encrypt" to encrypt the database`);
    expect(r.stdout).not.toContain('wrong passphrase');
  });
});
