// The store against a real SQLite file: schema, pragmas, constraints, transactions.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/open';
import { SCHEMA_VERSION } from '../src/store/schema';
import { foundation } from '../src/store/migrations/001-foundation';
import { SqliteStore } from '../src/store/sqlite-store';
import { parseDate } from '../src/domain/dates';
import { tempDb } from './helpers/cli';

const open = (path = tempDb()) => new SqliteStore(openDatabase({ path, create: true }), { command: 'test', user: 'tester' });

describe('a deadline marked done by two processes at once', () => {
  it('is done once: the second leaves the first one\'s day and writes no log entry', async () => {
    const path = tempDb();
    const first = open(path);
    const c = await first.addCase({ ref: 'UA 1', title: 't', countries: [] });
    const d = await first.addDeadline({ caseId: c.id, personIds: [], date: parseDate('1999-03-15'), note: 'check' });
    const second = open(path);
    expect((await first.markDone(d.id, '1999-03-10')).changed).toBe(true);
    const late = await second.markDone(d.id, '1999-03-12');
    expect(late.changed).toBe(false);
    expect(late.deadline.doneOn).toBe('1999-03-10');
    expect(first.db.prepare("SELECT count(*) AS n FROM changes WHERE action = 'done'").get()).toEqual({ n: 1 });
  });

  it('and reopened by two at once, is reopened once, with one log entry', async () => {
    const path = tempDb();
    const first = open(path);
    const c = await first.addCase({ ref: 'UA 1', title: 't', countries: [] });
    const d = await first.addDeadline({ caseId: c.id, personIds: [], date: parseDate('1999-03-15'), note: 'check' });
    await first.markDone(d.id, '1999-03-10');
    const second = open(path);
    expect((await first.markOpen(d.id)).changed).toBe(true);
    expect((await second.markOpen(d.id)).changed).toBe(false);
    expect(first.db.prepare("SELECT count(*) AS n FROM changes WHERE action = 'reopen'").get()).toEqual({ n: 1 });
  });
});

describe('opening a database', () => {
  it('creates the schema at the current version, in WAL mode, with foreign keys and a busy timeout', () => {
    const store = open();
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    store.close();
  });

  it('migrates an older database forward and keeps a backup of it beside the file', async () => {
    const path = tempDb();
    const raw = new Database(path);
    raw.pragma('journal_mode = WAL');
    raw.exec(foundation);
    raw.pragma('user_version = 1');
    raw.prepare(`INSERT INTO cases (id, ref, ref_key, title, created_at, updated_at) VALUES ('c-0000000000000001', 'UA 1/99', 'ua1/99', 'kept', 'x', 'x')`).run();
    raw.close();
    const again = open(path);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((await again.findCaseByRef('ua 1/99'))?.title).toBe('kept');
    expect(again.db.prepare(`SELECT name FROM sqlite_master WHERE name = 'search_index'`).get()).toBeTruthy();
    again.close();
    const backup = new Database(`${path}.schema1.bak`, { readonly: true });
    expect(backup.prepare('SELECT title FROM cases').get()).toEqual({ title: 'kept' });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });
});

describe('writes', () => {
  it('matches case references ignoring case and spacing, and refuses a second case with the same one', async () => {
    const store = open();
    await store.addCase({ ref: 'UA 77/98', title: 'first', countries: [] });
    expect((await store.findCaseByRef('ua77/98'))?.title).toBe('first');
    await expect(store.addCase({ ref: 'ua  77/98', title: 'second', countries: [] })).rejects.toThrow(/already exists/);
    expect(store.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
  });

  it('writes a person with all names, risks and memberships in one transaction, or nothing', async () => {
    const store = open();
    const c = await store.addCase({ ref: 'UA 1', title: 't', countries: [] });
    await expect(
      store.addPerson({ name: 'A B', aliases: ['C D'], caseIds: [c.id, 'c-doesnotexist'], risks: ['torture'] }),
    ).rejects.toThrow();
    for (const table of ['people', 'person_names', 'person_risks', 'case_people', 'changes']) {
      const n = (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect([table, n]).toEqual([table, table === 'changes' ? 1 : 0]);
    }
  });

  it('refuses a new person whose name (but for case and spacing) someone was given since the check, unless told it is another person', async () => {
    const path = tempDb();
    const first = open(path);
    const second = open(path);
    // Both checked for near-duplicates before either wrote; the second writes after the first.
    await first.addPerson({ name: 'Racey Personne', aliases: [], caseIds: [], risks: [], refuseTakenName: true });
    await expect(second.addPerson({ name: 'RACEY  Personne', aliases: [], caseIds: [], risks: [], refuseTakenName: true }))
      .rejects.toThrow('Racey Personne was added a moment ago by another caselog: run the command again to choose, or give --new');
    expect((second.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(1);
    // --new: a different person of the same name, on purpose.
    await second.addPerson({ name: 'Racey Personne', aliases: [], caseIds: [], risks: [] });
    expect((second.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(2);
    first.close();
    second.close();
  });

  it('logs every change with who, which command, and the record before and after', async () => {
    const store = open();
    const c = await store.addCase({ ref: 'UA 1', title: 't', countries: [] });
    const d = await store.addDeadline({ caseId: c.id, personIds: [], date: parseDate('1999-03-15'), note: 'check' });
    await store.markDone(d.id, '1999-03-10');
    const rows = store.db.prepare('SELECT action, kind, record_id, os_user, command, before, after FROM changes ORDER BY seq').all() as Array<Record<string, string>>;
    expect(rows.map((r) => [r.action, r.kind])).toEqual([['add', 'cases'], ['add', 'deadlines'], ['done', 'deadlines']]);
    expect(rows[2]).toMatchObject({ record_id: d.id, os_user: 'tester', command: 'test' });
    expect(JSON.parse(rows[2]!.before).doneOn).toBeNull();
    expect(JSON.parse(rows[2]!.after).doneOn).toBe('1999-03-10');
  });
});

describe('a write that meets a record removed meanwhile', () => {
  it('is refused whole, in words: another caselog merged or deleted what it links to', () => {
    const store = open();
    const before = store.db.prepare('SELECT count(*) AS n FROM changes').get();
    expect(() => store.write(() => {
      store.logChange('add', 'events', 'e-gone', null, {});
      store.db.prepare('INSERT INTO event_people (event_id, person_id) VALUES (?, ?)').run('e-gone', 'p-merged-away');
    })).toThrow('a record this change refers to was deleted or merged meanwhile (by another caselog?): nothing was changed; run the command again');
    expect(store.db.prepare('SELECT count(*) AS n FROM changes').get()).toEqual(before);
  });
});
