// An export that the disk cuts short (full, or a file size limit: here `ulimit -f`, which stops a
// write the same way) is refused whole: a write that took only part of a piece was taken as whole,
// so a cut export said "Wrote", and a CSV export into a folder it made left that folder behind. A CSV
// export cut short at its second file had put its first in place already: it said "Wrote
// people.csv" of a folder it then removed, or left the new people.csv beside the older events.csv.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, caselog, DEMO, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';

const LIMIT = 'the file would pass the largest size this system allows; nothing was written there';
/** Of CSV, said of the folder: the other files were not written either. */
const LIMIT_CSV = 'the file would pass the largest size this system allows; nothing was written to';
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

/** The real caselog, its files limited to so many blocks (of 512 or 1024 bytes, by the shell). */
function limited(args: string[], blocks = 1) {
  const r = spawnSync('sh', ['-c', `ulimit -f ${blocks} && exec "$0" "$@"`, process.execPath, BIN, ...args],
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
    const out = join(dirname(db), 'sheets');
    expectOneClearLine(limited(['--db', db, 'export', '--format', 'csv', '--out', out]),
      new RegExp(`^caselog: cannot write ${join(out, 'people.csv')}: ${LIMIT_CSV} ${out}\\n$`));
    expect(readdirSync(dirname(db)).filter((f) => f === 'sheets')).toEqual([]);
    mkdirSync(out);
    expect(limited(['--db', db, 'export', '--format', 'csv', '--out', out]).code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });

  it('of CSV at its second file: nothing said written, the folder it made gone, an earlier export\'s files all as they were', async () => {
    // people.csv fits in two blocks, events.csv (a summary of 3,000 characters) does not.
    const db = tempDb();
    expect((await caselog(['add', 'person', 'Ana Lopez'], { db })).code).toBe(0);
    expect((await caselog(['add', 'event', 'Ana Lopez', '--date', '2020', '--type', 'arrest', '--summary', 'x'.repeat(3000)], { db })).code).toBe(0);
    holder = new Database(db);
    holder.prepare('SELECT count(*) FROM cases').get();
    const made = join(dirname(db), 'sheets');
    expectOneClearLine(limited(['--db', db, 'export', '--format', 'csv', '--out', made], 2),
      new RegExp(`^caselog: cannot write ${join(made, 'events.csv')}: ${LIMIT_CSV} ${made}\\n$`));
    expect(existsSync(join(dirname(db), 'sheets'))).toBe(false);

    const out = join(dirname(db), 'earlier');
    expect((await caselog(['export', '--format', 'csv', '--out', out], { db })).code).toBe(0);
    const earlier = () => readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f), 'utf8')]);
    const before = earlier();
    expect((await caselog(['add', 'person', 'Bo Li'], { db })).code).toBe(0);
    expectOneClearLine(limited(['--db', db, 'export', '--format', 'csv', '--out', out], 2),
      new RegExp(`^caselog: cannot write ${join(out, 'events.csv')}: ${LIMIT_CSV} ${out}\\n$`));
    expect(earlier()).toEqual(before);
  });
});
