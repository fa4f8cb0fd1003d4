// Text as search reads it: the characters a reader takes for another way of writing the same word,
// each brought to one form. The index holds a record's text in this form beside it, where the two
// differ (migration 11 builds the SQL from these tables), and a query is looked for in it too:
// "confinement" finds "con\uFB01nement" (a PDF's ligature), "detention" finds "deten\u00ADtion" (a
// soft hyphen), "\u0645\u06CC\u062E\u0648\u0627\u0647\u062F" finds it written with a zero-width
// non-joiner, "\u0627\u0648\u064A\u0646" (Arabic yeh) finds "\u0627\u0648\u06CC\u0646" (Persian yeh) as
// names do, "Yaqub" finds "Ya\u02BFqub", "Duesseldorf" finds "D\u00FCsseldorf".
import { SAME_LETTER } from './names-abjad';
import { APOSTROPHES, INVISIBLES_IN_WORD } from './text';
import { markCodePoints, PLAIN_LETTERS } from './text-marks';

/** Code points, each with what it is read as ('' for nothing). */
export type Folding = ReadonlyArray<readonly [number, string]>;

const each = (ranges: ReadonlyArray<readonly [number, number]>, as: string): Folding =>
  ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => [a + i, as] as const));

/** The Latin ligatures of Unicode's compatibility forms (text copied out of a PDF holds them). */
const LIGATURES: Folding = [[0xfb00, 'ff'], [0xfb01, 'fi'], [0xfb02, 'fl'], [0xfb03, 'ffi'], [0xfb04, 'ffl'], [0xfb05, 'st'], [0xfb06, 'st']];

/**
 * Letters that stand for an apostrophe (\u02BB in Uzbek, \u02BF \u02BE for ayn and hamza): the word
 * runs on through them, which a query typed without them never matched.
 */
const APOSTROPHE_LETTERS: Folding = [...APOSTROPHES].filter((c) => /\p{L}/u.test(c)).map((c) => [c.codePointAt(0)!, '']);

/** German's umlauts as German writes them without the dots. */
const UMLAUTS: Folding = [[0x00e4, 'ae'], [0x00f6, 'oe'], [0x00fc, 'ue'], [0x00c4, 'Ae'], [0x00d6, 'Oe'], [0x00dc, 'Ue']];

/** Fullwidth digits and Latin letters (typed beside Chinese or Japanese) as their ASCII selves. */
const FULLWIDTH: Folding = [
  [0xff10, 0xff19, 0x30], [0xff21, 0xff3a, 0x41], [0xff41, 0xff5a, 0x61],
].flatMap(([a, b, to]) => Array.from({ length: b! - a! + 1 }, (_, i) => [a! + i, String.fromCharCode(to! + i)] as const));

/**
 * The foldings, in groups: the index applies a group only to text holding one of its characters,
 * as each character costs a pass over the text (signs first: they sit on letters the others change).
 */
export const SEARCH_FOLDS: { marks: Folding; letters: Folding; wide: Folding } = {
  marks: markCodePoints().map((n) => [n, ''] as const),
  letters: [
    ...PLAIN_LETTERS,
    ...LIGATURES,
    ...each(INVISIBLES_IN_WORD, ''),
    // The zero-width non-joiner and joiner, which Persian writes inside words.
    [0x200c, ''], [0x200d, ''],
    ...APOSTROPHE_LETTERS,
    ...Object.entries(SAME_LETTER).map(([c, as]) => [c.codePointAt(0)!, as] as const),
    ...UMLAUTS,
  ],
  wide: FULLWIDTH,
};

let readAs: Map<string, string> | undefined;

/**
 * What is typed, in the form the index holds text in beside it: composed, compatibility forms as
 * their plain letters (NFKC: ligatures, fullwidth and Arabic presentation forms), and folded as above.
 */
export function searchForm(text: string): string {
  readAs ??= new Map(Object.values(SEARCH_FOLDS).flat().map(([n, as]) => [String.fromCodePoint(n), as]));
  return [...text.normalize('NFKC')].map((c) => readAs!.get(c) ?? c).join('');
}

/**
 * Code points as inclusive ranges, for a character class; with a gap, ranges that many apart or
 * nearer are one (a coarse class, cheaper to test, that takes in what lies between).
 */
export function asRanges(folding: Folding, gap = 1): Array<[number, number]> {
  const points = [...new Set(folding.map(([n]) => n))].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const n of points) {
    const last = ranges[ranges.length - 1];
    if (last && n - last[1] <= gap) last[1] = n;
    else ranges.push([n, n]);
  }
  return ranges;
}
