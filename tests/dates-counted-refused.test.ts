// Only deadlines take dates counted from today. A date of something that happened ("--date today"),
// or --today itself, given that way is refused, and the refusal says the date meant, counted from
// today (--today, CASELOG_TODAY, else the local date), so the fix is a copy away.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Prompter } from '../src/prompter';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '2026-11-24') => caselog(args, { db, today });
const meant = (typed: string, iso: string) => `caselog: "${typed}" counts from today, which only deadlines do: write the date itself: ${iso}\n`;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'person', 'Ana Lopez'])).code).toBe(0);
  expect((await c(['add', 'event', 'Ana Lopez', '--date', '2026-11-02', '--type', 'arrest', '--summary', 'Arrested at home'])).code).toBe(0);
});

const logged = async () => (await c(['--json', 'log', '--limit', '0'])).stdout;

describe('a date counted from today where the date itself is wanted', () => {
  it.each([
    ['today', '2026-11-24'],
    ['yesterday', '2026-11-23'],
    ['tomorrow', '2026-11-25'],
    ['in 2 days', '2026-11-26'],
    ['next month', '2026-12-24'],
  ])('add event --date %j is refused with %s, recording nothing', async (typed, iso) => {
    const before = await logged();
    expect(await c(['add', 'event', 'Ana Lopez', '--date', typed, '--type', 'detention', '--summary', 'Held'])).toEqual({ code: 1, stdout: '', stderr: meant(typed, iso) });
    expect(await logged()).toBe(before);
  });

  it('counts from CASELOG_TODAY when it says what today is', async () => {
    const r = await caselog(['status', 'Ana Lopez', 'released', '--date', 'yesterday'], { db, env: { CASELOG_TODAY: '2020-03-01' } });
    expect(r).toEqual({ code: 1, stdout: '', stderr: meant('yesterday', '2020-02-29') });
  });

  it('status --date today and edit of an event date say the date too, and change nothing', async () => {
    const before = await logged();
    expect(await c(['status', 'Ana Lopez', 'released', '--date', 'today'])).toEqual({ code: 1, stdout: '', stderr: meant('today', '2026-11-24') });
    const id = JSON.parse((await c(['--json', 'timeline', 'Ana Lopez'])).stdout).events[0].id as string;
    expect(await c(['edit', id, '--date', 'yesterday'], '2026-12-01')).toEqual({ code: 1, stdout: '', stderr: meant('yesterday', '2026-11-30') });
    expect(await logged()).toBe(before);
  });

  it('is said at the date prompt of an edit on a terminal', async () => {
    const id = JSON.parse((await c(['--json', 'timeline', 'Ana Lopez'])).stdout).events[0].id as string;
    const refusals: unknown[] = [];
    // Every field kept as it is; "yesterday" tried at the date.
    const prompter: Prompter = {
      ...scriptedPrompter([]),
      input: async (message, opts) => {
        if (message === 'Date:') refusals.push(opts?.validate?.('yesterday'));
        return opts?.default ?? '';
      },
    };
    expect((await caselog(['edit', id], { db, today: '2026-11-24', tty: true, prompter })).code).toBe(0);
    expect(refusals).toEqual(['"yesterday" counts from today, which only deadlines do: write the date itself: 2026-11-23']);
  });

  it('is still taken by a deadline', async () => {
    expect((await c(['add', 'deadline', 'Ana Lopez', '--date', 'in 2 days', '--note', 'call the lawyer'])).code).toBe(0);
    expect(JSON.parse((await c(['--json', 'due'])).stdout)[0].date).toBe('2026-11-26');
  });
});

describe('--today counted from today', () => {
  // The helper's machine clock reads 22 November 2026.
  it('says the local date a word means', async () => {
    expect(await caselog(['--today', 'yesterday', 'due'], { db })).toEqual({
      code: 1, stdout: '', stderr: 'caselog: --today: "yesterday" is not a day: write it as YYYY-MM-DD: 2026-11-21 for yesterday\n',
    });
    expect((await caselog(['due'], { db, env: { CASELOG_TODAY: 'tomorrow' } })).stderr)
      .toBe('caselog: CASELOG_TODAY: "tomorrow" is not a day: write it as YYYY-MM-DD: 2026-11-23 for tomorrow\n');
  });

  it('says that today is the default already', async () => {
    expect(await caselog(['--today', 'today', 'due'], { db })).toEqual({ code: 1, stdout: '', stderr: 'caselog: --today: "today" is already the default: leave --today out\n' });
    expect((await caselog(['due'], { db, env: { CASELOG_TODAY: 'today' } })).stderr).toBe('caselog: CASELOG_TODAY: "today" is already the default: unset CASELOG_TODAY\n');
  });

  it('gives the date for "today" when leaving --today out would take CASELOG_TODAY instead', async () => {
    expect((await caselog(['--today', 'today', 'due'], { db, env: { CASELOG_TODAY: '2020-03-01' } })).stderr)
      .toBe('caselog: --today: "today" is not a day: write it as YYYY-MM-DD: 2026-11-22 for today\n');
  });
});
