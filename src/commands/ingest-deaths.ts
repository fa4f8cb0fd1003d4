// A death the document tells of is recorded as an 'other' event, and the person stays at risk: status
// is never set from a document alone (a false report would drop a living person from at-risk). What
// ingest does is say so, with the command that records the death once it is confirmed.
import type { Context } from '../context';
import { say } from '../context';
import { dateArg, isoOf } from '../domain/dates';
import { shortId } from '../domain/ids';
import type { PartialDate } from '../domain/types';
import { deathToldAt } from '../ingest/event-types';
import { shellWord } from './hints';
import { personRef, type IngestPlan } from './ingest-plan';

export interface ToldEvent {
  type: string;
  date: PartialDate;
  text: string;
  /** id null: a person the document would add (a dry run has no id yet). */
  people: Array<{ id: string | null; name: string }>;
}

/** Of those an event names, whom the death is told of: the last named before the words of it when several are. */
function whoDied(e: ToldEvent, at: number): ToldEvent['people'] {
  if (e.people.length < 2) return e.people;
  const before = e.people.map((p) => ({ p, i: e.text.lastIndexOf(p.name, at) })).filter((x) => x.i >= 0);
  if (before.length === 0) return [];
  const last = Math.max(...before.map((x) => x.i));
  return before.filter((x) => x.i === last).map((x) => x.p);
}

/**
 * One note a person, dated by the earliest event telling of the death (the death came on or before
 * it); none for someone already recorded as deceased.
 */
export function noteDeaths(ctx: Context, plan: IngestPlan, events: ToldEvent[]): void {
  const deceased = new Set(plan.people.flatMap((p) => (p.choice.action === 'tracked' && p.choice.person.status === 'deceased' ? [p.choice.person.id] : [])));
  const told = new Map<string, { person: ToldEvent['people'][number]; date: PartialDate }>();
  for (const e of events) {
    const at = e.type === 'other' ? deathToldAt(e.text) : -1;
    if (at < 0) continue;
    for (const person of whoDied(e, at)) {
      const key = person.id ?? person.name;
      const before = told.get(key);
      if ((person.id && deceased.has(person.id)) || (before && isoOf(before.date) <= isoOf(e.date))) continue;
      told.set(key, { person, date: e.date });
    }
  }
  for (const { person: p, date } of told.values()) {
    const on = dateArg(date);
    say(ctx, p.id
      ? `note: the document tells of the death of ${p.name} [${shortId(p.id)}]: if it is confirmed, record it: caselog status ${shortId(p.id)} deceased --date ${on}`
      : `note: the document tells of the death of ${p.name}: if it is confirmed, record it once the document is ingested: caselog status ${shellWord(p.name)} deceased --date ${on}`);
  }
}

/** The events a dry run proposes, with the people as --yes would take them. */
export function proposedEvents(plan: IngestPlan): ToldEvent[] {
  return plan.facts.filter((f) => f.kind === 'event' && f.accepted).map((f) => ({
    type: f.type ?? 'other', date: f.date, text: f.candidate.text,
    people: f.people.map((key) => personRef(plan, key)),
  }));
}
