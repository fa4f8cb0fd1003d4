// Dates as a caseworker types and reads them. Run under several time zones, e.g.
//   TZ=Pacific/Kiritimati npx vitest run tests/dates.test.ts
//   TZ=America/Los_Angeles npx vitest run tests/dates.test.ts
// nothing here may move by a day.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DateInputError, addDays, compareDates, dateJson, dayIso, daysBetween, firstDay, formatDate,
  formatDay, fromIso, isoOf, lastDay, parseDate, parseDay, parseDeadlineDate, precisionOf, todayFrom,
} from '../src/domain/dates';
import type { Day, PartialDate } from '../src/domain/types';
import { agoInWords } from '../src/domain/due';

const day = (iso: string): Day => {
  const [year, month, dayOfMonth] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: dayOfMonth! };
};

/** The message a refused input shows, failing the test if it was accepted. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(DateInputError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected the date to be refused, but it was accepted');
}

describe('parseDate accepts the forms in the documents', () => {
  it.each([
    // typed, shown as, ISO, approximate
    ['1999-02-11', '11 February 1999', '1999-02-11', false],
    ['1998-10', 'October 1998', '1998-10', false],
    ['1998', '1998', '1998', false],
    ['11 February 1999', '11 February 1999', '1999-02-11', false],
    ['11 Feb 1999', '11 February 1999', '1999-02-11', false],
    ['15 Mar 1999', '15 March 1999', '1999-03-15', false],
    ['15 Mar. 1999', '15 March 1999', '1999-03-15', false],
    ['February 11, 1999', '11 February 1999', '1999-02-11', false],
    ['February 11 1999', '11 February 1999', '1999-02-11', false],
    ['Feb. 11, 1999', '11 February 1999', '1999-02-11', false],
    ['Feb 1999', 'February 1999', '1999-02', false],
    ['February 1999', 'February 1999', '1999-02', false],
    ['11th February 1999', '11 February 1999', '1999-02-11', false],
    ['1st March 1999', '1 March 1999', '1999-03-01', false],
    ['22nd Sep 1999', '22 September 1999', '1999-09-22', false],
    ['February 11th, 1999', '11 February 1999', '1999-02-11', false],
    ['11th of February 1999', '11 February 1999', '1999-02-11', false],
    ['Sept 1999', 'September 1999', '1999-09', false],
    ['12 December 2019', '12 December 2019', '2019-12-12', false],
    ['January 6, 2020', '6 January 2020', '2020-01-06', false],
    ['Monday, January 6, 2020', '6 January 2020', '2020-01-06', false],
    ['on 11 February 1999', '11 February 1999', '1999-02-11', false],
    ['29 February 2000', '29 February 2000', '2000-02-29', false],
    ['2024-02-29', '29 February 2024', '2024-02-29', false],
    ['  MARCH   1999 ', 'March 1999', '1999-03', false],
    ['1000', '1000', '1000', false],
    ['2999-12-31', '31 December 2999', '2999-12-31', false],
  ] as const)('%s', (typed, shown, iso, approximate) => {
    const d = parseDate(typed);
    expect(formatDate(d)).toBe(shown);
    expect(isoOf(d)).toBe(iso);
    expect(d.approximate).toBe(approximate);
    expect(d.text).toBe(typed.trim());
  });
});

describe('parseDate reads approximate and vague dates', () => {
  it.each([
    ['~1998', 'c. 1998', '1998', true],
    ['~ 1998', 'c. 1998', '1998', true],
    ['c. 1998', 'c. 1998', '1998', true],
    ['c.1998', 'c. 1998', '1998', true],
    ['c 1998', 'c. 1998', '1998', true],
    ['ca. 1998', 'c. 1998', '1998', true],
    ['ca 1998', 'c. 1998', '1998', true],
    ['circa March 1998', 'c. March 1998', '1998-03', true],
    ['Circa 1998', 'c. 1998', '1998', true],
    ['about 1998', 'c. 1998', '1998', true],
    ['around 1998', 'c. 1998', '1998', true],
    ['approx. 1998', 'c. 1998', '1998', true],
    ['approximately 1998', 'c. 1998', '1998', true],
    ['~1998-10-14', 'c. 14 October 1998', '1998-10-14', true],
    ['c. 15 March 1999', 'c. 15 March 1999', '1999-03-15', true],
    ['during 1998', '1998', '1998', false],
    ['in 1998', '1998', '1998', false],
    ['in February 1999', 'February 1999', '1999-02', false],
    ['during February 1999', 'February 1999', '1999-02', false],
    ['early 1998', 'c. 1998', '1998', true],
    ['mid 1998', 'c. July 1998', '1998-07', true],
    ['mid-1998', 'c. July 1998', '1998-07', true],
    ['late 1998', 'c. October 1998', '1998-10', true],
    ['late March 1998', 'c. 21 March 1998', '1998-03-21', true],
    ['mid-March 1998', 'c. 15 March 1998', '1998-03-15', true],
    ['early March 1998', 'c. March 1998', '1998-03', true],
    ['the start of March 1998', 'c. March 1998', '1998-03', true],
    ['in early 1998', 'c. 1998', '1998', true],
    ['the end of 1998', 'c. December 1998', '1998-12', true],
    ['end of March 1998', 'c. 31 March 1998', '1998-03-31', true],
    ['late summer 1998', 'c. 1998', '1998', true],
    ['spring 1998', 'c. 1998', '1998', true],
    ['in the autumn of 1998', 'c. 1998', '1998', true],
  ] as const)('%s', (typed, shown, iso, approximate) => {
    const d = parseDate(typed);
    expect(formatDate(d)).toBe(shown);
    expect(isoOf(d)).toBe(iso);
    expect(d.approximate).toBe(approximate);
    expect(d.text).toBe(typed);
  });

  it('keeps what was typed, trimmed, as the date text', () => {
    expect(parseDate('  during 1998 ').text).toBe('during 1998');
    expect(dateJson(parseDate('during 1998'))).toEqual({
      date: '1998', precision: 'year', approximate: false, dateText: 'during 1998',
    });
  });
});

describe('parseDate refuses what it cannot read safely, showing the ISO form to type', () => {
  it.each([
    // all-numeric day/month orders: both readings when both exist
    ['03/04/1999', ['ambiguous', '1999-04-03', '1999-03-04']],
    ['3.4.1999', ['ambiguous', '1999-04-03', '1999-03-04']],
    ['03-04-1999', ['ambiguous', '1999-04-03', '1999-03-04']],
    ['03/04/99', ['four-digit year', 'YYYY-04-03', 'YYYY-03-04']],
    // only one reading exists
    ['13/04/1999', ['1999-04-13']],
    ['04/13/1999', ['1999-04-13']],
    ['04/04/1999', ['1999-04-04']],
    ['1999/02/11', ['1999-02-11']],
    ['1999.02.11', ['1999-02-11']],
    ['03/1999', ['1999-03']],
    ['19990211', ['1999-02-11']],
    // impossible days: the last real day of that month
    ['31 February 1999', ['does not exist', '1999-02-28']],
    ['29 February 1999', ['does not exist', '1999-02-28']],
    ['1999-02-29', ['does not exist', '1999-02-28']],
    ['2100-02-29', ['does not exist', '2100-02-28']],
    ['31 April 1999', ['does not exist', '1999-04-30']],
    ['31/02/1999', ['does not exist', '1999-02-28']],
    ['1999-02-00', ['does not exist', '1999-02-28']],
    ['1999-13-01', ['does not exist', 'no month 13', '1999-01-13']],
    ['1999-13', ['does not exist', 'no month 13', '1999-12', '(ISO: year-month)']],
    ['1999-00-10', ['does not exist', 'no month 0', 'months run from 01 to 12']],
    ['1998/10', ['1998-10 (ISO: year-month)']],
    // a span is not a date
    ['1998-1999', ['span of years', 'c. 1998']],
    ['1998-99', ['span of years', 'c. 1998']],
    // two-digit and out-of-range years
    ['11 Feb 99', ['four-digit year', 'YYYY-02-11']],
    ['Feb 99', ['four-digit year', 'YYYY-02']],
    ['98', ['four-digit year', 'YYYY']],
    ['11 February', ['four-digit year', 'YYYY-02-11']],
    ['0999', ['999', '1000-2999']],
    ['3000-01-01', ['3000', '1000-2999']],
    // a weekday that contradicts the date
    ['Monday, 11 February 1999', ['Thursday', '1999-02-11']],
  ] as const)('%s', (typed, fragments) => {
    const message = refusal(() => parseDate(typed));
    expect(message).toContain(`"${typed}"`);
    for (const fragment of fragments) expect(message).toContain(fragment);
  });

  it('never offers a date that does not exist either', () => {
    expect(refusal(() => parseDate('1999-00-10'))).not.toMatch(/write 1999-10-00|0 October/);
    // A day no year gives the month is said before how to write the year (not "as YYYY-02-30").
    expect(refusal(() => parseDate('30 Feb'))).toBe('"30 Feb" does not exist: February has at most 29 days');
    expect(refusal(() => parseDate('April 31'))).toBe('"April 31" does not exist: April has at most 30 days');
    expect(refusal(() => parseDate('29 Feb'))).toContain('write the year in full, as YYYY-02-29');
  });

  it('gives the ambiguous readings day-first, as the user brief shows them', () => {
    expect(refusal(() => parseDate('03/04/1999'))).toBe(
      '"03/04/1999" is ambiguous: write it as 1999-04-03 or 1999-03-04 (ISO: year-month-day)',
    );
  });

  it.each(['foo', 'a few months earlier', 'c.', 'c1998', 'spring March 1998', '1998s', 'Febtember 1999'])(
    'lists accepted examples for the unreadable %s',
    (typed) => {
      expect(refusal(() => parseDate(typed))).toContain(
        '1999-02-11, 1999-02, 1999, 11 February 1999, Feb 1999, ~1998',
      );
    },
  );

  it.each(['', '   '])('refuses an empty date %j', (typed) => {
    expect(refusal(() => parseDate(typed))).toContain('no date given: write one like 1999-02-11');
  });

  it('tells a user that dates counted from today are for deadlines only', () => {
    expect(refusal(() => parseDate('in 2 weeks'))).toContain('only deadlines');
    expect(refusal(() => parseDate('tomorrow'))).toContain('1999-02-11');
  });
});

describe('parseDeadlineDate counts relative forms from today', () => {
  const today = day('2024-01-31');
  it.each([
    ['today', '2024-01-31'],
    ['Today', '2024-01-31'],
    ['tomorrow', '2024-02-01'],
    ['yesterday', '2024-01-30'],
    ['+14d', '2024-02-14'],
    ['+14 days', '2024-02-14'],
    ['+2w', '2024-02-14'],
    ['+6m', '2024-07-31'],
    ['+1m', '2024-02-29'],
    ['+1y', '2025-01-31'],
    ['in 3 days', '2024-02-03'],
    ['in 1 day', '2024-02-01'],
    ['in 2 weeks', '2024-02-14'],
    ['in a week', '2024-02-07'],
    ['in six months', '2024-07-31'],
    ["in six months' time", '2024-07-31'],
    ['in six months’ time', '2024-07-31'],
    ['in a month', '2024-02-29'],
    ['in one year', '2025-01-31'],
    ['in twelve days', '2024-02-12'],
    ['in fourteen days', '2024-02-14'],
    ['in twenty days', '2024-02-20'],
    ['in twenty-one days', '2024-02-21'],
    ['in twenty one days', '2024-02-21'],
    ['in eighteen months', '2025-07-31'],
    ['in a fortnight', '2024-02-14'],
    ['next week', '2024-02-07'],
    ['next month', '2024-02-29'],
  ])('%s from 31 January 2024 is %s', (typed, iso) => {
    const d = parseDeadlineDate(typed, today);
    expect(isoOf(d)).toBe(iso);
    expect(precisionOf(d)).toBe('day');
    expect(d.approximate).toBe(false);
    // Kept as the day it came to: "tomorrow" read weeks later would name another day.
    expect(d.text).toBe(formatDate(d));
  });

  it.each([
    ['2024-12-31', 'tomorrow', '2025-01-01'],
    ['2024-02-28', 'tomorrow', '2024-02-29'],
    ['2023-02-28', 'tomorrow', '2023-03-01'],
    ['2024-03-01', 'yesterday', '2024-02-29'],
    ['2025-01-01', 'yesterday', '2024-12-31'],
    ['2023-01-31', 'next month', '2023-02-28'],
    ['2024-08-31', 'in six months', '2025-02-28'],
    ['2024-10-31', '+1m', '2024-11-30'],
    ['2024-12-15', '+1m', '2025-01-15'],
    ['2024-02-29', '+1y', '2025-02-28'],
    ['2096-02-29', 'in 4 years', '2100-02-28'],
    ['2024-12-25', '+2w', '2025-01-08'],
    ['2024-02-22', 'next week', '2024-02-29'],
  ])('from %s, %s is %s', (from, typed, iso) => {
    expect(isoOf(parseDeadlineDate(typed, day(from)))).toBe(iso);
  });

  it('takes absolute dates as parseDate does, a month falling due on its first day', () => {
    const d = parseDeadlineDate('March 1999', today);
    expect(isoOf(d)).toBe('1999-03');
    expect(dayIso(firstDay(d))).toBe('1999-03-01');
    expect(formatDate(parseDeadlineDate('15 March 1999', today))).toBe('15 March 1999');
  });

  // Each: as typed, the day it falls due on, as written back; and as an event's date reads it, if it
  // does: the same, but that the end of a year or month is approximate, at the month of a year.
  it.each([
    ['end of March 1999', '1999-03-31', '31 March 1999', 'c. 31 March 1999'],
    ['the end of 1998', '1998-12-31', '31 December 1998', 'c. December 1998'],
    ['End of February 2000', '2000-02-29', '29 February 2000', 'c. 29 February 2000'],
    ['c. end of March 1999', '1999-03-31', 'c. 31 March 1999', 'c. 31 March 1999'],
    ['mid-February 1999', '1999-02-15', 'c. 15 February 1999', 'c. 15 February 1999'],
    ['the middle of 1999', '1999-07', 'c. July 1999', 'c. July 1999'],
    ['late March 1999', '1999-03-21', 'c. 21 March 1999', 'c. 21 March 1999'],
    ['late 1998', '1998-10', 'c. October 1998', 'c. October 1998'],
    ['early March 1999', '1999-03', 'c. March 1999', 'c. March 1999'],
    ['the beginning of 1999', '1999', 'c. 1999', 'c. 1999'],
    ['end March 1999', '1999-03-31', '31 March 1999', 'c. 31 March 1999'],
    ['end-March 1999', '1999-03-31', '31 March 1999', 'c. 31 March 1999'],
    ['in late 1998', '1998-10', 'c. October 1998', 'c. October 1998'],
    ['in mid-March 1999', '1999-03-15', 'c. 15 March 1999', 'c. 15 March 1999'],
    ['during late 1998', '1998-10', 'c. October 1998', 'c. October 1998'],
    ['in the middle of 1999', '1999-07', 'c. July 1999', 'c. July 1999'],
    // As an Urgent Action writes a deadline.
    ['by the end of March 1999', '1999-03-31', '31 March 1999', null],
    ['before 15 March 1999', '1999-03-15', '15 March 1999', null],
    ['towards the end of 1998', '1998-12-31', '31 December 1998', null],
    ['by mid-April 1999', '1999-04-15', 'c. 15 April 1999', null],
    ['no later than 1 May 1999', '1999-05-01', '1 May 1999', null],
  ] as const)('reads the deadline %s as falling due on %s', (typed, iso, written, event) => {
    const d = parseDeadlineDate(typed, today);
    expect([isoOf(d), formatDate(d), d.text]).toEqual([iso, written, typed]);
    if (event) expect([formatDate(parseDate(typed)), parseDate(typed).text]).toEqual([event, typed]);
  });

  it('refuses unreadable deadlines listing relative examples too, and keeps numeric refusals', () => {
    expect(refusal(() => parseDeadlineDate('soonish', today))).toContain('+14d');
    expect(refusal(() => parseDeadlineDate('in twenty a days', today))).toContain('in 2 weeks');
    expect(refusal(() => parseDeadlineDate('', today))).toContain('today');
    expect(refusal(() => parseDeadlineDate('03/04/1999', today))).toContain('1999-04-03 or 1999-03-04');
    expect(refusal(() => parseDeadlineDate('+14', today))).toContain('+14d');
    expect(refusal(() => parseDeadlineDate('+999999y', today))).toContain('1000-2999');
  });
});

describe('parseDay takes a strict YYYY-MM-DD for --today', () => {
  it('reads an ISO day', () => {
    expect(parseDay('2024-03-15')).toEqual({ year: 2024, month: 3, day: 15 });
    expect(parseDay(' 2024-02-29 ')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each([
    ['15 March 2024', '2024-03-15'],
    ['2024-3-15', '2024-03-15'],
    ['2024-03', '2024-03-01'],
    ['2024-02-30', '2024-02-29'],
    ['03/04/2024', '2024-04-03 or 2024-03-04'],
    ['today', 'YYYY-MM-DD'],
    ['', 'YYYY-MM-DD'],
    ['soon', 'YYYY-MM-DD'],
  ])('refuses %j, showing %s', (typed, hint) => {
    expect(refusal(() => parseDay(typed))).toContain(hint);
  });
});

describe('writing dates', () => {
  const pd = (fields: Omit<PartialDate, 'text' | 'approximate'>, approximate = false): PartialDate =>
    ({ ...fields, approximate, text: 'as typed' });

  it.each([
    [pd({ year: 1999, month: 3, day: 15 }), '15 March 1999', '1999-03-15', 'day'],
    [pd({ year: 1999, month: 3, day: 5 }), '5 March 1999', '1999-03-05', 'day'],
    [pd({ year: 1999, month: 3 }), 'March 1999', '1999-03', 'month'],
    [pd({ year: 1998 }), '1998', '1998', 'year'],
    [pd({ year: 1998 }, true), 'c. 1998', '1998', 'year'],
    [pd({ year: 1998, month: 3 }, true), 'c. March 1998', '1998-03', 'month'],
    [pd({ year: 1998, month: 10, day: 14 }, true), 'c. 14 October 1998', '1998-10-14', 'day'],
  ] as const)('%o reads %s', (d, shown, iso, precision) => {
    expect(formatDate(d)).toBe(shown);
    expect(isoOf(d)).toBe(iso);
    expect(precisionOf(d)).toBe(precision);
    expect(dateJson(d)).toEqual({ date: iso, precision, approximate: d.approximate, dateText: 'as typed' });
  });

  it('writes plain days for people and for JSON', () => {
    expect(formatDay(day('1999-03-15'))).toBe('15 March 1999');
    expect(dayIso({ year: 1999, month: 3, day: 5 })).toBe('1999-03-05');
    expect(dayIso(todayFrom({ year: 2024, month: 1, day: 9 }))).toBe('2024-01-09');
  });
});

describe('fromIso reads back what isoOf wrote', () => {
  it.each(['1999-02-11', '1998-10', '1998', '~1998', 'circa March 1998', 'during 1998'])(
    '%s survives a round trip',
    (typed) => {
      const d = parseDate(typed);
      expect(fromIso(isoOf(d), d.approximate, d.text)).toEqual(d);
    },
  );

  it.each([
    ['1998-1', 'not an ISO date'],
    ['15 March 1999', 'not an ISO date'],
    ['1998-02-30', '1998-02-28'],
    ['1998-13', 'no month 13'],
    ['0998', '1000-2999'],
  ])('refuses %s', (iso, fragment) => {
    expect(refusal(() => fromIso(iso, false, 'x'))).toContain(fragment);
  });
});

describe('timeline order', () => {
  it('puts a less precise date before the precise dates it contains', () => {
    const typed = ['1998-11', '14 October 1998', '1998', 'c. 1999', '1998-10', '1998-10-01', '31 October 1998', '1997-12-31'];
    const sorted = typed.map((t) => parseDate(t)).sort(compareDates).map(isoOf);
    expect(sorted).toEqual([
      '1997-12-31', '1998', '1998-10', '1998-10-01', '1998-10-14', '1998-10-31', '1998-11', '1999',
    ]);
  });

  it('orders by date, not by how sure we are of it', () => {
    expect(compareDates(parseDate('c. 1998'), parseDate('1998'))).toBe(0);
    expect(compareDates(parseDate('1998-10-14'), parseDate('1998'))).toBeGreaterThan(0);
    expect(compareDates(parseDate('1998'), parseDate('1998-10-14'))).toBeLessThan(0);
  });
});

describe('the range of a partial date', () => {
  it.each([
    ['1998', '1998-01-01', '1998-12-31'],
    ['February 2024', '2024-02-01', '2024-02-29'],
    ['February 2023', '2023-02-01', '2023-02-28'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['April 1999', '1999-04-01', '1999-04-30'],
    ['15 March 1999', '1999-03-15', '1999-03-15'],
  ])('%s runs from %s to %s', (typed, first, last) => {
    const d = parseDate(typed);
    expect(dayIso(firstDay(d))).toBe(first);
    expect(dayIso(lastDay(d))).toBe(last);
  });
});

describe('counting days', () => {
  it.each([
    // US and EU daylight-saving changes, and the date line, must not cost or add a day
    ['2024-03-09', 1, '2024-03-10'],
    ['2024-03-10', 1, '2024-03-11'],
    ['2024-11-02', 2, '2024-11-04'],
    ['2024-03-30', 2, '2024-04-01'],
    ['2024-10-26', 2, '2024-10-28'],
    ['1994-12-30', 1, '1994-12-31'],
    ['1999-12-31', 1, '2000-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2024-01-01', 366, '2025-01-01'],
    ['1999-03-01', 14, '1999-03-15'],
  ] as const)('%s + %i days is %s', (from, n, to) => {
    expect(dayIso(addDays(day(from), n))).toBe(to);
    expect(daysBetween(day(from), day(to))).toBe(n);
    expect(daysBetween(day(to), day(from))).toBe(-n);
  });

  it.each([
    ['2000-01-01', '2001-01-01', 366],
    ['2100-01-01', '2101-01-01', 365],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-03-09', '2024-03-11', 2],
    ['2024-10-26', '2024-10-28', 2],
  ])('from %s to %s is %i days', (from, to, n) => {
    expect(daysBetween(day(from), day(to))).toBe(n);
  });

  it('agrees with the UTC calendar for any day and offset', () => {
    const anyDay = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(2999, 11, 31) })
      .map((ms) => new Date(ms - (ms % 86_400_000)));
    fc.assert(fc.property(anyDay, fc.integer({ min: -50_000, max: 50_000 }), (start, n) => {
      const from = { year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: start.getUTCDate() };
      const expected = new Date(start.getTime() + n * 86_400_000);
      expect(dayIso(addDays(from, n))).toBe(expected.toISOString().slice(0, 10));
      expect(daysBetween(from, addDays(from, n))).toBe(n);
    }));
  });
});

describe('names of object properties are not dates', () => {
  it.each(['constructor', '__proto__', 'toString', 'in constructor days', '+hasOwnProperty'])('refuses %j as a deadline date', (text) => {
    expect(() => parseDeadlineDate(text, { year: 1999, month: 3, day: 1 })).toThrow(DateInputError);
  });
});

describe('units that are object property names', () => {
  it.each(['in 3 constructor', '+3constructor', 'in two __proto__'])('refuses %j', (text) => {
    expect(() => parseDeadlineDate(text, { year: 1999, month: 3, day: 1 })).toThrow(DateInputError);
  });
});

describe('how long since the latest news, in words', () => {
  /** The words' amount in days, roughly, so that a later today can be checked to read no less. */
  const amount = (words: string): number => {
    if (words === 'today') return 0;
    if (words === 'yesterday') return 1;
    const m = /^(?:about )?(\d+) (day|month|year)s ago$/.exec(words);
    if (!m) throw new Error(`unexpected: ${words}`);
    return Number(m[1]) * { day: 1, month: 30, year: 365 }[m[2] as 'day' | 'month' | 'year'];
  };
  it('never reads backwards as today moves on, and never says "1 years" or "1 months"', () => {
    for (const news of ['1999-01-01', '1999-01-31', '2000-02-29', '1999-12-31']) {
      const from = day(news);
      let before = -1;
      for (let n = 0; n < 365 * 5; n++) {
        const words = agoInWords({ ...from, approximate: false, text: news }, addDays(from, n));
        expect(words).not.toMatch(/\b1 (years|months)\b/);
        expect(amount(words), `${news} + ${n} days: ${words}`).toBeGreaterThanOrEqual(before);
        before = amount(words);
      }
    }
  });
  it('counts in the calendar: January is two months before March, 2 years on the day', () => {
    const jan = { year: 1999, month: 1, approximate: false, text: 'January 1999' };
    expect(agoInWords(jan, day('1999-03-01'))).toBe('about 2 months ago');
    expect(agoInWords(jan, day('1999-02-28'))).toBe('last month');
    const first = { year: 1999, month: 1, day: 1, approximate: false, text: '1 January 1999' };
    expect(agoInWords(first, day('2000-12-31'))).toBe('23 months ago');
    expect(agoInWords(first, day('2001-01-01'))).toBe('2 years ago');
    expect(agoInWords({ year: 1998, approximate: false, text: '1998' }, day('1999-06-01'))).toBe('last year');
  });
});
