// caselog import - : standard input is told apart as the help says, by its first character, so a
// sheet piped in is read as a sheet and an export as an export (the real binary: a pipe).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, caselog, DEMO, fileOf, newDatabase, spawnCaselog, tempDb } from './helpers/cli';

describe('import from standard input without --format', () => {
  it('reads a people sheet as CSV, and an export still as JSON, whole', () => {
    const db = tempDb();
    const r = spawnCaselog(['--db', db, '--today', '2026-11-24', 'import', '-'], {}, '\uFEFFname,age,age_on\nMona Kamal,40,2026-10-01\n');
    expect(r.stderr).toBe(`Imported people from the input: 1 added, 0 updated, 0 unchanged\n${newDatabase(db)}`);
    expect(r.code).toBe(0);
    expect(spawnCaselog(['--db', db, 'show', 'Mona Kamal']).stdout).toContain('Mona Kamal');

    // The first bytes, read to tell which, are given back to the export's reader.
    const other = tempDb();
    expect(spawnCaselog(['--db', other, 'import', '-'], {}, readFileSync(DEMO, 'utf8')).code).toBe(0);
    expect(spawnCaselog(['--db', other, 'export']).stdout).toBe(readFileSync(DEMO, 'utf8'));
  });
});

// A pipe given by its path (<(...), /dev/stdin, /dev/fd/N) says nothing by its name either: told by
// its first character as standard input is, the bytes read for that given back to the reader.
describe('import of a pipe by its path without --format', () => {
  const sheet = 'name,age,age_on\nMona Kamal,40,2026-10-01\nRui Costa,33,2026-10-01\n';
  const bash = (script: string, input = '') => {
    const r = spawnSync('bash', ['-c', script, 'bash', process.execPath, BIN, tempDb(), fileOf('people.csv', sheet), DEMO], { encoding: 'utf8', input });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('reads a sheet given as <(...) or /dev/stdin as CSV', () => {
    expect(bash('"$1" "$2" --db "$3" import <(head -3 "$4") --dry-run')).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Dry run of people from \/dev\/fd\/\d+: would add 2, update 0, unchanged 0; nothing was written\n$/) });
    expect(bash('head -3 "$4" | "$1" "$2" --db "$3" import /dev/stdin --dry-run')).toMatchObject({ code: 0, stderr: 'Dry run of people from /dev/stdin: would add 2, update 0, unchanged 0; nothing was written\n' });
  });

  it('reads an export through a pipe whole, its first bytes given back to the reader', () => {
    const r = bash('cat "$5" | "$1" "$2" --db "$3" import /dev/stdin && "$1" "$2" --db "$3" export');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(DEMO, 'utf8'));
  });

  it('in the same process too: a named pipe is opened and read once, as a sheet', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'caselog-fifo-')), 'people');
    execFileSync('mkfifo', [fifo]);
    // Held open a while after the sheet is written: a reader that opened it twice finds the writer still there, and does not wait for ever.
    const writer = spawn('sh', ['-c', 'exec 3>"$2"; printf "%s" "$1" >&3; sleep 1', 'sh', sheet, fifo]);
    const db = tempDb();
    const r = await caselog(['import', fifo], { db }).finally(() => writer.kill());
    expect(r).toMatchObject({ code: 0, stderr: `Imported people from ${fifo}: 2 added, 0 updated, 0 unchanged\n${newDatabase(db)}` });
    expect((await caselog(['show', 'Rui Costa'], { db })).stdout).toContain('Rui Costa');
  });
});
