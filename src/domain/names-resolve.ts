// From a typed name to one person, several to choose from, or nobody (with the nearest names).
import { distance } from 'fastest-levenshtein';
import { foldName, foldWords, scriptOf } from './names-fold';
import { CLEAR_MATCH, type NameMatch, PLAUSIBLE_MATCH, scoreName } from './names-score';
import { nameWords, particleWord } from './names-token';
import { compareNames } from './names-order';
import { sameButCase } from './names-case';
import { recordedWoman } from './names-kin';

export interface PersonCandidate<T> {
  person: T;
  /** The stored name it matched through. */
  name: string;
  match: NameMatch;
}

export type Resolution<T> =
  | { kind: 'one'; best: PersonCandidate<T> }
  | { kind: 'several'; candidates: PersonCandidate<T>[] }
  /** close: whether any of the nearest is within a few letters, or only its alphabetical neighbours. */
  | { kind: 'none'; nearest: string[]; close: boolean };

/** How far ahead of the next person a variant match must be to be used without asking. */
export const CLEAR_MARGIN = 0.05;
const SUGGESTIONS = 5;

/**
 * How near a stored name is to the one typed: as typed, but for case (a writing command takes it as
 * typed), but for accents, letters or spacing (Jose Pena, Aydin Altin: another person may be called
 * so, and a writing command asks), or only a variant.
 */
const LEVEL = { variant: 0, folded: 1, butCase: 2, exact: 3 } as const;

function levelOf(query: string, name: string, match: NameMatch): number {
  if (match.reason === 'folded' && sameButCase(name, query)) return LEVEL.butCase;
  return LEVEL[match.reason];
}

type Ranked = { match: NameMatch; level: number };

function better(a: Ranked, b: Ranked): boolean {
  return a.level !== b.level ? a.level > b.level : a.match.score > b.match.score;
}

/** A stored name as the matcher is given it: whose, whether it is their primary name, and their recorded gender. */
export interface NameEntry<T> {
  person: T;
  personId: string;
  name: string;
  primary?: boolean;
  gender?: string;
}

const inScriptTyped = (query: string, name: string) => scriptOf(name) === scriptOf(query);

/** One of a person's names that matches, as said to explain the match. */
export interface Explaining {
  name: string;
  primary?: boolean;
  score: number;
}

/**
 * Of two of one person's names that match, the one to say the match went through: one in the
 * script typed however one in another scores above it (Kasim Mahpir for "Qasim Mahpir", not their
 * Uyghur name that reads exactly so; not a Cyrillic or Chinese alias), then the closer, then their
 * primary name.
 */
export function explainsBetter(query: string, a: Explaining, b: Explaining): boolean {
  const [inA, inB] = [inScriptTyped(query, a.name), inScriptTyped(query, b.name)];
  if (inA !== inB) return inA;
  return a.score !== b.score ? a.score > b.score : a.primary === true && b.primary !== true;
}

type Through = Ranked & { name: string; primary?: boolean };

/** Of two of one person's names, the one to explain the match by: the nearer level, then as explainsBetter says. */
function showsBetter(query: string, a: Through, b: Through): boolean {
  if (a.level !== b.level) return a.level > b.level;
  return explainsBetter(query, { ...a, score: a.match.score }, { ...b, score: b.match.score });
}

/**
 * Each person's best-matching name. A stored name (exact or folded) held by one person wins
 * outright; a variant wins when it is the only plausible one, or clear and well ahead of the next
 * person. A query of one word ("Zordun") reaches one person only when nobody else carries that
 * word. (A variant is a loose match: writing commands confirm it before using it.) The person is
 * ranked by their best name, and the match explained by the name showsBetter picks.
 */
