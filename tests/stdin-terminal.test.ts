// import - and ingest - with the terminal for standard input: nothing was piped in. Refused at once in
// one line, before anything is read or written; reading failed as "unexpected error: EAGAIN" (or
// waited on the keyboard when stdout was not the terminal).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../src/program';
import { BIN, caselog, DEMO, newDatabase, tempDb } from './helpers/cli';

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

});

// The real binary on a real terminal: util-linux's script runs the shell line on one.
const script = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const onTerminal = (line: string) => {
  const r = spawnSync('script', ['-qec', line, '/dev/null'], { encoding: 'utf8', input: '', timeout: 20_000 });
  return { code: r.status, said: r.stdout.replace(/\r/g, '') };
};
const caselogLine = (db: string) => `"${process.execPath}" "${BIN}" --db "${db}"`;

describe.skipIf(!script)('the real binary on a terminal', () => {
  it('refuses import - with nothing piped in', () => {
    const db = tempDb();
    expect(onTerminal(`${caselogLine(db)} import -`)).toMatchObject({ code: 1, said: expect.stringMatching(/^caselog: nothing piped in: give the file to import /) });
    expect(existsSync(db)).toBe(false);
  });

  // Standard input was made non-blocking when caselog asked whether it was a terminal.
  it('reads an export piped in more slowly than it reads, as another caselog\'s export is', () => {
    const db = tempDb();
    expect(onTerminal(`(sleep 1; cat "${DEMO}") | ${caselogLine(db)} import -`)).toEqual({ code: 0, said: `Imported the input: 36 added, 0 updated, 0 unchanged\n${newDatabase(db)}` });
  });
});
