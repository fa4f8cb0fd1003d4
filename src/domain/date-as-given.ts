// "Given as": the words a date was typed or read in, shown beside the date as caselog writes it only
// when they say more than that date does ("during 1998", "mid-April", "a few months earlier"), never
// when they only write it another way ("October 6, 2019" of 6 October 2019): in a dossier for a court,
// that is noise. One rule for the timeline, show, the dossier and the calendar.
import { DateInputError, formatDate, isoOf, parseDate } from './dates';
import { MONTH_NAMES } from './dates-calendar';
import { normalise } from './dates-parse';
import { matchRelative } from './dates-relative';
import type { PartialDate } from './types';

/**
 * Words that only write a date: month names, "of" ("6th of October"), the "on" and "in" caselog puts
 * before a date itself, and the marks of an approximate date, which its "c." says.
 */
const FORM_WORDS = new Set([
  ...MONTH_NAMES.flatMap((name) => [name.toLowerCase(), name.slice(0, 3).toLowerCase()]), 'sept',
  'of', 'on', 'in', 'c', 'ca', 'circa', 'approx', 'approximately', 'about', 'around', 'roughly',
]);
/** A weekday says nothing the day does not (a wrong one is refused when the date is read). */
const WEEKDAY = /^(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*$/;

/**
 * The text a date was given as, when it says more than formatDate: when read again it is another
 * date, or the same at another precision, or it has words beyond those that write a date. A form
 * counted from a day ("yesterday", "in six months") says more of an event, read from a document and
 * counted from its date; of a deadline it was counted from the day it was typed, which nothing
 * records, and read later would mislead.
 */
export function givenText(d: PartialDate, of: 'event' | 'deadline' = 'event'): string | undefined {
  const text = d.text?.trim();
  if (!text || text === formatDate(d) || text === isoOf(d)) return undefined;
  const norm = normalise(text);
  if (matchRelative(norm)) return of === 'deadline' ? undefined : text;
  return onlyWritesTheDate(norm, text, d) ? undefined : text;
}

function onlyWritesTheDate(norm: string, text: string, d: PartialDate): boolean {
  const words = norm.replace(/\d+(?:st|nd|rd|th)\b/g, ' ').match(/[a-z]+/g) ?? [];
  if (!words.every((w) => FORM_WORDS.has(w) || WEEKDAY.test(w))) return false;
  let read: PartialDate;
  try {
    read = parseDate(text);
  } catch (error) {
    if (error instanceof DateInputError) return false;
    throw error;
  }
  return read.year === d.year && read.month === d.month && read.day === d.day && read.approximate === d.approximate;
}
