// Calendar arithmetic on plain year/month/day numbers. Days are counted as integers
// (days since 1970-01-01 in the proleptic Gregorian calendar), so no time zone,
// daylight-saving change or local-time JS Date can ever move a day.
import type { Day, PartialDate } from './types';

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const WEEKDAY_NAMES = [
  'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
] as const;

export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `month ${month}`;
}

/** Days since 1970-01-01 (after H. Hinnant's days_from_civil). */
export function dayNumber(d: Day): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (d.month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + d.day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of dayNumber. */
export function dayFromNumber(n: number): Day {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524)
      - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function requireWhole(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

export function addDays(d: Day, n: number): Day {
  requireWhole(n, 'days');
  return dayFromNumber(dayNumber(d) + n);
}

/** Adds calendar months; a day past the end of the target month falls on its last day. */
export function addMonths(d: Day, n: number): Day {
  requireWhole(n, 'months');
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from);
}

export function weekdayName(d: Day): string {
  // 1970-01-01 was a Thursday (index 4).
  const index = (((dayNumber(d) + 4) % 7) + 7) % 7;
  return WEEKDAY_NAMES[index] ?? '';
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function dayIso(d: Day): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

export function monthIso(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function formatDay(d: Day): string {
  return `${d.day} ${monthName(d.month)} ${d.year}`;
}

export function todayFrom(now: { year: number; month: number; day: number }): Day {
  return { year: now.year, month: now.month, day: now.day };
}

/** The first day of a date's range: a deadline known to the month falls due on its 1st. */
export function firstDay(d: PartialDate): Day {
  return { year: d.year, month: d.month ?? 1, day: d.day ?? 1 };
}

export function lastDay(d: PartialDate): Day {
  const month = d.month ?? 12;
  return { year: d.year, month, day: d.day ?? daysInMonth(d.year, month) };
}
