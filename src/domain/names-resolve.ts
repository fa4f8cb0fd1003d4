// From a typed name to one person, several to choose from, or nobody (with the nearest names).
import { distance } from 'fastest-levenshtein';
import { foldName, foldWords } from './names-fold';
import { CLEAR_MATCH, type NameMatch, PLAUSIBLE_MATCH, scoreName } from './names-score';
import { nameWords } from './names-token';
import { compareNames } from './names-order';

export interface PersonCandidate<T> {
  person: T;
  /** The stored name it matched through. */
  name: string;
  match: NameMatch;
}

export type Resolution<T> =
  | { kind: 'one'; best: PersonCandidate<T> }
  | { kind: 'several'; candidates: PersonCandidate<T>[] }
  | { kind: 'none'; nearest: string[] };

/** How far ahead of the next person a variant match must be to be used without asking. */
export const CLEAR_MARGIN = 0.05;
const SUGGESTIONS = 5;

const RANK = { exact: 2, folded: 1, variant: 0 } as const;

function better(a: NameMatch, b: NameMatch): boolean {
  return RANK[a.reason] !== RANK[b.reason] ? RANK[a.reason] > RANK[b.reason] : a.score > b.score;
}

/**
 * Each person's best-matching name. An exact (or else folded) name held by one person wins
 * outright; a variant wins only when clear and well ahead of the next person. A query of one
 * word ("Zordun") reaches one person only when nobody else carries that word.
 */
export function resolveName<T>(
  query: string,
  names: Array<{ person: T; personId: string; name: string }>,
  allNamesForSuggestions?: string[],
): Resolution<T> {
  const best = new Map<string, PersonCandidate<T>>();
  for (const entry of names) {
    const match = scoreName(query, entry.name);
    if (!match || match.score < PLAUSIBLE_MATCH) continue;
    const current = best.get(entry.personId);
    if (!current || better(match, current.match)) best.set(entry.personId, { person: entry.person, name: entry.name, match });
  }
  const ranked = [...best.values()].sort((a, b) => (better(a.match, b.match) ? -1 : better(b.match, a.match) ? 1 : compareNames(a.name, b.name)));
  if (ranked.length === 0) {
    return { kind: 'none', nearest: nearestNames(query, allNamesForSuggestions ?? names.map((n) => n.name)) };
  }
  for (const reason of ['exact', 'folded'] as const) {
    const same = ranked.filter((c) => c.match.reason === reason);
    if (same.length === 1) return { kind: 'one', best: same[0]! };
    if (same.length > 1) return { kind: 'several', candidates: same };
  }
  const [first, second] = ranked;
  const oneWord = nameWords(foldWords(query).words).length === 1;
  if (oneWord ? ranked.length === 1 : first!.match.score >= CLEAR_MATCH && (!second || first!.match.score - second.match.score >= CLEAR_MARGIN)) {
    return { kind: 'one', best: first! };
  }
  return { kind: 'several', candidates: ranked };
}

const sortedWords = (folded: string) => folded.split(' ').sort().join(' ');

/** Names within a few letters of the query (in any word order), nearest first. */
export function nearestNames(query: string, names: string[]): string[] {
  const folded = foldName(query);
  if (folded === '') return [];
  const seen = new Set<string>();
  const near: Array<{ name: string; d: number }> = [];
  for (const name of names) {
    const other = foldName(name);
    if (other === '' || seen.has(name)) continue;
    seen.add(name);
    const d = Math.min(distance(folded, other), distance(sortedWords(folded), sortedWords(other)));
    if (d <= Math.max(2, Math.ceil(Math.max(folded.length, other.length) / 2))) near.push({ name, d });
  }
  near.sort((a, b) => a.d - b.d || compareNames(a.name, b.name));
  return near.slice(0, SUGGESTIONS).map((n) => n.name);
}
