// import - and ingest - with the terminal for standard input: nothing was piped in. Refused at once in
// one line, before anything is read or written; reading failed as "unexpected error: EAGAIN" (or
// waited on the keyboard when stdout was not the terminal).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../src/program';
import { BIN, caselog, tempDb } from './helpers/cli';

const IMPORT = /^caselog: nothing piped in: give the file to import \(caselog import FILE\), or pipe it in \(caselog import - < FILE\)\n$/;
const INGEST = /^caselog: nothing piped in: give the document's file \(caselog ingest FILE\), or pipe it in \(caselog ingest - --yes < FILE\)\n$/;

describe('standard input that is the terminal', () => {
  it.each([
    [['import', '-'], IMPORT],
    [['import', '-', '--format', 'csv'], IMPORT],
    [['import', '-', '--dry-run'], IMPORT],
    [['ingest', '-'], INGEST],
    [['ingest', '-', '--yes'], INGEST],
    [['ingest', '-', '--dry-run', '--json'], INGEST],
  ])('%j is refused in one line, and no database is made', async (args, said) => {
    const db = tempDb();
    const r = await caselog(args, { db, tty: true });
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(said) });
    expect(existsSync(db)).toBe(false);
  });

  it('is refused when only standard input is the terminal (output to a file)', async () => {
    let stderr = '';
    const code = await run(['import', '-'], {
      env: { CASELOG_DB: tempDb() }, stdout: { write: () => true }, stderr: { write: (s: string) => { stderr += s; return true; } },
      stdinIsTTY: true, stdoutIsTTY: false, now: new Date(2026, 10, 22, 12),
    });
    expect({ code, stderr }).toMatchObject({ code: 1, stderr: expect.stringMatching(IMPORT) });
  });

  // The real binary on a real terminal (util-linux's script gives it one).
  const script = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!script)('is refused by the real binary on a terminal', () => {
    const db = tempDb();
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" --db "${db}" import -`, '/dev/null'], { encoding: 'utf8', input: '', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stdout.replace(/\r/g, '')).toMatch(/^caselog: nothing piped in: give the file to import /);
    expect(existsSync(db)).toBe(false);
  });
});
