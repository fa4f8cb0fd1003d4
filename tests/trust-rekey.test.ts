// Encrypt and rekey swap a checked copy in for the database instead of rewriting it in place: the
// file that ends up at the path opens with the new passphrase, owner-only, with nothing left beside
// it; a failure before the swap changes nothing; a copy left by a killed run is cleared by the next;
// a connection that opened the old file cannot go on using it; blank passphrases are refused; and a
// full disk gets the same one line as everywhere else.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';
import { expectOneClearLine, tmpfsOrSkip, unmountAll } from './helpers/disk';
import { applyKey } from '../src/store/trust-key';
import { applyMigration, MIGRATIONS, SCHEMA_VERSION } from '../src/store/schema';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync) };
});
const { existsSync, linkSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, symlinkSync, writeFileSync } = fs;

let db: string;
const OLD = { CASELOG_PASSPHRASE: 'old passphrase' };
const NEW = { CASELOG_PASSPHRASE: 'new passphrase' };
const REKEY = { ...OLD, CASELOG_NEW_PASSPHRASE: NEW.CASELOG_PASSPHRASE };
const c = (args: string[], env: Record<string, string>) => caselog(args, { db, today: '1999-03-01', env });

async function seed(env: Record<string, string>) {
  expect((await c(['add', 'person', 'Hemit Memet', '--risk', 'torture'], env)).code).toBe(0);
  expect((await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned'], env)).code).toBe(0);
}

const exported = async (env: Record<string, string>) => {
  const r = await c(['export', '--format', 'json'], env);
  expect(r, r.stderr).toMatchObject({ code: 0 });
  return r.stdout;
};

/** Everything beside the database whose name starts with its name (copies, journals, WAL). */
const besides = () => readdirSync(dirname(db)).filter((f) => f.startsWith(`${db.split('/').pop()}`) && join(dirname(db), f) !== db);

function keyed(path: string, passphrase: string): Database.Database {
  const conn = new Database(path, { timeout: 1000 });
  applyKey(conn, passphrase);
  return conn;
}

beforeEach(() => {
  db = tempDb();
});

afterEach(() => {
  vi.mocked(fs.renameSync).mockReset(); // back to the real rename, should a test stop before using its failure
  unmountAll();
});

describe('the swap', () => {
  it('puts a new owner-only file in WAL mode at the path, leaves nothing beside it, and the old passphrase no longer opens it', async () => {
    await seed(OLD);
    const before = await exported(OLD);
    const inode = statSync(db).ino;
    const r = await c(['rekey'], REKEY);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(statSync(db).ino).not.toBe(inode);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(besides()).toEqual([]);
    const conn = keyed(db, NEW.CASELOG_PASSPHRASE);
    expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    conn.close();
    expect(await exported(NEW)).toBe(before);
    expect((await c(['due'], OLD)).stderr).toContain('wrong passphrase');
  });

  it('encrypts the same way: the plain file is replaced, not left beside it', async () => {
    await seed({});
    const before = await exported({});
    const r = await c(['encrypt'], NEW);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(readFileSync(db).includes(Buffer.from('Forcibly returned'))).toBe(false);
    expect(besides()).toEqual([]);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(await exported(NEW)).toBe(before);
  });

  it('removes a copy left by a killed rekey or encrypt, and never takes it for the database', async () => {
    await seed({});
    const copy = `${db}.rekey-unfinished`;
    const leave = () => {
      writeFileSync(copy, 'half-written pages'.repeat(500), { mode: 0o644 });
      writeFileSync(`${copy}-journal`, 'journal of the half-written copy');
    };
    leave();
    expect((await c(['due'], {})).code).toBe(0);
    expect((await c(['encrypt'], OLD)).code).toBe(0);
    expect(besides()).toEqual([]);
    leave();
    const before = await exported(OLD);
    expect((await c(['rekey'], REKEY)).code).toBe(0);
    expect(besides()).toEqual([]);
    expect(await exported(NEW)).toBe(before);
  });

  it('leaves the copy of a rekey that is running alone, and says the database is in use', async () => {
    await seed(OLD);
    const other = keyed(db, OLD.CASELOG_PASSPHRASE);
    other.prepare('SELECT count(*) FROM people').get();
    const copy = `${db}.rekey-unfinished`;
    writeFileSync(copy, 'another caselog is writing this');
    try {
      expectOneClearLine(await c(['rekey'], REKEY), /in use by another caselog/);
    } finally {
      other.close();
    }
    expect(readFileSync(copy, 'utf8')).toBe('another caselog is writing this');
    expect((await c(['due'], OLD)).code).toBe(0);
  });

  it('changes nothing when the swap itself fails, and says so in one line', async () => {
    await seed(OLD);
    const before = await exported(OLD);
    const fail = (code: string) => vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw Object.assign(new Error(`${code}: failed`), { code });
    });
    fail('ENOSPC');
    expectOneClearLine(await c(['rekey'], REKEY), /the disk is full: nothing was changed \(.* still opens with the current passphrase\)/);
    fail('EACCES');
    expectOneClearLine(await c(['rekey'], REKEY), /cannot write a new copy beside .*nothing was changed/);
    expect(besides()).toEqual([]);
    const conn = keyed(db, OLD.CASELOG_PASSPHRASE);
    expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    conn.close();
    expect(await exported(OLD)).toBe(before);
    expect((await c(['due'], NEW)).stderr).toContain('wrong passphrase');
    expect((await c(['rekey'], REKEY)).code).toBe(0);
    expect(await exported(NEW)).toBe(before);
  });

  it('leaves nothing to read or write for a connection that opened the old file before the swap', async () => {
    await seed(OLD);
    const before = await exported(OLD);
    // Opened, but not yet read: as a caselog waiting for the rekey's lock would be.
    const waitingOld = keyed(db, OLD.CASELOG_PASSPHRASE);
    const waitingNew = keyed(db, NEW.CASELOG_PASSPHRASE);
    try {
      expect((await c(['rekey'], REKEY)).code).toBe(0);
      // The new file in use, with its WAL, as it would be by then.
      expect((await c(['add', 'person', 'Kasim Mahpir'], NEW)).code).toBe(0);
      for (const waiting of [waitingOld, waitingNew]) {
        expect(() => waiting.prepare('SELECT count(*) FROM people').get()).toThrow(/not a database|malformed/);
        expect(() => waiting.prepare("INSERT INTO changes (batch, at, os_user, command, action) VALUES (0, 'x', 'y', 'z', 'add')").run()).toThrow();
      }
    } finally {
      waitingOld.close();
      waitingNew.close();
    }
    const conn = keyed(db, NEW.CASELOG_PASSPHRASE);
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((conn.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(2);
    conn.close();
    expect(await exported(NEW)).not.toBe(before);
  });

  it('re-keys a database reached through a link where it really is, keeping the link', async () => {
    await seed(OLD);
    const link = join(dirname(db), 'link.db');
    symlinkSync(db, link);
    const r = await caselog(['--db', link, 'rekey'], { env: REKEY });
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await c(['due'], NEW)).code).toBe(0);
  });

  it('warns that a second (hard-linked) name of the file still holds it as it was', async () => {
    await seed(OLD);
    const second = join(dirname(db), 'second-name.db');
    linkSync(db, second);
    const r = await c(['rekey'], REKEY);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('had a second name (a hard link)');
    expect((await caselog(['due'], { db: second, env: OLD })).code).toBe(0);
  });
});

