// The one record `edit` and `delete` act on (and `show` shows): an id (any unique prefix: e-, d-,
// s-, t-, p-, c-), a case reference or a person's name.
import type { Context } from '../context';
import { formatDate, onDate } from '../domain/dates';
import { kindOfId, looksLikeId, shortId } from '../domain/ids';
import type { CaseRecord, DeadlineRecord, EventRecord, PersonRecord, SourceRecord } from '../domain/model';
import { describeSource } from '../render/timeline';
import { oneLine } from '../render/lines';
import type { TargetRecord } from '../domain/appeals';
import { listTargets, targetById } from '../store/appeals-read';
import { NotFoundError, UserError } from '../errors';
import type { SqliteStore } from '../store/sqlite-store';
import { describeTarget as describeAppealTarget, matchingTargets, nearTargets } from './appeal-targets';
import { goneMessage } from './gone';
import { resolveWho, uniqueId } from './who';

export type Target =
  | { kind: 'event'; id: string; event: EventRecord }
  | { kind: 'deadline'; id: string; deadline: DeadlineRecord }
  | { kind: 'person'; id: string; person: PersonRecord }
  | { kind: 'case'; id: string; case: CaseRecord }
  | { kind: 'source'; id: string; source: SourceRecord }
  | { kind: 'target'; id: string; target: TargetRecord };

/** A record found only by its id (names have commands of their own). */
export type ById = Exclude<Target, { kind: 'person' } | { kind: 'case' }>;

export async function findTarget(ctx: Context, store: SqliteStore, text: string): Promise<Target> {
  const typed = text.trim();
  const kind = looksLikeId(typed) ? kindOfId(typed.toLowerCase()) : undefined;
  if (kind === 'event' || kind === 'deadline' || kind === 'source' || kind === 'target') return recordById(store, typed, kind);
  // Names have commands of their own: never read as a person's name.
  if (kind !== undefined && kind !== 'person' && kind !== 'case') {
    throw new NotFoundError(`"${typed}" is a ${kind} id: edit takes an event, deadline, person, case, source or appeal target; delete, an event, deadline, person or case`);
  }
  try {
    const who = await resolveWho(ctx, store, typed, { writing: true });
    return who.kind === 'case' ? { kind: 'case', id: who.case.id, case: who.case } : { kind: 'person', id: who.person.id, person: who.person };
  } catch (error) {
    // No case or person by that name: a source by its reference or whole title, or an appeal
    // target as the appeal commands find it (its name, title, or whole words of either: TOKAYEV).
    if (!(error instanceof NotFoundError)) throw error;
    const sources = await store.findSources(typed);
    const allTargets = await listTargets(store);
    const targets = matchingTargets(allTargets, typed, 'name');
    const found = sources.length + targets.length;
    if (found === 1) return sources[0] ? { kind: 'source', id: sources[0].id, source: sources[0] } : { kind: 'target', id: targets[0]!.id, target: targets[0]! };
    if (found > 1) {
      const kinds = sources.length === 0 ? 'appeal targets' : 'sources or appeal targets';
      const fits = [...sources.map((r) => `source ${describeSource(r)} [${shortId(r.id)}]`),
        ...targets.map((t) => `${sources.length === 0 ? '' : 'appeal target '}${describeAppealTarget(t)}`)];
      throw new UserError(`"${typed}" fits several ${kinds}: ${fits.join('; ')}: give more of the name or the id`);
    }
    const near = nearTargets(allTargets, typed).slice(0, 3);
    if (near.length > 0) throw new NotFoundError(`${error.message}; nearest appeal target: ${near.map(describeAppealTarget).join('; ')}`);
    throw error;
  }
}

/** The event, deadline, source or appeal target an id (any unique prefix) names; an error naming the kind when none does. */
export async function recordById(store: SqliteStore, typed: string, kind: ById['kind']): Promise<ById> {
  const id = await uniqueId(store, kind, typed);
  switch (kind) {
    case 'event': {
      const event = id ? store.read.eventById(id) : undefined;
      if (!id || !event) throw new NotFoundError(goneMessage(store, 'event', typed) ?? `no event has an id starting "${typed}": "caselog timeline" and "caselog search" show events with their ids`);
      return { kind, id, event };
    }
    case 'deadline': {
      const deadline = id ? await store.getDeadline(id) : undefined;
      if (!id || !deadline) throw new NotFoundError(goneMessage(store, 'deadline', typed) ?? `no deadline has an id starting "${typed}": "caselog due" and "caselog search" show deadlines with their ids`);
      return { kind, id, deadline };
    }
    case 'source': {
      const source = id ? store.read.sourceById(id) : undefined;
      if (!id || !source) throw new NotFoundError(goneMessage(store, 'source', typed) ?? `no source has an id starting "${typed}": "caselog list sources" shows them with their ids`);
      return { kind, id, source };
    }
    case 'target': {
      const target = id ? targetById(store, id) : undefined;
      if (!id || !target) throw new NotFoundError(goneMessage(store, 'target', typed) ?? `no appeal target has an id starting "${typed}": "caselog list targets" shows them with their ids`);
      return { kind, id, target };
    }
  }
}

/** The same record read again, after a change. */
export async function reread(store: SqliteStore, t: Target): Promise<Target> {
  switch (t.kind) {
    case 'event': return { ...t, event: store.read.eventById(t.id)! };
    case 'deadline': return { ...t, deadline: (await store.getDeadline(t.id))! };
    case 'person': return { ...t, person: (await store.getPerson(t.id))! };
    case 'case': return { ...t, case: (await store.getCase(t.id))! };
    case 'source': return { ...t, source: store.read.sourceById(t.id)! };
    case 'target': return { ...t, target: targetById(store, t.id)! };
  }
}

/** A one-line description in the caseworker's words: "arrest on 14 October 1998 (Hemit Memet) [e-…]". */
export function describeTarget(t: Target): string {
  switch (t.kind) {
    case 'event': return `${describeEvent(t.event)} [${shortId(t.id)}]`;
    case 'deadline': return `deadline ${formatDate(t.deadline.date)}: ${t.deadline.note}${t.deadline.case ? ` (${t.deadline.case.ref})` : ''} [${shortId(t.id)}]`;
    case 'person': return `${t.person.name} [${shortId(t.id)}]`;
    case 'case': return `case ${t.case.ref} — ${t.case.title} [${shortId(t.id)}]`;
    case 'source': return `source ${describeSource(t.source)} [${shortId(t.id)}]`;
    case 'target': return `appeal target ${t.target.name}, ${t.target.title} [${shortId(t.id)}]`;
  }
}

export function describeEvent(e: EventRecord): string {
  const about = e.people.length > 0 ? e.people.map((p) => p.name).join(', ') : `whole case ${e.case?.ref ?? ''}`.trim();
  // One line: a summary's line breaks become " / ".
  return `${e.type}${e.status ? ` → ${e.status}` : ''} ${onDate(e.date)} (${about}): ${oneLine(e.summary, ' / ')}`;
}
