// caselog backup: a consistent, owner-only copy taken while others write; encrypted copies stay
// encrypted; and a migration first keeps a copy of the older database beside it.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { audit } from '../src/store/migrations/004-audit';
import { MIGRATIONS, runMigration, SCHEMA_VERSION } from '../src/store/schema';
import { caselog, ROOT, tempDb } from './helpers/cli';

let db: string;
let dir: string;
const c = (args: string[], env: Record<string, string> = {}) => caselog(args, { db, today: '1999-03-01', env });
const count = (path: string, sql: string, key?: string) => {
  const conn = new Database(path, { readonly: true });
  if (key) { conn.pragma("cipher = 'sqlcipher'"); conn.pragma('legacy = 4'); conn.pragma(`key = '${key}'`); }
  try {
    return (conn.prepare(sql).get() as { n: number }).n;
  } finally {
    conn.close();
  }
};

beforeEach(async () => {
  db = tempDb();
  dir = dirname(db);
});

async function seed(env: Record<string, string> = {}) {
  await c(['add', 'person', 'Ilyas Zordun', '--risk', 'refoulement'], env);
  await c(['add', 'event', 'Ilyas Zordun', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Returned-to-Xinjiang-9931'], env);
}

describe('caselog backup', () => {
  it('writes an owner-only copy that opens and holds the records, and refuses to overwrite without --force', async () => {
    await seed();
    const target = join(dir, 'copy.db');
    const r = await c(['backup', target]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('passed its check');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect((await caselog(['timeline', 'Ilyas Zordun'], { db: target })).stdout).toContain('Returned-to-Xinjiang-9931');
    const again = await c(['backup', target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    await c(['add', 'person', 'Added Later']);
    expect((await c(['backup', target, '--force'])).code).toBe(0);
    expect(count(target, 'SELECT count(*) AS n FROM people')).toBe(2);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('removes the partial copies that killed backups left for the same file, and only those', async () => {
    await seed();
    const target = join(dir, 'copy.db');
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const stale = [`copy.db.partial-${gone}`, `copy.db.partial-${gone}-wal`, `copy.db.partial-${gone}-shm`, `copy.db.partial-${process.pid}`];
      const kept = [`copy.db.partial-${running.pid}`, `copy.db.partial-${running.pid}-wal`, `other.db.partial-${gone}`, 'copy.db.partial-notes.txt'];
      for (const name of [...stale, ...kept]) writeFileSync(join(dir, name), 'Returned-to-Xinjiang-9931, in a copy nobody would erase');
      const r = await c(['backup', target]);
      expect(r, r.stderr).toMatchObject({ code: 0 });
      expect(readdirSync(dir).filter((f) => f.includes('.partial')).sort()).toEqual(kept.sort());
    } finally {
      running.kill();
    }
  });

  it('refuses a missing folder, a folder as target and the database itself', async () => {
    await seed();
    expect((await c(['backup', join(dir, 'nope', 'x.db')])).stderr).toContain('does not exist');
    expect((await c(['backup', dir])).stderr).toContain('is a folder');
    expect((await c(['backup', db, '--force'])).stderr).toContain('cannot replace the database itself');
  });

  it('keeps an encrypted database encrypted, with the same passphrase', async () => {
    const env = { CASELOG_PASSPHRASE: 'backup passphrase' };
    await seed(env);
    const target = join(dir, 'enc-copy.db');
    expect((await c(['backup', target], env)).code).toBe(0);
    expect(readFileSync(target).includes(Buffer.from('Returned-to-Xinjiang-9931'))).toBe(false);
    expect(readFileSync(target).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect((await caselog(['timeline', 'Ilyas Zordun'], { db: target, env })).stdout).toContain('Returned-to-Xinjiang-9931');
    expect((await caselog(['due'], { db: target })).code).toBe(1);
  });

  it('takes a consistent copy while another process keeps writing', async () => {
    await seed();
    // The writer appends 40 change-log rows per transaction: a consistent copy holds a whole number of them.
    const before = count(db, 'SELECT count(*) AS n FROM changes');
    const script = `
      const Database = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers'))});
      const db = new Database(process.argv[1], { timeout: 15000 });
      const ins = db.prepare("INSERT INTO changes (batch, at, os_user, command, action) VALUES (0, 'x', 'writer', 'test', 'add')");
      const tx = db.transaction(() => { for (let i = 0; i < 40; i++) ins.run(); });
      const end = Date.now() + 2500;
      tx.immediate();
      require('node:fs').writeSync(1, 'writing\\n');
      let n = 1;
      while (Date.now() < end) { tx.immediate(); n++; }
      console.log(n);`;
    const writer = spawn(process.execPath, ['-e', script, db], { stdio: ['ignore', 'pipe', 'inherit'] });
    let written = '';
    // The backups start once the writer writes (on a busy machine its start-up alone took longer than a fixed wait).
    const writing = new Promise<void>((resolve) => writer.stdout.on('data', (d) => { written += d; if (written.includes('writing')) resolve(); }));
    const done = new Promise<void>((resolve) => writer.on('exit', () => resolve()));
    await writing;
    const copies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const target = join(dir, `live-${i}.db`);
      const r = await c(['backup', target]);
      expect(r, r.stderr).toMatchObject({ code: 0 });
      copies.push(count(target, 'SELECT count(*) AS n FROM changes'));
      expect(count(target, "SELECT count(*) AS n FROM pragma_integrity_check WHERE integrity_check = 'ok'")).toBe(1);
    }
    await done;
    expect(Number(written.trim().split('\n').at(-1))).toBeGreaterThan(0);
    for (const n of copies) expect((n - before) % 40).toBe(0);
    expect(Math.max(...copies)).toBeGreaterThan(before);
    expect(new Set(copies).size).toBeGreaterThan(1);
  });
});

describe('upgrading an older database', () => {
  it('first makes an owner-only copy beside it, at the old version, with the records', async () => {
    // A database as the caselog before the append-only change log left it: schema 1 to 3, one case.
    const old = MIGRATIONS.indexOf(audit);
    const raw = new Database(db);
    raw.pragma('journal_mode = WAL');
    for (const migration of MIGRATIONS.slice(0, old)) runMigration(raw, migration);
    raw.pragma(`user_version = ${old}`);
    raw.prepare(`INSERT INTO cases (id, ref, ref_key, title, created_at, updated_at) VALUES ('c-0ld0ld0ld0ld0ld0', 'UA 1/99', 'ua1/99', 'kept', 'x', 'x')`).run();
    raw.close();
    const upgraded = await c(['due']);
    expect(upgraded.code).toBe(0);
    const copy = `${db}.schema${old}.bak`;
    // Said once, when it happens, with where the copy is.
    const said = `caselog: ${db} was upgraded to this caselog's format (schema ${old} to ${SCHEMA_VERSION}); a copy as it was is ${copy}: remove it once all is well\n`;
    expect(upgraded.stderr).toContain(said);
    expect((await c(['due'])).stderr).not.toContain('upgraded');
    expect(existsSync(copy)).toBe(true);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(count(copy, "SELECT count(*) AS n FROM cases WHERE title = 'kept'")).toBe(1);
    expect(count(copy, 'SELECT user_version AS n FROM pragma_user_version')).toBe(old);
    expect(count(db, 'SELECT user_version AS n FROM pragma_user_version')).toBe(SCHEMA_VERSION);
    expect(count(db, "SELECT count(*) AS n FROM cases WHERE title = 'kept'")).toBe(1);
    await c(['add', 'person', 'After Upgrade']);
    expect(() => new Database(db).prepare('DELETE FROM changes').run()).toThrow(/append-only/);
  });

  it('refuses a database from a newer caselog and leaves it untouched', async () => {
    await seed();
    const raw = new Database(db);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const bytes = readFileSync(db);
    const r = await c(['add', 'person', 'Somebody']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('newer caselog');
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });
});