describe('blank passphrases', () => {
  it('refuses an empty or blank new passphrase with one line, changing nothing', async () => {
    await seed({});
    const plain = readFileSync(db);
    for (const blank of [' ', '   ', '\t \n', '\u00a0']) {
      expectOneClearLine(await c(['encrypt'], { CASELOG_PASSPHRASE: blank }), /CASELOG_PASSPHRASE holds only spaces: a blank passphrase protects nothing; nothing was changed/);
    }
    const typed = await caselog(['encrypt'], { db, tty: true, env: {}, prompter: scriptedPrompter(['   ']) });
    expectOneClearLine(typed, /empty or blank passphrase protects nothing: nothing was changed/);
    expect(readFileSync(db).equals(plain)).toBe(true);
    expect((await c(['encrypt'], OLD)).code).toBe(0);
    expectOneClearLine(await c(['rekey'], { ...OLD, CASELOG_NEW_PASSPHRASE: '  ' }), /CASELOG_NEW_PASSPHRASE holds only spaces/);
    expect((await c(['due'], OLD)).code).toBe(0);
  });

  it('creates no database under a blank passphrase', async () => {
    expectOneClearLine(await c(['add', 'person', 'Hemit Memet'], { CASELOG_PASSPHRASE: ' ' }), /CASELOG_PASSPHRASE holds only spaces: a blank passphrase protects nothing; nothing was created/);
    expect(existsSync(db)).toBe(false);
  });

  it('still opens, and re-keys, a database that an earlier caselog encrypted with a blank passphrase', async () => {
    const blank = { CASELOG_PASSPHRASE: ' ' };
    // As an earlier caselog made it: keyed with one space from the start, its tables made in it.
    const made = keyed(db, ' ');
    for (const step of MIGRATIONS) applyMigration(made, step);
    made.pragma(`user_version = ${SCHEMA_VERSION}`);
    made.close();
    await seed(blank);
    expect((await c(['rekey'], { ...blank, CASELOG_NEW_PASSPHRASE: 'a real one' })).code).toBe(0);
    expect((await c(['due'], { CASELOG_PASSPHRASE: 'a real one' })).code).toBe(0);
  });
});

describe('a full disk', () => {
  for (const command of ['encrypt', 'rekey'] as const) {
    it(`${command}: one line, nothing changed, no copy left, and it works once there is room`, async (ctx) => {
      const dir = tmpfsOrSkip(ctx, '16m', 'a full disk needs a small tmpfs, and mounting one is not possible here (not root, or no mount permission)');
      if (!dir) return;
      db = join(dir, 'caselog.db');
      const env = command === 'encrypt' ? {} : OLD;
      await seed(env);
      const big = 'A long account of events. '.repeat(4000);
      for (let i = 0; i < 6; i++) await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-12', '--type', 'report', '--summary', `${i} ${big}`], env);
      const before = await exported(env);
      const filler = join(dir, 'filler');
      // Room to open the database, not for its new copy.
      const free = statfsSync(dir).bavail * statfsSync(dir).bsize;
      const size = statSync(db).size;
      expect(free).toBeGreaterThan(size);
      expect(spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k', `count=${Math.floor((free - size / 2) / 4096)}`], { stdio: 'ignore' }).status).toBe(0);
      const run = () => c([command], command === 'encrypt' ? NEW : REKEY);
      const full = await run();
      expectOneClearLine(full, /the disk is full: nothing was changed/);
      expect(besides().filter((f) => f.includes('unfinished'))).toEqual([]);
      rmSync(filler);
      expect(await exported(env)).toBe(before);
      expect((await run()).code).toBe(0);
      expect(await exported(NEW)).toBe(before);
      expect(existsSync(`${db}.rekey-unfinished`)).toBe(false);
    });
  }
});
