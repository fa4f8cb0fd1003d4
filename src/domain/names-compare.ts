// How close two words of a name are, and how well two names' words pair up.
import { distance } from 'fastest-levenshtein';
import { arabicDistance } from './names-abjad';
import { abjadDistance } from './names-abjad-latin';
import { kinWords, oneSyllableEach, sameSyllable } from './names-kin';
import type { NameToken, Spelling } from './names-token';

/** Two words closer than this are the same word spelled differently; below it, different words. */
export const SAME_WORD = 0.75;

// Confidence for each kind of agreement between two words. A word that agrees only by edit
// distance (one letter off) is never worth a clear match on its own: Zhiyong is not Zhihong.
export const WORD_SCORE = { same: 1, skeleton: 0.96, loose: 0.92, close: 0.85 } as const;

export interface WordMatch {
  sim: number;
  labels: string[];
}

const closeness = (a: string, b: string) => 1 - distance(a, b) / Math.max(a.length, b.length, 1);

function differing(a: Spelling, b: Spelling): string[] {
  const only = (x: Spelling, y: Spelling) => x.labels.filter((l) => !y.labels.includes(l));
  return [...new Set([...only(a, b), ...only(b, a)])];
}

function firstEqual(as: Spelling[], bs: Spelling[], fits = (_labels: string[]) => true): string[] | undefined {
  for (const a of as) {
    for (const b of bs) {
      if (a.text !== b.text) continue;
      const labels = differing(a, b);
      if (fits(labels)) return labels;
    }
  }
  return undefined;
}

// Names built on Abd- ("servant of") differ in what follows: Abdurehim is not Abdukerim.
const ABD = /^a[bp][dt]/;
const theophoric = (a: string, b: string): [string, string] =>
  ABD.test(a) && ABD.test(b) && a.replace(ABD, '').length > 1 && b.replace(ABD, '').length > 1
    ? [a.replace(ABD, ''), b.replace(ABD, '')]
    : [a, b];

function editCloseness(a: Spelling[], b: Spelling[], penalty: number): { sim: number; labels: string[] } {
  let best = { sim: 0, labels: [] as string[] };
  for (const x of a) {
    for (const y of b) {
      const sim = closeness(...theophoric(x.text, y.text)) - penalty;
      if (sim > best.sim) best = { sim, labels: differing(x, y) };
    }
  }
  return best;
}

/** Which of the two names is written in Arabic script without short vowels (names-abjad). */
export type Abjad = readonly [boolean, boolean];

const UNVOWELLED = 'Arabic script without vowels';

/**
 * A word in Arabic letters and a Latin one: as close as the Latin letters are a way of writing the
 * Arabic ones, never more than a close spelling (the script leaves out what would tell Mohammad
 * from Muhammad; the person's other names, or a confirmation, decide).
 */
function compareAcross(arabic: NameToken, latin: NameToken): WordMatch {
  if (latin.initial) {
    const sim = abjadDistance({ ...arabic, parts: [[...arabic.raw][0]!] }, latin) <= 0.3 ? SAME_WORD : 0;
    return { sim, labels: ['initial'] };
  }
  // Each unit of cost (a consonant the other lacks, a long vowel in one only) is worth 0.15: one
  // such difference makes different words, small ones (t for d) do not.
  const sim = WORD_SCORE.close - 0.15 * abjadDistance(arabic, latin);
  return { sim: Math.max(sim, 0), labels: sim >= SAME_WORD ? [UNVOWELLED] : [] };
}

/** Two words in Arabic letters: the same but for the article or shadda, or a letter apart. */
function compareArabic(a: NameToken, b: NameToken): WordMatch {
  const cost = arabicDistance(a, b);
  if (cost === 0) return { sim: WORD_SCORE.skeleton, labels: ['Arabic spelling'] };
  const sim = WORD_SCORE.close - 0.15 * cost;
  return sim >= SAME_WORD ? { sim, labels: ['close spelling'] } : { sim: Math.max(sim, 0), labels: [] };
}

