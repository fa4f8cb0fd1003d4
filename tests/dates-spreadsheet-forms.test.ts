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

describe('two digits that may be a year or a day', () => {
  const refusal = (typed: string) => {
    try {
      parseDate(typed);
    } catch (e) {
      expect(e).toBeInstanceOf(DateInputError);
      return (e as Error).message;
    }
    throw new Error(`${typed} was accepted`);
  };

  it.each([
    // Excel's mmm-yy saves March 2019 so; the hint for 19 March alone had it stored as that day.
    ['Mar-19', '"Mar-19" is ambiguous: March 2019: write 2019-03; or 19 March: write YYYY-03-19'],
    ['Sept-19', '"Sept-19" is ambiguous: September 2019: write 2019-09; or 19 September: write YYYY-09-19'],
    ['19-03-14', '"19-03-14" is ambiguous: 19 March 2014: write 2014-03-19; or 14 March 2019: write 2019-03-14'],
    ['03/04/05', '"03/04/05" is ambiguous: 3 April 2005: write 2005-04-03; or 4 March 2005: write 2005-03-04; or 5 April 2003: write 2003-04-05'],
    ['03-19', '"03-19" is ambiguous: March 2019: write 2019-03; or 19 March: write YYYY-03-19'],
    ['12/05', '"12/05" is ambiguous: December 2005: write 2005-12; or 12 May: write YYYY-05-12; or 5 December: write YYYY-12-05'],
  ])('names each reading of %s, with what to write for it', (typed, message) => {
    expect(refusal(typed)).toBe(message);
  });

  it.each([
    // No such day, so the digits are the year; the year is where it must be; the same reading either way.
    ['Feb-30', '"Feb-30" has no four-digit year: write the year in full, as YYYY-02 (ISO: year-month)'],
    ['Sept-75', '"Sept-75" has no four-digit year: write the year in full, as YYYY-09 (ISO: year-month)'],
    ['3/99', '"3/99" has no four-digit year: write the year in full, as YYYY-03 (ISO: year-month)'],
    ['03/04/99', '"03/04/99" has no four-digit year: write the year in full, as YYYY-04-03 or YYYY-03-04 (ISO: year-month-day)'],
    ['99-03-14', '"99-03-14" has no four-digit year: write the year in full, as YYYY-03-14 (ISO: year-month-day)'],
    ['12-05-12', '"12-05-12" has no four-digit year: write the year in full, as YYYY-05-12 or YYYY-12-05 (ISO: year-month-day)'],
    ['Mar 19', '"Mar 19" has no four-digit year: write the year in full, as YYYY-03-19 (ISO: year-month-day)'],
  ])('asks only for the year in full where %s can be read one way', (typed, message) => {
    expect(refusal(typed)).toBe(message);
  });

  it('says so for add event --date and in a sheet, naming the row', async () => {
    const db = tempDb();
    const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
    await c(['add', 'person', 'Aibek Omarov']);
    expect(await c(['add', 'event', 'Aibek Omarov', '--date', 'Mar-19', '--type', 'arrest', '--summary', 'Taken at night']))
      .toMatchObject({ code: 1, stderr: 'caselog: "Mar-19" is ambiguous: March 2019: write 2019-03; or 19 March: write YYYY-03-19\n' });
    const r = await c(['import', fileOf('events.csv', 'date,type,summary,people\n19-03-14,arrest,Taken at night,Aibek Omarov\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 2, column date: "19-03-14" is ambiguous: 19 March 2014: write 2014-03-19; or 14 March 2019: write 2019-03-14');
  });
});
