// Where the people stand as the document ends: a hearing's outcome told (its deadline past), held
// now as the document says, or sentenced (which a later "remains in custody" does not undo).
import { isoOf } from '../domain/dates';
import type { EventType } from '../domain/types';
import type { Candidate } from './extraction';

/** What a court day ends in: a deadline on its day is past when the document tells one of these then. */
const OUTCOMES = new Set<EventType>(['hearing', 'sentence', 'release', 'deportation', 'charge']);

/**
 * A deadline whose day the same document tells the outcome of ("postponed to 21 January", then
 * "Update: on 21 January they were sentenced"): past and known, so proposed as done on that day
 * (kept, so the record shows the hearing was set, but never overdue).
 */
export function outcomeTold(deadline: Candidate, events: Map<string, Candidate>): boolean {
  const day = deadline.date!;
  if (day.day === undefined) return false;
  const people = new Set(deadline.people ?? []);
  return [...events.values()].some((e) => isoOf(e.date!) === isoOf(day) && OUTCOMES.has(e.type!)
    && (people.size === 0 || (e.people ?? []).some((p) => people.has(p))));
}

/** Told as where people are now, undated: "are currently in pre-trial detention", "remains in custody", "is still held in". */
export const HELD_NOW = /\b(?:is|are|remains?|has been|have been)\s+(?:currently\s+|still\s+|now\s+)?(?:in\s+(?:pre-?trial\s+)?(?:detention|custody)\b|(?:being\s+)?(?:held|detained)\s+(?:in|at|incommunicado)\b)|\b(?:currently|still)\s+(?:detained|held|in\s+detention|in\s+custody)\b/i;

/** A "held now" phrase said not to hold: "is not currently detained", "no longer held". */
export const NEGATED = /(\bnot|n['’]t|\bno longer|\bnever)\s+(\w+\s+){0,2}(currently\s+|still\s+)?(in\s+|being\s+)?(held|detained|detention|custody)\b|(\bnot|n['’]t|\bno longer|\bnever)\s+(currently|still)\b|\b(whether|unclear|unknown|not known)\b/i;

/** Where a person is taken into, kept in or let out of custody. */
const CUSTODY = new Set<EventType>(['arrest', 'detention', 'sentence', 'release', 'deportation']);

/** The person's latest event of custody proposed so far: a sentence is not undone by "remains in custody". */
export function lastCustody(events: Map<string, Candidate>, name: string): Candidate | undefined {
  return [...events.values()].filter((e) => CUSTODY.has(e.type!) && e.people?.includes(name))
    .sort((a, b) => (isoOf(a.date!) < isoOf(b.date!) ? -1 : isoOf(a.date!) > isoOf(b.date!) ? 1 : 0)).at(-1);
}