/** How alike two words are; sim below SAME_WORD means they are different words. */
export function compareWords(a: NameToken, b: NameToken, abjad: Abjad): WordMatch {
  if (a.raw === b.raw) return { sim: WORD_SCORE.same, labels: [] };
  if (abjad[0] !== abjad[1]) return abjad[0] ? compareAcross(a, b) : compareAcross(b, a);
  if (abjad[0]) return compareArabic(a, b);
  if (kinWords(a, b)) return { sim: 0, labels: [] };
  const skeleton = firstEqual(a.skeletons, b.skeletons);
  if (skeleton) return { sim: WORD_SCORE.skeleton, labels: skeleton };
  if (oneSyllableEach(a, b)) {
    // Chinese syllables a letter apart are other characters (Wang, Wan): no edit distance either.
    const loose = firstEqual(a.loose, b.loose, (labels) => sameSyllable(a, b, labels));
    return loose ? { sim: WORD_SCORE.loose, labels: loose } : { sim: 0, labels: [] };
  }
  const loose = firstEqual(a.loose, b.loose);
  if (loose) return { sim: WORD_SCORE.loose, labels: loose };
  if (a.initial || b.initial) {
    const same = a.raw[0] === b.raw[0] || a.skeletons[0]!.text[0] === b.skeletons[0]!.text[0];
    return { sim: same ? SAME_WORD : 0, labels: ['initial'] };
  }
  const edit = [editCloseness(a.skeletons, b.skeletons, 0), editCloseness(a.loose, b.loose, 0.1)]
    .reduce((x, y) => (y.sim > x.sim ? y : x));
  if (edit.sim < SAME_WORD) return { sim: edit.sim, labels: [] };
  return { sim: Math.min(edit.sim, WORD_SCORE.close), labels: ['close spelling', ...edit.labels] };
}

export interface Pairing {
  sims: number[];
  labels: string[];
  /** Words of the longer name left without a partner. */
  unpaired: NameToken[];
  inOrder: boolean;
  /** Which word of the first name went with which of the second (their places in a and b), with sims' order. */
  pairs: Array<[number, number]>;
}

function* arrangements(n: number, k: number, used: boolean[] = [], prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = 0; i < n; i++) {
    if (used[i]) continue;
    used[i] = true;
    yield* arrangements(n, k, used, [...prefix, i]);
    used[i] = false;
  }
}

const MAX_WORDS = 6;

/**
 * Which of a long name's words are paired, at most MAX_WORDS: its first and its last (the given and
 * the family name: "Ahmad bin Muhammad bin Abdullah bin Ibrahim bin Khalid bin Saud al-Harbi" is
 * Ahmad al-Harbi), and of the words between, those that best match the other name's.
 */
function chosen(count: number, worth: (j: number) => number): number[] {
  if (count <= MAX_WORDS) return [...Array(count).keys()];
  const between = [...Array(count - 2).keys()].map((j) => j + 1);
  const best = between.sort((x, y) => worth(y) - worth(x) || x - y).slice(0, MAX_WORDS - 2);
  return [0, ...best.sort((x, y) => x - y), count - 1];
}

/** The pairing of the two names' words that agrees best (word order free). */
export function pairWords(a: NameToken[], b: NameToken[], abjad: Abjad): Pairing {
  const [short, long, flipped] = a.length <= b.length ? [a, b, false] : [b, a, true];
  const shortKept = chosen(short.length, () => 0);
  const s = shortKept.map((i) => short[i]!);
  const all = s.map((x) => long.map((y) => (flipped ? compareWords(y, x, abjad) : compareWords(x, y, abjad))));
  const kept = chosen(long.length, (j) => Math.max(...all.map((row) => row[j]!.sim)));
  const l = kept.map((j) => long[j]!);
  const table = all.map((row) => kept.map((j) => row[j]!));
  let best: { order: number[]; total: number } = { order: [], total: -1 };
  for (const order of arrangements(l.length, s.length)) {
    const total = order.reduce((sum, j, i) => sum + table[i]![j]!.sim, 0);
    if (total > best.total + 1e-9) best = { order: [...order], total };
  }
  const matches = best.order.map((j, i) => table[i]![j]!);
  const used = new Set(best.order);
  return {
    sims: matches.map((m) => m.sim),
    labels: [...new Set(matches.flatMap((m) => m.labels))],
    unpaired: l.filter((_, j) => !used.has(j)),
    inOrder: best.order.every((j, i) => i === 0 || j > best.order[i - 1]!),
    pairs: best.order.map((j, i): [number, number] => (flipped ? [kept[j]!, shortKept[i]!] : [shortKept[i]!, kept[j]!])),
  };
}
