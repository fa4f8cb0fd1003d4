// A two-digit number in a date may be its year or its day. "Mar-19" is how Excel's mmm-yy format
// saves March 2019, and reads as 19 March when typed; "19-03-14" is 14 March 2019 written year
// first and 19 March 2014 written day first. Where both readings exist the refusal names each with
// what to write for it: a hint for one alone ("as YYYY-03-19") led a volunteer to store the other.
import { daysInMonth, dayIso, monthIso, monthName } from './dates-calendar';
import { DateInputError, quoted, twoDigitYear } from './dates-error';

interface Reading { says: string; write: string }

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The year a spreadsheet takes two digits for: 00-29 this century, 30-99 the last. */
function spreadsheetYear(digits: string): number {
  const n = Number(digits);
  return n < 30 ? 2000 + n : 1900 + n;
}

/** A day and month some year has (29 February: a leap year), or this year has when given. */
const isDay = (month: number, day: number, year = 2000): boolean => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const monthOf = (year: number, month: number): Reading => ({ says: `${monthName(month)} ${year}`, write: monthIso(year, month) });
const dayOf = (year: number, month: number, day: number): Reading => ({ says: `${day} ${monthName(month)} ${year}`, write: dayIso({ year, month, day }) });
const dayOfSomeYear = (month: number, day: number): Reading => ({ says: `${day} ${monthName(month)}`, write: `YYYY-${pad2(month)}-${pad2(day)}` });

/** The readings, each once; undefined when fewer than two differ (the year is then where it must be). */
function ambiguous(text: string, readings: Reading[]): DateInputError | undefined {
  const distinct = readings.filter((r, i) => readings.findIndex((o) => o.write === r.write) === i);
  if (distinct.length < 2) return undefined;
  return new DateInputError(`${quoted(text)} is ambiguous: ${distinct.map((r) => `${r.says}: write ${r.write}`).join('; or ')}`);
}

/** "Mar-19": March 2019, or 19 March; "Feb-30", no day, is February 2030. */
export function monthAndTwoDigits(text: string, month: number, digits: string): DateInputError {
  const asDay = isDay(month, Number(digits)) ? [dayOfSomeYear(month, Number(digits))] : [];
  return ambiguous(text, [monthOf(spreadsheetYear(digits), month), ...asDay]) ?? twoDigitYear(text, `YYYY-${pad2(month)}`);
}

/** "03-19", "3/99": a month and its year, or a day and month either way round (day first, as elsewhere). */
export function twoNumbers(text: string, a: string, b: string): DateInputError {
  const [first, second] = [Number(a), Number(b)];
  const days = [[second, first], [first, second]].filter(([m, d]) => isDay(m!, d!)).map(([m, d]) => dayOfSomeYear(m!, d!));
  const asMonth = b.length === 2 && first >= 1 && first <= 12 ? monthOf(spreadsheetYear(b), first) : undefined;
  const shapes = asMonth && days.length === 0 ? [`YYYY-${pad2(first)}`] : days.map((r) => r.write);
  return (asMonth && ambiguous(text, [asMonth, ...days])) || twoDigitYear(text, shapes.length > 0 ? [...new Set(shapes)].join(' or ') : 'YYYY-MM-DD');
}

/**
 * "19-03-14": the year last (day and month either way round), or two digits of year first, as in
 * 2019-03-14. Years are guessed only where which number is the year is in question; otherwise the
 * refusal asks for it in full, as before.
 */
export function threeNumbers(text: string, a: string, b: string, c: string): DateInputError {
  const yearLast = [[Number(b), Number(a)], [Number(a), Number(b)]].filter(([m, d]) => isDay(m!, d!));
  const [firstYear, lastYear] = [spreadsheetYear(a), spreadsheetYear(c)];
  const asFirst = a.length === 2 && isDay(Number(b), Number(c), firstYear) ? dayOf(firstYear, Number(b), Number(c)) : undefined;
  const asLast = yearLast.filter(([m, d]) => isDay(m!, d!, lastYear)).map(([m, d]) => dayOf(lastYear, m!, d!));
  const refusal = asFirst && !asLast.some((r) => r.write === asFirst.write) ? ambiguous(text, [...asLast, asFirst]) : undefined;
  if (refusal) return refusal;
  const shapes = yearLast.length > 0 ? yearLast.map(([m, d]) => dayOfSomeYear(m!, d!).write) : asFirst ? [`YYYY-${pad2(Number(b))}-${pad2(Number(c))}`] : [];
  return twoDigitYear(text, shapes.length > 0 ? [...new Set(shapes)].join(' or ') : 'YYYY-MM-DD');
}
