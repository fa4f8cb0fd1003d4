// A database made by an early caselog, whose schema 1 had no batch column in its change log
// (migration 1 gained it later): upgraded, it read fine but every write failed ("no such column:
// batch") and doctor called it current. The column is now put in, on upgrade or on any later open.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { foundation } from '../src/store/migrations/001-foundation';
import { MIGRATIONS, runMigration, SCHEMA_VERSION } from '../src/store/schema';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], path = db) => caselog(args, { db: path, today: '2026-11-24' });

/** Migration 1 as the early caselog had it: no batch, nor its index. */
const EARLY_FOUNDATION = foundation.replace('batch INTEGER NOT NULL,', '').replace('CREATE INDEX changes_batch ON changes(batch);', '');

/** A case with one person, written and logged as the early caselog did (one entry a record, in its own form). */
function earlyDatabase(path: string, upgradedTo = 1): void {
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.exec(EARLY_FOUNDATION);
  raw.prepare(`INSERT INTO cases (id, ref, ref_key, title, created_at, updated_at) VALUES ('c-0000000000000001', 'UA 77/98', 'ua77/98', 'Fear of torture', 'x', 'x')`).run();
  raw.prepare(`INSERT INTO changes (at, os_user, command, action, kind, record_id, before, after)
    VALUES ('2026-11-20T09:00:00.000Z', 'early', 'add case', 'add', 'case', 'c-0000000000000001', NULL, '{"id":"c-0000000000000001","ref":"UA 77/98"}')`).run();
  raw.pragma('user_version = 1');
  // As the caselog before this fix left it: upgraded, still without the column.
  for (let v = 1; v < upgradedTo; v++) runMigration(raw, MIGRATIONS[v]!);
  raw.pragma(`user_version = ${upgradedTo}`);
  raw.close();
  chmodSync(path, 0o600);
}

/** The change log's table, indexes and triggers, as sqlite_master holds them. */
function changeLogSchema(path: string): string[] {
  const raw = new Database(path, { readonly: true });
  try {
    return (raw.prepare("SELECT type || ' ' || name || ': ' || sql AS s FROM sqlite_master WHERE tbl_name = 'changes' ORDER BY type, name").pluck().all() as string[]);
  } finally {
    raw.close();
  }
}

async function freshChangeLogSchema(): Promise<string[]> {
  const fresh = join(dirname(db), 'fresh.db');
  expect((await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'fresh'], fresh)).code).toBe(0);
  return changeLogSchema(fresh);
}

/** Writes, undoes that write, and stops at the early entry, which undo cannot put back. */
async function expectWritesAndUndo(): Promise<void> {
  const add = await c(['add', 'case', '--ref', 'UA 12/26', '--title', 'After the upgrade']);
  expect(add, add.stderr).toMatchObject({ code: 0 });
  const undo = await c(['undo']);
  expect(undo, undo.stderr).toMatchObject({ code: 0 });
  expect(undo.stderr).toContain('Undid "caselog add case"');
  expect(undo.stderr).toContain('UA 12/26');
  const again = await c(['undo']);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/^caselog: undo stops at the add of 2026-11-20 \d\d:\d\d: it changed case in a way undo cannot reverse/);
  expect((await c(['list', 'cases'])).stdout).toContain('UA 77/98');
}

beforeEach(() => {
  db = tempDb();
});

describe('a database of an early caselog, whose change log has no batch column', () => {
  it('is upgraded from schema 1 with the column, as a new database has it: writes, undo and doctor work', async () => {
    earlyDatabase(db);
    await expectWritesAndUndo();
    expect(changeLogSchema(db)).toEqual(await freshChangeLogSchema());
    const doctor = await c(['doctor']);
    expect(doctor, doctor.stdout).toMatchObject({ code: 0 });
    expect(doctor.stdout).toContain(`ok schema: version ${SCHEMA_VERSION}, current\n`);
  });

  it('is repaired when already upgraded without it by an earlier caselog; doctor says so until then', async () => {
    earlyDatabase(db, SCHEMA_VERSION);
    const before = await c(['doctor']);
    expect(before.stdout).toContain(`ok schema: version ${SCHEMA_VERSION}, but its change log, made by an early caselog, lacks the column undo groups changes by: the next caselog command adds it\n`);
    await expectWritesAndUndo();
    expect(changeLogSchema(db)).toEqual(await freshChangeLogSchema());
    // Still append-only, and numbered on from the early entries.
    const raw = new Database(db);
    expect(() => raw.prepare('DELETE FROM changes').run()).toThrow(/append-only/);
    expect(raw.prepare('SELECT seq, batch, kind FROM changes ORDER BY seq').all()).toEqual([
      { seq: 1, batch: 1, kind: 'case' }, { seq: 2, batch: 2, kind: 'cases' }, { seq: 3, batch: 3, kind: 'cases' }, { seq: 4, batch: 3, kind: 'batch' },
    ]);
    raw.close();
    expect((await c(['doctor'])).stdout).toContain(`ok schema: version ${SCHEMA_VERSION}, current\n`);
  });

  it('can be restored from a copy of it', async () => {
    const early = join(dirname(db), 'early.db');
    earlyDatabase(early);
    expect((await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'now'])).code).toBe(0);
    const r = await c(['restore', early, '--force']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect((await c(['list', 'cases'])).stdout).toContain('UA 77/98');
    expect((await c(['add', 'case', '--ref', 'UA 6/26', '--title', 'after'])).code).toBe(0);
  });

  it('keeps the sessions its entries were given when it was upgraded before it was repaired (migration 12)', async () => {
    earlyDatabase(db, SCHEMA_VERSION);
    const raw = new Database(db);
    raw.prepare(`INSERT INTO changes (at, os_user, session, command, action, kind, record_id, before, after)
      VALUES ('2026-11-21T09:00:00.000Z', 'early', 'sid 42 tty 0', 'add case', 'add', 'case', 'c-0000000000000002', NULL, '{}')`).run();
    raw.close();
    expect((await c(['add', 'case', '--ref', 'UA 7/26', '--title', 'after'])).code).toBe(0);
    const logged = new Database(db, { readonly: true });
    expect(logged.prepare('SELECT seq, batch, session FROM changes WHERE seq <= 2 ORDER BY seq').all()).toEqual([
      { seq: 1, batch: 1, session: null }, { seq: 2, batch: 2, session: 'sid 42 tty 0' },
    ]);
    logged.close();
    expect(changeLogSchema(db)).toEqual(await freshChangeLogSchema());
  });
});
