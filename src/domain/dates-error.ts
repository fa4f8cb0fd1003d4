// The refusals a caseworker reads when a date cannot be taken. Each is one line and
// ends with the ISO form to type instead, so the fix is a copy away.
import {
  MAX_YEAR, MIN_YEAR, daysInMonth, dayIso, monthIso, monthName,
} from './dates-calendar';

export class DateInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DateInputError';
  }
}

export const DATE_EXAMPLES = '1999-02-11, 1999-02, 1999, 11 February 1999, Feb 1999, ~1998';
export const DEADLINE_EXAMPLES = `${DATE_EXAMPLES}, today, tomorrow, +14d, in 2 weeks`;

/** The input as typed, on one line and quoted. */
export function quoted(text: string): string {
  return `"${text.trim().replace(/\s+/g, ' ')}"`;
}

export function noDate(examples: string): DateInputError {
  return new DateInputError(`no date given: write one like ${examples}`);
}

export function unrecognised(text: string, examples: string): DateInputError {
  return new DateInputError(`${quoted(text)} is not a date caselog can read: write it like ${examples}`);
}

/**
 * A season in a deadline: summer is June to August in the north and December to February in the
 * south, so the day it falls due on would be a guess (read as its year, it fell due on 1 January).
 */
export function seasonRefused(text: string, season: string): DateInputError {
  const year = /\d{4}/.exec(text)?.[0] ?? '1999';
  return new DateInputError(
    `${quoted(text)} names a season, and ${season} falls in different months in each hemisphere: give the month, e.g. June ${year}`,
  );
}

export function twoDigitYear(text: string, isoPattern: string): DateInputError {
  const dashes = isoPattern.split(' ')[0]?.split('-').length ?? 1;
  const iso = ['', ' (ISO: year-month)', ' (ISO: year-month-day)'][dashes - 1] ?? '';
  return new DateInputError(
    `${quoted(text)} has no four-digit year: write the year in full, as ${isoPattern}${iso}`,
  );
}

/** "36202": a spreadsheet's count of days (from 1900) where a cell was not formatted as a date. */
export function spreadsheetDayNumber(text: string): DateInputError {
  return new DateInputError(
    `${quoted(text)} looks like a spreadsheet's day number, not a date: format the column as a date in ISO form (YYYY-MM-DD, e.g. 1999-02-11) and copy or save it again`,
  );
}

export function checkYear(text: string, year: number): void {
  if (year >= MIN_YEAR && year <= MAX_YEAR) return;
  throw new DateInputError(
    `${quoted(text)}: the year ${year} is outside ${MIN_YEAR}-${MAX_YEAR}; write a four-digit year, e.g. 1999-02-11`,
  );
}

/** Refuses a year, month or day that is not on the calendar, naming the nearest real one. */
export function checkExists(text: string, year: number, month?: number, day?: number): void {
  checkYear(text, year);
  if (month === undefined) return;
  if (month < 1 || month > 12) {
    const swapped =
      day !== undefined && day >= 1 && day <= 12 && month >= 1 && month <= daysInMonth(year, day)
        ? `; for ${month} ${monthName(day)} ${year} write ${dayIso({ year, month: day, day: month })}`
        : `; months run from 01 to 12, e.g. ${monthIso(year, 12)}`;
    throw new DateInputError(
      `${quoted(text)} does not exist: there is no month ${month}${swapped} (ISO: ${day === undefined ? 'year-month' : 'year-month-day'})`,
    );
  }
  if (day === undefined) return;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    throw new DateInputError(
      `${quoted(text)} does not exist: ${monthName(month)} ${year} has ${last} days, the last is ${dayIso({ year, month, day: last })}`,
    );
  }
}

/** Refuses a day no year gives its month (30 February), before any advice on how to write the year. */
export function checkDayInAnyYear(text: string, month: number, day: number): void {
  const most = daysInMonth(2000, month);
  if (day >= 1 && day <= most) return;
  throw new DateInputError(`${quoted(text)} does not exist: ${monthName(month)} has at most ${most} days`);
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
