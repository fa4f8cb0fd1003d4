// The real bin/caselog, spawned without a terminal: exit codes, stdout/stderr, files on disk.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { generate } from '../scripts/bench/generate.mjs';
import { BIN, DEMO, spawnCaselog, tempDb } from './helpers/cli';

const ANSI = /\u001b\[/;

describe('bin/caselog without a terminal', () => {
  it('refuses a name typed in bytes that are not UTF-8, storing nothing', () => {
    const db = tempDb();
    // The shell passes the raw bytes; Node reads them as U+FFFD.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --db "${db}" add person "$(printf 'Bad\\377\\376UTF8')" --new`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^caselog: "Bad\uFFFD\uFFFDUTF8" holds bytes that are not UTF-8 text/);
    expect(existsSync(db)).toBe(false);
  });

  it('prints its version', () => {
    const r = spawnCaselog(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('loads the demo data and answers due, at-risk and timeline with real content and no colour', () => {
    const db = tempDb();
    expect(spawnCaselog(['--db', db, 'import', DEMO]).code).toBe(0);
    const due = spawnCaselog(['due'], { CASELOG_DB: db, CASELOG_TODAY: '1999-03-01', FORCE_COLOR: '3' });
    expect(due.code).toBe(0);
    expect(due.stdout).toContain('UA 77/98  Hemit Memet');
    expect(due.stdout).toContain('check before 15 March 1999 (in 14 days)');
    expect(due.stdout).not.toMatch(ANSI);
    const atRisk = spawnCaselog(['at-risk', '--db', db, '--today', '1999-03-01']);
    expect(atRisk.stdout).toContain('Hemit Memet');
    expect(atRisk.stdout).not.toMatch(ANSI);
    const timeline = spawnCaselog(['timeline', 'Hemit Memet', '--db', db]);
    expect(timeline.stdout).toContain('11 February 1999');
    expect(timeline.stdout).toContain('EUR 57/12/98');
  });

  it('prints only JSON on stdout with --json, messages on stderr', () => {
    const db = tempDb();
    spawnCaselog(['--db', db, 'import', DEMO]);
    for (const args of [['due', '--within', '9999'], ['at-risk'], ['timeline', 'UA 77/98']]) {
      const r = spawnCaselog(['--db', db, '--today', '1999-03-01', '--json', ...args]);
      expect(r.code).toBe(0);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
    const added = spawnCaselog(['--db', db, '--json', 'add', 'case', '--ref', 'X 1', '--title', 'T']);
    expect(JSON.parse(added.stdout)).toMatchObject({ ref: 'X 1', title: 'T' });
    expect(added.stderr).toContain('Opened case X 1');
  });

  it('refuses missing flags with a usage error instead of waiting for input', () => {
    const db = tempDb();
    spawnCaselog(['--db', db, 'import', DEMO]);
    const r = spawnCaselog(['--db', db, 'add', 'event', 'Hemit Memet', '--type', 'arrest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing --date');
    expect(spawnCaselog(['--db', db, 'add']).code).toBe(2);
  });

  it('says plainly when there is no database, and creates none for a reading command', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'caselog-')), 'none.db');
    const r = spawnCaselog(['--db', db, 'due']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: no caselog database at .*none\.db/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(db)).toBe(false);
  });

  it('creates the database at the XDG path, owner-only, on first write', () => {
    const home = mkdtempSync(join(tmpdir(), 'caselog-xdg-'));
    const r = spawnCaselog(['add', 'case', '--ref', 'A 1', '--title', 'first'], { XDG_DATA_HOME: home });
    expect(r.code).toBe(0);
    const file = join(home, 'caselog', 'caselog.db');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'caselog')).mode & 0o777).toBe(0o700);
  });

  it('ignores a relative XDG_DATA_HOME, as the XDG rules say, and uses ~/.local/share', () => {
    const home = mkdtempSync(join(tmpdir(), 'caselog-home-'));
    const r = spawnCaselog(['add', 'case', '--ref', 'A 1', '--title', 'first'], { XDG_DATA_HOME: 'relative/dir', HOME: home });
    expect(r.code).toBe(0);
    expect(existsSync(join(home, '.local', 'share', 'caselog', 'caselog.db'))).toBe(true);
  });

  it('refuses a database from a newer caselog and leaves it untouched', () => {
    const db = tempDb();
    spawnCaselog(['--db', db, 'add', 'case', '--ref', 'A 1', '--title', 'first']);
    const raw = new Database(db);
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(db);
    const r = spawnCaselog(['--db', db, 'due']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('newer caselog');
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database with one line', () => {
    const db = tempDb();
    writeFileSync(db, 'this is a shopping list, not a database\n'.repeat(100));
    const r = spawnCaselog(['--db', db, 'due']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('not a caselog database');
  });

  it('shows a stack trace only with CASELOG_DEBUG=1', () => {
    const db = tempDb();
    spawnCaselog(['--db', db, 'add', 'case', '--ref', 'A 1', '--title', 'first']);
    const plain = spawnCaselog(['--db', db, 'timeline', 'Nobody']);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = spawnCaselog(['--db', db, 'timeline', 'Nobody'], { CASELOG_DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('uses CASELOG_TODAY and refuses a bad one as a bad date (exit 1), an empty --today too', () => {
    const db = tempDb();
    spawnCaselog(['--db', db, 'import', DEMO]);
    const r = spawnCaselog(['--db', db, 'due'], { CASELOG_TODAY: '03/04/1999' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: CASELOG_TODAY: .*1999-04-03/);
    expect(spawnCaselog(['--db', db, 'due', '--today', '03/04/1999']).stderr).toMatch(/^caselog: --today: /);
    const written = spawnCaselog(['--db', db, 'due', '--today', '1 March 1999']);
    expect(written.stdout).toContain('check before 15 March 1999 (in 14 days)');
    expect(spawnCaselog(['--db', db, 'due', '--today', 'March 1999']).code).toBe(1);
    const empty = spawnCaselog(['--db', db, 'due', '--today', '']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('caselog: --today is empty: give a day such as 1999-03-01\n');
    expect(spawnCaselog(['--db', db, 'due'], { CASELOG_TODAY: '' }).code).toBe(0);
    // Spaces alone are as unset as nothing (a variable set from an empty field).
    expect(spawnCaselog(['--db', db, 'due'], { CASELOG_TODAY: '  ' }).code).toBe(0);
  });

  it('takes ~/ in --db and CASELOG_DB as the home folder, where no shell expanded it', () => {
    const home = dirname(tempDb());
    const viaFlag = spawnCaselog(['--db=~/flag.db', 'add', 'case', '--ref', 'A', '--title', 'a'], { HOME: home });
    expect(viaFlag.code, viaFlag.stderr).toBe(0);
    expect(spawnCaselog(['add', 'case', '--ref', 'B', '--title', 'b'], { HOME: home, CASELOG_DB: '~/env.db' }).code).toBe(0);
    expect(readdirSync(home).filter((f) => f.endsWith('.db')).sort()).toEqual(['env.db', 'flag.db']);
    expect(existsSync(join(process.cwd(), '~'))).toBe(false);
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const db = tempDb();
    const file = `${db}.json`;
    generate(file, 10_000);
    expect(spawnCaselog(['--db', db, 'import', file]).code).toBe(0);
    const child = spawn(process.execPath, [BIN, '--db', db, 'export'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('output that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full'))('says so in one line with exit 1 when stdout is full, never a stack trace', () => {
    const db = tempDb();
    expect(spawnCaselog(['--db', db, 'import', DEMO]).code).toBe(0);
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['export'], ['--today', '1999-03-01', 'due']]) {
        const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
        expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 1, stderr: 'caselog: the output could not be written whole (the disk is full); any change the command made is saved\n' });
      }
    } finally {
      closeSync(full);
    }
  });

  it.skipIf(!existsSync('/dev/full'))('keeps the exit code of the command when only stderr is full: a saved change is not reported failed', () => {
    const db = tempDb();
    expect(spawnCaselog(['--db', db, 'import', DEMO]).code).toBe(0);
    const full = openSync('/dev/full', 'w');
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, '--today', '1999-03-01', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', full] });
    try {
      // add says what it recorded on stderr; a script retrying on exit 1 would record it twice.
      expect(run(['add', 'event', 'Hemit Memet', '--date', '1999-02-20', '--type', 'statement', '--summary', 'Family statement']).status).toBe(0);
      expect(run(['--json', 'timeline', 'Hemit Memt']).status).toBe(0);
      expect(run(['timeline', 'Nobody Atall']).status).toBe(1);
    } finally {
      closeSync(full);
    }
    const timeline = JSON.parse(spawnCaselog(['--db', db, '--json', 'timeline', 'Hemit Memet']).stdout);
    expect(timeline.events.filter((e: { summary: string }) => e.summary === 'Family statement')).toHaveLength(1);
  });
});
