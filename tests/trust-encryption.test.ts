// Encryption at rest: created encrypted, encrypted later, re-keyed; one clear error for a wrong or
// missing passphrase; and no name, note or text of an encrypted database in any of its files' bytes.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const PASS = { CASELOG_PASSPHRASE: 'correct horse battery staple' };
const c = (args: string[], env: Record<string, string> = PASS) => caselog(args, { db, today: '2021-06-01', env });

const SECRETS = ['Zhanargul Qasterbekova', 'Nurlan-Musakhanuly-Alias', 'held-in-basement-of-district-office', 'call-lawyer-Kasymova-before-hearing', 'Unique Source Title 7781'];

async function recordSecrets(env: Record<string, string>) {
  expect((await c(['add', 'case', '--ref', 'EUR 57/1572/2019', '--title', 'Fear of refoulement'], env)).code).toBe(0);
  expect((await c(['add', 'source', '--title', SECRETS[4]!, '--ref', 'SRC-1'], env)).code).toBe(0);
  expect((await c(['add', 'person', SECRETS[0]!, '--alias', SECRETS[1]!, '--case', 'EUR 57/1572/2019', '--risk', 'torture'], env)).code).toBe(0);
  expect((await c(['add', 'event', SECRETS[0]!, '--date', '2019-03-02', '--type', 'detention', '--summary', SECRETS[2]!, '--source', 'SRC-1'], env)).code).toBe(0);
  expect((await c(['add', 'deadline', 'EUR 57/1572/2019', '--date', '2021-07-01', '--note', SECRETS[3]!], env)).code).toBe(0);
}

/** Every file caselog keeps beside the database (main file, -wal, -shm, -journal, backups). */
function filesOf(path: string): string[] {
  const name = path.split('/').pop()!;
  return readdirSync(dirname(path)).filter((f) => f.startsWith(name)).map((f) => join(dirname(path), f));
}

function leaks(path: string): string[] {
  const found: string[] = [];
  for (const file of filesOf(path)) {
    const bytes = readFileSync(file);
    for (const secret of SECRETS) {
      if (bytes.includes(Buffer.from(secret, 'utf8')) || bytes.includes(Buffer.from(secret, 'utf16le'))) found.push(`${secret} in ${file}`);
    }
  }
  return found;
}

/** A second connection holding a read transaction keeps the WAL from being checkpointed and removed. */
function holdWal(path: string, passphrase: string) {
  const reader = new Database(path);
  reader.pragma("cipher = 'sqlcipher'");
  reader.pragma('legacy = 4');
  reader.pragma(`key = '${passphrase}'`);
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM people').get();
  return { release: () => { reader.exec('COMMIT'); reader.close(); } };
}

beforeEach(() => {
  db = tempDb();
});

