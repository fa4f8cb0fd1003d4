// How likely it is that two written names are the same person's name, and why.
import { asTyped, plainApostrophes } from './text';
import { type Abjad, SAME_WORD, pairWords } from './names-compare';
import { joinAbd } from './names-abjad';
import { compactName, foldName, foldWords, hasOtherScript, scriptOf } from './names-fold';
import { latinTwins } from './names-lookalike';
import { afterBin, endingMoved, femaleEndingAdded, generationApart, type NameSide } from './names-kin';
import { joinedToken, nameToken, nameWords, onlyParticles } from './names-token';

export interface NameMatch {
  score: number;
  reason: 'exact' | 'folded' | 'variant';
  detail: string;
  /**
   * A word of the typed name has a female ending its stored word lacks (Hemit Memetova, Hemit
   * Memet): a woman's name, which is the person's only if they are a woman (names-kin).
   */
  femaleEnding?: true;
}

/** At or above this, a single best match is used without asking. */
export const CLEAR_MATCH = 0.9;
/** At or above this, a match is listed as a candidate. */
export const PLAUSIBLE_MATCH = 0.6;

const SWAPPED = 'given and family name swapped';
const JOINED = 'written as one word';

interface Reading extends NameSide {
  words: string[][];
  abjad: boolean;
  /** In Arabic script: the name with Abd and the word after it as one word (see joinAbd). */
  abd?: Reading;
  /** In Chinese characters, read as family and given name: the characters as one word (see foldWords). */
  whole?: Reading;
}

function reading(words: string[][], abjad: boolean): Reading {
  const kept = nameWords(words);
  return { words: kept, tokens: kept.map(nameToken), bin: afterBin(words), abjad };
}

// A query is scored against many candidates: keep recent readings rather than redo them.
const readings = new Map<string, Reading>();

function readName(name: string): Reading {
  const known = readings.get(name);
  if (known) return known;
  const folded = foldWords(name);
  const read = reading(folded.words, folded.abjad);
  const abd = folded.abjad ? joinAbd(folded.words) : undefined;
  if (abd) read.abd = reading(abd, true);
  if (folded.han && folded.words.length > 1) read.whole = reading([[folded.words.flat().join('')]], false);
  if (readings.size >= 500) readings.clear();
  readings.set(name, read);
  return read;
}

interface Scored {
  score: number;
  labels: string[];
  structure: string[];
  femaleEnding?: true;
}

function scorePairing(a: NameSide, b: NameSide, abjad: Abjad): Scored | undefined {
  if (a.tokens.length === 0 || b.tokens.length === 0) return undefined;
  const p = pairWords(a.tokens, b.tokens, abjad);
  const agree = p.sims.filter((s) => s >= SAME_WORD).length;
  const conflicts = p.sims.length - agree;
  if (agree === 0) return undefined;
  // A father's name and his son's agree word for word: Serik Nurlanovich and Nurlan Serikovich.
  const agreeing = p.pairs.filter((_, k) => p.sims[k]! >= SAME_WORD);
  if (generationApart(a, b, agreeing, p.inOrder) || endingMoved(a, b, agreeing, p.inOrder)) return undefined;
  // A word that is not the other's in any spelling is another person's: a brother's given name
  // (Ilyas Zordun, Ilham Zordun; Ivan and Sergei Ivanovich Petrov), a cousin's father's. The
  // nearest names suggest them; a reading command must not show one for the other.
  if (conflicts > 0) return undefined;
  // A name of one word stored (Wu), and more typed (Wu Gan): what more was typed, it cannot confirm.
  if (p.sims.length === 1 && a.tokens.length > b.tokens.length) return undefined;
  const female = p.pairs.some(([i, j]) => femaleEndingAdded(a.tokens[i]!, b.tokens[j]!)) ? { femaleEnding: true as const } : {};
  if (p.sims.length === 1 && p.unpaired.length > 0) {
    return { score: 0.55 + 0.15 * p.sims[0]!, labels: p.labels, structure: ['only one of the names'], ...female };
  }
  const min = Math.min(...p.sims);
  const mean = p.sims.reduce((x, y) => x + y, 0) / p.sims.length;
  let score = 0.8 * min + 0.2 * mean;
  const structure: string[] = [];
  if (!p.inOrder) {
    score -= 0.02;
    structure.push(SWAPPED);
  }
  for (const extra of p.unpaired) {
    score *= extra.patronymic ? 0.97 : 0.9;
    structure.push(extra.patronymic ? `patronymic ${extra.raw} left out` : `one more name (${extra.raw})`);
  }
  return { score, labels: p.labels, structure, ...female };
}

// "Wang Lixiong" and "WangLiXiong" (from 王力雄), "Abdu Rahman" and "Abdurahman": the longer
// name's neighbouring words joined, in both orders for a two-word name.
function joinings(words: string[][], target: number): string[][][] {
  if (words.length <= target) return [];
  const out: string[][][] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    out.push([...words.slice(0, i), [...words[i]!, ...words[i + 1]!], ...words.slice(i + 2)]);
  }
  if (words.length === 2) out.push([[...words[1]!, ...words[0]!]]);
  return words.length - 1 > target ? [...out, ...out.flatMap((w) => joinings(w, target))] : out;
}

