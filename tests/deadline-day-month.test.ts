// Deadlines as a caseworker types them: a day and month without a year ("postponed to 21 January")
// is the next one, today included, and the year chosen is said; "within 3 months" is "in 3 months";
// an advance warning in days or weeks ("14d", "2w").
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '2020-01-06') => caselog(args, { db, today });
const added = async (args: string[], today?: string) => {
  const r = await c(['--json', 'add', 'deadline', 'KZ-1', ...args], today);
  expect(r.code, r.stderr).toBe(0);
  return { ...JSON.parse(r.stdout) as { id: string; date: string; dateText: string; warn: number | null }, said: r.stderr };
};

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'KZ-1', '--title', 'Musakhanuly']);
});

describe('a deadline\'s day and month without a year', () => {
  it('is the next such day from today, today itself included, and the confirmation says the year was chosen', async () => {
    const hearing = await added(['--date', '21 January', '--note', 'postponed hearing']);
    expect(hearing).toMatchObject({ date: '2020-01-21', dateText: '21 January 2020' });
    expect(hearing.said).toBe(`Deadline 21 January 2020 (no year given: the next 21 January from today): postponed hearing (KZ-1) [${hearing.id.slice(0, 10)}]\n`);
    expect(await added(['--date', '6 January', '--note', 'today'])).toMatchObject({ date: '2020-01-06' });
    expect(await added(['--date', 'by 5th January', '--note', 'gone by'])).toMatchObject({ date: '2021-01-05', dateText: '5 January 2021' });
    expect(await added(['--date', 'January 7', '--note', 'tomorrow'])).toMatchObject({ date: '2020-01-07' });
    expect(await added(['--date', '29 February', '--note', 'leap'], '2021-03-01')).toMatchObject({ date: '2024-02-29' });
    expect((await c(['due', '--within', '30'])).stdout).toContain('postponed hearing — check before 21 January 2020 (in 15 days)');
  });

  it('is the next one under edit too, said in a note; an event still needs its year, and no day is invented', async () => {
    const { id } = await added(['--date', '2020-03-01', '--note', 'file the appeal']);
    const r = await c(['edit', id, '--date', '2 January']);
    expect(r.stderr).toBe(`note: no year given: 2 January 2021 is the next 2 January from today\nEdited deadline 2 January 2021: file the appeal (KZ-1) [${id.slice(0, 10)}]\n`);
    const event = await c(['add', 'event', 'KZ-1', '--date', '21 January', '--type', 'hearing', '--summary', 'hearing']);
    expect(event).toMatchObject({ code: 1, stderr: 'caselog: "21 January" has no four-digit year: write the year in full, as YYYY-01-21 (ISO: year-month-day)\n' });
    expect(await c(['add', 'deadline', 'KZ-1', '--date', '31 February', '--note', 'x'])).toMatchObject({ code: 1, stderr: 'caselog: "31 February" does not exist: February has at most 29 days\n' });
    expect(await c(['add', 'deadline', 'KZ-1', '--date', 'Wednesday 21 January', '--note', 'x'])).toMatchObject({ code: 1, stderr: expect.stringContaining('2020-01-21 was a Tuesday') });
  });
});

describe('"within" a span', () => {
  it('is read as "in" for a deadline, and refused for an event with the day it means', async () => {
    expect(await added(['--date', 'within 3 months', '--note', 'asylum decision'])).toMatchObject({ date: '2020-04-06', dateText: '6 April 2020' });
    expect(await added(['--date', 'within two weeks', '--note', 'reply'])).toMatchObject({ date: '2020-01-20' });
    const event = await c(['add', 'event', 'KZ-1', '--date', 'within 3 months', '--type', 'other', '--summary', 'x']);
    expect(event.stderr).toBe('caselog: "within 3 months" counts from today, which only deadlines do: write the date itself: 2020-04-06\n');
  });
});

describe('--warn', () => {
  it('takes days and weeks, on add and on edit', async () => {
    expect((await added(['--date', '2020-02-21', '--warn', '2w', '--note', 'a'])).warn).toBe(14);
    expect((await added(['--date', '2020-02-21', '--warn', '14d', '--note', 'b'])).warn).toBe(14);
    expect((await added(['--date', '2020-02-21', '--warn', '3 weeks', '--note', 'c'])).warn).toBe(21);
    const { id } = await added(['--date', '2020-02-21', '--warn', '10', '--note', 'd']);
    expect((await c(['edit', id, '--warn', '1w'])).code).toBe(0);
    expect(JSON.parse((await c(['--json', 'show', id])).stdout).warn).toBe(7);
  });

  it('takes days and weeks at the guided prompt too, and a day and month without a year there', async () => {
    const prompter = scriptedPrompter(['deadline', 'new', 'KZ-2', 'Alimuly', 'new', 'Murager Alimuly', '', '', '21 January', 'postponed hearing', '2w']);
    const r = await caselog(['add'], { db, tty: true, today: '2020-01-06', prompter });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Deadline 21 January 2020: postponed hearing (KZ-2)');
    expect(JSON.parse((await c(['--json', 'due', '--within', '30'])).stdout)[0]).toMatchObject({ date: '2020-01-21', warn: 14, note: 'postponed hearing' });
  });

  it('refuses months (not all as long) and more than ten years, changing nothing', async () => {
    const before = (await c(['export', '--format', 'json'])).stdout;
    expect(await c(['add', 'deadline', 'KZ-1', '--date', '2020-02-21', '--warn', '1m', '--note', 'x']))
      .toMatchObject({ code: 2, stderr: 'caselog: --warn takes days (a whole number of 0 or more, or 14d) or weeks (2w), not "1m"\n' });
    expect(await c(['add', 'deadline', 'KZ-1', '--date', '2020-02-21', '--warn', '600w', '--note', 'x']))
      .toMatchObject({ code: 2, stderr: 'caselog: --warn takes up to 3653 days, not "600w"\n' });
    expect((await c(['export', '--format', 'json'])).stdout).toBe(before);
  });
});
