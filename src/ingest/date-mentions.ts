// Finding dates in a sentence: chrono-node for written dates and relative phrases, a small
// pattern for bare years ("during 1998", "In 2018"), which chrono leaves alone. Results are
// calendar dates (year/month/day numbers) with a precision; a JS Date only ever carries
// chrono's reference day, set at local noon so no time zone can move it.
import * as chrono from 'chrono-node';
import type { Day, PartialDate, Precision } from '../domain/types';
import { isRealDay } from '../domain/dates-error';
import { addDays, daysBetween } from '../domain/dates-calendar';

export interface DateMention {
  /** Offsets in the sentence. */
  start: number;
  end: number;
  date: PartialDate;
  precision: Precision;
  /** Counted from another date ("in six months", "a few months earlier", "two days ago"). */
  relative: boolean;
  /** The year is written in the text, not inferred from the document's date. */
  explicitYear: boolean;
  /** "today": the document speaking of its own day. */
  selfDated: boolean;
  /** Counted from the document's date ("yesterday", "two days ago"), not from a date in the text. */
  fromDocumentDate?: true;
}

export interface DateAnchors {
  /** The document's date: year-less dates and "yesterday", "two weeks ago" are read against it. */
  documentDate?: Day;
  /** The latest date in the passage so far: "a few months earlier", "in six months" count from it. */
  contextDate?: PartialDate;
  /**
   * The sentence tells the date as past ("detained on 3 May"): a date without a year is then the
   * latest on or before the document's date, since what is done cannot come after it. Otherwise
   * ("his hearing is on 10 January") it is the one nearest the document's date, maybe after it.
   */
  toldAsPast?: (sentence: string, m: DateMention) => boolean;
}

export const precisionOf = (d: { month?: number; day?: number }): Precision =>
  d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year';

/** Days as a comparable number; a month or year compares as its first day. */
export const dayKey = (d: { year: number; month?: number; day?: number }): number =>
  d.year * 10000 + (d.month ?? 1) * 100 + (d.day ?? 1);

// chrono needs a reference day even for dates with a year; it never decides those.
const FALLBACK_REFERENCE: Day = { year: 2000, month: 1, day: 1 };
const noon = (d: Day): Date => new Date(d.year, d.month - 1, d.day, 12);
const dayOfAnchor = (d: PartialDate): Day => ({ year: d.year, month: d.month ?? 1, day: d.day ?? 1 });

const MONTH_WORD = /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/i;
const SELF = /^(now|right now|today|tonight|this (morning|afternoon|evening))$/i;
const DEICTIC = /\b(ago|last|next|this|past|yesterday|tomorrow|coming)\b/i;
const VAGUE = /\b(a few|few|several|some|a couple of|couple of|many)\b/i;
const APPROXIMATELY = /\b(around|about|approximately|circa|c\.|ca\.|some time in|sometime in)\s*$/i;

function build(year: number, month: number | undefined, day: number | undefined, precision: Precision, approximate: boolean, text: string): PartialDate {
  const date: PartialDate = { year, approximate, text };
  if (precision !== 'year') date.month = month;
  if (precision === 'day') date.day = day;
  return date;
}

const COUNT = /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+(days?|weeks?|months?|years?)\b/i;

/**
 * How precisely a relative phrase dates: "in six months" from a day is a day; a vague count
 * ("a few months earlier") or a calendar unit without a count ("last week") is known only to
 * the next coarser unit, approximately.
 */
function relativePrecision(text: string, anchor: Precision): { precision: Precision; approximate: boolean } {
  const unit = /\b(day|week|month|year)s?\b/i.exec(text)?.[1]?.toLowerCase() ?? 'day';
  if (VAGUE.test(text)) return { precision: unit === 'day' || unit === 'week' ? 'month' : 'year', approximate: true };
  if (!COUNT.test(text) && unit === 'week') return { precision: 'month', approximate: true };
  if (!COUNT.test(text) && unit === 'month') return { precision: anchor === 'year' ? 'year' : 'month', approximate: false };
  if (unit === 'year') return { precision: 'year', approximate: false };
  return { precision: anchor, approximate: false };
}