/** The best of the two names' readings: as written, and with an Abd joined to its name. */
function scoreVariant(a: Reading, b: Reading): Scored | undefined {
  let best: Scored | undefined;
  for (const x of a.abd ? [a, a.abd] : [a]) {
    for (const y of b.abd ? [b, b.abd] : [b]) {
      const scored = scoreReadings(x, y);
      if (scored && (!best || scored.score > best.score)) best = scored;
    }
  }
  // Chinese characters read as family and given name, else as one word of the other's longer name
  // (written as one, the two would have folded alike): tried only when the first reading fails.
  if (!best && a.whole && b.words.length > 1) best = scorePairing(a.whole, b, [false, b.abjad]);
  if (!best && b.whole && a.words.length > 1) best = scorePairing(a, b.whole, [a.abjad, false]);
  return best;
}

function scoreReadings(a: Reading, b: Reading): Scored | undefined {
  // Initials alone ("K.") or particles alone ("van der", "bin") say too little to reach anyone.
  if (a.tokens.every((t) => t.initial) || b.tokens.every((t) => t.initial)) return undefined;
  if (onlyParticles(a.words) || onlyParticles(b.words)) return undefined;
  const abjad: Abjad = [a.abjad, b.abjad];
  let best = scorePairing(a, b, abjad);
  const [short, long, shortFirst] = a.words.length <= b.words.length ? [a, b, true] : [b, a, false];
  if (long.words.length - short.words.length > 2) return best;
  for (const joined of joinings(long.words, short.words.length)) {
    const side = { tokens: joined.map(joinedToken), bin: joined.map(() => false) };
    const scored = shortFirst ? scorePairing(short, side, abjad) : scorePairing(side, short, abjad);
    if (!scored) continue;
    const withJoin = { ...scored, score: scored.score - 0.02, structure: [JOINED, ...scored.structure.filter((s) => s !== SWAPPED)] };
    if (!best || withJoin.score > best.score) best = withJoin;
  }
  return best;
}

function describe(scored: Scored): string {
  const spelling = scored.labels.filter((l) => l !== 'close spelling');
  const lead = scored.labels.includes('close spelling') ? 'close spelling' : 'spelling variant';
  const shown = scored.labels.length > 0 || scored.structure.length === 0;
  const parts = shown ? [`${lead}${spelling.length ? ` (${spelling.join(', ')})` : ''}`] : [];
  return [...parts, ...scored.structure].join('; ');
}

// A name as typed, but for the form of its apostrophes: Sa\u2019idov is the name Sa'idov, exactly.
const plain = (name: string) => plainApostrophes(asTyped(name));

/**
 * Whether two names that fold alike are written alike: in Latin letters both, or else with the same
 * letters but for case, accents and spacing. A name reached only through its romanisation is not
 * one of the stored names (张伟 and 章伟 are both "Zhang Wei"; so is a Cyrillic alias typed in
 * Latin letters): a loose match, which writing commands confirm first.
 */
function sameWriting(a: string, b: string): boolean {
  if (!hasOtherScript(a) && !hasOtherScript(b)) return true;
  const letters = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return letters(a) === letters(b);
}

// Each run of letters (with their accents) as one x: what stands between a name's words.
const between = (name: string) => plain(name).replace(/[\p{L}\p{N}\p{M}]+/gu, 'x');
const lettersAsWritten = (name: string) => plain(name).replace(/[^\p{L}\p{N}\p{M}]+/gu, '');

/**
 * Why two names whose letters read alike are alike. Written alike (sameWriting): what differs of
 * case and accents, and of spacing and punctuation (Wang Lixiong in characters with a space after
 * the family name and without: they fold alike, and differ in the space alone). Else in other
 * letters of one script (Kazakh Cyrillic's own u for the Russian one), or in another script.
 */
function foldedMatch(query: string, candidate: string, score: number): NameMatch {
  if (!sameWriting(query, candidate)) {
    // Written alike to the eye, in part with letters of another script (Cyrillic dze for s): said, as it is seen nowhere else.
    if (sameWriting(latinTwins(query), latinTwins(candidate))) return { score, reason: 'variant', detail: 'the same letters, some of them look-alikes from another script' };
    const detail = scriptOf(query) === scriptOf(candidate) ? 'spelling variant' : 'the same name in another script';
    return { score, reason: 'variant', detail };
  }
  const letters = lettersAsWritten(query) !== lettersAsWritten(candidate);
  const spacing = between(query) !== between(candidate);
  const ignored = letters && spacing ? 'case, accents, spacing and punctuation' : spacing ? 'spacing and punctuation' : 'case and accents';
  return { score, reason: 'folded', detail: `same letters ignoring ${ignored}` };
}

/** How well a typed name matches a stored one; null when it is not a plausible match. */
export function scoreName(query: string, candidate: string): NameMatch | null {
  if (plain(query) === '' || plain(candidate) === '') return null;
  if (plain(query) === plain(candidate)) return { score: 1, reason: 'exact', detail: 'the same name' };
  const fq = foldName(query);
  if (fq === '') return null;
  if (fq === foldName(candidate)) return foldedMatch(query, candidate, 0.97);
  if (compactName(query) === compactName(candidate)) return foldedMatch(query, candidate, 0.96);
  const scored = scoreVariant(readName(query), readName(candidate));
  if (!scored || scored.score < PLAUSIBLE_MATCH) return null;
  if (hasOtherScript(query) !== hasOtherScript(candidate)) scored.structure.push('read from another script');
  const female = scored.femaleEnding ? { femaleEnding: true as const } : {};
  return { score: Math.round(Math.min(scored.score, 0.95) * 1000) / 1000, reason: 'variant', detail: describe(scored), ...female };
}
