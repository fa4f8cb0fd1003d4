// How close two words of a name are, and how well two names' words pair up.
import { distance } from 'fastest-levenshtein';
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

function firstEqual(as: Spelling[], bs: Spelling[]): string[] | undefined {
  for (const a of as) for (const b of bs) if (a.text === b.text) return differing(a, b);
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

/** How alike two words are; sim below SAME_WORD means they are different words. */
export function compareWords(a: NameToken, b: NameToken, abjad: boolean): WordMatch {
  if (a.raw === b.raw) return { sim: WORD_SCORE.same, labels: [] };
  const skeleton = firstEqual(a.skeletons, b.skeletons);
  if (skeleton) return { sim: WORD_SCORE.skeleton, labels: skeleton };
  const loose = firstEqual(a.loose, b.loose);
  if (loose) return { sim: WORD_SCORE.loose, labels: loose };
  if (a.initial || b.initial) {
    const same = a.raw[0] === b.raw[0] || a.skeletons[0]!.text[0] === b.skeletons[0]!.text[0];
    return { sim: same ? SAME_WORD : 0, labels: ['initial'] };
  }
  const edit = [editCloseness(a.skeletons, b.skeletons, 0), editCloseness(a.loose, b.loose, 0.1)]
    .reduce((x, y) => (y.sim > x.sim ? y : x));
  if (abjad && a.consonants.length > 1) {
    const sim = closeness(a.consonants, b.consonants) - 0.05;
    if (sim > edit.sim) return { sim: Math.min(sim, WORD_SCORE.close), labels: ['Arabic script without vowels'] };
  }
  if (edit.sim < SAME_WORD) return { sim: edit.sim, labels: [] };
  return { sim: Math.min(edit.sim, WORD_SCORE.close), labels: ['close spelling', ...edit.labels] };
}

export interface Pairing {
  sims: number[];
  labels: string[];
  /** Words of the longer name left without a partner. */
  unpaired: NameToken[];
  inOrder: boolean;
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

/** The pairing of the two names' words that agrees best (word order free). */
export function pairWords(a: NameToken[], b: NameToken[], abjad: boolean): Pairing {
  const [short, long, flipped] = a.length <= b.length ? [a, b, false] : [b, a, true];
  const s = short.slice(0, MAX_WORDS);
  const l = long.slice(0, MAX_WORDS);
  const table = s.map((x) => l.map((y) => (flipped ? compareWords(y, x, abjad) : compareWords(x, y, abjad))));
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
  };
}
