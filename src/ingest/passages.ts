// The document as a list of sentences in reading order, each knowing its paragraph, and the
// header above the first paragraph of prose. Also where the document's own date comes from.
import type { Day, PartialDate } from '../domain/types';
import { dayKey, findDateMentions } from './date-mentions';
import { cutOff, readDeadline } from './deadlines';
import { proseDateline, readHeader, referencedDocument, type Header } from './source';
import { itemShape, sameShape, withoutBullet } from './lines';
import { splitBlocks, splitSentences, collapse, withinLength } from './text';

export interface Passage {
  text: string;
  /** Paragraph number: relative dates count only from dates in the same paragraph. */
  block: number;
  /** Above the first paragraph of prose: title, dateline, reference lines. */
  inHeader: boolean;
}

export interface Layout {
  passages: Passage[];
  header: Header;
  firstProse?: string;
}

// Titles, datelines, labels and reference lines do not end like sentences.
const isProse = (line: string): boolean =>
  line.length > 150 || (line.split(/\s+/).length >= 3 && /[.!?"”]$/.test(line));
// Photo credits and captions' copyright lines name photographers, not people in the case.
const CREDIT = /©|\bphoto(graph)?\s*(:|by\b)|\bcredit:/i;

export function layOut(plainText: string): Layout {
  const passages: Passage[] = [];
  const headerLines: string[] = [];
  let firstProse: string | undefined;
  const lines = splitBlocks(plainText).flatMap((block, index) => (block.isAddress ? [] : block.lines.map((line) => ({ line, index }))));
  const texts = lines.map((l) => l.line);
  lines.forEach(({ line, index }, i) => {
    const inHeader = firstProse === undefined && !isProse(line) && !isListedFact(texts, i) && headerLines.length < 12;
    if (inHeader) headerLines.push(line);
    else firstProse ??= line;
    for (const sentence of splitSentences(withoutBullet(line)).flatMap((s) => withinLength(s))) {
      if (!CREDIT.test(sentence)) passages.push({ text: collapse(sentence), block: index, inHeader });
    }
  });
  return { passages, header: readHeader(headerLines), firstProse };
}

/**
 * One of a list of facts told of people ("Aidos Serikbayev - arrested on 3 March 2019", bulleted or
 * not): what the document is about, not a title or a label above it ("AI Index: EUR 57/12/98").
 */
function isListedFact(lines: string[], i: number): boolean {
  const shape = itemShape(lines[i]!);
  const beside = [lines[i - 1], lines[i + 1]].filter((l): l is string => l !== undefined);
  return Boolean(shape?.factInLowerCase) && beside.some((l) => sameShape(l, lines[i]!));
}

export type DateSource = 'caller' | 'dateline' | 'latest-date-mentioned';

/**
 * The document's date: the caller's; else a dateline (a line that is only a date, a first line
 * "UA 12/27, 14 March 2027", or "(Berlin, 14 January 2020) –"); else the latest full date the
 * document mentions that is neither a deadline nor the date of a document it cites.
 * "(EUR 57/12/98, 15 October 1998)" dates the cited action, not this one.
 */
export function documentDate(layout: Layout, given?: PartialDate, published?: PartialDate): { date?: PartialDate; from?: DateSource; foundIn?: string } {
  if (given) return { date: given, from: 'caller' };
  // A web page's <time datetime> or published-time meta: its own date, as its markup states it.
  const dateline = published ?? layout.header.date ?? (layout.firstProse ? proseDateline(layout.firstProse) : undefined);
  if (dateline) return { date: dateline, from: 'dateline' };
  let latest: { date: PartialDate; foundIn: string } | undefined;
  for (const precision of ['day', 'month'] as const) {
    for (const { text } of layout.passages) {
      for (const m of findDateMentions(text, {})) {
        if (!m.explicitYear || m.relative || m.precision !== precision) continue;
        // "Call Akhat again before 7 August 2020": a day to act by is still to come when the document is written.
        if (referencedDocument(text, m.start) || readDeadline(text, m) || cutOff(text, m)) continue;
        if (!latest || dayKey(m.date) > dayKey(latest.date)) latest = { date: m.date, foundIn: text };
      }
    }
    // Where the guess came from, so the caseworker can judge it.
    if (latest) return { ...latest, from: 'latest-date-mentioned' };
  }
  return {};
}

export const dayOf = (d: PartialDate): Day => ({ year: d.year, month: d.month ?? 1, day: d.day ?? 1 });
