// Partial, possibly approximate calendar dates: how they are read, written, sorted
// and counted. Pure: no clock, no time zone; "today" is always an argument.
import type { Day, PartialDate, Precision } from './types';
import { addDays, dayIso, daysBetween, firstDay, formatDay, lastDay, monthIso, monthName, WEEKDAY_NAMES, weekdayName } from './dates-calendar';
import { DATE_EXAMPLES, DEADLINE_EXAMPLES, DateInputError, checkExists, noDate, quoted, seasonRefused } from './dates-error';
import { dateInput, dayCountedFrom, normalise, readDate, readDateAndPart, seasonNamed } from './dates-parse';
import { daysAllowed, partOf } from './dates-part';
import { applyRelative, matchRelative } from './dates-relative';
import { numericReadings } from './dates-numeric';
import { textStaysWithin } from './dates-text';

export { DateInputError } from './dates-error';
export { earliestMeant, parseDate } from './dates-part';
export { dayCountedFrom } from './dates-parse';
export { spanInDays } from './dates-relative';
export { addDays, daysBetween, dayIso, firstDay, formatDay, lastDay, todayFrom } from './dates-calendar';

/**
 * "Friday", "next Friday", "by this Friday": "next" is this week's to some and the week after's to
 * others, and a deadline is no place to guess. Refused, naming the coming one's date to type.
 */
