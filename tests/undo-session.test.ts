// Two people sharing one OS account (a family's one laptop), or one person with two terminals open:
// undo must not take back the change made in the other terminal unseen. The change log names the
// terminal session of each change (migration 12); undo of another session's change is asked about
// on a terminal (No unless answered) and refused without one unless --force, as a colleague's is.
// These runs say their session themselves (tests/helpers/cli.ts); undo-session-binary.test.ts
// runs the real caselog in real sessions.
import Database from 'better-sqlite3-multiple-ciphers';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { caselog, ENTER, scriptedPrompter, tempDb } from './helpers/cli';
import { rowsOf } from './helpers/old-search';
import { SCHEMA_VERSION } from '../src/store/schema';

/** Who runs caselog: the OS user the change log records. */
let osUser = 'aigerim';
vi.mock('node:os', async (original) => {
  const os = await original<typeof import('node:os')>();
  return { ...os, userInfo: () => ({ ...os.userInfo(), username: osUser }) };
});

const ME = 'aigerim';
const HERE = 'sid 4100 tty 34816';
const THERE = 'sid 4222 tty 34817';
let db: string;
/** A run in the session given (this one unless said; null: a run that does not know its own). */
const c = (args: string[], session: string | null = HERE, tty = false, prompter?: ReturnType<typeof scriptedPrompter>) =>
  caselog(args, { db, today: '2026-11-23', tty, prompter, session: session ?? undefined });
const event = ['add', 'event', 'Kaster Musakhanuly', '--date', '2026-11-20', '--type', 'hearing', '--summary', 'Hearing adjourned'];
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
const hearings = async () => ((await c(['timeline', 'Kaster Musakhanuly'])).stdout.match(/Hearing adjourned/g) ?? []).length;

beforeEach(async () => {
  db = tempDb();
  osUser = ME;
  expect((await c(['add', 'person', 'Kaster Musakhanuly'])).code).toBe(0);
});

describe('undo of a change made in another terminal session by the same OS user', () => {
  it('without a terminal, refuses in one line naming the change, the other session and --force; nothing changes', async () => {
    expect((await c(event, THERE)).code).toBe(0);
    const before = await exported();
    const r = await c(['undo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: the latest change, "caselog add event" of \d{4}-\d\d-\d\d \d\d:\d\d, was made in another terminal session: nothing was undone; caselog undo --force takes it back all the same\n$/);
    expect(r.stdout).toBe('');
    expect(await exported()).toBe(before);
    expect(await hearings()).toBe(1);
  });

  it('with --force, takes it back', async () => {
    expect((await c(event, THERE)).code).toBe(0);
    expect((await c(['undo'])).code).toBe(1);
    const r = await c(['undo', '--force']);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Undid "caselog add event" of .*: removed hearing on 20 November 2026: Hearing adjourned \[e-/) });
    expect(await hearings()).toBe(0);
  });

  it('on a terminal, says which change and asks; Enter (No) keeps it', async () => {
    expect((await c(event, THERE)).code).toBe(0);
    const before = await exported();
    const ask = scriptedPrompter([ENTER]);
    const r = await c(['undo'], HERE, true, ask);
    expect(ask.asked).toEqual(["Undo the other session's change?"]);
    expect(r.stderr).toMatch(/^The latest change, "caselog add event" of \d{4}-\d\d-\d\d \d\d:\d\d, was made in another terminal session; caselog log shows it\.\n/);
    expect(r.stderr).toContain("caselog: nothing was undone: the other session's change stays\n");
    expect(r.code).toBe(1);
    expect(await exported()).toBe(before);
  });

  it('on a terminal, a yes takes it back', async () => {
    expect((await c(event, THERE)).code).toBe(0);
    const ask = scriptedPrompter([true]);
    const r = await c(['undo'], HERE, true, ask);
    expect(ask.asked).toEqual(["Undo the other session's change?"]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('Undid "caselog add event"') });
    expect(await hearings()).toBe(0);
  });

  it('a change the other session made while the question was open is not taken back in place of the one asked about', async () => {
    expect((await c(event, THERE)).code).toBe(0);
    const ask = scriptedPrompter([]);
    ask.confirm = async () => {
      expect((await c(event, THERE)).code).toBe(0);
      return true;
    };
    const r = await c(['undo'], HERE, true, ask);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/caselog: another change was made meanwhile \("caselog add event" of .*\): nothing was undone; caselog undo again starts from that one\n$/);
    expect(await hearings()).toBe(2);
  });

  it("a colleague's change made in another session is said as a colleague's, as before", async () => {
    osUser = 'berik';
    expect((await c(event, THERE)).code).toBe(0);
    osUser = ME;
    const r = await c(['undo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was made by berik, not by you \(aigerim\): nothing was undone; caselog undo --force/);
  });
});

