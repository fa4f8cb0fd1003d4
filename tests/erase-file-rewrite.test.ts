// An erase's rewrite of the file: a copy written beside it and renamed into its place, so that its
// memory does not grow with the file (VACUUM in place held a whole second copy in memory: 1.5 GB for
// a million events); and, where a copy cannot stand in for the file, the rewrite in place as before.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, caselog, DEMO, ROOT, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], env: Record<string, string> = {}) => caselog(args, { db, today: '2020-02-01', env });

/** Whether the text is in the file, its write-ahead log or its journal. */
const onDisk = (file: string, text: string): boolean =>
  ['', '-wal', '-journal'].some((s) => existsSync(file + s) && readFileSync(file + s).includes(Buffer.from(text, 'utf8')));

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
  expect((await c(['add', 'event', 'Ilyas Zordun', '--date', '2019-05-05', '--type', 'arrest', '--summary', 'Seen by Captain Xylophonics at Plumtree'])).code).toBe(0);
});

/** The peak memory (KiB) of the real binary erasing Ilyas Zordun from a database. */
function eraseMemory(file: string): number {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'maxrss.mjs'), BIN, '--db', file, 'erase', 'Ilyas Zordun', '--force'], {
    encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toContain('the file was rewritten');
  return Number(/BENCH_MAXRSS_KIB=(\d+)/.exec(r.stderr)![1]);
}

describe('erase rewriting the file', () => {
  it('needs no more memory for a larger file', async () => {
    const small = eraseMemory(db);
    // The same records beside 160 MB of other pages: a large database, as far as the rewrite goes.
    db = tempDb();
    expect((await c(['import', DEMO])).code).toBe(0);
    const raw = new Database(db);
    raw.exec('CREATE TABLE ballast (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 160) INSERT INTO ballast SELECT randomblob(1000000) FROM n');
    raw.close();
    expect(statSync(db).size).toBeGreaterThan(160e6);
    const large = eraseMemory(db);
    // The rewrite's own buffers take some 35 MB, whatever the size; VACUUM in place took 180 MB more here.
    expect(large - small).toBeLessThan(80 * 1024);
  }, 60_000);

  it('keeps the file\'s permissions, and leaves no copy beside it', async () => {
    chmodSync(db, 0o640);
    expect((await c(['erase', 'Ilyas Zordun', '--force'])).stderr).toContain('the file was rewritten');
    expect(statSync(db).mode & 0o777).toBe(0o640);
    expect(onDisk(db, 'Xylophonics')).toBe(false);
    expect(existsSync(`${db}.rekey-unfinished`)).toBe(false);
  });

  it('under the same passphrase in an encrypted database', async () => {
    const key = { CASELOG_PASSPHRASE: 'a passphrase' };
    expect((await c(['encrypt'], key)).code).toBe(0);
    expect((await c(['erase', 'Ilyas Zordun', '--force'], key)).stderr).toContain('the file was rewritten');
    expect((await c(['list', 'people'], key)).stdout).not.toContain('Zordun');
    expect((await c(['list', 'people'], { CASELOG_PASSPHRASE: 'another one' })).code).toBe(1);
    expect((await c(['list', 'people'])).code).toBe(1);
  });

  it('in place where the file has a second name, which then holds nothing of them either', async () => {
    const other = join(dirname(db), 'second-name.db');
    linkSync(db, other);
    expect((await c(['erase', 'Ilyas Zordun', '--force'])).stderr).toContain('the file was rewritten');
    expect(statSync(db).ino).toBe(statSync(other).ino);
    expect(onDisk(db, 'Xylophonics') || onDisk(other, 'Xylophonics')).toBe(false);
  });

  it('in place while another program has the file open', async () => {
    const reader = new Database(db, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM people').get()).toBeDefined();
    expect((await c(['erase', 'Ilyas Zordun', '--force'])).stderr).toContain('the file was rewritten');
    expect(onDisk(db, 'Xylophonics')).toBe(false);
    // It reads the database as it is now.
    expect(reader.prepare("SELECT count(*) AS n FROM person_names WHERE name = 'Ilyas Zordun'").get()).toEqual({ n: 0 });
    reader.close();
  });

  it('as a copy too when an open finishes an owed rewrite, saying each thing once', async () => {
    // The mark an erase cut off between its commit and its rewrite leaves.
    const raw = new Database(db);
    raw.pragma(`application_id = ${0x43534c45}`);
    raw.close();
    chmodSync(db, 0o644);
    const before = statSync(db).ino;
    const r = await c(['list', 'cases']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('caselog: finished an earlier erase: the file was rewritten so that nothing it erased stays in it\n'
      + `caselog: warning: ${db} can be read by every user of this computer; run: chmod 600 "${db}" (chmod 640 if a colleague in your group reads it)\n`);
    expect(statSync(db).ino).not.toBe(before);
    expect(statSync(db).mode & 0o777).toBe(0o644);
    expect((await c(['list', 'cases'])).stderr).toBe(`caselog: warning: ${db} can be read by every user of this computer; run: chmod 600 "${db}" (chmod 640 if a colleague in your group reads it)\n`);
  });
});