function weekdayRefused(text: string, today: Day): void {
  const m = /^(?:(?:by|before|until|on)\s+)?(?:(next|this|coming)\s+)?(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?$/i.exec(text.trim());
  if (!m) return;
  const wanted = WEEKDAY_NAMES.findIndex((w) => w.toLowerCase().startsWith(m[2]!.toLowerCase().slice(0, 3)));
  const ahead = (wanted - (WEEKDAY_NAMES as readonly string[]).indexOf(weekdayName(today)) + 7) % 7 || 7;
  const coming = addDays(today, ahead);
  const name = WEEKDAY_NAMES[wanted]!;
  const which = ahead === 7 ? `today is a ${name} (${dayIso(today)}: write today), the next is ${formatDay(coming)}` : `the coming ${name} is ${formatDay(coming)}`;
  throw new DateInputError(`${quoted(text)} names a weekday, which a deadline does not take (which week's?): ${which}; write ${dayIso(coming)} or +${ahead}d, or the date meant`);
}

/** parseDate, plus forms counted from today: "tomorrow", "+14d", "in six months", and "21 January" (the next one). */
export function parseDeadlineDate(text: string, today: Day): PartialDate {
  return readDeadlineDate(text, today).date;
}

/**
 * A deadline's date, and whether its year was chosen: a day and month typed without one are the next
 * such day from today (today itself counts), as a hearing "postponed to 21 January" is.
 */
export function readDeadlineDate(text: string, today: Day): { date: PartialDate; yearChosen: boolean } {
  const trimmed = dateInput(text);
  if (!trimmed) throw noDate(DEADLINE_EXAMPLES);
  // An event keeps a season as its year with the words; a deadline needs the day it falls due.
  const season = seasonNamed(normalise(trimmed));
  if (season) throw seasonRefused(trimmed, season);
  weekdayRefused(trimmed, today);
  const offset = matchRelative(normalise(trimmed));
  if (offset) {
    // Kept as the day it came to: "tomorrow" read from the record (a script's reminder from --json,
    // a colleague's import) weeks later names another day; the change log keeps what was typed.
    const day = applyRelative(today, offset, trimmed);
    return { date: { ...day, approximate: false, text: formatDay(day) }, yearChosen: false };
  }
  // "by 15 March 1999", "before the end of March": the day itself, as an Urgent Action writes it.
  const lead = /^(?:by|before|until|no later than|towards?|at)\s+/i.exec(trimmed);
  const core = lead ? trimmed.slice(lead[0].length) : trimmed;
  const read = readDateAndPart(core, DEADLINE_EXAMPLES, undefined, today);
  const date = partOf(read.date, read.part, 'deadline');
  // Kept with its year, as a day counted from today is: "21 January" read next year names another day.
  if (read.yearChosen) return { date: { ...date, text: formatDate(date) }, yearChosen: true };
  return { date: { ...date, text: trimmed }, yearChosen: false };
}

export function precisionOf(d: PartialDate): Precision {
  if (d.month === undefined) return 'year';
  return d.day === undefined ? 'month' : 'day';
}

export function isoOf(d: PartialDate): string {
  switch (precisionOf(d)) {
    case 'year': return String(d.year).padStart(4, '0');
    case 'month': return monthIso(d.year, d.month ?? 1);
    case 'day': return dayIso(firstDay(d));
  }
}

/** A date as a command's --date takes it back: ISO at its precision, "~" when approximate ("~1998"). */
export function dateArg(d: PartialDate): string {
  return `${d.approximate ? '~' : ''}${isoOf(d)}`;
}

/** Whether a case said to open on `opened` would open after it closed on `closed` (each as wide as its words allow). */
export function opensAfterClosing(opened: PartialDate, closed: PartialDate): boolean {
  return daysBetween(daysAllowed(closed).last, daysAllowed(opened).first) > 0;
}

/** A day caselog itself recorded (ISO: done on, status recorded on), as a person reads it. */
export function dayInWords(iso: string): string {
  return formatDay(parseDay(iso));
}

/** A date after a verb, as a person writes it: "on 11 February 1999", "in February 1999", "in c. 1998". */
export function onDate(d: PartialDate): string {
  return `${precisionOf(d) === 'day' ? 'on' : 'in'} ${formatDate(d)}`;
}

/** As a person reads it: "15 March 1999", "March 1999", "1998", "c. 1998". */
export function formatDate(d: PartialDate): string {
  const prefix = d.approximate ? 'c. ' : '';
  switch (precisionOf(d)) {
    case 'year': return `${prefix}${d.year}`;
    case 'month': return `${prefix}${monthName(d.month ?? 1)} ${d.year}`;
    case 'day': return `${prefix}${formatDay(firstDay(d))}`;
  }
}

/**
 * Whether a date's text reads as a date of its own, with its year, wholly outside the date ("25 July
 * 2020" beside 2020-07-22): a spreadsheet user corrects the readable column, and the record then
 * said one day and showed another. A text counted from a day ("in 2 weeks"), one that reads as no
 * date, and one that reads as the same date, or as a wider or narrower one around it ("July 2020",
 * "the end of March" of a deadline on its last day), stand.
 */
export function textNamesAnotherDate(d: PartialDate): boolean {
  if (d.text === isoOf(d) || d.text === formatDate(d)) return false;
  // Figures are read first: with a two-digit year ("14.10.19") no number in them looks like a year.
  const figures = numericReadings(d.text);
  if (figures === undefined && textStaysWithin(d)) return false;
  const readings = figures ?? readAsWritten(d.text);
  // One in figures that reads two ways ("03/04/2019") stands when either way is the date.
  return readings.length > 0 && readings.every((read) => daysBetween(lastDay(read), firstDay(d)) > 0 || daysBetween(lastDay(d), firstDay(read)) > 0);
}

/** Read as the whole month or year its words name ("late 1998" as 1998), not the date a part stands for. */
function readAsWritten(text: string): PartialDate[] {
  try {
    return [readDate(text, DATE_EXAMPLES)];
  } catch (error) {
    if (error instanceof DateInputError) return [];
    throw error;
  }
}

/**
 * What a text in figures reads as, for a refusal of it to show (" (read as 3 April 2019 or 4 March
 * 2019)"): which of its days is meant is not said by the figures; '' for a text in words.
 */
export function figuresReadAs(text: string): string {
  const readings = numericReadings(text);
  return readings?.length ? ` (read as ${readings.map(formatDate).join(' or ')})` : '';
}

/**
 * Timeline order. ISO strings of four-digit years sort as text, and a shorter one
 * (a year, a month) sorts before the more precise dates it contains.
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const [x, y] = [isoOf(a), isoOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function dateJson(d: PartialDate): {
  date: string; precision: Precision; approximate: boolean; dateText: string;
} {
  return { date: isoOf(d), precision: precisionOf(d), approximate: d.approximate, dateText: d.text };
}

/**
 * A strict YYYY-MM-DD day, as --today and CASELOG_TODAY take it. `today`, the day it would stand in
 * for (the local date): a form counted from it is refused with the date it means.
 */
export function parseDay(text: string, today?: Day): Day {
  const trimmed = dateInput(text);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (m) {
    const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    checkExists(trimmed, day.year, day.month, day.day);
    return day;
  }
  if (matchRelative(normalise(trimmed))) {
    const meant = today && dayCountedFrom(trimmed, today);
    throw new DateInputError(`${quoted(trimmed)} is not a day: write it as YYYY-MM-DD${meant ? `: ${dayIso(meant)} for ${normalise(trimmed)}` : ', e.g. 1999-02-11'}`);
  }
  const read = readDate(trimmed, 'YYYY-MM-DD, e.g. 1999-02-11');
  // A month or year ("mid-March 2027") names no day to copy: its range is said, not its first day.
  if (read.day === undefined) {
    throw new DateInputError(
      `${quoted(trimmed)} is not one day: write the day meant as YYYY-MM-DD (ISO: year-month-day), from ${dayIso(firstDay(read))} to ${dayIso(lastDay(read))}`,
    );
  }
  throw new DateInputError(
    `${quoted(trimmed)} ${read.approximate ? 'is not one exact day' : 'is not in the form YYYY-MM-DD'}: write it as ${dayIso(firstDay(read))} (ISO: year-month-day)`,
  );
}

/** An ISO date of a year, a month or a day, as storage holds them. */
const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** The inverse of isoOf, for dates read back from storage or an import. */
export function fromIso(iso: string, approximate: boolean, text: string): PartialDate {
  // Tested, then cut at its known places: a match's array and groups cost more, and at-risk reads
  // three dates for each of thousands of people.
  if (!ISO_DATE.test(iso)) {
    throw new DateInputError(`${quoted(iso)} is not an ISO date such as 1999-02-11, 1999-02 or 1999`);
  }
  const year = Number(iso.slice(0, 4));
  const month = iso.length > 4 ? Number(iso.slice(5, 7)) : undefined;
  const day = iso.length > 7 ? Number(iso.slice(8, 10)) : undefined;
  checkExists(iso, year, month, day);
  // Written out rather than spread: in V8 the spread copy allocates three times as much, and its
  // objects end up in the old generation, where a large import's millions pile up until a full
  // collection (measured with Node 20: 200 MB promoted per million calls, against none).
  if (month === undefined) return { year, approximate, text };
  return day === undefined ? { year, month, approximate, text } : { year, month, day, approximate, text };
}

/**
 * "aged 28" on a date implies a birth year, one of two: born in the year before the age was given,
 * or in the twelve months up to it. Given in the first half of a year (February 1999), most of
 * those months fall in the earlier year (1970); kept approximate.
 */
export function bornFromAge(age: number, on: PartialDate): PartialDate {
  const year = on.year - age - (on.month !== undefined && on.month <= 6 ? 1 : 0);
  return { year, approximate: true, text: `c. ${year} (aged ${age} ${onDate(on)})` };
}

/** Full years from one day to another. */
function yearsBetween(from: Day, to: Day): number {
  return to.year - from.year - (to.month < from.month || (to.month === from.month && to.day < from.day) ? 1 : 0);
}

/**
 * Why a birth date cannot be, or undefined when it can: after today ("born 2005 is after today"), or
 * at odds with an age ("aged 30 on 1 March 1999 is born in 1968 or 1969, not 1990"); without today
 * (a sheet, which may be read with a --today in the past), only the second. The age is
 * compared with every age the two dates allow, to the day where both are days; an approximate date
 * allows two years either way.
 */
export function birthProblem(born: PartialDate, today: Day | undefined, age?: { age: number; on: PartialDate }): string | undefined {
  if (today && dayIso(firstDay(born)) > dayIso(today)) return `born ${formatDate(born)} is after today (${formatDay(today)})`;
  if (!age) return undefined;
  if (today && dayIso(firstDay(age.on)) > dayIso(today)) return `aged ${age.age} ${onDate(age.on)} is an age on a day after today (${formatDay(today)})`;
  if (dayIso(firstDay(born)) > dayIso(lastDay(age.on))) return `born ${formatDate(born)} is after the day the age was given (${formatDate(age.on)})`;
  const slack = born.approximate || age.on.approximate ? 2 : 0;
  const youngest = yearsBetween(lastDay(born), firstDay(age.on));
  const oldest = yearsBetween(firstDay(born), lastDay(age.on));
  if (age.age >= youngest - slack && age.age <= oldest + slack) return undefined;
  const [earliest, latest] = [firstDay(age.on).year - age.age - 1, lastDay(age.on).year - age.age];
  const either = slack ? ` (or two years either side, the date being approximate)` : '';
  return `aged ${age.age} ${onDate(age.on)} is born in ${earliest} or ${latest}${either}, not ${onDate(born).replace(/^(on|in) /, '')}`;
}

/** A birth date given as such (--born 1990), not worked out from an age by bornFromAge: it outranks an age. */
export function bornAsGiven(born: Pick<PartialDate, 'text'> | undefined): boolean {
  return born !== undefined && !/\(aged \d+ /.test(born.text);
}
