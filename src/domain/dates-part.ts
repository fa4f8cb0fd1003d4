// The part of a month or year a date names ("late 1998", "mid-April 1999", "the end of March"),
// read into the date it stands for: kept as the bare year or month, "late 1998" sorted before
// "March 1998" on a timeline (a year sorts before the dates it contains) and read as if the year
// were in doubt. The words typed stay as the date's text, shown as the date as given.
import type { Day, PartialDate } from './types';
import { dayNumber, firstDay, lastDay } from './dates-calendar';
import { DATE_EXAMPLES, DateInputError } from './dates-error';
import { type DatePart, normalise, readDate, readDateAndPart, seasonNamed } from './dates-parse';

type NamedPart = { name: DatePart; hedged: boolean } | undefined;

/**
 * The date a part stands for. Its middle or late part is the day that part begins (c. 15 March,
 * c. 21 March; c. July, c. October of a year), early rather than late; "early 1998" and "the start
 * of" keep the year or month, approximate. The end differs: a deadline "by the end of March 1999"
 * falls due on the last day itself (read as the month, it fell due on 1 March), while a thing that
 * happened "at the end of 1998" is not known to the day: c. December 1998, one step finer than its
 * words as "late" is, and of a month its last day, c. 31 March 1999, after c. 21 March.
 */
export function partOf(d: PartialDate, part: NamedPart, of: 'deadline' | 'happening'): PartialDate {
  if (!part || d.day !== undefined) return d;
  if (part.name === 'end') {
    if (of === 'deadline') return { ...lastDay(d), approximate: part.hedged, text: d.text };
    if (d.month === undefined) return { year: d.year, month: 12, approximate: true, text: d.text };
    return { ...lastDay(d), approximate: true, text: d.text };
  }
  if (part.name === 'start') return d;
  const late = part.name === 'late';
  if (d.month === undefined) return { year: d.year, month: late ? 10 : 7, approximate: true, text: d.text };
  return { year: d.year, month: d.month, day: late ? 21 : 15, approximate: true, text: d.text };
}

/**
 * A date of something that happened (an event, a status change, a case's opening, a source's date, a
 * birth), as typed or found in a document: ISO and written forms, "c. 1998", and a part of a month or
 * year read as the date it stands for. A season keeps its year: its months differ by hemisphere.
 * `today`, when it was typed now: "yesterday" is refused with the date it means.
 */
export function parseDate(text: string, today?: Day): PartialDate {
  const read = readDateAndPart(text, DATE_EXAMPLES, today);
  if (seasonNamed(normalise(read.date.text))) return read.date;
  return partOf(read.date, read.part, 'happening');
}

/**
 * The first day a date typed now can mean: its first day, or that of the part it names ("late 1999"
 * is no sooner than c. October; "the end of 1999", its last day): for a change that may not be
 * dated after today.
 */
export function earliestMeant(text: string): Day {
  const read = readDateAndPart(text, DATE_EXAMPLES);
  return firstDay(partOf(read.date, read.part, 'deadline'));
}

/**
 * The days a date's own words allow: "late 1998", stored as c. October 1998, allows all of 1998, as
 * it did when read as its year; a check of one date against another (a case closing before it
 * opened) refuses only what the words rule out. A text that reads as no date, or as another date
 * (an import's), allows the date's own days.
 */
export function daysAllowed(d: PartialDate): { first: Day; last: Day } {
  const own = { first: firstDay(d), last: lastDay(d) };
  let words: PartialDate;
  try {
    words = readDate(d.text, DATE_EXAMPLES);
  } catch (error) {
    if (error instanceof DateInputError) return own;
    throw error;
  }
  const [first, last] = [firstDay(words), lastDay(words)];
  const within = dayNumber(first) <= dayNumber(own.first) && dayNumber(own.last) <= dayNumber(last);
  return within ? { first, last } : own;
}
