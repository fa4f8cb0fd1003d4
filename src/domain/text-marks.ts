// Signs that a word may be written with or without: Hebrew's points and cantillation marks,
// Arabic's short vowels, shadda, sukun and Quranic marks, and the tatweel that stretches a word.
// A record that writes them ("\u0645\u064F\u062D\u064E\u0645\u064E\u0651\u062F") is the same word to
// a reader as one that does not ("\u0645\u062D\u0645\u062F"): search finds either by either.
// Hebrew's punctuation between words (maqaf, paseq, sof pasuq, nun hafukha) is not among them.

/** The marks, as inclusive ranges of code points: one list for the search query and the index. */
export const WORD_MARKS: ReadonlyArray<readonly [number, number]> = [
  [0x0591, 0x05bd], [0x05bf, 0x05bf], [0x05c1, 0x05c2], [0x05c4, 0x05c5], [0x05c7, 0x05c7],
  [0x0610, 0x061a], [0x0640, 0x0640], [0x064b, 0x065f], [0x0670, 0x0670],
  [0x06d6, 0x06dc], [0x06df, 0x06e4], [0x06e7, 0x06e8], [0x06ea, 0x06ed],
];

const hex = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;

/** A regular expression's character class of inclusive ranges of code points (under 0x10000). */
export function characterClass(ranges: ReadonlyArray<readonly [number, number]>): string {
  return `[${ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`;
}

const MARKS = new RegExp(characterClass(WORD_MARKS), 'gu');

/**
 * Latin letters that no accent-stripping reaches, as plain letters (Unicode gives them no base
 * letter): "Weiss" is looked for in "Wei\u00DF", "Kilic" in "K\u0131l\u0131\u00E7", "Doan" in "\u0110oan",
 * "Lodz" in "\u0141\u00F3d\u017A", as the fold of a name reads them (any-ascii).
 */
export const PLAIN_LETTERS: ReadonlyArray<readonly [number, string]> = [
  [0x0131, 'i'], [0x0111, 'd'], [0x0110, 'D'], [0x00f0, 'd'], [0x00d0, 'D'], [0x00df, 'ss'], [0x1e9e, 'SS'],
  [0x00f8, 'o'], [0x00d8, 'O'], [0x0142, 'l'], [0x0141, 'L'], [0x00e6, 'ae'], [0x00c6, 'AE'], [0x0153, 'oe'],
  [0x0152, 'OE'], [0x00fe, 'th'], [0x00de, 'Th'], [0x0127, 'h'], [0x0126, 'H'], [0x0167, 't'], [0x0166, 'T'],
  [0x0140, 'l'], [0x013f, 'L'], [0x014b, 'ng'], [0x014a, 'NG'],
];

/** The text without the marks above (and in its composed form, as stored text mostly is). */
export function unmarked(text: string): string {
  return text.normalize('NFC').replace(MARKS, '');
}

/** Every code point of the marks, one by one. */
export function markCodePoints(): number[] {
  return WORD_MARKS.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
}