/** What chrono found, as fromChrono reads it. */
interface Found { text: string; index: number; tags: Set<string>; start: chrono.ParsedComponents }

const asFound = (r: chrono.ParsedResult, index = r.index): Found => ({ text: r.text, index, tags: r.tags(), start: r.start });

function fromChrono(sentence: string, result: Found, anchors: DateAnchors): DateMention | null {
  let text = result.text;
  let start = result.index;
  const lead = /^(on|at)\s+/i.exec(text);
  if (lead) { text = text.slice(lead[0].length); start += lead[0].length; }
  const end = start + text.length;
  if (result.tags.has('parser/SlashDateFormatParser') || /^\d{1,4}[/.]\d{1,2}([/.]\d{1,4})?$/.test(text)) return null;
  if (/^(for|every|each)\s/i.test(text)) return null; // a duration: "for 11 days", "for six months"
  // "adjourned after two hours": how long something lasted, not when (unlike "After an hour, he was freed").
  if (/^after\s/i.test(text) && /\b(hours?|minutes?)\b/i.test(text) && /\p{L}/u.test(sentence.slice(0, start))) return null;
  const monthWord = MONTH_WORD.exec(text)?.[0];
  if (monthWord && /^\p{Ll}/u.test(monthWord)) return null; // "march", "may": verbs, not months
  if (monthWord && partOfName(sentence, start, end, text)) return null;
  const base = { start, end, selfDated: false };
  if (SELF.test(text)) {
    if (!/today/i.test(text) || !anchors.documentDate) return null;
    const d = anchors.documentDate;
    return { ...base, date: build(d.year, d.month, d.day, 'day', false, text), precision: 'day', relative: true, explicitYear: false, selfDated: true, fromDocumentDate: true };
  }
  const c = result.start;
  if (result.tags.has('result/relativeDate') || result.tags.has('parser/ENCasualDateParser')) {
    let anchor: PartialDate | undefined;
    let components = c;
    const fromDocumentDate = DEICTIC.test(text) || !anchors.contextDate;
    if (DEICTIC.test(text)) {
      if (!anchors.documentDate) return null;
      anchor = { ...anchors.documentDate, approximate: false, text: '' };
    } else {
      anchor = anchors.contextDate ?? (anchors.documentDate && { ...anchors.documentDate, approximate: false, text: '' });
      if (!anchor) return null;
      const again = chrono.parse(text, noon(dayOfAnchor(anchor)))[0];
      if (!again) return null;
      components = again.start;
    }
    const read = relativePrecision(text, precisionOf(anchor));
    const whole = { year: components.get('year') ?? anchor.year, month: components.get('month') ?? undefined, day: components.get('day') ?? undefined };
    // "next week" from 24 July is known to the month, but July falls due on its 1st, before the day it
    // was counted from: what lies ahead of a day stays a day (approximate), never before it.
    const ahead = anchor.day !== undefined && dayKey(whole) > dayKey(anchor);
    const { precision, approximate } = ahead && read.precision !== 'day' && dayKey(build(whole.year, whole.month, whole.day, read.precision, false, text)) < dayKey(anchor)
      ? { precision: 'day' as const, approximate: true } : read;
    const date = build(whole.year, whole.month, whole.day, precision, approximate || anchor.approximate, text);
    return { ...base, date, precision, relative: true, explicitYear: false, ...(fromDocumentDate ? { fromDocumentDate } : {}) };
  }
  const precision: Precision | null = c.isCertain('month') && c.isCertain('day') ? 'day' : c.isCertain('month') ? 'month' : c.isCertain('year') ? 'year' : null;
  if (!precision) return null; // a weekday or a time alone
  const explicitYear = c.isCertain('year');
  if (!explicitYear && !anchors.documentDate) return null;
  const approximate = APPROXIMATELY.test(sentence.slice(Math.max(0, start - 25), start));
  const date = build(c.get('year') ?? 0, c.get('month') ?? undefined, c.get('day') ?? undefined, precision, approximate, text);
  const mention: DateMention = { ...base, date, precision, relative: false, explicitYear };
  if (!explicitYear && anchors.documentDate && anchors.toldAsPast?.(sentence, mention)) mention.date = latestBy(date, anchors.documentDate);
  return mention;
}

