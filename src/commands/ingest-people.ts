// The people a document names, against those already tracked: the same name matcher as everywhere
// else, so a spelling that is only a variant of a tracked name is never silently a new person; nor is
// it silently theirs (loose: confirmed on a terminal, refused by --yes).
import type { PersonRecord } from '../domain/model';
import { CLEAR_MATCH, resolveName, scoreName } from '../domain/names';
import { nameKeys } from '../domain/names-keys';
import { hasOtherScript, scriptOf } from '../domain/names-fold';
import { extractFacts } from '../ingest/extract';
import type { Candidate, ExtractOptions, Extraction } from '../ingest/extraction';
import type { SqliteStore } from '../store/sqlite-store';
import { otherNames } from './duplicates';
import { reachedLoosely } from './who';

export type Lookup =
  /**
   * loose: not one of their stored names (a spelling variant, other accents), which a writing command
   * confirms on a terminal. otherScript: their name, but written in another script otherwise than
   * theirs (a namesake's characters): as loose.
   */
  | { kind: 'tracked'; person: PersonRecord; through: string; detail: string; score: number; loose: boolean; otherScript?: ScriptClash }
  | { kind: 'several'; people: Array<{ person: PersonRecord; detail: string }> }
  | { kind: 'new' };

/** The document's name in another script (陈晓玉), and the tracked person's own in that script (陈晓宇). */
export interface ScriptClash { document: string; theirs: string }

export interface Found {
  extraction: Extraction;
  /** By the name events and deadlines use for a person (their tracked name, else the document's). */
  people: Map<string, { candidate: Candidate; lookup: Lookup }>;
  /** Each of the document's names: the tracked people whose own name it is, but for case or accents. */
  holders: Map<string, PersonRecord[]>;
  /** A new name of the document only close to an earlier new one (see alikeNewNames): the earlier one, and how close. */
  alike: Map<string, Alike>;
}

/** The earlier name of the document a name is only close to. */
export interface Alike { name: string; detail: string; score: number }

const namesOf = (c: Candidate): string[] => [c.name!, ...(c.aliases ?? [])];

async function lookUp(store: SqliteStore, name: string): Promise<Lookup> {
  const candidates = await store.nameCandidates(name);
  const resolution = resolveName(name, candidates.map((c) => ({ ...c, person: c.personId })), []);
  if (resolution.kind === 'one') {
    const person = (await store.getPerson(resolution.best.person))!;
    const { name: through, match } = resolution.best;
    return { kind: 'tracked', person, through, detail: match.detail, score: match.score, loose: reachedLoosely(name, resolution.best) };
  }
  if (resolution.kind === 'several') {
    const people = await Promise.all(resolution.candidates.map(async (c) => ({ person: (await store.getPerson(c.person))!, detail: c.match.detail })));
    return { kind: 'several', people };
  }
  return { kind: 'new' };
}

/** The tracked people whose own name this is, as person alias reads it: but for case or accents (a variant is no one's own). */
async function holdersOf(store: SqliteStore, name: string): Promise<PersonRecord[]> {
  const ids = new Set((await store.nameCandidates(name)).filter((c) => (scoreName(name, c.name)?.reason ?? 'variant') !== 'variant').map((c) => c.personId));
  return Promise.all([...ids].map(async (id) => (await store.getPerson(id))!));
}

/**
 * Reads the document twice: once to learn the names in it, then, those names looked up in the store
 * and grouped, again with the tracked names known, so that two spellings of one person (tracked, or
 * new in the document) become one person. A document whose names are all new and apart is read once.
 */
