// A command opened while a restore swaps the database file (needs `npm run build`): the restore holds
// the old file alone, renames the backup's copy into its place, zeroes the old file and lets it go.
// A caselog that opened the path just before the rename waited for that lock, then read zeros, and
// said the file was "not a caselog database, or it is encrypted". It opens the path again instead,
// and goes on against the restored file.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileAt, replacedSince } from '../src/store/open-replaced';
import { restoreDatabase } from '../src/store/restore';
import { closeBackup, openBackup } from '../src/store/restore-check';
import { BIN, caselog, DEMO, tempDb } from './helpers/cli';

/** Whether the process has the file open (a descriptor in /proc naming it). */
function holds(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the process has kept the file open for 300 ms: SQLite's descriptor, waiting for
 * the lock (a look at the file's first bytes closes its descriptor at once).
 */
async function keepsOpen(pid: number, file: string): Promise<void> {
  const until = Date.now() + 30000;
  for (let since: number | undefined; Date.now() < until; await sleep(20)) {
    if (!holds(pid, file)) since = undefined;
    else if (Date.now() - (since ??= Date.now()) >= 300) return;
  }
  throw new Error('the other caselog never opened the database');
}

describe.runIf(existsSync('/proc/self/fd'))('a command opened while a restore swaps the file', () => {
  it('waits, then lists what the restored file holds', async () => {
    const db = tempDb();
    const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
    const backup = join(dirname(db), 'monday.db');
    expect((await c(['import', DEMO])).code).toBe(0);
    expect((await c(['backup', backup])).code).toBe(0);
    expect((await c(['add', 'person', 'Added After Backup'])).code).toBe(0);

    const current = new Database(db);
    const copy = openBackup(backup, undefined);
    let other: Promise<{ code: number | null; stdout: string; stderr: string }> | undefined;
    // The restore's last point, where it holds the old file alone (out of WAL mode) just before the rename.
    const point = async () => {
      if (other || current.pragma('journal_mode', { simple: true }) !== 'delete') return;
      const child = spawn(process.execPath, [BIN, '--db', db, 'list', 'people'], {
        stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
      });
      let [stdout, stderr] = ['', ''];
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      other = new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
      await keepsOpen(child.pid!, realpathSync(db));
    };
    await restoreDatabase({ backup: copy, from: backup, target: db, current, user: 'tester', now: new Date(), warn: () => {}, point });
    closeBackup(copy);
    expect(other).toBeDefined();
    const listed = await other!;
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Hemit Memet');
    expect(listed.stdout).not.toContain('Added After Backup');
  }, 60000);
});

describe('telling a file replaced under an open', () => {
  it('is another file at the path; not the same file written to, nor one made where there was none', () => {
    const db = tempDb();
    const none = fileAt(db);
    writeFileSync(db, 'old');
    expect(replacedSince(db, none)).toBe(false);
    const before = fileAt(db);
    writeFileSync(db, 'old, written again');
    expect(replacedSince(db, before)).toBe(false);
    writeFileSync(`${db}.partial`, 'new');
    renameSync(`${db}.partial`, db);
    expect(replacedSince(db, before)).toBe(true);
  });
});
