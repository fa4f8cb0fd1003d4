// File safety and broken files: owner-only files in an owner-only folder, a warning for files others
// can read, and one clear message (and no damage) for a foreign, truncated, read-only, folder-shaped
// or full-disk database.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { expectOneClearLine, isRoot, remount, tmpfsOrSkip, unmountAll } from './helpers/disk';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-03-01' });

async function seed(run = c) {
  await run(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await run(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--risk', 'torture']);
  await run(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned']);
}

const exported = async () => (await c(['export', '--format', 'json'])).stdout;

beforeEach(() => {
  db = tempDb();
});

afterEach(unmountAll);

describe('file safety', () => {
  it('creates the database, its WAL and shared memory owner-only, in an owner-only folder', async () => {
    // caselog's own place, made with its folders (a path given needs its folder there already).
    const data = join(mkdtempSync(join(tmpdir(), 'caselog-home-')), 'deeper');
    db = join(data, 'caselog', 'caselog.db');
    const own = (args: string[]) => caselog(args, { env: { XDG_DATA_HOME: data }, today: '1999-03-01' });
    await seed(own);
    expect(statSync(dirname(db)).mode & 0o777).toBe(0o700);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    const reader = new Database(db);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM people').get();
    try {
      expect((await own(['add', 'person', 'Kasim Mahpir'])).code).toBe(0);
      for (const side of ['-wal', '-shm']) expect(statSync(`${db}${side}`).mode & 0o777).toBe(0o600);
    } finally {
      reader.exec('COMMIT');
      reader.close();
    }
  });

  it('warns when every user can read the database, and still works', async () => {
    await seed();
    chmodSync(db, 0o644);
    const r = await c(['due']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`caselog: warning: ${db} can be read by every user of this computer; run: chmod 600 "${db}" (chmod 640 if a colleague in your group reads it)\n`);
    chmodSync(db, 0o600);
    expect((await c(['due'])).stderr).toBe('');
  });

  it('says nothing of a database shared with the group only, and doctor finds it in order', async () => {
    await seed();
    // A caseworker sharing the file with a colleague in their group: chmod 600 would lock the colleague out.
    chmodSync(db, 0o640);
    chmodSync(dirname(db), 0o750);
    const r = await c(['due']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doctor = await c(['doctor']);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain("ok permissions: the database, its journal files and its folder are yours and your group's alone");
  });
});

describe('broken files', () => {
  it('refuses a file that is not SQLite without touching it', async () => {
    writeFileSync(db, 'Dear colleague, these are my case notes.\n'.repeat(200));
    const bytes = readFileSync(db);
    for (const args of [['due'], ['add', 'person', 'New Person'], ['log']]) {
      expectOneClearLine(await c(args), /is a text file, not a caselog database: give the database file with --db/);
    }
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it('refuses an empty file (a database emptied by accident) as holding no records, and leaves it so', async () => {
    writeFileSync(db, '');
    for (const args of [['due'], ['at-risk'], ['list', 'cases'], ['add', 'case', '--ref', 'X', '--title', 'x'], ['export']]) {
      expectOneClearLine(await c(args), /is empty \(0 bytes\), so it holds no records: if it was your database, restore it from a backup/);
    }
    expect(statSync(db).size).toBe(0);
    const doctor = await c(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('is empty (0 bytes): it holds no records');
    expect(statSync(db).size).toBe(0);
  });

  it('says a caselog export given as the database is one, and how to read it in', async () => {
    const other = tempDb();
    await caselog(['add', 'case', '--ref', 'X', '--title', 'x'], { db: other });
    writeFileSync(db, (await caselog(['export'], { db: other })).stdout);
    const bytes = readFileSync(db);
    const said = await c(['due']);
    expectOneClearLine(said, /is a caselog export, not a database: read it into one with "caselog --db \S+ import \S+"/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    // Typed as said, it reads the export into a database of its own (the export was given as the database).
    const [, into, from] = /"caselog --db (\S+) import (\S+)"/.exec(said.stderr)!;
    expect(from).toBe(db);
    expect(into).toBe(db.replace(/\.db$/, '-imported.db'));
    expect((await caselog(['import', from!], { db: into! })).code).toBe(0);
    expect((await caselog(['list', 'cases'], { db: into! })).stdout).toMatch(/^X /m);
    expect((await caselog(['doctor'], { db })).stdout).toContain(`read it into a database with: caselog --db ${into} import ${db}`);
  });

  it('says a database damaged in the middle is damaged, where a command reads the damage, and points at doctor', async () => {
    await seed();
    // The people table's first page overwritten: the file opens, and reading people meets the damage.
    const look = new Database(db, { readonly: true });
    const page = look.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'people'").pluck().get() as number;
    const size = look.pragma('page_size', { simple: true }) as number;
    look.close();
    const bytes = readFileSync(db);
    bytes.fill(0xff, (page - 1) * size, page * size);
    writeFileSync(db, bytes);
    expectOneClearLine(await c(['list', 'people']), /the database is damaged \(SQLite: database disk image is malformed\): run "caselog doctor" and restore from a backup/);
  });

  it('refuses a truncated database with one message pointing at doctor and backups', async () => {
    await seed();
    const size = statSync(db).size;
    truncateSync(db, Math.floor(size / 2));
    const bytes = readFileSync(db);
    for (const args of [['due'], ['timeline', 'Hemit Memet'], ['add', 'person', 'New Person']]) {
      expectOneClearLine(await c(args), /is damaged: run "caselog doctor" and restore from a backup/);
    }
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it("refuses another program's SQLite database, reading or writing, and leaves it as it was", async () => {
    const other = new Database(db);
    other.exec('CREATE TABLE foo (x)');
    other.close();
    const bytes = readFileSync(db);
    for (const args of [['list', 'cases'], ['add', 'person', 'New Person']]) {
      expectOneClearLine(await c(args), /is an SQLite database of another program, not caselog's: give another --db; the file was not touched/);
    }
    expect(readFileSync(db).equals(bytes)).toBe(true);
    const after = new Database(db, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master").all()).toEqual([{ name: 'foo' }]);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it("refuses another program's database that sets a schema version of its own, even caselog's", async () => {
    for (const version of [3, 5]) {
      rmSync(db, { force: true });
      const other = new Database(db);
      other.exec(`CREATE TABLE people (id TEXT); PRAGMA user_version = ${version}`);
      other.close();
      const bytes = readFileSync(db);
      expectOneClearLine(await c(['list', 'people']), /is an SQLite database of another program, not caselog's/);
      expect(readFileSync(db).equals(bytes)).toBe(true);
      expect(existsSync(`${db}.schema${version}.bak`)).toBe(false);
    }
  });

  it('says which part of a --db or --out path is a file, in one line', async () => {
    const file = join(dirname(db), 'afile');
    writeFileSync(file, 'x');
    expectOneClearLine(await caselog(['add', 'person', 'New Person'], { db: join(file, 'sub', 'x.db') }), /cannot create the folder .*afile\/sub: a part of the path is a file/);
  });

  it('says in one line that a folder cannot be made where the system holds none (under /proc), never spinning', async () => {
    // Node 20's recursive mkdir loops forever there. caselog's own place is made with its folders; a --db there is refused as a folder not there.
    expectOneClearLine(await caselog(['add', 'person', 'New Person'], { env: { XDG_DATA_HOME: '/proc/caselog-nope' } }), /cannot create the folder \/proc\/caselog-nope\/caselog: that place cannot hold folders/);
    expectOneClearLine(await caselog(['add', 'person', 'New Person'], { db: '/proc/caselog-nope/x.db' }), /the folder \/proc\/caselog-nope does not exist, so there is no database \/proc\/caselog-nope\/x\.db .*; nothing was created\n$/);
    await seed();
    expectOneClearLine(await c(['export', '--format', 'csv', '--out', '/proc/caselog-nope']), /cannot create the folder \/proc\/caselog-nope: that place cannot hold folders/);
  });

  it('refuses a folder in place of the database', async () => {
    mkdirSync(db);
    expectOneClearLine(await c(['add', 'person', 'New Person']), /is a folder, not a caselog database/);
    expect(statSync(db).isDirectory()).toBe(true);
  });

  it('refuses a write to a read-only database with one message, and leaves it intact', async (ctx) => {
    if (!isRoot) {
      await seed();
      const before = await exported();
      chmodSync(db, 0o400);
      expectOneClearLine(await c(['add', 'person', 'New Person']), /read-only/);
      chmodSync(db, 0o600);
      expect(await exported()).toBe(before);
      return;
    }
    // As root, chmod 400 does not stop writes: a read-only mount does.
    const dir = tmpfsOrSkip(ctx, '8m', 'running as root and cannot mount a read-only tmpfs, so a read-only file cannot be made');
    if (!dir) return;
    db = join(dir, 'caselog.db');
    await seed();
    const before = await exported();
    const bytes = readFileSync(db);
    remount(dir, 'ro');
    expectOneClearLine(await c(['add', 'person', 'New Person']), /read-only/);
    // Reading it is not refused (tests/read-only-place.test.ts).
    expect(await c(['due'])).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(db).equals(bytes)).toBe(true);
    remount(dir, 'rw');
    expect(await exported()).toBe(before);
  });

  it('refuses a write on a full disk, changes nothing, and works again once there is room', async (ctx) => {
    const dir = tmpfsOrSkip(ctx, '4m', 'a full disk needs a small tmpfs, and mounting one is not possible here (not root, or no mount permission)');
    if (!dir) return;
    db = join(dir, 'caselog.db');
    await seed();
    const before = await exported();
    const filler = join(dir, 'filler');
    const big = 'A long account of events. '.repeat(20000);
    const add = () => c(['add', 'event', 'Hemit Memet', '--date', '1999-02-12', '--type', 'report', '--summary', big]);
    // Completely full: not even the -shm file fits. Then nearly full: the write itself runs out.
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'ignore' });
    expectOneClearLine(await add(), /disk holding .* is full: nothing was changed/);
    rmSync(filler);
    const free = statfsSync(dir).bavail * statfsSync(dir).bsize;
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k', `count=${Math.floor((free - 160 * 1024) / 4096)}`], { stdio: 'ignore' });
    expectOneClearLine(await add(), /disk is full: nothing was changed/);
    rmSync(filler);
    expect(await exported()).toBe(before);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    expect((await add()).code).toBe(0);
  });
});

describe('a new database through a link that points to no file yet', () => {
  it('is made owner-only where the link points, and a link in a circle is refused', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'caselog-link-'));
    symlinkSync('target.db', join(folder, 'caselog.db'));
    const viaLink = (args: string[]) => caselog(args, { db: join(folder, 'caselog.db'), today: '1999-03-01' });
    expect((await viaLink(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
    expect(statSync(join(folder, 'target.db')).mode & 0o777).toBe(0o600);
    expect((await viaLink(['list', 'cases'])).stdout).toContain('UA 77/98');
    symlinkSync('b', join(folder, 'a'));
    symlinkSync('a', join(folder, 'b'));
    expect(await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'T'], { db: join(folder, 'a') }))
      .toMatchObject({ code: 1, stderr: `caselog: ${join(folder, 'a')} is a link that leads round in a circle: give the database file with --db\n` });
  });
});
