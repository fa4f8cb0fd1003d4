// Deleting a record and what belongs only to it, in one transaction and one change batch, with every
// removed or relinked record logged in export form so that `undo` can put it all back exactly.
//
// What goes with what:
// - an event or a deadline: itself only;
// - a person: their names and risks, the events and deadlines that name only them; they are unlinked
//   from events and deadlines shared with others, and from their cases;
// - a case: its events, its deadlines and its appeal plan; its people stay, no longer linked to it.
// An event's appeal record (letter sent or answer received) goes with the event.
import type { Section } from '../exchange/format';
import { peopleTouchedBy, refreshPeople } from './derived';
import { asShown } from './plan-shown';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

export type DeleteKind = 'event' | 'deadline' | 'person' | 'case';

export interface DeletePlan {
  kind: DeleteKind;
  id: string;
  /** Events and deadlines that go with the record. */
  events: string[];
  deadlines: string[];
  /** Rows the database removes with them (ON DELETE CASCADE), logged so that undo restores them. */
  appeals: string[];
  plans: string[];
  /** Records that stay but lose their link to it. */
  sharedEvents: string[];
  sharedDeadlines: string[];
  unlinkedPeople: string[];
}

const SECTION: Record<DeleteKind, Section> = { event: 'events', deadline: 'deadlines', person: 'people', case: 'cases' };

const ids = (store: SqliteStore, sql: string, id: string): string[] =>
  (store.db.prepare(sql).all({ id }) as Row[]).map((r) => r.id as string);

/** Events or deadlines that name this person and nobody else, or (shared) this person among others. */
const NAMING = (table: string, key: string, shared: boolean) =>
  `SELECT l.${key} AS id FROM ${table} l WHERE l.person_id = @id
     AND ${shared ? '' : 'NOT '}EXISTS (SELECT 1 FROM ${table} o WHERE o.${key} = l.${key} AND o.person_id <> @id) ORDER BY l.${key}`;

export function planDelete(store: SqliteStore, kind: DeleteKind, id: string): DeletePlan {
  const plan: DeletePlan = { kind, id, events: [], deadlines: [], appeals: [], plans: [], sharedEvents: [], sharedDeadlines: [], unlinkedPeople: [] };
  if (kind === 'person') {
    plan.events = ids(store, NAMING('event_people', 'event_id', false), id);
    plan.deadlines = ids(store, NAMING('deadline_people', 'deadline_id', false), id);
    plan.sharedEvents = ids(store, NAMING('event_people', 'event_id', true), id);
    plan.sharedDeadlines = ids(store, NAMING('deadline_people', 'deadline_id', true), id);
  } else if (kind === 'case') {
    plan.events = ids(store, 'SELECT id FROM events WHERE case_id = @id ORDER BY id', id);
    plan.deadlines = ids(store, 'SELECT id FROM deadlines WHERE case_id = @id ORDER BY id', id);
    plan.unlinkedPeople = ids(store, 'SELECT person_id AS id FROM case_people WHERE case_id = @id ORDER BY person_id', id);
    plan.plans = ids(store, 'SELECT id FROM plans WHERE case_id = @id', id);
  }
  const goingEvents = kind === 'event' ? [id] : plan.events;
  plan.appeals = (store.db.prepare('SELECT event_id AS id FROM appeal_records WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id')
    .all(JSON.stringify(goingEvents)) as Row[]).map((r) => r.id as string);
  return plan;
}

/**
 * Deletes as planned, planned again inside the transaction so that it acts on what is there now;
 * `shown`, the plan the user confirmed: when what goes is no longer that (an event naming them added
 * meanwhile), nothing is deleted (PlanChanged, with the plan now).
 */
export async function deleteRecord(store: SqliteStore, kind: DeleteKind, id: string, shown?: DeletePlan): Promise<DeletePlan> {
  return store.write(() => {
    const plan = asShown(shown, planDelete(store, kind, id), (p) => p, 'nothing deleted');
    const gone: Array<[Section, string]> = [
      [SECTION[kind], id], ...plan.events.map((e) => ['events', e] as [Section, string]),
      ...plan.deadlines.map((d) => ['deadlines', d] as [Section, string]),
      ...plan.plans.map((p) => ['plans', p] as [Section, string]),
      ...plan.appeals.map((a) => ['appeals', a] as [Section, string]),
    ];
    const kept: Array<[Section, string]> = [
      ...plan.sharedEvents.map((e) => ['events', e] as [Section, string]),
      ...plan.sharedDeadlines.map((d) => ['deadlines', d] as [Section, string]),
      ...plan.unlinkedPeople.map((p) => ['people', p] as [Section, string]),
    ];
    // Keyed by section too: an appeal record has the id of its event.
    const before = new Map([...gone, ...kept].map(([s, r]) => [`${s}:${r}`, store.snapshot(s, r)]));
    const touched = new Set<string>(plan.unlinkedPeople);
    for (const e of [...plan.events, ...plan.sharedEvents, ...(kind === 'event' ? [id] : [])]) {
      for (const p of peopleTouchedBy(store.db, e)) touched.add(p);
    }
    removeRows(store, plan);
    touched.delete(id);
    refreshPeople(store.db, touched);
    for (const [section, r] of gone) store.logChange('delete', section, r, before.get(`${section}:${r}`), null);
    for (const [section, r] of kept) store.logChange('edit', section, r, before.get(`${section}:${r}`), store.snapshot(section, r));
    return plan;
  });
}

export function removeRows(store: SqliteStore, plan: DeletePlan): void {
  const run = (sql: string, ...params: unknown[]) => store.db.prepare(sql).run(...params);
  for (const d of plan.deadlines) run('DELETE FROM deadlines WHERE id = ?', d);
  for (const e of plan.events) run('DELETE FROM events WHERE id = ?', e);
  if (plan.kind === 'person') {
    run('DELETE FROM event_people WHERE person_id = ?', plan.id);
    run('DELETE FROM deadline_people WHERE person_id = ?', plan.id);
  }
  // Links to the record go with it (ON DELETE CASCADE): names, name keys, risks, memberships, citations.
  run(`DELETE FROM ${SECTION[plan.kind]} WHERE id = ?`, plan.id);
}