export function resolveName<T>(
  query: string,
  names: Array<NameEntry<T>>,
  allNamesForSuggestions?: string[],
): Resolution<T> {
  // A stored name, as typed or but for case, that one person alone holds decides at once, as below:
  // scoring their other names too only chose how to explain a match that needs no explaining, and
  // names in other scripts load the transliteration tables (~6 ms of every exact timeline).
  const held = names.filter((e) => sameButCase(e.name, query));
  if (held.length > 0 && held.every((e) => e.personId === held[0]!.personId)) {
    const entry = held.find((e) => e.name === query) ?? held[0]!;
    const match = scoreName(query, entry.name);
    if (match) return { kind: 'one', best: { person: entry.person, name: entry.name, match } };
  }
  const best = new Map<string, { person: T; rank: Ranked; shown: Through }>();
  for (const entry of names) {
    const match = scoreName(query, entry.name);
    if (!match || match.score < PLAUSIBLE_MATCH) continue;
    // Hemit Memetova is not Hemit Memet, but his wife's or daughter's name; a woman's own, written without -ova.
    if (match.femaleEnding && !recordedWoman(entry.gender)) continue;
    const found: Through = { name: entry.name, primary: entry.primary, match, level: levelOf(query, entry.name, match) };
    const current = best.get(entry.personId);
    if (!current) best.set(entry.personId, { person: entry.person, rank: found, shown: found });
    else best.set(entry.personId, {
      person: entry.person,
      rank: better(found, current.rank) ? found : current.rank,
      shown: showsBetter(query, found, current.shown) ? found : current.shown,
    });
  }
  const sorted = [...best.values()].sort((a, b) => (better(a.rank, b.rank) ? -1 : better(b.rank, a.rank) ? 1 : compareNames(a.shown.name, b.shown.name)));
  const candidates = (from: number) => sorted.filter((c) => c.rank.level >= from).map(({ person, shown }) => ({ person, name: shown.name, match: shown.match }));
  const ranked = candidates(LEVEL.variant);
  if (ranked.length === 0) {
    return { kind: 'none', ...nearestOf(query, allNamesForSuggestions ?? names.map((n) => n.name)) };
  }
  // A stored name, as typed or but for case, accents and spacing: held by one person it decides;
  // held by several (Kasim Mahpir and KASIM MAHPIR), they are listed. But one person's name the
  // same but for case decides over others' that differ in accents or letters: "jose pena" is Jose
  // Pena, not Jos\u00E9 Pe\u00F1a, "aydin altin" not the Turkish dotless-i Aydin Altin. Only a twin
  // differing in case alone is as likely meant.
  const butCase = candidates(LEVEL.butCase);
  const deciding = butCase.length > 0 ? butCase : candidates(LEVEL.folded);
  if (deciding.length === 1) return { kind: 'one', best: deciding[0]! };
  if (deciding.length > 1) return { kind: 'several', candidates: deciding };
  const [first, second] = sorted.map((c) => c.rank.match.score);
  if (second === undefined) return { kind: 'one', best: ranked[0]! };
  const oneWord = nameWords(foldWords(query).words).length === 1;
  if (!oneWord && first! >= CLEAR_MATCH && first! - second >= CLEAR_MARGIN) return { kind: 'one', best: ranked[0]! };
  return { kind: 'several', candidates: ranked };
}

const sortedWords = (folded: string) => folded.split(' ').sort().join(' ');

/** A folded name's words but its particles (al, bin, van, der), which say nothing of who it is. */
const ownWords = (folded: string) => folded.split(' ').filter((w) => !particleWord(w));

/** How many names are suggested when none is within a few letters of the query. */
const FALLBACK_SUGGESTIONS = 3;

/**
 * Names within a few letters of the query (in any word order, or one of their words for a query of
 * one word: "Murat" is near "Murager Alimuly"), nearest first; when none is, the few nearest of
 * those given (the caller's alphabetical neighbours of the query), so that a name that matches
 * nobody always comes with the names nearest to it.
 */
export function nearestNames(query: string, names: string[]): string[] {
  return nearestOf(query, names).nearest;
}

/** nearestNames, and whether they are near the query or only the nearest there are. */
function nearestOf(query: string, names: string[]): { nearest: string[]; close: boolean } {
  const folded = foldName(query);
  if (folded === '') return { nearest: [], close: false };
  const oneWord = !folded.includes(' ');
  // Two edits turn any word of three letters into most others (Gan, Wen): one is near enough.
  const within = (edits: number, length: number) => edits <= (folded.length <= 3 ? 1 : Math.max(2, Math.ceil(length / 2)));
  const typedWords = new Set(ownWords(folded));
  const seen = new Set<string>();
  const all: Array<{ name: string; d: number; close: boolean }> = [];
  for (const name of names) {
    const other = foldName(name);
    if (other === '' || seen.has(name)) continue;
    seen.add(name);
    const longer = Math.max(folded.length, other.length);
    const whole = Math.min(distance(folded, other), distance(sortedWords(folded), sortedWords(other)));
    let d = whole / longer;
    // A name sharing a word with the one typed (Wu for Wu Gan) is near, whatever else differs.
    let close = within(whole, longer) || (!oneWord && ownWords(other).some((w) => typedWords.has(w)));
    for (const w of oneWord ? ownWords(other) : []) {
      const edits = distance(folded, w);
      d = Math.min(d, edits / Math.max(folded.length, w.length));
      close ||= within(edits, folded.length);
    }
    all.push({ name, d, close });
  }
  const byDistance = (a: { name: string; d: number }, b: { name: string; d: number }) => a.d - b.d || compareNames(a.name, b.name);
  const near = all.filter((n) => n.close).sort(byDistance);
  if (near.length > 0) return { nearest: near.slice(0, SUGGESTIONS).map((n) => n.name), close: true };
  return { nearest: all.sort(byDistance).slice(0, FALLBACK_SUGGESTIONS).map((n) => n.name), close: false };
}
