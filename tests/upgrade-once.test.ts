// An older database opened by several caselogs at once is copied and upgraded once: each used to
// write a whole copy of it (c.db.schema5.bak, -2, -3, -4), and only the first said so.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/schema';
import { applyKey, lookAtFile } from '../src/store/trust-key';
import { caselog, ROOT, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], env: Record<string, string> = {}) => caselog(args, { db, today: '2026-11-24', env });
const copies = () => readdirSync(dirname(db)).filter((f) => f.includes('.schema'));

/**
 * Another caselog in the middle of upgrading the file: it holds the write lock, and after a moment
 * commits the new version (with no people in the file, the last migrations change nothing else).
 */
const UPGRADING = `
  const Database = require('better-sqlite3-multiple-ciphers');
  const db = new Database(process.env.DB);
  db.exec('BEGIN IMMEDIATE');
  if (db.pragma('user_version', { simple: true }) !== ${SCHEMA_VERSION - 1}) process.exit(3);
  require('node:fs').writeSync(1, 'held\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
  db.pragma('user_version = ${SCHEMA_VERSION}');
  db.exec('COMMIT');
  db.close();
`;

/** Resolves once the other caselog holds the lock, with its exit to wait for. */
function anotherCaselogUpgrading(): Promise<{ exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['-e', UPGRADING], { cwd: ROOT, env: { ...process.env, DB: db }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ exited }));
    child.on('error', reject);
  });
}

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
  const raw = new Database(db);
  raw.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
  raw.close();
});

describe('an older database opened by two caselogs at once', () => {
  it('is left to the one upgrading it: the other waits, then neither copies it nor says it upgraded it', async () => {
    const { exited } = await anotherCaselogUpgrading();
    const r = await c(['list', 'cases']);
    expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('UA 77/98');
    expect(await exited).toBe(0);
    expect(copies()).toEqual([]);
  });

  it('is copied and upgraded by the first caselog alone, which says so', async () => {
    const [first, second] = [await c(['list', 'cases']), await c(['list', 'cases'])];
    expect(first.stderr).toContain(`was upgraded to this caselog's format (schema ${SCHEMA_VERSION - 1} to ${SCHEMA_VERSION})`);
    expect(second.stderr).toBe('');
    expect(copies()).toEqual([`test.db.schema${SCHEMA_VERSION - 1}.bak`]);
  });

  it('keeps the copy of an encrypted database encrypted, under its passphrase, and owner-only', async () => {
    db = tempDb();
    const locked = { CASELOG_PASSPHRASE: 'pw1' };
    expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], locked)).code).toBe(0);
    const raw = new Database(db);
    applyKey(raw, 'pw1');
    raw.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    raw.close();
    expect((await c(['list', 'cases'], locked)).stderr).toContain('was upgraded');
    const copy = join(dirname(db), `test.db.schema${SCHEMA_VERSION - 1}.bak`);
    expect(lookAtFile(copy)).toBe('other');
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    const kept = new Database(copy, { readonly: true });
    applyKey(kept, 'pw1');
    expect(kept.prepare('SELECT ref FROM cases').pluck().all()).toEqual(['UA 77/98']);
    expect(kept.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION - 1);
    kept.close();
  });
});
