// An upgrade killed after it kept its copy of the database as it was (its migrations rolled back)
// left that copy; the next upgrade made another whole one beside it, one more for each killed attempt.
import Database from 'better-sqlite3-multiple-ciphers';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/schema';
import { caselog, tempDb } from './helpers/cli';

const OLD = SCHEMA_VERSION - 1;
let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const copies = () => readdirSync(dirname(db)).filter((f) => f.includes('.schema')).sort();

/** A database of the schema before this one, and the copy a killed upgrade of it left beside it. */
async function killedUpgradeLeft(): Promise<void> {
  expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
  expect((await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98'])).code).toBe(0);
  const raw = new Database(db);
  raw.pragma(`user_version = ${OLD}`);
  raw.prepare('VACUUM INTO ?').run(`${db}.schema${OLD}.bak`);
  raw.close();
}

beforeEach(() => {
  db = tempDb();
});

describe('an upgrade after one killed once it had kept its copy', () => {
  it('keeps that copy, which holds the file as it still is, and makes no second one', async () => {
    await killedUpgradeLeft();
    const r = await c(['list', 'cases']);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('UA 77/98') });
    expect(r.stderr).toContain(`a copy as it was is ${db}.schema${OLD}.bak`);
    expect(copies()).toEqual([`test.db.schema${OLD}.bak`]);
    // The copy is the database as it was: its records read back.
    const kept = new Database(`${db}.schema${OLD}.bak`, { readonly: true });
    expect(kept.prepare('SELECT name FROM people').pluck().all()).toEqual(['Hemit Memet']);
    kept.close();
  });

  it('makes a new copy when the file changed after that copy was made (an older caselog wrote to it)', async () => {
    await killedUpgradeLeft();
    const raw = new Database(db);
    raw.prepare(`INSERT INTO changes (batch, at, action, kind) VALUES (9, '2026-11-23T09:00:00.000Z', 'add', 'note')`).run();
    raw.close();
    const r = await c(['list', 'cases']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`a copy as it was is ${db}.schema${OLD}-2.bak`);
    expect(copies()).toEqual([`test.db.schema${OLD}-2.bak`, `test.db.schema${OLD}.bak`]);
  });
});
