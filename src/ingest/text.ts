// Plain text -> blocks -> lines -> sentences. Source documents arrive hard-wrapped,
// sometimes double-spaced (every line followed by a blank one, as in old Urgent Action
// text exports), with headings and addresses on short lines of their own.
import { runsOn } from './lines';

export interface Block {
  /** A heading, a list item or a paragraph's prose, with hard wrapping undone. */
  lines: string[];
  /** The postal addresses of an appeals section: names there are addressees, not people in the case. */
  isAddress: boolean;
}

const isBlank = (line: string): boolean => /^\s*$/.test(line);
const ENDS_SENTENCE = /[.!?:;"”’)]\s*$/;

/**
 * A document is double-spaced when nearly every gap between lines is a blank line and
 * sentences run on across those gaps; then a single blank line is only a line break
 * and it takes two to end a paragraph.
 */
function isDoubleSpaced(lines: string[]): boolean {
  let gaps = 0, spaced = 0, runOn = 0, previous: string | undefined, blanks = 0;
  for (const line of lines) {
    if (isBlank(line)) { blanks++; continue; }
    if (previous !== undefined) {
      gaps++;
      if (blanks > 0) spaced++;
      if (blanks === 1 && !ENDS_SENTENCE.test(previous) && /^\s*\p{Ll}/u.test(line)) runOn++;
    }
    previous = line;
    blanks = 0;
  }
  return gaps >= 6 && spaced / gaps >= 0.8 && runOn / gaps >= 0.15;
}

function typicalWidth(lines: string[]): number {
  const lengths = lines.filter((l) => !isBlank(l)).map((l) => l.trim().length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? 80;
}

/** Join hard-wrapped lines (see runsOn). */
function unwrap(lines: string[], width: number): string[] {
  const out: string[] = [];
  let previous = '';
  let first = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    const last = out[out.length - 1];
    if (last !== undefined && runsOn(first, previous, line, width, raw)) out[out.length - 1] = `${last} ${line}`;
    else { out.push(line); first = line; }
    previous = line;
  }
  return out;
}

const ADDRESS_LINE = /^(Salutation|Fax|Telegram|Telex|Tel|Phone|E-?mail|Twitter|Facebook)\s*:/im;
// An addressee's title, a salutation or a postal word: "Minister of Justice / ul. Mira, 10 / g. Astana".
const ADDRESS_WORD = /\b(Dear|Excellency|Minister|Ministry|President|Chairman|Chairwoman|Prosecutor|Ambassador|Embassy|Fax|E-?mail|Tel|Street|Str|Avenue|Road|Prospekt|Box|ul|g)\b\.?|\b\d{5,6}\b/u;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const DATED = new RegExp(`\\b\\d{1,2}\\s+${MONTH}\\b|\\b${MONTH}\\s+\\d{1,2}\\b|\\b(?:19|20)\\d\\d\\b`);
const VERB = /\b(was|were|is|are|has|have|had|will)\b|\b\p{Ll}{3,}ed\b/u;

/**
 * Lines split by " / " are an addressee's postal lines run together ("Zhuxi / Beijingshi / People's
 * Republic of China"), when the block reads as an address; a paragraph telling dated facts is not one,
 * whatever its slashes: "Rahile Dawut (... / Rahila Dawut) was sentenced on 1 December 2021" was dropped.
 */
function slashedAddress(block: string): boolean {
  if ((block.match(/ \/ /g)?.length ?? 0) < 2) return false;
  return ADDRESS_WORD.test(block) && !(DATED.test(block) && VERB.test(block));
}

export function splitBlocks(plain: string): Block[] {
  // "KAZAKSTANHemit": a heading run into the next line when a layout was flattened. Not an acronym
  // written in mixed case ("GUBOPiK"): a capital after the lower case shows the word goes on. Tried
  // only where a run of capitals starts: tried again at each capital inside it, a long run (bad OCR,
  // a hostile file) cost its square, and 50,000 capitals froze ingest.
  const text = plain.replace(/\r\n?/g, '\n').replace(/(?<!\p{Lu})(\p{Lu}{3,})(\p{Lu}\p{Ll}+)(?!\p{Lu})/gu, '$1\n$2');
  const lines = text.split('\n');
  const breakAfter = isDoubleSpaced(lines) ? 2 : 1;
  const width = typicalWidth(lines);
  const groups: string[][] = [];
  let current: string[] = [];
  let blanks = 0;
  for (const line of lines) {
    if (isBlank(line)) { blanks++; continue; }
    if (blanks >= breakAfter && current.length) { groups.push(current); current = []; }
    current.push(line);
    blanks = 0;
  }
  if (current.length) groups.push(current);
  return groups.map((group) => {
    const joined = group.join('\n');
    const isAddress = ADDRESS_LINE.test(joined) || slashedAddress(joined);
    return { lines: unwrap(group, width), isAddress };
  });
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'art', 'arts', 'no', 'nos', 'gen', 'col', 'lt', 'sgt', 'capt', 'prof',
  'rev', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'c', 'ca',
  'approx', 'vs', 'ul', 'g', 'pp', 'p', 'para', 'cf', 'e.g', 'i.e', 'mt', 'jr', 'sr', 'vol', 'fig',
]);

/** Split one line into sentences, not at "Art. 31", initials ("N.A.") or "c. 1998". */
export function splitSentences(line: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]["”’)\]]*\s+(?=["“‘([]?[\p{Lu}\d¹©])/gu;
  let start = 0;
  for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
    const upToStop = line.slice(start, m.index);
    const word = /(\S+)$/.exec(upToStop)?.[1] ?? '';
    const bare = word.replace(/^[("“‘]+/, '');
    if (ABBREVIATIONS.has(bare.toLowerCase()) || /^(\p{L}\.)*\p{Lu}$/u.test(bare)) continue;
    const end = m.index + m[0].trimEnd().length;
    sentences.push(line.slice(start, end).trim());
    start = end;
  }
  const rest = line.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((s) => /[\p{L}\d]/u.test(s));
}

/**
 * The longest passage read as one. A "sentence" that never stops (a whole list on one line, a page
 * without full stops) is cut into pieces no longer: every date in a passage becomes an event naming
 * everyone in it and quoting all of it, so an unbounded passage made the work and the output grow with
 * its square. Real sentences are far shorter (the longest in the sample documents has 369 characters).
 */
const LONGEST_PASSAGE = 1000;

/** The sentence, cut into pieces of at most `longest` characters where it is longer. */
export function withinLength(sentence: string, longest = LONGEST_PASSAGE): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (sentence.length - start > longest) {
    const window = sentence.slice(start, start + longest + 1);
    const cut = start + lastCut(window, Math.floor(longest / 2));
    pieces.push(sentence.slice(start, cut).trim());
    start = cut;
  }
  pieces.push(sentence.slice(start).trim());
  return pieces.filter(Boolean);
}

// Where a piece may end, the best first: after a clause's comma or semicolon; before a word in lower
// case (never inside a name or a date, whose words start with a capital or a digit); at a space.
const CUTS = [/[,;:](?=\s)/g, /\s(?=\p{Ll})/gu, /\s/g];

/** The last good place to cut the window, no earlier than `from`; the window's end when there is none. */
function lastCut(window: string, from: number): number {
  for (const cut of CUTS) {
    let at = -1;
    for (const m of window.matchAll(cut)) if (m.index >= from) at = m.index + m[0].length;
    if (at > 0) return at;
  }
  return window.length - 1;
}

/** Whitespace collapsed, as candidates quote it. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
