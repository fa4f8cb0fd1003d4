// An export that the disk cuts short (full, or a file size limit: here `ulimit -f`, which stops a
// write the same way) is refused whole: a write that took only part of a piece was taken as whole,
// so a cut export said "Wrote", and a CSV export into a folder it made left that folder behind.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, caselog, DEMO, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';

const LIMIT = 'the file would pass the largest size this system allows; nothing was written there';
let holder: Database.Database | undefined;
afterEach(() => holder?.close());

/** A database of the demo data whose -wal and -shm another connection keeps, so that only the export's own file grows. */
async function demo(): Promise<string> {
  const db = tempDb();
  expect((await caselog(['import', DEMO], { db })).code).toBe(0);
  holder = new Database(db);
  holder.prepare('SELECT count(*) FROM cases').get();
  return db;
}

/** The real caselog, its files limited to one block (512 or 1024 bytes, by the shell). */
function limited(args: string[]) {
  const r = spawnSync('sh', ['-c', 'ulimit -f 1 && exec "$0" "$@"', process.execPath, BIN, ...args],
    { encoding: 'utf8', input: '', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('an export the disk cuts short', () => {
  it('of JSON: refused, and no file is left', async () => {
    const db = await demo();
    const out = join(dirname(db), 'demo.json');
    expectOneClearLine(limited(['--db', db, 'export', '--out', out]), new RegExp(`^caselog: cannot write ${out}: ${LIMIT}\\n$`));
    expect(existsSync(out)).toBe(false);
  });

  it('of CSV into a folder it makes: refused, and the folder is gone; a folder that was there stays', async () => {
    const db = await demo();
    const out = join(dirname(db), 'sheets', 'today');
    expectOneClearLine(limited(['--db', db, 'export', '--format', 'csv', '--out', out]), new RegExp(`^caselog: cannot write ${join(out, 'people.csv')}: ${LIMIT}\\n$`));
    expect(readdirSync(dirname(db)).filter((f) => f === 'sheets')).toEqual([]);
    mkdirSync(out, { recursive: true });
    expect(limited(['--db', db, 'export', '--format', 'csv', '--out', out]).code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });
});
