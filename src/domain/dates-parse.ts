// Reading the dates a caseworker types or finds in a document: ISO forms, written
// forms ("11 February 1999", "February 11, 1999"), approximate and vague ones
// ("c. 1998", "during 1998", "early 1998"). All-numeric day/month orders are refused:
// "03/04/1999" means different days in different countries.
import type { Day, PartialDate } from './types';
import { MONTH_NAMES, dayIso, monthIso, weekdayName } from './dates-calendar';
import {
  DateInputError, checkDayInAnyYear, checkExists, checkYear, isRealDay, noDate, quoted,
  spreadsheetDayNumber, twoDigitYear, unrecognised,
} from './dates-error';
import { withoutInvisibles } from './text';
import { applyRelative, matchRelative } from './dates-relative';
import { monthAndTwoDigits, threeNumbers, twoNumbers } from './dates-two-digit';

/** `yearChosen`: a day and month typed without a year, taken in the next year that has it (deadlines). */
type Found = { year: number; month?: number; day?: number; yearChosen?: boolean };

const MONTHS: Record<string, number> = { sept: 9 };
MONTH_NAMES.forEach((name, i) => {
  MONTHS[name.toLowerCase()] = i + 1;
  MONTHS[name.slice(0, 3).toLowerCase()] = i + 1;
});

const APPROXIMATE = /^(?:~|≈|(?:circa|approximately|approx|about|around|roughly|ca|c)(?:\. ?| ))/;
// "at the end of 1998", "towards the end of": the words a deadline's lead takes, for a happening too.
const NEUTRAL = /^(?:in|during|throughout|on|some ?time in|at|towards?) /;
const PART_OF = /^(?:(?:the )?(?:beginning|start|middle|end) of |(?:early|mid|late|end)[ -])/;
const SEASON_WORDS = 'spring|summer|autumn|fall|winter';
const SEASON = new RegExp(`^(?:the )?(?:${SEASON_WORDS})(?: of)? `);
const SEASON_ANYWHERE = new RegExp(`(?:^|[^a-z])(${SEASON_WORDS})(?![a-z])`);
const WEEKDAY = /^(sun|mon|tue|wed|thu|fri|sat)[a-z]* /;

/**
 * A date as typed or pasted, trimmed, without the invisible characters a web page holds (a
 * zero-width space, a soft hyphen, a direction mark), which made "11 February 1999" unreadable.
 */
export function dateInput(text: string): string {
  return withoutInvisibles(text).trim();
}

export function normalise(text: string): string {
  return text.trim().toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');
}

const pad2 = (s: string): string => s.padStart(2, '0');

/** The season a date's normalised text names, if any ("summer" of "by the summer of 2027"). */
export function seasonNamed(norm: string): string | undefined {
  return SEASON_ANYWHERE.exec(norm)?.[1];
}

/** The part of a month or year a date names ("the end of", "mid-", "late"); "early" and "the start of" are its start. */
export type DatePart = 'start' | 'middle' | 'late' | 'end';

const partNamed = (words: string): DatePart => (/end/.test(words) ? 'end' : /mid/.test(words) ? 'middle' : /late/.test(words) ? 'late' : 'start');

/** Peels "c.", "in", "early", "spring" and the like off the front of a date. */
export function stripQualifiers(norm: string): { core: string; approximate: boolean; yearOnly: boolean; part?: DatePart } {
  let core = norm;
  let approximate = false;
  let yearOnly = false;
  let part: DatePart | undefined;
  for (let peeled = true; peeled;) {
    peeled = false;
    for (const [pattern, fuzzy, season] of [
      [APPROXIMATE, true, false], [NEUTRAL, false, false], [PART_OF, true, false], [SEASON, true, true],
    ] as const) {
      const m = pattern.exec(core);
      if (!m) continue;
      core = core.slice(m[0].length).trimStart();
      if (pattern === PART_OF) part ??= partNamed(m[0]);
      // Only the part named makes a date approximate: "the end of March" is a day, "c. the end of" is not.
      approximate ||= fuzzy && pattern !== PART_OF;
      yearOnly ||= season;
      peeled = true;
    }
  }
  // Commas and abbreviation dots carry no meaning once the words are known.
  core = core.replace(/,/g, ' ').replace(/([a-z])\./g, '$1').replace(/\.$/, '').replace(/\s+/g, ' ').trim();
  return { core, approximate, yearOnly, part };
}

function bareNumber(digits: string, text: string): Found {
  if (digits.length <= 2) throw twoDigitYear(text, 'YYYY');
  if (digits.length === 5) throw spreadsheetDayNumber(text);
  if (digits.length === 8) {
    const [y, m, d] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6)];
    checkExists(text, Number(y), Number(m), Number(d));
    throw new DateInputError(`${quoted(text)} is not accepted: write it as ${y}-${m}-${d} (ISO: year-month-day)`);
  }
  checkYear(text, Number(digits));
  return { year: Number(digits) };
}