export async function extractWithPeople(text: string, opts: ExtractOptions, store: SqliteStore | undefined): Promise<Found> {
  const lookups = new Map<string, Lookup>();
  const first = extractFacts(text, opts);
  const named = first.candidates.filter((k) => k.kind === 'person').flatMap(namesOf);
  if (store) for (const name of named) if (!lookups.has(name)) lookups.set(name, await lookUp(store, name));
  const tracked = (name: string): PersonRecord | undefined => {
    const found = lookups.get(name);
    return found?.kind === 'tracked' ? found.person : undefined;
  };
  const alike = alikeNewNames(named.filter((n) => !tracked(n) && lookups.get(n)?.kind !== 'several'));
  // Read again only when a name is to be read as another's: else the second reading is the first.
  const extraction = named.some((n) => tracked(n))
    ? extractFacts(text, { ...opts, lookupPerson: (name) => tracked(name)?.name ?? null })
    : first;
  const people = new Map<string, { candidate: Candidate; lookup: Lookup }>();
  for (const c of extraction.candidates.filter((k) => k.kind === 'person')) {
    const found = namesOf(c).map((n) => lookups.get(n)).find((l) => l?.kind === 'tracked')
      ?? namesOf(c).map((n) => lookups.get(n)).find((l) => l?.kind === 'several')
      ?? { kind: 'new' as const };
    const clash = found.kind === 'tracked' && !found.loose ? scriptClash(namesOf(c), found.person) : undefined;
    const lookup: Lookup = clash && found.kind === 'tracked'
      ? { ...found, loose: true, otherScript: clash, detail: `written ${clash.document} in the document, where theirs is ${clash.theirs}` }
      : found;
    people.set(c.knownAs ?? c.name!, { candidate: c, lookup });
  }
  // Only a person of several names may be given one of them that is another's ("previously written as").
  const holders = new Map<string, PersonRecord[]>();
  const several = [...people.values()].filter((q) => namesOf(q.candidate).length > 1).flatMap((q) => namesOf(q.candidate));
  if (store) for (const name of several) if (!holders.has(name)) holders.set(name, await holdersOf(store, name));
  return { extraction, people, holders, alike };
}

/**
 * New names of one document that look like one person's spellings (Kaster Musakhanuly, then Qaster
 * Musakhan; but Marat Omarov, then Marat Umarov, may be two men): each later one to the earlier it is
 * close to. Never joined here: a spelling variant is one person only once a caseworker says so, as
 * for a tracked name (the review offers it; --yes keeps them apart and says so). Only clear matches:
 * a relative's name is no spelling (names-kin).
 */
function alikeNewNames(names: string[]): Map<string, Alike> {
  // Scored only against earlier names sharing keys of both end words (a list of thousands stays linear).
  const firstBy = new Map<string, string[]>();
  const to = new Map<string, Alike>();
  for (const name of new Set(names)) {
    const keys = endKeys(name);
    for (const earlier of new Set(keys.flatMap((k) => firstBy.get(k) ?? []))) {
      const match = scoreName(name, earlier);
      if (match && match.score >= CLEAR_MATCH) {
        to.set(name, { name: earlier, detail: match.detail, score: match.score });
        break;
      }
    }
    for (const k of keys) firstBy.set(k, [...(firstBy.get(k) ?? []), name]);
  }
  return to;
}

/** Keys a clear match shares: each of the first word's with each of the last word's, in either order. */
function endKeys(name: string): string[] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return nameKeys(name);
  const [a, b] = [nameKeys(words[0]!), nameKeys(words[words.length - 1]!)];
  return a.flatMap((x) => b.flatMap((y) => [`${x}|${y}`, `${y}|${x}`]));
}

/**
 * "Chen Xiaoyu (陈晓玉)" where the tracked Chen Xiaoyu is 陈晓宇: the same Latin letters, other
 * characters. Latin letters say little (many people share them); characters that differ from the
 * person's own in that script are a sign of someone else, to be confirmed like a spelling variant.
 */
// The letters as written, without spaces or the dots between a name's parts (folding reads characters as their sound).
const asWritten = (name: string): string => name.normalize('NFC').replace(/[\s.\u00B7\u30FB\u2027-]/gu, '').toLowerCase();

function scriptClash(names: string[], person: PersonRecord): ScriptClash | undefined {
  for (const name of names.filter(hasOtherScript)) {
    const theirs = person.names.map((n) => n.name).filter((n) => scriptOf(n) === scriptOf(name));
    if (theirs.length > 0 && !theirs.some((n) => asWritten(n) === asWritten(name))) return { document: name, theirs: theirs[0]! };
  }
  return undefined;
}

/** The document's spellings a tracked person does not have yet: kept as their other names. */
export function newSpellings(candidate: Candidate, person: PersonRecord): string[] {
  return otherNames(namesOf(candidate), person.names.map((n) => n.name));
}
