// A season in a deadline is refused: summer in the north is winter in the south, and read as its
// year ("summer 2027" as c. 2027) it fell due on 1 January. Events keep seasons, as vague dates.
import { describe, expect, it } from 'vitest';
import { DateInputError, formatDate, parseDate, parseDeadlineDate } from '../src/domain/dates';
import { caselog, tempDb } from './helpers/cli';

const today = { year: 2027, month: 1, day: 10 };

describe('a season in a deadline date', () => {
  it.each([
    ['summer 2027', 'summer', 'June 2027'],
    ['Summer 2027', 'summer', 'June 2027'],
    ['by the autumn of 2027', 'autumn', 'June 2027'],
    ['before FALL 2027', 'fall', 'June 2027'],
    ['early spring 2027', 'spring', 'June 2027'],
    ['the end of winter 2027', 'winter', 'June 2027'],
    ['winter', 'winter', 'June 1999'],
  ])('%s is refused, asking for the month', (typed, season, example) => {
    expect(() => parseDeadlineDate(typed, today)).toThrow(DateInputError);
    expect(() => parseDeadlineDate(typed, today)).toThrow(
      `"${typed}" names a season, and ${season} falls in different months in each hemisphere: give the month, e.g. ${example}`,
    );
  });

  it('is told apart from a word that holds one, and stays accepted in an event date', () => {
    expect(() => parseDeadlineDate('the fall of 2027', today)).toThrow(/names a season/);
    // "falls" is no season; the date is refused for what it is.
    expect(() => parseDeadlineDate('when it falls', today)).toThrow(/is not a date caselog can read/);
    const d = parseDate('summer 2027');
    expect(formatDate(d)).toBe('c. 2027');
    expect(d.text).toBe('summer 2027');
  });
});

describe('add deadline and edit with a season', () => {
  it('refuses it with exit 1 and records nothing; the event keeps it', async () => {
    const db = tempDb();
    const c = (args: string[]) => caselog(args, { db, today: '2027-01-10' });
    await c(['add', 'case', '--ref', 'UA 2/27', '--title', 'T']);
    const r = await c(['add', 'deadline', 'UA 2/27', '--date', 'summer 2027', '--note', 'x']);
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: "summer 2027" names a season, and summer falls in different months in each hemisphere: give the month, e.g. June 2027\n' });
    expect(JSON.parse((await c(['--json', 'due', '--within', '999'])).stdout)).toEqual([]);
    await c(['add', 'deadline', 'UA 2/27', '--date', 'June 2027', '--note', 'x']);
    const id = JSON.parse((await c(['--json', 'due', '--within', '999'])).stdout)[0].id as string;
    expect((await c(['edit', id, '--date', 'Summer 2027'])).code).toBe(1);
    expect((await c(['due', '--within', '999'])).stdout).toContain('June 2027');
    // An event after today in a season: the deadline offered leaves the date to fill in, not one refused.
    const event = await c(['add', 'event', 'UA 2/27', '--date', 'summer 2028', '--type', 'other', '--summary', 'x']);
    expect(event.code).toBe(0);
    expect(event.stderr).toContain('record a deadline: caselog add deadline "UA 2/27" --date DATE --note x\n');
    expect(JSON.parse((await c(['--json', 'timeline', 'UA 2/27'])).stdout).events[0]).toMatchObject({ date: '2028', approximate: true, dateText: 'summer 2028' });
  });
});