/** Every all-numeric form with / . or - that is not ISO is refused; this builds the refusal. */
function numericRefusal(a: string, b: string, c: string | undefined, text: string): DateInputError | null {
  if (a.length === 4) {
    const [year, month, day] = [Number(a), Number(b), c === undefined ? undefined : Number(c)];
    checkExists(text, year, month, day);
    const iso = day === undefined ? `${monthIso(year, month)} (ISO: year-month)` : `${dayIso({ year, month, day })} (ISO: year-month-day)`;
    // "1999-02-011": the form written back is not the one typed; what is wrong with it is said.
    const long = b.length > 2 ? ['month', b] : c !== undefined && c.length > 2 ? ['day', c] : undefined;
    return new DateInputError(`${quoted(text)} ${long ? `has ${long[1]!.length} digits in its ${long[0]}` : 'is not accepted'}: write it as ${iso}`);
  }
  if (a.length > 2) return null;
  if (c === undefined) {
    if (b.length !== 4) return twoNumbers(text, a, b);
    checkExists(text, Number(b), Number(a));
    return new DateInputError(`${quoted(text)} is not accepted: write it as ${b}-${pad2(a)} (ISO: year-month)`);
  }
  if (b.length > 2) return null;
  if (c.length <= 2) return threeNumbers(text, a, b, c);
  // Day-first reading, then month-first; only real days are offered.
  const readings = [[b, a], [a, b]] as const;
  const year = Number(c);
  checkYear(text, year);
  const isos = [...new Set(readings
    .filter(([m, d]) => isRealDay(year, Number(m), Number(d)))
    .map(([m, d]) => dayIso({ year, month: Number(m), day: Number(d) })))];
  if (isos.length === 2) {
    return new DateInputError(`${quoted(text)} is ambiguous: write it as ${isos[0]} or ${isos[1]} (ISO: year-month-day)`);
  }
  if (isos.length === 1) {
    return new DateInputError(
      `${quoted(text)} is not accepted, as countries differ on day and month order: write it as ${isos[0]} (ISO: year-month-day)`,
    );
  }
  if (Number(b) >= 1 && Number(b) <= 12) checkExists(text, year, Number(b), Number(a));
  return new DateInputError(`${quoted(text)} is not a date: write it as year-month-day, e.g. 1999-02-11`);
}

function writtenYear(token: string, text: string, shape: string): number {
  if (token.length <= 2) throw twoDigitYear(text, shape);
  return Number(token);
}

/** This month and day next, from `from` (itself included): a 29 February, in the next leap year. */
function nextOf(month: number, day: number, from: Day, text: string): Found {
  let year = from.year + (month < from.month || (month === from.month && day < from.day) ? 1 : 0);
  // A leap day is at most eight years off (1896 to 1904).
  for (let tries = 0; tries < 8 && !isRealDay(year, month, day); tries++) year += 1;
  checkExists(text, year, month, day);
  return { year, month, day, yearChosen: true };
}

/** `nextFrom`: a day and month without a year are the next ones from that day, not refused. */
function written(core: string, text: string, nextFrom?: Day): Found | null {
  let m = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)(?: (\d+))?$/.exec(core);
  let day: string | undefined;
  let monthWord: string | undefined;
  let yearToken: string | undefined;
  if (m) [, day, monthWord, yearToken] = m;
  else if ((m = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d+))?$/.exec(core))) {
    [, monthWord, day, yearToken] = m;
    // "Feb 11" has a day and no year; "Feb 99" has a two-digit year.
    if (yearToken === undefined && Number(day) > 31) day = undefined;
  } else if ((m = /^([a-z]+) (\d{3,})$/.exec(core))) [, monthWord, yearToken] = m;
  else return null;
  // Own words only: "3 constructor" is no month (a deadline's next such day would be sought for ever).
  const month = monthWord === undefined || !Object.hasOwn(MONTHS, monthWord) ? undefined : MONTHS[monthWord];
  if (month === undefined) return null;
  const mm = String(month).padStart(2, '0');
  const shape = day === undefined ? `YYYY-${mm}` : `YYYY-${mm}-${pad2(day)}`;
  // Without a full year, a day no year has is said first (with one, its last real day is named).
  if (day !== undefined && (yearToken === undefined || yearToken.length <= 2)) checkDayInAnyYear(text, month, Number(day));
  if (yearToken === undefined && day !== undefined && nextFrom) return nextOf(month, Number(day), nextFrom, text);
  if (yearToken === undefined) throw twoDigitYear(text, shape);
  const year = writtenYear(yearToken, text, shape);
  const found: Found = day === undefined ? { year, month } : { year, month, day: Number(day) };
  checkExists(text, year, month, found.day);
  return found;
}

/**
 * A spreadsheet's form with the month in words (11-Feb-1999, 1999-Feb-11, Feb-1999): no order of day
 * and month to guess, so read as the written form it stands for (the year last), or null.
 */
