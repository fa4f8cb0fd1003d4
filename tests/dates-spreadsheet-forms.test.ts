// The forms a spreadsheet writes with the month in words (11-Feb-1999, 1999-Feb-11, Feb-1999): no
// order of day and month to guess, so read at the precision written. Run under the date tests'
// zones too (TZ=Pacific/Kiritimati, TZ=America/Los_Angeles): nothing here may move by a day.
import { describe, expect, it } from 'vitest';
import { DateInputError, formatDate, isoOf, parseDate, parseDeadlineDate, precisionOf } from '../src/domain/dates';
import { caselog, fileOf, tempDb } from './helpers/cli';

describe('a month in words between hyphens', () => {
  it.each([
    ['11-Feb-1999', '1999-02-11', 'day'],
    ['11-february-1999', '1999-02-11', 'day'],
    ['11-FEB-1999', '1999-02-11', 'day'],
    ['1999-Feb-11', '1999-02-11', 'day'],
    ['1999-FEBRUARY-11', '1999-02-11', 'day'],
    ['Feb-11-1999', '1999-02-11', 'day'],
    ['11-Sept-1999', '1999-09-11', 'day'],
    ['Feb-1999', '1999-02', 'month'],
    ['february-1999', '1999-02', 'month'],
    ['1999-Feb', '1999-02', 'month'],
  ] as const)('reads %s as %s, to the %s', (typed, iso, precision) => {
    const d = parseDate(typed);
    expect(isoOf(d)).toBe(iso);
    expect(precisionOf(d)).toBe(precision);
    expect(d.approximate).toBe(false);
    expect(d.text).toBe(typed);
  });

  it('takes the words around it as for any written date', () => {
    expect(formatDate(parseDate('c. 11-Feb-1999'))).toBe('c. 11 February 1999');
    expect(formatDate(parseDate('Thursday, 11-Feb-1999'))).toBe('11 February 1999');
    expect(formatDate(parseDeadlineDate('by 15-Mar-1999', { year: 1999, month: 3, day: 1 }))).toBe('15 March 1999');
    // As written without hyphens: no such day, no full year, not a month.
    expect(() => parseDate('31-Feb-1999')).toThrow('February 1999 has 28 days');
    expect(() => parseDate('11-Feb-99')).toThrow('write the year in full, as YYYY-02-11');
    expect(() => parseDate('1999-11-Feb')).toThrow(DateInputError);
    expect(() => parseDate('constructor-1999')).toThrow(DateInputError);
  });
});

describe('in a sheet and on the command line', () => {
  it('imports a column of them and takes them as --date', async () => {
    const db = tempDb();
    const c = (args: string[]) => caselog(args, { db, today: '2027-01-10' });
    await c(['add', 'case', '--ref', 'UA 1/99', '--title', 'T']);
    const r = await c(['import', fileOf('people.csv', 'name,cases,born\nHemit Memet,UA 1/99,11-Feb-1970\nKasim Mahpir,UA 1/99,Mar-1971\n')]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('2 added') });
    expect(JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout).born).toMatchObject({ date: '1970-02-11', precision: 'day' });
    expect(JSON.parse((await c(['--json', 'show', 'Kasim Mahpir'])).stdout).born).toMatchObject({ date: '1971-03', precision: 'month' });
    expect((await c(['add', 'event', 'UA 1/99', '--date', '1999-Feb-11', '--type', 'report', '--summary', 'x'])).stderr).toContain('Recorded report on 11 February 1999');
  });
});
