// Reading for show and list: a person's next deadline, a case's open deadlines, filtered lists.
import type { CaseRecord, DeadlineRecord, PersonRecord } from '../domain/model';
import type { Risk, Status } from '../domain/types';
import { DEADLINE_SELECT } from './reader-deadlines';
import { caseEventIds } from './reader-timeline';
import { PERSON_SELECT, personFromRow } from './reader-people';
import { STATUS_LATER_SQL } from './derived';
import type { Row } from './rows';
import { caseFrom } from './rows';
import type { SqliteStore } from './sqlite-store';

/** The person's next open deadline on an open case (naming them, or nobody on their cases); of two on one day, the smaller id. */
export async function nextDeadlineOf(store: SqliteStore, personId: string): Promise<DeadlineRecord | undefined> {
  const row = store.db.prepare(
    `${DEADLINE_SELECT} WHERE d.done_on IS NULL AND (c.id IS NULL OR c.closed IS NULL) AND (
       d.id IN (SELECT deadline_id FROM deadline_people WHERE person_id = @id)
       OR (d.case_id IN (SELECT case_id FROM case_people WHERE person_id = @id)
           AND NOT EXISTS (SELECT 1 FROM deadline_people dp WHERE dp.deadline_id = d.id)))
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
     WHERE d.done_on IS NULL AND c.closed IS NOT NULL AND (
       d.id IN (SELECT deadline_id FROM deadline_people WHERE person_id = @id)
       OR (d.case_id IN (SELECT case_id FROM case_people WHERE person_id = @id)
           AND NOT EXISTS (SELECT 1 FROM deadline_people dp WHERE dp.deadline_id = d.id)))
     GROUP BY c.id ORDER BY c.ref_key`,
  ).all({ id: personId }) as Array<{ id: string; ref: string; count: number }>;
}

/** A case's deadlines not yet done, soonest first. */
export async function openDeadlinesOf(store: SqliteStore, caseId: string): Promise<DeadlineRecord[]> {
  const rows = store.db.prepare(`${DEADLINE_SELECT} WHERE d.case_id = ? AND d.done_on IS NULL ORDER BY d.due, d.created_at, d.id`).all(caseId) as Row[];
  return store.read.deadlinesFrom(rows);
}

export interface PeopleFilter { status?: Status; risk?: Risk; caseId?: string; open?: boolean; closed?: boolean }

/**
 * People matching every filter given. --open: in at least one open case; --closed: in cases, all
 * of them closed (someone tracked outside any case is neither).
 */
export async function peopleWhere(store: SqliteStore, f: PeopleFilter): Promise<PersonRecord[]> {
  const rows = store.db.prepare(
    `${PERSON_SELECT}
      WHERE (@status IS NULL OR p.status = @status OR ${STATUS_LATER_SQL('p')})
        AND (@risk IS NULL OR EXISTS (SELECT 1 FROM person_risks r WHERE r.person_id = p.id AND r.risk = @risk))
        AND (@case IS NULL OR EXISTS (SELECT 1 FROM case_people cp WHERE cp.person_id = p.id AND cp.case_id = @case))
        AND (@open = 0 OR EXISTS (SELECT 1 FROM case_people cp JOIN cases c ON c.id = cp.case_id
                                   WHERE cp.person_id = p.id AND c.closed IS NULL))
        AND (@closed = 0 OR (EXISTS (SELECT 1 FROM case_people cp WHERE cp.person_id = p.id)
             AND NOT EXISTS (SELECT 1 FROM case_people cp JOIN cases c ON c.id = cp.case_id
                              WHERE cp.person_id = p.id AND c.closed IS NULL)))
      ORDER BY p.name, p.id`,
  ).all({
    status: f.status ?? null, today: store.read.today, risk: f.risk ?? null, case: f.caseId ?? null, open: f.open ? 1 : 0, closed: f.closed ? 1 : 0,
  }) as Row[];
  const people = store.read.onToday(rows.map(personFromRow));
  return f.status ? people.filter((p) => p.status === f.status) : people;
}

export interface CaseFilter { status?: Status; risk?: Risk; open?: boolean; closed?: boolean }

/** Cases matching every filter; --status and --risk ask for a person in the case with that status or risk. */
export async function casesWhere(store: SqliteStore, f: CaseFilter): Promise<CaseRecord[]> {
  // The status today: as stored, but for the few whose stored status may not hold on it, worked out again.
  const today = store.read.today;
  const maybe = f.status ? (store.db.prepare(`SELECT id FROM people p WHERE ${STATUS_LATER_SQL('p')}`).all({ today }) as Row[]).map((r) => r.id as string) : [];
  const then = store.read.statusOn(maybe, today);
  const later = maybe.filter((_, i) => then[i] === f.status);
  const rows = store.db.prepare(
    `SELECT c.* FROM cases c
      WHERE (@open = 0 OR c.closed IS NULL) AND (@closed = 0 OR c.closed IS NOT NULL)
        AND (@status IS NULL OR EXISTS (SELECT 1 FROM case_people cp JOIN people p ON p.id = cp.person_id
                                         WHERE cp.case_id = c.id AND p.status = @status AND NOT ${STATUS_LATER_SQL('p')})
             OR c.id IN (SELECT cp.case_id FROM json_each(@later) j JOIN case_people cp ON cp.person_id = j.value))
        AND (@risk IS NULL OR EXISTS (SELECT 1 FROM case_people cp JOIN person_risks r ON r.person_id = cp.person_id
                                       WHERE cp.case_id = c.id AND r.risk = @risk))
      ORDER BY c.ref_key`,
  ).all({ status: f.status ?? null, today, later: JSON.stringify(later), risk: f.risk ?? null, open: f.open ? 1 : 0, closed: f.closed ? 1 : 0 }) as Row[];
  return rows.map((r) => caseFrom(r, store.read.casePeople(r.id as string)));
}

/** How many events each case's timeline shows (caseEventIds), for the case list. */
export async function eventCounts(store: SqliteStore, caseIds: string[]): Promise<Map<string, number>> {
  const rows = store.db.prepare(
    `SELECT k.value AS case_id, (SELECT count(*) FROM (${caseEventIds('k.value')})) AS n FROM json_each(?) k`,
  ).all(JSON.stringify(caseIds)) as Row[];
  return new Map(rows.map((r) => [r.case_id as string, r.n as number]));
}