describe('undo of a change made in this session', () => {
  it('runs without asking or --force, on a terminal or not', async () => {
    expect((await c(event)).code).toBe(0);
    const ask = scriptedPrompter([]);
    expect((await c(['undo'], HERE, true, ask))).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Undid "caselog add event"/) });
    expect(ask.asked).toEqual([]);
    expect((await c(event)).code).toBe(0);
    expect((await c(['undo'])).code).toBe(0);
    expect(await hearings()).toBe(0);
  });

  it('runs as before where the session is not known (a system that does not say)', async () => {
    expect((await c(event, THERE)).code).toBe(0);
    expect((await c(['undo'], null)).code).toBe(0);
  });
});

describe('the session in the change log', () => {
  it('is in log --json, each entry by the session that wrote it; the text log shows none', async () => {
    expect((await c(event, THERE)).code).toBe(0);
    expect((await c(['undo', '--force'])).code).toBe(0);
    const entries = JSON.parse((await c(['--json', 'log', '--limit', '0'])).stdout) as Array<{ action: string; user: string; session: string | null }>;
    expect(entries.map((e) => [e.action, e.session])).toEqual([['undo', HERE], ['undo', HERE], ['add', THERE], ['add', HERE]]);
    const text = (await c(['log'])).stdout;
    expect(text).not.toContain('sid ');
    expect(text).toContain('add event');
  });

  it('is kept as it was by a restore for the erases it carries over, and names the restoring session for its own entry', async () => {
    expect((await c(['add', 'person', 'Hidden Witness'])).code).toBe(0);
    const backup = join(dirname(db), 'monday.db');
    expect((await c(['backup', backup])).code).toBe(0);
    expect((await c(['erase', 'Hidden Witness', '--force'], THERE)).code).toBe(0);
    expect((await c(['restore', backup, '--force'], 'sid 5 tty 0')).code).toBe(0);
    expect(rowsOf(db, "SELECT action, session FROM changes WHERE action IN ('erase', 'restore') ORDER BY seq")).toEqual([
      { action: 'erase', session: THERE }, { action: 'restore', session: 'sid 5 tty 0' },
    ]);
  });
});

describe('a database of schema 11, whose change log names no sessions', () => {
  /** The file as caselog before migration 12 left it: the same records and log, without the column. */
  function asSchema11(): void {
    const raw = new Database(db);
    raw.exec('ALTER TABLE changes DROP COLUMN session');
    raw.pragma('user_version = 11');
    raw.close();
  }

  it('is upgraded: its entries have no session, and undo of them asks nothing, on a terminal or not', async () => {
    expect((await c(event, THERE)).code).toBe(0);
    expect((await c(event, THERE)).code).toBe(0);
    asSchema11();
    const ask = scriptedPrompter([]);
    const r = await c(['undo'], HERE, true, ask);
    expect(r.stderr).toContain(`was upgraded to this caselog's format (schema 11 to ${SCHEMA_VERSION})`);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('Undid "caselog add event"') });
    expect(ask.asked).toEqual([]);
    expect((await c(['undo'], HERE)).code).toBe(0);
    expect(await hearings()).toBe(0);
    // The old entries say nothing of their session; the undos' own entries name theirs.
    expect(rowsOf(db, 'SELECT action, session FROM changes ORDER BY seq')).toEqual([
      { action: 'add', session: null }, { action: 'add', session: null }, { action: 'add', session: null },
      { action: 'undo', session: HERE }, { action: 'undo', session: HERE }, { action: 'undo', session: HERE }, { action: 'undo', session: HERE },
    ]);
  });
});
