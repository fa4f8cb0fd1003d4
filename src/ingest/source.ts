// What the document says about itself: reference codes, title, publisher, dateline.
import { findDateMentions } from './date-mentions';
import type { PartialDate } from '../domain/types';
import type { Extraction } from './extraction';
import { collapse } from './text';

// Amnesty index numbers (EUR 57/12/98, ASA 17/9113/2018) and action numbers (UA 77/98, EXTRA 77/98).
const INDEX = /\b(AFR|AMR|ASA|EUR|MDE|ACT|IOR|POL|ORG|NWS|FIN)\s?(\d{2})\/(\d{2,5})\/(\d{2}|\d{4})\b/g;
const INDEX_IN_URL = /\/(afr|amr|asa|eur|mde|act|ior|pol)(\d{2})\/(\d{2,5})\/(\d{4})\//gi;
const ACTION = /\b(UA|EXTRA)(?:\s?:)?\s?(\d{1,4})\/(\d{2}|\d{4})\b/g;

export interface ReferenceFound { reference: string; start: number; end: number }

export function findReferences(text: string): ReferenceFound[] {
  const found: ReferenceFound[] = [];
  const add = (reference: string, start: number, length: number): void => {
    if (!found.some((f) => f.reference === reference && f.start === start)) found.push({ reference, start, end: start + length });
  };
  for (const m of text.matchAll(INDEX)) add(`${m[1]} ${m[2]}/${m[3]}/${m[4]}`, m.index ?? 0, m[0].length);
  for (const m of text.matchAll(INDEX_IN_URL)) add(`${m[1]!.toUpperCase()} ${m[2]}/${m[3]}/${m[4]}`, m.index ?? 0, m[0].length);
  for (const m of text.matchAll(ACTION)) add(`${m[1]} ${m[2]}/${m[3]}`, m.index ?? 0, m[0].length);
  return found.sort((a, b) => a.start - b.start);
}

/** "(EUR 57/12/98, 15 October 1998)": the date of the document referred to, not of this one. */
export function referencedDocument(sentence: string, dateStart: number): string | undefined {
  const before = sentence.slice(0, dateStart);
  const refs = findReferences(before);
  const last = refs[refs.length - 1];
  return last && /^\s*,\s*$/.test(before.slice(last.end)) ? last.reference : undefined;
}

const BOILERPLATE = /^(skip to|donate|menu|search|subscribe|share|sign in|log in|cookie|home\b|print|email|tweet|main navigation|jump to)/i;
const LABEL = /^(urgent (action|appeal)|public statement|press release|news release|further information|statement|report|briefing|update|news)\b[\s:–-]*$/i;
const ORG_WORD = /\b(International|Watch|Monitor|Network|Federation|Foundation|Institute|Centre|Center|Committee|Commission|Coalition|Alliance|Association|Organi[sz]ation|Society|League|Union|Council|Defenders|Project|Initiative|Amnesty)\b/i;

const titleCase = (text: string): string =>
  text === text.toUpperCase() ? text.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase()) : text;

function isPublisherLine(line: string): boolean {
  return ORG_WORD.test(line) && line.split(/\s+/).length <= 6 && !/[\d.:!?,]/.test(line);
}

