// Reading for show: a person's next deadline, a case's open deadlines; and people by the list's filters, whole.
import type { DeadlineRecord, PersonRecord } from '../domain/model';
import { DEADLINE_SELECT } from './reader-deadlines';
import { peopleWhole, type PeopleFilter } from './reader-lists';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

/** Deadlines about the person @id: those naming them, and those naming nobody on their cases. */
const ABOUT_PERSON = `(d.id IN (SELECT deadline_id FROM deadline_people WHERE person_id = @id)
       OR (d.case_id IN (SELECT case_id FROM case_people WHERE person_id = @id)
           AND NOT EXISTS (SELECT 1 FROM deadline_people dp WHERE dp.deadline_id = d.id)))`;

/**
 * Deadlines about the case @id: its own, and those on no case that name its people (found from its
 * people: the unary + keeps SQLite from reading every open deadline on no case to test them).
 */
const ABOUT_CASE = `(d.case_id = @id OR (+d.case_id IS NULL AND d.id IN (
       SELECT dp.deadline_id FROM case_people cp CROSS JOIN deadline_people dp ON dp.person_id = cp.person_id WHERE cp.case_id = @id)))`;

/** The person's next open deadline on an open case (naming them, or nobody on their cases); of two on one day, the smaller id. */
export async function nextDeadlineOf(store: SqliteStore, personId: string): Promise<DeadlineRecord | undefined> {
  const row = store.db.prepare(
    `${DEADLINE_SELECT} WHERE d.done_on IS NULL AND (c.id IS NULL OR c.closed IS NULL) AND ${ABOUT_PERSON}
     ORDER BY d.due, d.id LIMIT 1`,
  ).get({ id: personId }) as Row | undefined;
  return row ? store.read.deadlinesFrom([row])[0] : undefined;
}

/**
 * The person's deadlines not done but left out of due because their case is closed (the same
 * deadlines nextDeadlineOf would take, were the case open): how many, by case.
 */
export async function openInClosedCasesOf(store: SqliteStore, personId: string): Promise<Array<{ id: string; ref: string; count: number }>> {
  return store.db.prepare(
    `SELECT c.id AS id, c.ref AS ref, COUNT(*) AS count FROM deadlines d JOIN cases c ON c.id = d.case_id
     WHERE d.done_on IS NULL AND c.closed IS NOT NULL AND ${ABOUT_PERSON}
     GROUP BY c.id ORDER BY c.ref_key`,
  ).all({ id: personId }) as Array<{ id: string; ref: string; count: number }>;
}

/**
 * A person's or a case's deadlines still to meet (not done, and not on a closed case), soonest first,
 * as due orders them; with done, those marked done (on any case): for their dossier. Looked up from
 * the record; the database's every open deadline, read whole and filtered, took seconds at a million
 * events (and its done ones are ten times as many).
 */
export async function deadlinesAbout(store: SqliteStore, about: { kind: 'person' | 'case'; id: string }, which: 'open' | 'done' = 'open'): Promise<DeadlineRecord[]> {
  const state = which === 'open' ? 'd.done_on IS NULL AND (c.id IS NULL OR c.closed IS NULL)' : 'd.done_on IS NOT NULL';
  const rows = store.db.prepare(`${DEADLINE_SELECT} WHERE ${state}
     AND ${about.kind === 'person' ? ABOUT_PERSON : ABOUT_CASE} ORDER BY d.due, c.ref_key, d.id`).all({ id: about.id }) as Row[];
  return store.read.deadlinesFrom(rows);
}

/** A case's deadlines not yet done, soonest first. */
export async function openDeadlinesOf(store: SqliteStore, caseId: string): Promise<DeadlineRecord[]> {
  const rows = store.db.prepare(`${DEADLINE_SELECT} WHERE d.case_id = ? AND d.done_on IS NULL ORDER BY d.due, d.created_at, d.id`).all(caseId) as Row[];
  return store.read.deadlinesFrom(rows);
}

/** People matching every filter given (see peopleWhereSql), whole, as they stood today, by name as stored. */
export async function peopleWhere(store: SqliteStore, f: PeopleFilter): Promise<PersonRecord[]> {
  return peopleWhole(store.db, store.read.today, f, 'p.name, p.id');
}
