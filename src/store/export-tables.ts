// Whole tables for the CSV, iCalendar and dossier exports, as domain records with their links.
// Rows are iterated (links gathered per row with json_group_array), the CSV tables a range of their
// order at a time (in-order.ts), so memory stays flat.
import type { DeadlineRecord, EventRecord, PersonRecord, PersonRef, SourceRecord } from '../domain/model';
import type { Risk, Status } from '../domain/types';
import { derivedOn, STATUS_LATER_SQL } from './derived';
import { rowsInOrder } from './in-order';
import { Reader } from './reader';
import { DEADLINE_COLUMNS, DEADLINE_FROM, DEADLINE_SELECT } from './reader-deadlines';
import { dateFrom, deadlineFrom, eventFrom, type Row } from './rows';
import type { DB } from './open';
import type { SqliteStore } from './sqlite-store';

const PEOPLE = `SELECT p.*,
    (SELECT json_group_array(json_object('id', id, 'name', name, 'note', note, 'primary', is_primary)) FROM
      (SELECT id, name, note, is_primary FROM person_names WHERE person_id = p.id ORDER BY is_primary DESC, rowid)) AS names_json,
    (SELECT json_group_array(risk) FROM (SELECT risk FROM person_risks WHERE person_id = p.id ORDER BY risk)) AS risks_json,
    (SELECT json_group_array(json_object('id', id, 'ref', ref)) FROM
      (SELECT c.id, c.ref FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id ORDER BY c.ref_key)) AS cases_json
  FROM people p`;

const EVENTS = `SELECT e.*, c.ref AS case_ref,
    (SELECT json_group_array(json_object('id', id, 'name', name)) FROM
      (SELECT p.id, p.name FROM event_people ep JOIN people p ON p.id = ep.person_id WHERE ep.event_id = e.id
        ORDER BY p.name, p.id)) AS people_json,
    (SELECT json_group_array(json_object('id', id, 'title', title, 'ref', ref, 'publisher', publisher)) FROM
      (SELECT s.id, s.title, s.ref, s.publisher FROM event_sources es JOIN sources s ON s.id = es.source_id WHERE es.event_id = e.id
        ORDER BY s.date, s.id)) AS sources_json
  FROM events e LEFT JOIN cases c ON c.id = e.case_id`;

/**
 * With the people each deadline names, and its case's people where it names none, as
 * Reader.deadlinesFrom gathers them for a list of rows (ties in the order of the person's id).
 */
const PEOPLE_OF = (links: string, where: string) => `(SELECT json_group_array(json_object('id', id, 'name', name)) FROM
  (SELECT p.id, p.name FROM ${links} JOIN people p ON p.id = person_id WHERE ${where} ORDER BY p.created_at, p.name, p.id))`;
const DEADLINES_PEOPLE = `SELECT ${DEADLINE_COLUMNS}, ${PEOPLE_OF('deadline_people', 'deadline_id = d.id')} AS named_json,
    CASE WHEN d.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deadline_people WHERE deadline_id = d.id)
      THEN ${PEOPLE_OF('case_people', 'case_id = d.case_id')} END AS case_people_json
  ${DEADLINE_FROM}`;

const json = <T>(text: unknown): T[] => JSON.parse((text as string | null) ?? '[]') as T[];
const opt = <T>(v: unknown): T | undefined => (v == null ? undefined : (v as T));

/**
 * Every person, by name, with all their names, risks and cases; their status and latest news as
 * they stand on the store's today (worked out beforehand for the few an event after today would
 * decide: nothing else may run on the connection while the list is read).
 */
export function* allPeople({ db, read }: SqliteStore): Generator<PersonRecord> {
  const later = (db.prepare(`SELECT id FROM people WHERE ${STATUS_LATER_SQL('people')} OR latest_news > @today`).all({ today: read.today }) as Row[])
    .map((r) => r.id as string);
  const then = derivedOn(db, later, read.today);
  for (const row of rowsInOrder(db, { table: 'people', as: 'p', keys: ['name', 'id'], select: PEOPLE })) {
    const names = json<{ id: string; name: string; note: string | null; primary: number }>(row.names_json);
    const was = then.get(row.id as string);
    const person: PersonRecord = {
      id: row.id as string,
      name: row.name as string,
      names: names.map((n) => ({ id: n.id, name: n.name, primary: n.primary === 1, note: n.note ?? undefined })),
      age: opt(row.age),
      ageOn: dateFrom(row, 'age_on'),
      born: dateFrom(row, 'born'),
      gender: opt(row.gender),
      citizenship: opt(row.citizenship),
      ethnicity: opt(row.ethnicity),
      recordedStatus: opt<Status>(row.recorded_status),
      recordedStatusOn: opt(row.recorded_status_on),
      status: row.status as Status,
      statusSince: dateFrom(row, 'status_since'),
      statusEventId: opt(row.status_event_id),
      risks: json<Risk>(row.risks_json),
      cases: json<{ id: string; ref: string }>(row.cases_json),
      latestNews: dateFrom(row, 'latest_news'),
    };
    yield was ? { ...person, status: was.status, statusSince: was.since, statusEventId: was.eventId, latestNews: was.news } : person;
  }
}

