// A case's own dates after today: a closing is refused (it would take the case out of due and
// at-risk at once), an opening is kept with a note, as an event after today is.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '2027-01-10') => caselog(args, { db, today });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 1/27', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 1/27', '--risk', 'torture', '--status', 'detained']);
  await c(['add', 'deadline', 'UA 1/27', '--date', '2027-01-15', '--note', 'hearing']);
});

describe('close after today', () => {
  it('is refused, with the deadline that keeps the day, and changes nothing', async () => {
    const before = (await c(['export', '--format', 'json'])).stdout;
    const r = await c(['close', 'UA 1/27', '--date', '2027-12-01', '--reason', 'released']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('caselog: 1 December 2027 is after today (10 January 2027), and a case is closed on the day it closes (it leaves due and at-risk at once): '
      + 'close it on the day; until then, a deadline can remind you: caselog add deadline "UA 1/27" --date 2027-12-01 --note "close the case"\n');
    expect((await c(['export', '--format', 'json'])).stdout).toBe(before);
    expect((await c(['due'])).stdout).toContain('hearing');
    expect((await c(['at-risk'])).stdout).toContain('Hemit Memet');
  });

  it('goes by the earliest day the date can mean, as typed', async () => {
    const late = await c(['close', 'UA 1/27', '--date', 'late 2027']);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/^caselog: "late 2027" is after today .* --date "late 2027" --note "close the case"\n$/);
    // Another way of writing the day is not echoed: the date as caselog writes it (one rule with the timeline's).
    expect((await c(['close', 'UA 1/27', '--date', 'December 1, 2027'])).stderr).toMatch(/^caselog: 1 December 2027 is after today /);
    expect((await c(['close', 'UA 1/27', '--date', '2027-01-11'])).code).toBe(1);
    // Today, or a month that today falls in, is no day after it.
    expect((await c(['close', 'UA 1/27', '--date', '2027-01'])).code).toBe(0);
    expect((await c(['due'])).stdout).not.toContain('hearing');
  });

  it('on a case already closed says first that it is closed, and since when, as without --date', async () => {
    // The refusal of the date came first, and sent the user to fix a date for a closing already done.
    expect((await c(['close', 'UA 1/27', '--reason', 'released'])).code).toBe(0);
    const before = (await c(['export', '--format', 'json'])).stdout;
    const r = await c(['close', 'UA 1/27', '--date', '2027-12-01']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'UA 1/27 is already closed, since 10 January 2027 (released)\n' });
    expect(r.stderr).toBe((await c(['close', 'UA 1/27'])).stderr);
    expect((await c(['export', '--format', 'json'])).stdout).toBe(before);
  });
});

describe('a case opened after today', () => {
  const NOTE = 'note: the opening of UA 2/27 is dated 1 March 2027, after today: check the date (caselog undo takes it back)';

  it('is added, with a note on stderr after the line that says so', async () => {
    const r = await c(['add', 'case', '--ref', 'UA 2/27', '--title', 'T', '--opened', '2027-03-01']);
    expect(r.code).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^Opened case UA 2\/27/), NOTE]);
    expect((await c(['show', 'UA 2/27'])).stdout).toContain('1 March 2027');
    // Nothing is said of today, the past, or a year today falls in.
    for (const [ref, opened] of [['A', '2027-01-10'], ['B', '1999'], ['C', '2027']] as const) {
      expect((await c(['add', 'case', '--ref', ref, '--title', 'T', '--opened', opened])).stderr, opened).not.toContain('note:');
    }
  });

  it('is edited, with the same note', async () => {
    await c(['add', 'case', '--ref', 'UA 2/27', '--title', 'T', '--opened', '2026-12-01']);
    const r = await c(['edit', 'UA 2/27', '--opened', '2027-03-01']);
    expect(r.code).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^Edited case UA 2\/27/), NOTE]);
    for (const opened of ['2027-01-10', '1999', '2027']) {
      expect((await c(['edit', 'UA 2/27', '--opened', opened])).stderr, opened).not.toContain('note:');
    }
  });
});
