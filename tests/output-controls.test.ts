// A database another program filled (a colleague's file, a crafted backup) may hold escape codes
// that caselog refuses at every way in: every list shows them as \uXXXX, so that a deadline's note
// cannot clear the screen, retitle the window or hide text; caselog's own colours still show.
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

const HOSTILE_NOTE = 'call the family\u001b[2J\u001b]0;PWNED\u0007';
const HOSTILE_TITLE = 'Fear \u001b[8mhidden\u001b[0m of \u202etorture';

let db: string;
const c = (args: string[], opts: { tty?: boolean; columns?: number; env?: Record<string, string> } = {}) => caselog(args, { db, today: '2026-11-24', ...opts });
/** Any control character but line feed and tab, and the direction overrides: what a terminal obeys. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const COLOUR = /\u001b\[\d+(?:;\d+)*m/g;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'])).code).toBe(0);
  expect((await c(['add', 'person', 'Ana Lopez', '--case', 'UA 1/26', '--risk', 'torture'])).code).toBe(0);
  expect((await c(['add', 'deadline', 'UA 1/26', '--date', '2026-11-29', '--note', 'call the family'])).code).toBe(0);
  expect((await c(['add', 'event', 'Ana Lopez', '--date', '2026-11-01', '--type', 'arrest', '--summary', 'Arrested at home'])).code).toBe(0);
  const file = new Database(db);
  file.prepare('UPDATE deadlines SET note = ?').run(HOSTILE_NOTE);
  file.prepare('UPDATE cases SET title = ?').run(HOSTILE_TITLE);
  file.prepare('UPDATE events SET summary = ?').run(`Arrested\u001b[1A\u001b[2K at home`);
  file.close();
});

describe('text from a database that holds escape codes', () => {
  it.each([
    [['due']], [['at-risk']], [['list', 'cases']], [['timeline', 'Ana Lopez']], [['timeline', 'UA 1/26']],
    [['show', 'UA 1/26']], [['search', 'family']], [['search', 'Arrested']],
  ])('is shown as escapes by %j, in a pipe and on a terminal', async (args) => {
    for (const opts of [{}, { tty: true, columns: 200 }]) {
      const r = await c(args, opts);
      expect(r.code, r.stderr).toBe(0);
      // On a terminal, caselog's own colours (the record's "hide text" code is no longer one).
      expect(r.stdout.replace(COLOUR, '')).not.toMatch(OBEYED);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
  });

  it('names each code, so the reader sees what the record holds', async () => {
    const due = (await c(['due'])).stdout;
    expect(due).toContain('call the family\\u001b[2J\\u001b]0;PWNED\\u0007');
    expect((await c(['list', 'cases'])).stdout).toContain('Fear \\u001b[8mhidden\\u001b[0m of \\u202etorture');
  });

  it('keeps caselog\'s own colours when colour is on, and never lets a record hide text', async () => {
    const r = await c(['due'], { tty: true, columns: 200, env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\\u001b[2J');
    const shown = (await c(['list', 'cases'], { tty: true, columns: 200, env: { FORCE_COLOR: '1' } })).stdout;
    expect(shown).toContain('\\u001b[8m');
    expect(shown).not.toContain('\u001b[8m');
  });

  it('is shown as escapes by an export read on a terminal', async () => {
    const r = await c(['export', '--format', 'md', 'UA 1/26'], { tty: true, columns: 200 });
    expect(r.stdout).toContain('\\u001b');
    expect(r.stdout.replace(COLOUR, '')).not.toMatch(OBEYED);
  });

  it('is left as stored in an export into a pipe: the data, not a display of it', async () => {
    const md = (await c(['export', '--format', 'md', 'UA 1/26'])).stdout;
    expect(md).toContain('\u001b');
    const json = (await c(['export', '--format', 'json'])).stdout;
    expect(JSON.parse(json).deadlines[0].note).toBe(HOSTILE_NOTE);
  });
});
