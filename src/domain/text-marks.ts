// Vowel signs that a word may be written with or without: Hebrew's points and cantillation marks,
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
const MARKS = new RegExp(`[${WORD_MARKS.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`, 'gu');

/** The text without the marks above (and in its composed form, as stored text mostly is). */
export function unmarked(text: string): string {
  return text.normalize('NFC').replace(MARKS, '');
}

/** Every code point of the marks, one by one. */
export function markCodePoints(): number[] {
  return WORD_MARKS.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
}