function monthInWordsHyphenated(core: string): string | null {
  const parts = core.split('-');
  if (parts.length < 2 || parts.length > 3 || !parts.some((p) => /^[a-z]+$/.test(p) && Object.hasOwn(MONTHS, p))) return null;
  const [first = '', second = '', third] = parts;
  if (/^\d{3,}$/.test(first) && /^[a-z]+$/.test(second)) return [third, second, first].filter((p) => p !== undefined).join(' ');
  return parts.join(' ');
}

function parseCore(core: string, text: string, nextFrom?: Day): Found | null {
  const weekday = WEEKDAY.exec(core);
  if (weekday) {
    const found = parseCore(core.slice(weekday[0].length), text, nextFrom);
    if (found?.month === undefined || found.day === undefined) return null;
    const day: Day = { year: found.year, month: found.month, day: found.day };
    if (!weekdayName(day).toLowerCase().startsWith(weekday[1] ?? '')) {
      throw new DateInputError(
        `${quoted(text)} does not add up: ${dayIso(day)} was a ${weekdayName(day)}; check the date and write it as year-month-day, e.g. ${dayIso(day)}`,
      );
    }
    return found;
  }
  let m = /^(\d+)$/.exec(core);
  if (m) return bareNumber(m[1] ?? '', text);
  // A day number with its time of day ("36202.5").
  if (/^\d{5}\.\d+$/.test(core)) throw spreadsheetDayNumber(text);
  // 1998-1999, and 1998-99 (99 is no month).
  if (/^\d{4} ?[-/] ?\d{4}$/.test(core) || (/^\d{4} ?[-/] ?\d{2}$/.test(core) && Number(core.slice(-2)) > Math.max(12, Number(core.slice(2, 4))))) {
    throw new DateInputError(`${quoted(text)} is a span of years: give one date, e.g. the year it began, or c. ${core.slice(0, 4)} if unsure`);
  }
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(core);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
    checkExists(text, year, month, day);
    return day === undefined ? { year, month } : { year, month, day };
  }
  m = /^(\d+)([/.-])(\d+)(?:\2(\d+))?$/.exec(core);
  if (m) {
    const refusal = numericRefusal(m[1] ?? '', m[3] ?? '', m[4], text);
    if (refusal) throw refusal;
    return null;
  }
  // Excel's mmm-yy ("Mar-19"): its two digits are a year as often as a day.
  m = /^([a-z]+)-(\d{2})$/.exec(core);
  if (m && Object.hasOwn(MONTHS, m[1]!)) throw monthAndTwoDigits(text, MONTHS[m[1]!]!, m[2]!);
  return written(monthInWordsHyphenated(core) ?? core, text, nextFrom);
}

/**
 * A date as wide as its words ("late 1998" as c. 1998, not the c. October parseDate reads), with the
 * examples a refusal should offer (deadlines offer relative forms too): for one exact day, or the
 * days a text allows. `today`, when the text was typed now: a form counted from it is refused with
 * the date it means.
 */
export function readDate(text: string, examples: string, today?: Day): PartialDate {
  return readDateAndPart(text, examples, today).date;
}

/**
 * The day a form counted from today names ("yesterday", "in 2 days"), counted from `today`: what a
 * refusal of it offers where only the date itself is taken. Undefined for any other text, and for
 * one that falls outside the years caselog takes.
 */
export function dayCountedFrom(text: string, today: Day): Day | undefined {
  const offset = matchRelative(normalise(dateInput(text)));
  if (!offset) return undefined;
  try {
    return applyRelative(today, offset, text);
  } catch (error) {
    if (error instanceof DateInputError) return undefined;
    throw error;
  }
}

/**
 * A date, and the part of its month or year it names, if it names one ("the end of March 1999"),
 * with whether it was also said to be approximate ("c. the end of March"). `nextFrom`: a day and
 * month without a year ("21 January") are the next from that day, said by `yearChosen`.
 */
export function readDateAndPart(text: string, examples: string, today?: Day, nextFrom?: Day): {
  date: PartialDate; part?: { name: DatePart; hedged: boolean }; yearChosen?: boolean;
} {
  const trimmed = dateInput(text);
  if (!trimmed) throw noDate(examples);
  const norm = normalise(trimmed);
  const { core, approximate: qualified, yearOnly, part } = stripQualifiers(norm);
  // A part of a month or year ("early 1998", "the end of March") is approximate as a month or year.
  const approximate = qualified || (part !== undefined);
  const found = core ? parseCore(core, trimmed, nextFrom) : null;
  if (!found || (yearOnly && found.month !== undefined)) {
    if (matchRelative(norm)) {
      // Typed now, it means one day: the one to write (an import's text was written on a day unknown).
      const meant = today && dayCountedFrom(trimmed, today);
      throw new DateInputError(
        `${quoted(trimmed)} counts from today, which only deadlines do: write the date itself${meant ? `: ${dayIso(meant)}` : ', e.g. 1999-02-11'}`,
      );
    }
    throw unrecognised(trimmed, examples);
  }
  const { yearChosen, ...when } = found;
  return { date: { ...when, approximate, text: trimmed }, part: part && { name: part, hedged: qualified }, ...(yearChosen ? { yearChosen } : {}) };
}
