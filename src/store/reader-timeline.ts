// Events as timelines show them: a person's, a case's, or a few by id, each with the people it names
// and the sources it cites, loaded for the whole list in batches (json_each), never row by row.
import type { EventRecord, SourceRecord } from '../domain/model';
import type { DB } from './open';
import { SOURCE_COLUMNS } from './reader-sources';
import { allRows, eventFrom, peopleByOwner, sourceFrom, type Row } from './rows';

const EVENT_SELECT = `SELECT e.*, c.ref AS case_ref FROM events e LEFT JOIN cases c ON c.id = e.case_id`;

/**
 * The ids of a case's timeline: its own events, and its people's events on no case; another case's
 * events are that case's. `caseId` is an SQL expression (a parameter or a column).
 */
export function caseEventIds(caseId: string): string {
  return `SELECT id FROM events WHERE case_id = ${caseId}
    UNION SELECT ep.event_id FROM case_people cp JOIN event_people ep ON ep.person_id = cp.person_id
      JOIN events o ON o.id = ep.event_id WHERE cp.case_id = ${caseId} AND o.case_id IS NULL`;
}

export function eventById(db: DB, id: string): EventRecord | undefined {
  return eventsFrom(db, allRows(db, `${EVENT_SELECT} WHERE e.id = ?`, id))[0];
}

/** Several events at once (search's hits): three statements, not three per event. */
export function eventsByIds(db: DB, ids: string[]): Map<string, EventRecord> {
  if (ids.length === 0) return new Map();
  const events = eventsFrom(db, allRows(db, `${EVENT_SELECT} WHERE e.id IN (SELECT value FROM json_each(?))`, JSON.stringify(ids)));
  return new Map(events.map((e) => [e.id, e]));
}

/** Events naming the person, and events on their cases as a whole. */
export function personTimeline(db: DB, personId: string): EventRecord[] {
  return eventsFrom(db,
    allRows(db,
      `${EVENT_SELECT} WHERE e.id IN (
         SELECT event_id FROM event_people WHERE person_id = @id
         UNION SELECT e2.id FROM case_people cp JOIN events e2 ON e2.case_id = cp.case_id AND e2.whole_case = 1 WHERE cp.person_id = @id)
       ORDER BY e.date, e.created_at`,
      { id: personId },
    ),
  );
}

/** The case's own events, and those of its people on no case (see caseEventIds). */
export function caseTimeline(db: DB, caseId: string): EventRecord[] {
  return eventsFrom(db,
    allRows(db,
      `${EVENT_SELECT} WHERE e.id IN (${caseEventIds('@id')})
       ORDER BY e.date, e.created_at`,
      { id: caseId },
    ),
  );
}

function eventsFrom(db: DB, rows: Row[]): EventRecord[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const people = peopleByOwner(
    allRows(db,
      `SELECT ep.event_id AS owner, p.id, p.name FROM event_people ep JOIN people p ON p.id = ep.person_id
        WHERE ep.event_id IN (SELECT value FROM json_each(?)) ORDER BY p.created_at, p.name`, ids),
  );
  const sources = new Map<string, SourceRecord[]>();
  for (const r of allRows(db,
    `SELECT es.event_id AS owner, ${SOURCE_COLUMNS} FROM event_sources es JOIN sources s ON s.id = es.source_id
      WHERE es.event_id IN (SELECT value FROM json_each(?)) ORDER BY s.date, s.created_at`, ids)) {
    const list = sources.get(r.owner as string) ?? [];
    list.push(sourceFrom(r));
    sources.set(r.owner as string, list);
  }
  return rows.map((r) => eventFrom(r, people.get(r.id as string) ?? [], sources.get(r.id as string) ?? []));
}