// Capitalised words that lead into a month ("In May", "Early June", "Last March"), not names.
const LEADS_TO_MONTH = /^(in|on|by|since|until|till|from|during|early|late|mid|last|next|this|before|after|through|throughout|between|and|or|to|around|about|circa|of|the|each|every|since|that)$/i;

/**
 * "Li Jun", "Liu May": a month word alone, after a capitalised word and before no day or year, is
 * the end of a name. "In May, he was" and "9 May" stay months.
 */
function partOfName(sentence: string, start: number, end: number, text: string): boolean {
  if (!/^\p{L}+\.?\s*,?$/u.test(text)) return false;
  const before = /(\p{Lu}[\p{L}'\u2019-]*)\s+$/u.exec(sentence.slice(0, start))?.[1];
  return before !== undefined && !LEADS_TO_MONTH.test(before) && !/^\s*,?\s*\d/.test(sentence.slice(end));
}

/** The year-less day or month in its latest year on or before `limit` (29 February: the last leap year). */
function latestBy(date: PartialDate, limit: Day): PartialDate {
  let year = limit.year;
  while (dayKey({ ...date, year }) > dayKey(limit) || (date.day !== undefined && !isRealDay(year, date.month!, date.day))) year--;
  return { ...date, year };
}

/** "the night of 14 June 2021": chrono reads the time of day and drops the date; read the date. */
function partOfDay(sentence: string, result: chrono.ParsedResult, anchors: DateAnchors): DateMention | null {
  const of = /^(.*?\bof\s+)\S/.exec(result.text);
  if (!of?.[1] || !result.tags().has('parser/ENCasualTimeParser')) return null;
  const inner = chrono.parse(result.text.slice(of[1].length), noon(anchors.documentDate ?? FALLBACK_REFERENCE))[0];
  if (!inner || inner.index !== 0) return null;
  return fromChrono(sentence, asFound(inner, result.index + of[1].length), anchors);
}

/**
 * chrono reads "Tashkent, 3 March 2001 – On 11 February 2001 ..." as one range; a dash between
 * spaces separates two dates (a dateline and the first fact), so read each side on its own.
 * A tight range ("3-5 March") stays one result, dated by its start.
 */
function splitRange(result: chrono.ParsedResult, reference: Date): chrono.ParsedResult[] {
  const dash = /\s[–—-]\s/.exec(result.text);
  if (!result.end || !dash) return [result];
  const second = result.text.slice(dash.index + dash[0].length);
  const parts = [
    ...chrono.parse(result.text.slice(0, dash.index), reference).map((r) => ({ r, offset: result.index })),
    ...chrono.parse(second, reference).map((r) => ({ r, offset: result.index + dash.index + dash[0].length })),
  ];
  return parts.map(({ r, offset }) => Object.assign(r, { index: r.index + offset }));
}

// "during 1998", "In 2018", "c. 1998", "mid-2019"; not "the 1951 Convention" or "© 2020".
const BARE_YEAR = /\b(?:(in|during|since|throughout|until|till|by|from|around|about|circa|c\.|ca\.|before|after)\s+(?:(?:early|late|mid-?|the (?:end|beginning|start|middle) of)\s*)?|(?:early|late|mid)-?\s?)((?:1[89]|20)\d\d)\b(?![/\d-])(?!\s+(?:Convention|Protocol|Act|Law|Constitution|Code|Agreement|Declaration))/gi;

function bareYears(sentence: string, taken: DateMention[]): DateMention[] {
  const found: DateMention[] = [];
  for (const m of sentence.matchAll(BARE_YEAR)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some((t) => start < t.end && end > t.start)) continue;
    const approximate = /^(around|about|circa|c\.|ca\.)$/i.test(m[1] ?? '');
    const text = m[0];
    found.push({ start, end, date: { year: Number(m[2]), approximate, text }, precision: 'year', relative: false, explicitYear: true, selfDated: false });
  }
  return found;
}

export function findDateMentions(sentence: string, anchors: DateAnchors): DateMention[] {
  const reference = noon(anchors.documentDate ?? FALLBACK_REFERENCE);
  const mentions: DateMention[] = [];
  // "detained on 28 October and transferred three days later": a date earlier in the sentence is the context.
  let context = anchors.contextDate;
  for (const result of chrono.parse(sentence, reference).flatMap((r) => splitRange(r, reference))) {
    const here = { ...anchors, contextDate: context };
    const mention = fromChrono(sentence, asFound(result), here) ?? partOfDay(sentence, result, here);
    if (!mention) continue;
    mentions.push(mention);
    if (!mention.relative && mention.precision !== 'year') context = mention.date;
  }
  mentions.push(...bareYears(sentence, mentions));
  return mentions.filter((m) => !looksBack(sentence, m, mentions)).flatMap((m) => dayBefore(sentence, m, mentions)).sort((a, b) => a.start - b.start);
}

/**
 * "spoke to him on 27 December, the day before their deportation": the count is told from the date
 * before it to what follows, so the deportation is a day after 27 December, not a day before it.
 * "detained on 10 May, two days before the date we gave": a date told only to set another right,
 * nothing happened on it.
 */
function dayBefore(sentence: string, m: DateMention, all: DateMention[]): DateMention[] {
  if (!m.relative || !/\sbefore$/i.test(m.date.text) || !/^\s+\p{L}/u.test(sentence.slice(m.end))) return [m];
  const given = all.filter((o) => !o.relative && o.precision === 'day' && o.end <= m.start).at(-1);
  if (!given || !/^\s*,\s*$/.test(sentence.slice(given.end, m.start)) || m.precision !== 'day') return [m];
  if (/^\s+(the|that|this)\s+(date|day)\b/i.test(sentence.slice(m.end))) return [];
  const back = daysBetween(dayOfAnchor(m.date), dayOfAnchor(given.date));
  const { year, month, day } = addDays(dayOfAnchor(given.date), back);
  return [{ ...m, date: { ...m.date, year, month, day } }];
}

/**
 * A count that says how long after something else a date came, in a sentence that gives the date
 * itself: "arrested on 14 March, a day after she published an article", "released on 3 April, after
 * 18 days in detention". Counted forward from the date it would be a day nothing happened on.
 * "N days after she was taken" counts from the event it names, which has no date here; "after 18
 * days" set off by a comma describes the date before it. "Detained on 3 March and after two days
 * released" stays a date.
 */
function looksBack(sentence: string, m: DateMention, all: DateMention[]): boolean {
  if (!m.relative) return false;
  const given = all.filter((o) => !o.relative && o.precision === 'day');
  if (given.length === 0) return false;
  if (/\safter$/i.test(m.date.text) && /^\s+\p{L}/u.test(sentence.slice(m.end))) return true;
  const before = given.filter((o) => o.end <= m.start).at(-1);
  return /^after\s/i.test(m.date.text) && before !== undefined && /^[^.;]*,\s*$/.test(sentence.slice(before.end, m.start))
    && !/\b(and|then|but)\b/i.test(sentence.slice(before.end, m.start));
}

/**
 * "yesterday", "two days ago" (counted) and "on 9 May" (yearless) as written in a sentence of a
 * document that gives no date: each would be read against the document's date, so none could be
 * read. "today" is left out: it dates the document, never a fact.
 */
export function needingDocumentDate(sentence: string, contextDate?: PartialDate): { counted: string[]; yearless: string[] } {
  const found = findDateMentions(sentence, { documentDate: FALLBACK_REFERENCE, contextDate });
  return {
    counted: found.filter((m) => m.fromDocumentDate && !m.selfDated).map((m) => m.date.text),
    yearless: found.filter((m) => !m.relative && !m.explicitYear).map((m) => m.date.text),
  };
}
