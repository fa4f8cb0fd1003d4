// An event of a file under an id new here may be one stored here under another: each database read
// it from the same sheet (a CSV row without an id gets a new one wherever it is read), or each
// caseworker recorded it. Matched by what a sheet row is matched by (its case, type, date, summary
// and people), among the events stored before the import.
import { differingFields } from '../exchange/canonical';
import { unpadded } from '../domain/text';
import { storedRecord } from './export';
import type { DB } from './open';
import type { Row } from './rows';

type Obj = Record<string, unknown>;
interface Stmt { all(...params: unknown[]): unknown[] }

/** A stored event that says what the file's says (fields empty), or all but these fields. */
export interface StoredTwin { id: string; fields: string[] }

/** What may differ between two records of one happening: told, not matched on. */
const DETAILS = new Set(['place', 'actor', 'sources', 'date']);

/**
 * Finds the stored twin of a new event; undefined when there is none. An appeal only when it says
 * all the stored one says (a letter recorded twice, or read from a sheet, whose rows carry no
 * target): its appeal record, later in the file, then goes to the stored one (import-also-here.ts).
 * The events stored before the import are those up to the mark: none, as into a new database, and
 * nothing is looked up.
 */
export function storedTwinFinder(db: DB, sql: (text: string) => Stmt, corrections: boolean): (incoming: Obj) => StoredTwin | undefined {
  const mark = (db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM events').get() as Row).n as number;
  return (incoming) => {
    if (mark === 0) return undefined;
    const appeal = incoming.type === 'appeal';
    const people = incoming.people as string[];
    const date = incoming.date as { date: string; approximate: boolean };
    const ids = (people.length > 0
      ? sql(`SELECT e.id FROM event_people ep JOIN events e ON e.id = ep.event_id
          WHERE ep.person_id = ? AND e.rowid <= ? AND e.case_id IS ? AND e.type = ? AND e.date = ? AND e.summary = ?`)
        .all(people[0], mark, incoming.case, incoming.type, date.date, incoming.summary)
      : sql('SELECT id FROM events WHERE case_id IS ? AND whole_case = 1 AND rowid <= ? AND type = ? AND date = ? AND summary = ?')
        .all(incoming.case, mark, incoming.type, date.date, incoming.summary)) as Row[];
    let near: StoredTwin | undefined;
    for (const { id } of ids) {
      const stored = storedRecord(db, 'events', id as string)!;
      const fields = differingFields(stored, { ...incoming, id });
      if (fields.length === 0) return { id: id as string, fields };
      const sameDay = (stored.date as { approximate: boolean }).approximate === date.approximate;
      if (!near && !appeal && sameDay && fields.every((f) => DETAILS.has(f))) near = { id: id as string, fields };
    }
    if (near || !corrections || appeal) return near;
    // A row corrected in the sheet and read again (its date or its summary changed, not both): the
    // same happening told better, which a caseworker must see beside the one it corrects.
    const corrected = (people.length > 0
      ? sql(`SELECT e.id FROM event_people ep JOIN events e ON e.id = ep.event_id
          WHERE ep.person_id = ? AND e.rowid <= ? AND e.case_id IS ? AND e.type = ? AND (e.date = ? OR e.summary = ?) LIMIT 5`)
        .all(people[0], mark, incoming.case, incoming.type, date.date, incoming.summary)
      : sql('SELECT id FROM events WHERE case_id IS ? AND whole_case = 1 AND rowid <= ? AND type = ? AND (date = ? OR summary = ?) LIMIT 5')
        .all(incoming.case, mark, incoming.type, date.date, incoming.summary)) as Row[];
    for (const { id } of corrected) {
      const fields = differingFields(storedRecord(db, 'events', id as string)!, { ...incoming, id });
      if (fields.every((f) => DETAILS.has(f) || f === 'summary') && !(fields.includes('date') && fields.includes('summary'))) return { id: id as string, fields };
    }
    return undefined;
  };
}

/**
 * The stored event a sheet row without an id stands for: same case, type, date, summary and the same
 * people (all of them). The summary is compared without the spaces at its ends: the sheet's is read
 * so, a stored one may hold them.
 */
export function sheetRowTwin(db: DB, e: { case: string | null; type: string; date: string; approximate: boolean; summary: string; people: string[] }): string | undefined {
  const rows = ((e.people.length > 0
    ? db.prepare(`SELECT e.id, e.summary FROM event_people ep JOIN events e ON e.id = ep.event_id
        WHERE ep.person_id = ? AND e.case_id IS ? AND e.type = ? AND e.date = ? AND e.date_approx = ?`)
      .all(e.people[0], e.case, e.type, e.date, e.approximate ? 1 : 0)
    : db.prepare('SELECT id, summary FROM events WHERE case_id IS ? AND whole_case = 1 AND type = ? AND date = ? AND date_approx = ?')
      .all(e.case, e.type, e.date, e.approximate ? 1 : 0)) as Array<{ id: string; summary: string }>)
    .filter((r) => unpadded(r.summary) === e.summary).map((r) => r.id);
  const peopleOf = db.prepare('SELECT person_id FROM event_people WHERE event_id = ?').pluck();
  const wanted = [...e.people].sort().join(' ');
  return rows.find((id) => (peopleOf.all(id) as string[]).sort().join(' ') === wanted);
}