/** Every event in date order, with its people and (id, title, ref, publisher of) its sources. */
export function* allEvents({ db }: SqliteStore): Generator<EventRecord> {
  for (const row of rowsInOrder(db, { table: 'events', as: 'e', keys: ['date', 'id'], select: EVENTS })) {
    const people = json<PersonRef>(row.people_json);
    const sources = json<{ id: string; title: string; ref: string | null; publisher: string | null }>(row.sources_json)
      .map((s): SourceRecord => ({ id: s.id, title: s.title, ref: s.ref ?? undefined, publisher: s.publisher ?? undefined }));
    yield eventFrom(row, people, sources);
  }
}

/** Every deadline, done or not, by due day. */
export function* allDeadlines({ db }: SqliteStore): Generator<DeadlineRecord> {
  for (const row of rowsInOrder(db, { table: 'deadlines', as: 'd', keys: ['due', 'id'], select: DEADLINES_PEOPLE })) {
    yield deadlineFrom(row, json<PersonRef>(row.named_json), json<PersonRef>(row.case_people_json));
  }
}


/** Deadlines still to meet: not done, and not on a closed case. */
export function openDeadlines({ db }: SqliteStore): DeadlineRecord[] {
  return deadlinesOf(db, `${DEADLINE_SELECT} WHERE d.done_on IS NULL AND (c.id IS NULL OR c.closed IS NULL) ORDER BY d.due, c.ref_key, d.id`);
}

/** A deadline a calendar may still hold that is no longer open, and why: what a cancelled entry needs of it. */
export interface ClosedDeadline { id: string; due: string; why: 'done' | 'deleted' | 'case closed' }

/** The date a deadline's logged snapshot holds (its ISO date), when the entry is JSON; else NULL. */
const LOGGED_DATE = (column: string) => `CASE WHEN json_valid(${column}) THEN json_extract(${column}, '$.date.date') END`;

/**
 * Deadlines done, on a closed case, or gone (deleted, undone, merged away): the gone ones are those the
 * change log names and the table no longer holds, each with the date its latest logged snapshot
 * gives (a deleted one's, in its delete's before). An erased person's own deadlines are not among
 * them: the erase took their entries out of the log (store/erase-log.ts). One pass over the log.
 */
export function closedDeadlines({ db }: SqliteStore): ClosedDeadline[] {
  return db.prepare(
    `SELECT d.id, d.due, CASE WHEN d.done_on IS NOT NULL THEN 'done' ELSE 'case closed' END AS why
       FROM deadlines d LEFT JOIN cases c ON c.id = d.case_id WHERE d.done_on IS NOT NULL OR c.closed IS NOT NULL
     UNION ALL
     SELECT id, due, 'deleted' FROM (SELECT record_id AS id, coalesce(${LOGGED_DATE('after')}, ${LOGGED_DATE('before')}) AS due, max(seq)
       FROM changes WHERE kind = 'deadlines' AND record_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deadlines WHERE id = changes.record_id)
         AND coalesce(${LOGGED_DATE('after')}, ${LOGGED_DATE('before')}) IS NOT NULL
       GROUP BY record_id)
     ORDER BY 2, 1`,
  ).all() as ClosedDeadline[];
}

/**
 * When the change log's latest entry was made. Every change caselog makes is one (an erase removes
 * entries but adds its own after them), so its time stands for the state of all the records: a
 * calendar entry shows a deadline's case, title and people, which change without the deadline
 * changing.
 */
export function latestChange({ db }: SqliteStore): { at: string } | undefined {
  return db.prepare('SELECT at FROM changes ORDER BY seq DESC LIMIT 1').get() as { at: string } | undefined;
}

/**
 * A calendar's SEQUENCE for the records as they stand: the seconds from 2000 to the latest change,
 * yet always more than it was at the change before. A change made while the clock ran ahead (a flat
 * battery, a restored virtual machine) and one after it was put right gave a lower SEQUENCE than
 * before, and calendars kept the deadline's old date. As the largest of (each write's seconds + the
 * writes after it), a write being a command's changes (an import is one): it grows by at least one
 * with every write, and is the clock's when that is later, as it is unless the clock went back or
 * writes came faster than one a second. A change log's count starts again in a new database, so the
 * clock's seconds, not the count, carry it across an import. One pass over the change log.
 */
export function calendarSequence({ db }: SqliteStore): number {
  const found = db.prepare(`SELECT max(CAST(strftime('%s', at) AS INTEGER) - 946684800 - batch) + max(batch) AS sequence FROM changes`).get() as { sequence: number | null };
  return Math.max(0, found.sequence ?? 0);
}

function deadlinesOf(db: DB, sql: string): DeadlineRecord[] {
  const rows = db.prepare(sql).all() as Row[];
  return new Reader(db).deadlinesFrom(rows);
}

/** The titles of cases, for the calendar and dossier descriptions. */
export function caseTitles({ db }: SqliteStore): Map<string, string> {
  const rows = db.prepare('SELECT id, title FROM cases').all() as Row[];
  return new Map(rows.map((r) => [r.id as string, r.title as string]));
}
