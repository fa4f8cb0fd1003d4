// A database whose upgrade fails: a development version's schema 3, made while migrations 2 and 3
// were empty placeholders, lacks the tables migration 6 reads. Every command said "cannot open
// s3.db: no such table: appeal_records" with no advice, each attempt left one more whole copy
// beside it (91 of them), and doctor promised that the next command would upgrade it.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { foundation } from '../src/store/migrations/001-foundation';
import { SCHEMA_VERSION } from '../src/store/schema';
import { caselog, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const beside = () => readdirSync(dirname(db)).filter((f) => f.includes('.schema'));
const versionOf = () => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.pragma('user_version', { simple: true });
  } finally {
    raw.close();
  }
};

/** Schema 3 of the development version: the foundation alone, with a case in it. */
function placeholderSchema3(): void {
  const raw = new Database(db);
  raw.pragma('journal_mode = WAL');
  raw.exec(foundation);
  raw.prepare(`INSERT INTO cases (id, ref, ref_key, title, created_at, updated_at) VALUES ('c-0000000000000001', 'UA 77/98', 'ua77/98', 'Fear of torture', 'x', 'x')`).run();
  raw.pragma('user_version = 3');
  raw.close();
  chmodSync(db, 0o600);
}

const ADVICE = 'export it with the caselog version that made it ("caselog export --out FILE"), then import that into a new database with this one ("caselog --db NEW.db import FILE"); or report it to caselog\'s maintainers';

beforeEach(() => {
  db = tempDb();
});

describe('a database this caselog cannot upgrade', () => {
  it('is refused in one line saying so and what to do, left as it was, with no copy left beside it however often it is tried', async () => {
    placeholderSchema3();
    const before = readFileSync(db);
    for (const args of [['due'], ['list', 'cases'], ['add', 'case', '--ref', 'UA 1/26', '--title', 'new']]) {
      const r = await c(args);
      expectOneClearLine(r, new RegExp(`^caselog: ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} could not be upgraded from schema 3 to ${SCHEMA_VERSION} \\(no such table: appeal_records\\); the file was not changed: `));
      expect(r.stderr).toContain(ADVICE);
    }
    expect(beside()).toEqual([]);
    expect(versionOf()).toBe(3);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('is said by doctor to be one it cannot upgrade, with the same advice, and left as it was', async () => {
    placeholderSchema3();
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`PROBLEM schema: version 3, which this caselog cannot upgrade to ${SCHEMA_VERSION} (no such table: appeal_records); caselog commands refuse it, and leave it as it is\n    what to do: ${ADVICE}\n`);
    expect(r.stdout).not.toContain('upgrades it');
    expect(versionOf()).toBe(3);
    expect(beside()).toEqual([]);
  });

  it('leaves doctor saying of one it can upgrade that the next command will, having tried it without keeping anything', async () => {
    expect((await c(['add', 'person', 'Hemit Memet'])).code).toBe(0);
    const raw = new Database(db);
    raw.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    raw.close();
    const r = await c(['doctor']);
    expect(r, r.stdout).toMatchObject({ code: 0 });
    expect(r.stdout).toContain(`ok schema: version ${SCHEMA_VERSION - 1}; the next caselog command upgrades it to ${SCHEMA_VERSION}, keeping a copy beside it first\n`);
    expect(versionOf()).toBe(SCHEMA_VERSION - 1);
    expect(beside()).toEqual([]);
  });
});
