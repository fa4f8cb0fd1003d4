// In a database two people write (a shared folder, one laptop passed around), undo must not take
// back the colleague's latest change unseen: it says whose it was, asks on a terminal (No unless
// answered), refuses without one unless --force, and a script undoing its own change runs as before.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { caselog, DEMO, ENTER, scriptedPrompter, tempDb } from './helpers/cli';

/** Who runs caselog: the OS user the change log records. */
let osUser = 'aigerim';
vi.mock('node:os', async (original) => {
  const os = await original<typeof import('node:os')>();
  return { ...os, userInfo: () => ({ ...os.userInfo(), username: osUser }) };
});

let db: string;
const c = (args: string[], tty = false, prompter?: ReturnType<typeof scriptedPrompter>) => caselog(args, { db, today: '2026-11-23', tty, prompter });
const ME = 'aigerim';
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
const event = ['add', 'event', 'Kaster Musakhanuly', '--date', '2026-11-20', '--type', 'hearing', '--summary', 'Hearing adjourned'];

beforeEach(async () => {
  db = tempDb();
  osUser = ME;
  expect((await c(['import', DEMO])).code).toBe(0);
});

/** The latest change made by Berik, on the same database. */
async function byBerik(): Promise<void> {
  osUser = 'berik';
  expect((await c(event)).code).toBe(0);
  osUser = ME;
}

describe("undo of a colleague's change", () => {
  it('without a terminal, refuses in one line naming the change, its author and --force; nothing changes', async () => {
    await byBerik();
    const before = await exported();
    const r = await c(['undo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^caselog: the latest change, "caselog add event" of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d, was made by berik, not by you \\(${ME}\\): nothing was undone; caselog undo --force takes it back all the same\\n$`));
    expect(r.stdout).toBe('');
    expect(await exported()).toBe(before);
  });

  it('with --force, takes it back and says whose it was, in words and in --json', async () => {
    await byBerik();
    const r = await c(['--json', 'undo', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Undid berik's "caselog add event" of .*: removed hearing on 20 November 2026: Hearing adjourned \[e-/);
    expect(JSON.parse(r.stdout)).toMatchObject({ action: 'add', command: 'add event', user: 'berik' });
    expect((await c(['timeline', 'Kaster Musakhanuly'])).stdout).not.toContain('Hearing adjourned');
    // The log keeps both: who undid it, and whose change it was.
    const [entry] = JSON.parse((await c(['--json', 'log', '--limit', '1'])).stdout) as Array<{ user: string; action: string; after: { user: string } }>;
    expect(entry).toMatchObject({ user: ME, action: 'undo', after: { user: 'berik' } });
  });

  it('on a terminal, asks, and Enter (No) keeps it', async () => {
    await byBerik();
    const before = await exported();
    const ask = scriptedPrompter([ENTER]);
    const r = await c(['undo'], true, ask);
    expect(ask.asked).toEqual(["Undo berik's change?"]);
    expect(r.stderr).toContain(`The latest change, "caselog add event" of `);
    expect(r.stderr).toContain(`was made by berik, not by you (${ME}); caselog log shows it.`);
    expect(r.stderr).toContain("caselog: nothing was undone: berik's change stays");
    expect(r.code).toBe(1);
    expect(await exported()).toBe(before);
  });

  it('on a terminal, a yes takes it back', async () => {
    await byBerik();
    const r = await c(['undo'], true, scriptedPrompter([true]));
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining(`Undid berik's "caselog add event"`) });
    expect((await c(['timeline', 'Kaster Musakhanuly'])).stdout).not.toContain('Hearing adjourned');
  });

  it('a change made while the question was open is not taken back in place of the one asked about', async () => {
    await byBerik();
    const ask = scriptedPrompter([]);
    ask.confirm = async () => {
      await byBerik();
      return true;
    };
    const r = await c(['undo'], true, ask);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/caselog: another change was made meanwhile \(berik's "caselog add event" of .*\): nothing was undone; caselog undo again starts from that one\n$/);
    expect((await c(['--json', 'timeline', 'Kaster Musakhanuly'])).stdout.match(/Hearing adjourned/g)).toHaveLength(2);
  });
});

describe('undo of your own change', () => {
  it('runs without asking or --force, as scripts rely on, and --json names you', async () => {
    expect((await c(event)).code).toBe(0);
    const r = await c(['--json', 'undo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Undid "caselog add event" of /);
    expect(JSON.parse(r.stdout).user).toBe(ME);
  });

  it('asks nothing on a terminal', async () => {
    expect((await c(event)).code).toBe(0);
    const ask = scriptedPrompter([]);
    expect((await c(['undo'], true, ask)).code).toBe(0);
    expect(ask.asked).toEqual([]);
  });
});
