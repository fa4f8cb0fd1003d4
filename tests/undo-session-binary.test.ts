// The real caselog in real terminal sessions (needs `npm run build`). Each command this test runs is
// a child of the test's process, in the test's session, as commands typed one after another in one
// terminal are in its shell's; `setsid` runs one in a session of its own, as another terminal's
// shell is. undo takes back a change of its own session and refuses another session's unless --force.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, spawnCaselog, tempDb, type Result } from './helpers/cli';
import { rowsOf } from './helpers/old-search';

let db: string;
const env = () => ({ CASELOG_DB: db, CASELOG_TODAY: '2026-11-23' });
const here = (args: string[]) => spawnCaselog(args, env());
/** A program run as spawnCaselog runs caselog, on this test's database. */
function spawned(command: string, argv: string[]): Result {
  const result = spawnSync(command, argv, { encoding: 'utf8', input: '', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env() } });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? String(result.error ?? '') };
}
/** A run in a session of its own (util-linux setsid; --wait, for its exit code). */
const setsid = (argv: string[]) => spawned('setsid', ['--wait', ...argv]);
const elsewhere = (args: string[]) => setsid([process.execPath, BIN, ...args]);
const event = (summary: string) => ['add', 'event', 'Kaster Musakhanuly', '--date', '2026-11-20', '--type', 'hearing', '--summary', summary];
const summaries = () => (JSON.parse(here(['--json', 'timeline', 'Kaster Musakhanuly']).stdout) as { events: Array<{ summary: string }> }).events.map((e) => e.summary);
const sessions = () => rowsOf(db, 'SELECT action, session FROM changes ORDER BY seq') as Array<{ action: string; session: string | null }>;
const SESSION = process.platform === 'linux' ? /^sid \d+ tty -?\d+$/ : /^ppid \d+$/;

beforeEach(() => {
  db = tempDb();
  expect(here(['add', 'person', 'Kaster Musakhanuly']).code).toBe(0);
});

describe('undo in real terminal sessions', () => {
  it('commands one after another in one session: undo takes back the add, asking nothing', () => {
    expect(here(event('Hearing adjourned')).code).toBe(0);
    const r = here(['undo']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toMatch(/^Undid "caselog add event" of /);
    expect(summaries()).toEqual([]);
    const logged = sessions();
    expect(logged[0]!.session).toMatch(SESSION);
    expect(new Set(logged.map((e) => e.session))).toEqual(new Set([logged[0]!.session]));
  });

  const linux = process.platform === 'linux' && spawnSync('setsid', ['--version']).status === 0;

  it.skipIf(!linux)("another session's add is refused without a terminal, in one line, and stays; --force takes it back", () => {
    expect(here(event('Hearing adjourned')).code).toBe(0);
    const r = elsewhere(['undo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: the latest change, "caselog add event" of \d{4}-\d\d-\d\d \d\d:\d\d, was made in another terminal session: nothing was undone; caselog undo --force takes it back all the same\n$/);
    expect(summaries()).toEqual(['Hearing adjourned']);
    const forced = elsewhere(['undo', '--force']);
    expect(forced, forced.stderr).toMatchObject({ code: 0 });
    expect(summaries()).toEqual([]);
  });

  it.skipIf(!linux)('each terminal is a session of its own; a script in one is one session, its add and undo too', () => {
    expect(elsewhere(event('First')).code).toBe(0);
    expect(elsewhere(event('Second')).code).toBe(0);
    const [, first, second] = sessions();
    expect(first!.session).toMatch(SESSION);
    expect(second!.session).toMatch(SESSION);
    expect(first!.session).not.toBe(second!.session);
    // A script run in a third session: its undo takes back its own add, after the other sessions'.
    const script = setsid(['sh', '-c', `"${process.execPath}" "${BIN}" "$@" && "${process.execPath}" "${BIN}" undo`, 'sh', ...event('Third')]);
    expect(script, script.stderr).toMatchObject({ code: 0 });
    expect(script.stderr).toContain('removed hearing on 20 November 2026: Third');
    expect(summaries().sort()).toEqual(['First', 'Second']);
    expect(here(['undo']).code).toBe(1);
  });

  it.skipIf(process.platform !== 'linux')('a program name holding ") " and spaces (which /proc/self/stat puts before the session) is the same session', () => {
    // Node run under such a name: the kernel writes it into the line the session id is read from.
    const node = join(mkdtempSync(join(tmpdir(), 'caselog-node-')), 'n) 7 8 9 (x');
    symlinkSync(process.execPath, node);
    const added = spawned(node, [BIN, ...event('Hearing adjourned')]);
    expect(added, added.stderr).toMatchObject({ code: 0 });
    const r = here(['undo']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(new Set(sessions().map((e) => e.session)).size).toBe(1);
  });
});
