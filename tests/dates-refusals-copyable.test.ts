// A refused date's message offers what to type instead, never the same text again nor a day the
// input did not name; a date pasted from a web page reads as it looks. Run under the date tests'
// zones too (TZ=Pacific/Kiritimati, TZ=America/Los_Angeles): nothing here may move by a day.
import { describe, expect, it } from 'vitest';
import { DateInputError, formatDate, parseDate, parseDay, parseDeadlineDate } from '../src/domain/dates';
import { caselog, fileOf, tempDb } from './helpers/cli';

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(DateInputError);
    return (e as Error).message;
  }
  throw new Error('expected the date to be refused, but it was accepted');
}

const SPREADSHEET = "looks like a spreadsheet's day number, not a date: format the column as a date in ISO form (YYYY-MM-DD, e.g. 1999-02-11)";

describe('a refusal that offers a form to copy', () => {
  it.each([
    ['1999-02-011', '"1999-02-011" has 3 digits in its day: write it as 1999-02-11 (ISO: year-month-day)'],
    ['1999-002-11', '"1999-002-11" has 3 digits in its month: write it as 1999-02-11 (ISO: year-month-day)'],
    ['1999/02/011', '"1999/02/011" has 3 digits in its day: write it as 1999-02-11 (ISO: year-month-day)'],
  ])('names what is wrong with %s, and a form that differs from it', (typed, message) => {
    expect(refusal(() => parseDate(typed))).toBe(message);
    expect(refusal(() => parseDay(typed))).toBe(message);
  });

  it.each([
    ['mid-March 2027', '2027-03-01 to 2027-03-31'],
    ['late March 2027', '2027-03-01 to 2027-03-31'],
    ['March 2027', '2027-03-01 to 2027-03-31'],
    ['2027', '2027-01-01 to 2027-12-31'],
  ])('asks for a day within %s, naming its range, not its first day to copy', (typed, range) => {
    expect(refusal(() => parseDay(typed))).toBe(`"${typed}" is not one day: write the day meant as YYYY-MM-DD (ISO: year-month-day), from ${range}`);
  });

  it.each(['36202', '36202.5'])('takes %s for a spreadsheet day number, not a year', (typed) => {
    for (const read of [() => parseDate(typed), () => parseDay(typed), () => parseDeadlineDate(typed, { year: 2027, month: 1, day: 10 })]) {
      expect(refusal(read)).toBe(`"${typed}" ${SPREADSHEET} and copy or save it again`);
    }
  });
});

describe('a date pasted with invisible characters', () => {
  it.each([
    ['11\u200b February 1999', 'zero-width space'],
    ['11 Feb\u00adruary 1999', 'soft hyphen'],
    ['\u200e11 February 1999\u200f', 'direction marks'],
    ['\u202a11 February 1999\u202c', 'embedding'],
    ['1999-02\u2060-11', 'word joiner'],
  ])('reads %j (%s) as it looks, and keeps the text without them', (typed) => {
    const d = parseDate(typed);
    expect(formatDate(d)).toBe('11 February 1999');
    expect(d.text).toMatch(/^(11 February 1999|1999-02-11)$/);
    expect(formatDate(parseDeadlineDate(typed, { year: 1999, month: 1, day: 1 }))).toBe('11 February 1999');
  });

  it('takes a --today with one, and counts a relative deadline with one from today', () => {
    expect(parseDay('\u200b1999-02-11\u200e')).toEqual({ year: 1999, month: 2, day: 11 });
    expect(formatDate(parseDeadlineDate('\u200btomorrow', { year: 1999, month: 1, day: 1 }))).toBe('2 January 1999');
  });
});

describe('on the command line and in a sheet', () => {
  it('says so for --today, a --date and a column', async () => {
    const db = tempDb();
    const c = (args: string[], today = '2027-01-10') => caselog(args, { db, today });
    expect((await c(['due'], 'mid-March 2027')).stderr).toBe('caselog: --today: "mid-March 2027" is not one day: write the day meant as YYYY-MM-DD (ISO: year-month-day), from 2027-03-01 to 2027-03-31\n');
    await c(['add', 'case', '--ref', 'UA 1/99', '--title', 'T']);
    const pasted = await c(['add', 'event', 'UA 1/99', '--date', '11\u200b February 1999', '--type', 'arrest', '--summary', 'x']);
    expect(pasted.stderr).toContain('Recorded arrest on 11 February 1999');
    expect(JSON.parse((await c(['--json', 'timeline', 'UA 1/99'])).stdout).events[0].dateText).toBe('11 February 1999');
    const sheet = fileOf('people.csv', 'name,cases,born\nHemit Memet,UA 1/99,36202\n');
    const r = await c(['import', sheet]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`column born: "36202" ${SPREADSHEET}`);
    // Read from a sheet, the date keeps its text without the invisible characters.
    expect((await c(['import', fileOf('people.csv', 'name,cases,born\nHemit Memet,UA 1/99,\u200e11 February 1970\u200f\n')])).code).toBe(0);
    expect(JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout).born).toMatchObject({ date: '1970-02-11', dateText: '11 February 1970' });
  });
});