describe('a database created encrypted', () => {
  it('keeps every name, note and text out of the bytes of the database, its WAL and shared memory', async () => {
    expect((await c(['add', 'person', 'Placeholder Person'])).code).toBe(0);
    const hold = holdWal(db, PASS.CASELOG_PASSPHRASE);
    try {
      await recordSecrets(PASS);
      expect(statSync(`${db}-wal`).size).toBeGreaterThan(0);
      expect(filesOf(db).length).toBeGreaterThanOrEqual(3);
      expect(leaks(db)).toEqual([]);
    } finally {
      hold.release();
    }
    expect(leaks(db)).toEqual([]);
    const timeline = await c(['timeline', SECRETS[0]!]);
    expect(timeline.stdout).toContain(SECRETS[2]);
  });

  it('refuses a wrong or missing passphrase with one line, exit 1, and leaves the file as it was', async () => {
    await recordSecrets(PASS);
    const before = readFileSync(db);
    for (const env of [{ CASELOG_PASSPHRASE: 'wrong' }, {}] as Array<Record<string, string>>) {
      for (const args of [['due'], ['add', 'person', 'Somebody New']]) {
        const r = await c(args, env);
        expect(r.code).toBe(1);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(env.CASELOG_PASSPHRASE ? /wrong passphrase/ : /is encrypted.*CASELOG_PASSPHRASE/);
        expect(r.stderr).not.toMatch(/unexpected|at .*\.ts:\d+/);
      }
    }
    expect(readFileSync(db).equals(before)).toBe(true);
    expect((await c(['timeline', SECRETS[0]!])).code).toBe(0);
  });

  it('asks for the passphrase, hidden, on a terminal when CASELOG_PASSPHRASE is not set', async () => {
    await recordSecrets(PASS);
    const prompter = scriptedPrompter([PASS.CASELOG_PASSPHRASE]);
    const r = await caselog(['timeline', SECRETS[0]!], { db, tty: true, prompter, env: {} });
    expect(r.code).toBe(0);
    expect(prompter.asked).toEqual([`Passphrase for ${db}`]);
    const wrong = await caselog(['due'], { db, tty: true, prompter: scriptedPrompter(['nope']), env: {} });
    expect(wrong).toMatchObject({ code: 1 });
    expect(wrong.stderr).toContain('wrong passphrase');
  });

  it('says so when a passphrase is set for a database that is not encrypted', async () => {
    await recordSecrets({});
    const r = await c(['due']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not encrypted, but CASELOG_PASSPHRASE is set');
  });
});

describe('caselog encrypt and rekey', () => {
  it('encrypts an existing plain database so that nothing written before can be read in its bytes', async () => {
    await recordSecrets({});
    expect(leaks(db).length).toBeGreaterThan(0);
    const r = await c(['encrypt']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stderr).toContain('Encrypted');
    expect(leaks(db)).toEqual([]);
    expect((await c(['timeline', SECRETS[0]!])).stdout).toContain(SECRETS[2]);
    expect((await c(['timeline', SECRETS[0]!], {})).code).toBe(1);
    expect((await c(['encrypt'])).stderr).toContain('already encrypted');
  });

  it('answers --json with what it did, as every writing command does', async () => {
    await recordSecrets({});
    expect(JSON.parse((await c(['--json', 'encrypt'])).stdout)).toEqual({ path: db, encrypted: true });
    const rekeyed = await c(['--json', 'rekey'], { ...PASS, CASELOG_NEW_PASSPHRASE: 'another long passphrase' });
    expect(JSON.parse(rekeyed.stdout)).toEqual({ path: db, encrypted: true, passphraseChanged: true });
    expect((await c(['due'], { CASELOG_PASSPHRASE: 'another long passphrase' })).code).toBe(0);
  });

  it('refuses, changing nothing, while another caselog has the database open', async () => {
    await recordSecrets({});
    const other = new Database(db);
    other.prepare('SELECT count(*) FROM people').get();
    try {
      const r = await c(['encrypt']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('in use by another caselog');
    } finally {
      other.close();
    }
    expect(leaks(db).length).toBeGreaterThan(0);
    expect((await c(['due'], {})).code).toBe(0);
  });

  it('asks twice on a terminal and changes nothing when the two answers differ', async () => {
    await recordSecrets({});
    const differ = await caselog(['encrypt'], { db, tty: true, env: {}, prompter: scriptedPrompter(['one', 'two']) });
    expect(differ.code).toBe(1);
    expect(differ.stderr).toContain('differ');
    expect(leaks(db).length).toBeGreaterThan(0);
    const ok = await caselog(['encrypt'], { db, tty: true, env: {}, prompter: scriptedPrompter(['typed twice', 'typed twice']) });
    expect(ok.code).toBe(0);
    expect((await c(['due'], { CASELOG_PASSPHRASE: 'typed twice' })).code).toBe(0);
  });

  it('needs a passphrase from the environment or a terminal, never a flag', async () => {
    await recordSecrets({});
    const r = await c(['encrypt'], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('set CASELOG_PASSPHRASE');
    expect((await c(['encrypt', '--passphrase', 'x'], {})).code).toBe(2);
  });

  it('re-keys: the new passphrase opens it, the old one no longer does', async () => {
    await recordSecrets(PASS);
    const r = await c(['rekey'], { ...PASS, CASELOG_NEW_PASSPHRASE: 'new and longer passphrase' });
    expect(r.code).toBe(0);
    expect((await c(['timeline', SECRETS[0]!], { CASELOG_PASSPHRASE: 'new and longer passphrase' })).code).toBe(0);
    expect((await c(['due'])).stderr).toContain('wrong passphrase');
    expect(leaks(db)).toEqual([]);
    const wrongCurrent = await c(['rekey'], { CASELOG_PASSPHRASE: 'guess', CASELOG_NEW_PASSPHRASE: 'x' });
    expect(wrongCurrent.code).toBe(1);
    expect(wrongCurrent.stderr).toContain('wrong passphrase');
  });

  it('refuses to re-key a plain database, and asks for the new passphrase twice on a terminal', async () => {
    await recordSecrets({});
    expect((await c(['rekey'], { CASELOG_NEW_PASSPHRASE: 'x' })).stderr).toContain('not encrypted');
    await c(['encrypt']);
    const prompter = scriptedPrompter(['second', 'second']);
    const r = await caselog(['rekey'], { db, tty: true, env: PASS, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toHaveLength(2);
    expect(existsSync(db)).toBe(true);
    expect((await c(['due'], { CASELOG_PASSPHRASE: 'second' })).code).toBe(0);
  });
});
