// caselog doctor and the copies schema upgrades keep beside the database: a plaintext copy beside an
// encrypted database, or one made before an erase, is a problem; otherwise a note.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/schema';
import { caselog, tempDb } from './helpers/cli';

let db: string;
let copy: string;
const c = (args: string[], env: Record<string, string> = {}) => caselog(args, { db, today: '2026-11-23', env });
const locked = { CASELOG_PASSPHRASE: 'pw1' };

/** Makes the next command upgrade the schema, which keeps a copy of the file as it was. */
async function upgradeKeepingCopy(): Promise<void> {
  const raw = new Database(db);
  raw.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
  raw.close();
  expect((await c(['list', 'cases'])).code).toBe(0);
  copy = `${db}.schema${SCHEMA_VERSION - 1}.bak`;
  expect(existsSync(copy)).toBe(true);
}

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'person', 'Kaster Musakhanuly']);
  await c(['add', 'person', 'Murager Alimuly']);
});

describe('caselog doctor and upgrade copies', () => {
  it('flags an unencrypted upgrade copy beside an encrypted database, saying to delete it', async () => {
    await upgradeKeepingCopy();
    expect((await c(['encrypt'], locked)).code).toBe(0);
    const r = await c(['doctor'], locked);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`PROBLEM leftovers: ${copy}, a copy kept before a schema upgrade or a restore, is not encrypted, unlike the database\n`);
    expect(r.stdout).toContain(`what to do: delete it once you no longer need it: rm -f "${copy}"`);
    expect(r.stdout).not.toContain('is healthy');
    // Without the passphrase too: the copy is plain text whatever the database holds.
    expect((await c(['doctor'])).stdout).toContain(`PROBLEM leftovers: ${copy}`);
  });

  it('flags an upgrade copy made before an erase: it may hold the person erased', async () => {
    await upgradeKeepingCopy();
    expect((await c(['erase', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`PROBLEM leftovers: ${copy}, a copy kept before a schema upgrade or a restore, was made before an erase, so it may still hold the person erased`);
  });

  it('mentions an upgrade copy made after the last erase, of a database not encrypted, as a note', async () => {
    expect((await c(['erase', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    await upgradeKeepingCopy();
    const r = await c(['doctor']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`ok upgrade copy: ${copy} is a copy kept before a schema upgrade or a restore, holding the database as it was then: delete it once you no longer need it`);
    expect(r.stdout).toContain('is healthy');
  });
});
