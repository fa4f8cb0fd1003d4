// The copy an upgrade keeps of the database as it was is written under a temporary name and named
// only once whole: killed during the copy of a large database, caselog left a .schema5.bak of 0-75
// MB of 120 that doctor called "a copy ... holding the database as it was then" and restore called
// encrypted. A copy cut off is now removed by the next upgrade, and doctor says what it is.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/schema';
import { BIN, caselog, tempDb } from './helpers/cli';

const OLD = SCHEMA_VERSION - 1;
let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const beside = () => readdirSync(dirname(db)).filter((f) => f.includes('.schema')).sort();

/** A database of the schema before this one, large enough (about 30 MB) that copying it takes a while. */
async function largeOldDatabase(): Promise<void> {
  expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
  const raw = new Database(db);
  const insert = raw.prepare(`INSERT INTO changes (batch, at, action, kind, after) VALUES (1, '2026-11-20T09:00:00.000Z', 'add', 'padding', ?)`);
  raw.transaction(() => {
    for (let i = 0; i < 300; i++) insert.run(randomBytes(50_000).toString('hex'));
  })();
  raw.pragma(`user_version = ${OLD}`);
  raw.close();
}

/** Starts caselog on the database and kills it (-9) as soon as a copy of it shows beside it. */
async function killedWhileCopying(): Promise<void> {
  const child = spawn(process.execPath, [BIN, '--db', db, 'list', 'cases'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 20_000;
  while (beside().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
  child.kill('SIGKILL');
  await exited;
}

beforeEach(() => {
  db = tempDb();
});

describe('the copy an upgrade keeps, when it is cut off', () => {
  it('never has the copy\'s name until it is whole; what was left is flagged by doctor and removed by the next upgrade', async () => {
    await largeOldDatabase();
    await killedWhileCopying();
    const left = beside();
    expect(left).not.toContain(`test.db.schema${OLD}.bak`);
    const partial = left.find((f) => /\.bak\.partial-\d+$/.test(f));
    expect(partial, left.join(', ')).toBeDefined();
    const doctor = await c(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`PROBLEM leftovers: ${join(dirname(db), partial!)} is the unfinished copy of a schema upgrade that was cut off`);
    expect(doctor.stdout).toContain(`ok schema: version ${OLD}; the next caselog command upgrades it`);

    const r = await c(['list', 'cases']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toContain(`a copy as it was is ${db}.schema${OLD}.bak`);
    expect(beside()).toEqual([`test.db.schema${OLD}.bak`]);
    const copy = new Database(`${db}.schema${OLD}.bak`, { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(OLD);
    copy.close();
    expect((await c(['doctor'])).stdout).toContain(`ok upgrade copy: ${db}.schema${OLD}.bak is a copy kept before a schema upgrade`);
  });

  it('has doctor call a copy an older caselog was cut off writing (empty, or with its journal beside it) unfinished', async () => {
    expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
    writeFileSync(`${db}.schema5.bak`, '', { mode: 0o600 });
    writeFileSync(`${db}.schema5-2.bak`, randomBytes(8192), { mode: 0o600 });
    writeFileSync(`${db}.schema5-2.bak-journal`, randomBytes(1024), { mode: 0o600 });
    const r = await c(['doctor']);
    expect(r.code).toBe(1);
    for (const copy of [`${db}.schema5.bak`, `${db}.schema5-2.bak`]) {
      expect(r.stdout).toContain(`PROBLEM leftovers: ${copy} is a copy made before a schema upgrade that was cut off before it was finished: it is not a whole database and cannot be restored\n    what to do: delete it: rm -f "${copy}" "${copy}-journal"`);
    }
    expect(r.stdout).not.toContain('ok upgrade copy');
  });
});
