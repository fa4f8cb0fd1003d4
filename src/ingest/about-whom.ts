// Whom a document's facts are about: the people harmed in it, those named only in passing, the one
// whose clause a date stands in, and the unnamed group a sentence counts ("two ethnic Kazakhs").
import type { EventType } from '../domain/types';
import type { Candidate } from './extraction';
import type { PersonFound } from './people';
import { inRiskOrder } from './risks';

/**
 * Events that tell of harm done to the people in them. Not a hearing: a lawyer or a judge is named
 * at one for their work ("she was not allowed to consult her clients during the hearing").
 */
export const HARM = new Set<EventType>(['arrest', 'detention', 'charge', 'sentence', 'deportation', 'extradition-request', 'disappearance', 'ill-treatment']);

/**
 * The people named in passing: not among those the document names most often, nor ever named in
 * a passage with one of them, nor harmed in it. Where nobody stands out (each named once), nobody
 * is in passing.
 * Someone named by their office is judged by their role instead (left out, or kept when harmed).
 */
export function namedInPassing(people: PersonFound[], passages: PersonFound[][]): Set<PersonFound> {
  const count = new Map<PersonFound, number>();
  for (const found of passages) for (const p of found) count.set(p, (count.get(p) ?? 0) + 1);
  const most = Math.max(0, ...[...count].filter(([p]) => !p.role).map(([, n]) => n));
  if (most < 2) return new Set();
  const about = new Set([...count].filter(([p, n]) => !p.role && n === most).map(([p]) => p));
  for (const found of passages) if (found.some((p) => about.has(p) && count.get(p) === most)) for (const p of found) about.add(p);
  // Harm told of someone (arrested, sentenced) makes them someone the document is about.
  return new Set(people.filter((p) => !p.role && !p.harmed && !about.has(p)));
}

/** Each person the document names, as a candidate to track (or not: named by their office, or in passing). */
export function personCandidates(people: PersonFound[], passing: Set<PersonFound>): Candidate[] {
  return people.map((p) => ({
    kind: 'person', text: p.text, name: p.name, people: [p.name],
    ...(passing.has(p) ? { inPassing: true } : {}),
    ...(p.knownAs ? { knownAs: p.knownAs } : {}),
    ...(p.aliases.length ? { aliases: p.aliases } : {}),
    ...(p.role && !p.harmed && p.risks.size === 0 ? { role: p.role } : {}),
    ...(p.age !== undefined ? { age: p.age } : {}),
    risks: inRiskOrder(p.risks),
  }));
}

// "Y, arrested on", "X, 34, detained by Baku police on": a clause set off after a name by a comma,
// opened by a participle and running to the date without another comma.
const CLAUSE_TO_DATE = /^(?:\s*\([^()]*\))?(?:,\s*\d{1,3})?,\s*(?:\p{Ll}+ly\s+)?\p{Ll}+ed\b[^,;()]*$/u;

/** The person whose participle clause the date at `start` stands in, if any. */
export function clauseOwner(text: string, start: number, at: Array<{ person: PersonFound; end: number }>): PersonFound | undefined {
  const before = at.filter((a) => a.end <= start).at(-1);
  return before && CLAUSE_TO_DATE.test(text.slice(before.end, start)) ? before.person : undefined;
}

const GROUP_COUNTS: Record<string, number> = { two: 2, both: 2, three: 3, four: 4, five: 5 };
/** "two ethnic Kazakhs", "the three young Uighur men", "both asylum-seekers": a count of people, not of years. */
const GROUP = /\b(two|both|three|four|five)\s+(?:(?:[\p{L}-]+\s+){0,3}?(?:men|women|people|persons|brothers|sisters|asylum-seekers|asylum seekers|refugees|activists|students|detainees|defenders|journalists|lawyers)|ethnic\s+\p{Lu}\p{L}+s)\b/u;

export function groupCount(text: string): number | undefined {
  const m = GROUP.exec(text);
  return m ? GROUP_COUNTS[m[1]!.toLowerCase()] : undefined;
}

/** An event told of a group the sentence does not name: its key, the count, and whether it was proposed for the group alone. */
export interface UnnamedGroup { key: string; count: number; onlyIfTheirs: boolean }

/**
 * "Two ethnic Kazakhs" in a document about two people is those two; any other count is left to the
 * caseworker. `aboutThem`: the people the document is about (not in passing, nor only by office).
 */
export function nameTheGroups(events: Map<string, Candidate>, groups: UnnamedGroup[], aboutThem: string[]): void {
  for (const g of groups) {
    const e = events.get(g.key);
    if (!e || (e.people ?? []).length > 0) continue;
    if (g.count === aboutThem.length) e.people = aboutThem;
    // Kept for the group alone (an 'other' naming nobody is otherwise left out): left out again.
    else if (g.onlyIfTheirs) events.delete(g.key);
  }
}

// "X was beaten by guards, while his cellmate Y was released on 7 June": a clause with a subject of its
// own, set off by a contrast ("while", "whereas", "but") or a semicolon. Not a list's commas or "and":
// "X, Y and Z were arrested" is one clause.
const CLAUSE_BREAK = /;|,\s*(?:while|whereas|but|although|though|meanwhile)\b/giu;

/** The sentence's clauses, as [start, end): the whole sentence when it has one. */
export function clausesOf(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    found.push({ start: from, end: m.index ?? 0 });
    from = m.index ?? 0;
  }
  found.push({ start: from, end: text.length });
  return found;
}

/** Those named in the clause of [start, end), if the sentence has several clauses; else undefined. */
export function namedInClause(text: string, start: number, end: number, at: Array<{ person: PersonFound; start: number; end: number }>): PersonFound[] | undefined {
  const clauses = clausesOf(text);
  if (clauses.length < 2) return undefined;
  const clause = clauses.find((c) => c.start <= start && end <= c.end);
  return clause ? [...new Set(at.filter((a) => a.start >= clause.start && a.end <= clause.end).map((a) => a.person))] : undefined;
}
