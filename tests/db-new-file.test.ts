// A database named with --db (or CASELOG_DB) in a folder that is not there (a stick not mounted, a
// mistyped folder) is refused, not made with its folders: records written there would be found by no
// one. caselog's own place is made on first use. Wherever a new database is made, caselog says so
// once, on stderr, and only on the command that made it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caselog, DEMO, newDatabase as started, scriptedPrompter, spawnCaselog, tempDb } from './helpers/cli';

const scratch = () => mkdtempSync(join(tmpdir(), 'caselog-newfile-'));
const UA = new URL('../../shared/samples/ua-77-98-further-information-1999.txt', import.meta.url).pathname;
const missing = (dir: string, path: string) =>
  `caselog: the folder ${dir} does not exist, so there is no database ${path} (a drive or stick not connected?): connect it, or correct the path given by --db or CASELOG_DB; to start a new database there, make the folder first (mkdir -p ${dir}); nothing was created\n`;

describe('a database named in a folder that is not there', () => {
  it('is refused by every writing command, by --db and by CASELOG_DB: one line, exit 1, nothing made', async () => {
    const dir = scratch();
    const stick = join(dir, 'stick');
    const path = join(stick, 'cases.db');
    const backup = tempDb();
    expect((await caselog(['add', 'person', 'Ana Lopez'], { db: backup })).code).toBe(0);
    const writes = [
      ['add', 'case', '--ref', 'UA 1/26', '--title', 'Detained'],
      ['add', 'person', 'Ana Lopez'],
      ['add', 'source', '--publisher', 'Amnesty International', '--title', 'UA 1/26'],
      ['import', DEMO],
      ['ingest', UA, '--yes'],
      ['restore', backup, '--force'],
    ];
    for (const args of writes) {
      for (const r of [await caselog(['--db', path, ...args]), await caselog(args, { env: { CASELOG_DB: path } })]) {
        expect(r, args.join(' ')).toEqual({ code: 1, stdout: '', stderr: missing(stick, path) });
      }
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is refused by the guided add too, after its first question, and nothing is made', async () => {
    const dir = scratch();
    const path = join(dir, 'stick', 'cases.db');
    const ask = scriptedPrompter(['person']);
    const r = await caselog(['--db', path, 'add'], { tty: true, prompter: ask });
    expect(r).toEqual({ code: 1, stdout: '', stderr: missing(join(dir, 'stick'), path) });
    expect(ask.asked).toEqual(['What do you want to record?']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is taken once the folder is made, as the refusal says', async () => {
    const dir = scratch();
    const path = join(dir, 'stick', 'cases.db');
    expect((await caselog(['--db', path, 'add', 'person', 'Ana Lopez'])).code).toBe(1);
    mkdirSync(join(dir, 'stick'));
    const r = await caselog(['--db', path, 'add', 'person', 'Ana Lopez']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Added Ana Lopez \[p-\w+\]\n/);
    expect(r.stderr.endsWith(started(path))).toBe(true);
  });

  it('is the missing folder to a reading command too (the first add, which it used to suggest, is refused)', async () => {
    const dir = scratch();
    const r = await caselog(['due'], { db: join(dir, 'stick', 'cases.db') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: the folder .*stick does not exist, so there is no database .*stick\/cases\.db \(a drive or stick not connected\?\)/);
    expect(r.stderr).not.toContain('makes it');
    expect(readdirSync(dir)).toEqual([]);
    // In a folder that is there: no database yet, and the first add makes it.
    const there = await caselog(['due'], { db: join(dir, 'cases.db') });
    expect(there.stderr).toMatch(/^caselog: no caselog database at .*cases\.db: the first "caselog add case"/);
  });
});

describe('caselog\'s own place for the database', () => {
  it('is made with its folders on first use ($XDG_DATA_HOME/caselog, and ~/.local/share/caselog), and said', async () => {
    const data = join(scratch(), 'data');
    const xdg = await caselog(['add', 'person', 'Ana Lopez'], { env: { XDG_DATA_HOME: data } });
    expect(xdg.code, xdg.stderr).toBe(0);
    const file = join(data, 'caselog', 'caselog.db');
    expect(existsSync(file)).toBe(true);
    expect(xdg.stderr.endsWith(started(file))).toBe(true);
    // HOME is read by os.homedir(): the real binary is run for it (in-process would read this test's own home).
    const home = scratch();
    const r = spawnCaselog(['add', 'person', 'Ana Lopez'], { HOME: home });
    expect(r.code, r.stderr).toBe(0);
    const inHome = join(home, '.local', 'share', 'caselog', 'caselog.db');
    expect(existsSync(inHome)).toBe(true);
    expect(r.stderr.endsWith(started(inHome))).toBe(true);
  });
});

describe('a new database is said once', () => {
  it('by the command that made it, after its own lines, and by no command after it', async () => {
    const path = tempDb();
    const first = await caselog(['add', 'person', 'Ana Lopez'], { db: path });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Added Ana Lopez \[p-\w+\]\ncaselog: started a new database at (.*)\n$/);
    expect(first.stderr).toContain(started(path));
    const second = await caselog(['add', 'person', 'Ben Lopez'], { db: path });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('new database');
  });

  it('not by a refused first command, nor a dry run, which leave no file; then by the one that makes it', async () => {
    const path = tempDb();
    const refused = await caselog(['add', 'person', 'Ana Lopez', '--case', 'UA 9/99'], { db: path });
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toContain('new database');
    const dry = await caselog(['import', DEMO, '--dry-run'], { db: path });
    expect(dry.code).toBe(0);
    expect(dry.stderr).not.toContain('new database');
    expect(existsSync(path)).toBe(false);
    const made = await caselog(['import', DEMO], { db: path });
    expect(made.code).toBe(0);
    expect(made.stderr.split('\n').filter((l) => l.includes('new database'))).toEqual([started(path).trim()]);
  });

  it('on stderr only: --json keeps stdout JSON alone', async () => {
    const path = tempDb();
    const r = await caselog(['--json', 'add', 'case', '--ref', 'UA 1/26', '--title', 'Detained'], { db: path });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('new database');
    expect(JSON.parse(r.stdout)).toMatchObject({ ref: 'UA 1/26' });
    expect(r.stderr).toMatch(/^Opened case UA 1\/26 — Detained \[c-\w+\]\n/);
    expect(r.stderr.endsWith(started(path))).toBe(true);
  });

  it('by a relative --db, as the full path it made', async () => {
    const dir = scratch();
    const here = process.cwd();
    process.chdir(dir);
    try {
      const r = await caselog(['--db', 'cases.db', 'add', 'person', 'Ana Lopez']);
      expect(r.code).toBe(0);
      expect(r.stderr.endsWith(started(join(process.cwd(), 'cases.db')))).toBe(true);
    } finally {
      process.chdir(here);
    }
  });

  it('by a restore where there was no database, and by ingest', async () => {
    const backup = tempDb();
    expect((await caselog(['add', 'person', 'Ana Lopez'], { db: backup })).code).toBe(0);
    const path = tempDb();
    const restored = await caselog(['restore', backup], { db: path });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/^Restored .* \(0 cases, 1 person, 0 events; last change .*\)\.\n/);
    expect(restored.stderr.endsWith(started(path))).toBe(true);
    const again = await caselog(['restore', backup, '--force'], { db: path });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('new database');
    const ingested = tempDb();
    const r = await caselog(['ingest', UA, '--yes'], { db: ingested, today: '2020-07-10' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('new database'))).toEqual([started(ingested).trim()]);
    expect(r.stderr.endsWith(started(ingested))).toBe(true);
  });
});