/** A line that is only a date, or "Berlin, 12 December 2019". */
export function datelineOf(line: string): PartialDate | undefined {
  const mentions = findDateMentions(line, {});
  const only = mentions.length === 1 ? mentions[0] : undefined;
  if (!only || !only.explicitYear || only.precision === 'year') return undefined;
  const rest = `${line.slice(0, only.start)} ${line.slice(only.end)}`.replace(/^\s*(\(?\p{Lu}[\p{L} .'-]*,)?\s*|[\s–—:)-]*$/gu, '');
  return rest === '' ? only.date : undefined;
}

/** "(Berlin, 14 January 2020) –" or "BERLIN, 12 December 2019 —" opening the first paragraph. */
export function proseDateline(line: string): PartialDate | undefined {
  const first = findDateMentions(line.slice(0, 60), {})[0];
  if (!first || !first.explicitYear || first.precision === 'year') return undefined;
  const ok = /^\(?\p{Lu}[\p{L} .'-]*,\s*$/u.test(line.slice(0, first.start)) && /^\s*\)?\s*[–—:-]/.test(line.slice(first.end));
  return ok ? first.date : undefined;
}

/**
 * "UA 12/27, 14 March 2027", "UA 12/27 (14 March 2027)", or with a dash between: a line that is only a
 * reference and a date. Not "(EUR 57/12/98, 15 October 1998)", which is set off as a citation.
 */
export function referenceDateline(line: string): { reference: string; date: PartialDate } | undefined {
  const ref = findReferences(line)[0];
  if (!ref || line.slice(0, ref.start).trim() !== '') return undefined;
  const rest = /^\s*(?:,|[\u2013\u2014-]|\((?=.*\)\s*$))\s*(.*?)\)?\s*$/u.exec(line.slice(ref.end));
  const date = rest ? datelineOf(rest[1]!) : undefined;
  return date ? { reference: ref.reference, date } : undefined;
}

/**
 * "UA: 52/21 Index: MDE 13/4100/2021 Iran Date: 5 May 2021": the Urgent Action's header labels its own
 * date, among other fields on the same line.
 */
export function labelledDate(line: string): PartialDate | undefined {
  const label = /\bdate\s*:\s*/i.exec(line);
  if (!label) return undefined;
  const first = findDateMentions(line.slice(label.index + label[0].length), {})[0];
  return first && first.start === 0 && first.explicitYear && first.precision !== 'year' ? first.date : undefined;
}

const BYLINE_WORD = /\b(press release|news release|statement|published|updated|posted)\b/i;

/**
 * "Press release \u2014 Front Line Defenders, 9 September 2022", "Refugee Network \u00b7 Published 9 November
 * 2023": who issued the document, or what it is, then its date, closing the line.
 */
export function bylineDate(line: string): PartialDate | undefined {
  const last = findDateMentions(line, {}).at(-1);
  if (!last || !last.explicitYear || last.precision === 'year' || !/^[\s.)\]*]*$/.test(line.slice(last.end))) return undefined;
  const before = line.slice(0, last.start);
  const shaped = /^[^\d]{3,}?(,|\s[\u2013\u2014\u00b7|-]|\b(published|updated|posted)(\s+on)?)\s*$/i.test(before) && before.split(/\s+/).length <= 10;
  return shaped && (ORG_WORD.test(before) || BYLINE_WORD.test(before)) ? last.date : undefined;
}

/**
 * "Desk note, 24 July 2020, by K. Ospanova", "Briefing | 3 May 2021 | Almaty": a short line above the
 * prose with a full date standing as a field of its own between commas or bars, not a title's words
 * ("Lawyer detained on 3 May 2021" tells of a fact, not of the document's day).
 */
export function fieldDate(line: string): PartialDate | undefined {
  const mentions = findDateMentions(line, {});
  const only = mentions.length === 1 ? mentions[0] : undefined;
  if (!only || !only.explicitYear || only.precision === 'year' || line.split(/\s+/).length > 12) return undefined;
  if (referencedDocument(line, only.start)) return undefined; // "(EUR 57/12/98, 15 October 1998)": the one cited
  const opens = /(^|[,|\u00b7\u2013\u2014(]|\s-)\s*$/.test(line.slice(0, only.start));
  const closes = /^\s*($|[,|\u00b7\u2013\u2014)]|-\s)/.test(line.slice(only.end));
  return opens && closes ? only.date : undefined;
}

export interface Header {
  title?: string; publisher?: string; reference?: string; date?: PartialDate;
  /** The line that gave both the reference and the date: the document's own, not one it cites. */
  referenceDateline?: string;
}

/** Title, publisher, reference and date from the lines above the first paragraph of prose. */
export function readHeader(headerLines: string[]): Header {
  const header: Header = {};
  for (const line of headerLines) {
    if (BOILERPLATE.test(line)) continue;
    // Above or as the title, a reference with a date is the document's own; below a title ("Further
    // information on:") it may be the one it follows up.
    const own = header.title || header.date ? undefined : referenceDateline(line);
    if (own) {
      Object.assign(header, { reference: header.reference ?? own.reference, date: own.date, referenceDateline: collapse(line) });
      continue;
    }
    const refs = findReferences(line).filter((r) => !/^\s*,/.test(line.slice(r.end)));
    header.reference ??= refs[0]?.reference;
    const dateline = labelledDate(line) ?? datelineOf(line) ?? proseDateline(line) ?? bylineDate(line) ?? fieldDate(line);
    if (dateline) { header.date ??= dateline; continue; }
    if (!header.publisher && isPublisherLine(line)) { header.publisher = titleCase(line.trim()); continue; }
    const withoutRefs = findReferences(line).reduceRight((l, r) => l.slice(0, r.start) + l.slice(r.end), line).trim();
    if (LABEL.test(withoutRefs) || withoutRefs.split(/\s+/).length < 3) continue;
    header.title ??= line.trim();
  }
  return header;
}

// An organisation's name: up to four capitalised words ending in a word organisations end in.
const ORG_NAME = "((?:\\p{Lu}\\p{Ll}[\\p{L}’'-]* ){1,4}(?:International|Watch|Monitor|Network|Federation|Foundation|Institute|Coalition|Alliance|Association|Society|League|Defenders))";
const ORG_RUN = new RegExp(`\\b${ORG_NAME}\\b(?!\\s+\\p{Lu})`, 'gu');
const ORG_SPEAKING = new RegExp(`${ORG_NAME}\\s+(said|says) today`, 'u');

/** Who speaks in the text: "X said today", else the organisation named most often. */
export function publisherFromProse(text: string): string | undefined {
  const speaking = ORG_SPEAKING.exec(text);
  if (speaking) return speaking[1];
  const counts = new Map<string, number>();
  for (const m of text.matchAll(ORG_RUN)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The source as the document tells of itself, without what it does not tell (no key left undefined). */
export function sourceOf(header: Header, passages: Array<{ text: string }>, title: string | undefined,
  dated: { date?: PartialDate; from?: Extraction['source']['dateFrom']; foundIn?: string }): Extraction['source'] {
  const source: Extraction['source'] = {
    title,
    publisher: header.publisher ?? publisherFromProse(passages.map((p) => p.text).join('\n')),
    reference: header.reference,
    date: dated.date,
    dateFrom: dated.from,
    dateFoundIn: dated.foundIn,
  };
  for (const key of Object.keys(source) as (keyof typeof source)[]) if (source[key] === undefined) delete source[key];
  return source;
}
