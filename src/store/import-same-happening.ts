// An event of a file under an id new here that tells, in other words, of what an event stored here
// tells: the same people, case, type and day (two colleagues each recorded one arrest). Not taken as
// it, as one that says the same but for a detail is (import-same-event.ts): a summary is what an event
// says, and two of one day may be two happenings. Named, both, with the delete that keeps one.
import { LISTED, type ImportCounts } from './import-report';
import type { DB } from './open';
import type { Row } from './rows';

type Obj = Record<string, unknown>;
interface Stmt { all(...params: unknown[]): unknown[] }

/** Kinds of event of which a day may well hold several: two of them tell nothing. */
const MANY_A_DAY = new Set(['appeal', 'statement', 'report', 'other']);

/**
 * Watches the new events of an import (those not taken as one here) for one stored before it that
 * may be the same happening: counted in `counts.sameHappenings`. A day given exactly only: two events
 * "in March 2019" say little of being one. Nothing is looked up into a database without events.
 */
export function sameHappeningWatch(db: DB, sql: (text: string) => Stmt, counts: ImportCounts): (incoming: Obj) => void {
  const mark = (db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM events').get() as Row).n as number;
  return (incoming) => {
    const date = incoming.date as { date: string; approximate: boolean };
    const people = incoming.people as string[];
    if (mark === 0 || MANY_A_DAY.has(incoming.type as string) || date.approximate || date.date.length !== 10) return;
    const rows = (people.length > 0
      ? sql(`SELECT e.id, e.summary FROM event_people ep JOIN events e ON e.id = ep.event_id
          WHERE ep.person_id = ? AND e.rowid <= ? AND e.case_id IS ? AND e.type = ? AND e.date = ? AND e.date_approx = 0`)
        .all(people[0], mark, incoming.case, incoming.type, date.date)
      : sql('SELECT id, summary FROM events WHERE case_id IS ? AND whole_case = 1 AND rowid <= ? AND type = ? AND date = ? AND date_approx = 0')
        .all(incoming.case, mark, incoming.type, date.date)) as Array<{ id: string; summary: string }>;
    const wanted = [...people].sort().join(' ');
    const peopleOf = sql('SELECT person_id FROM event_people WHERE event_id = ?');
    const same = rows.find((r) => (peopleOf.all(r.id) as Row[]).map((p) => p.person_id as string).sort().join(' ') === wanted);
    if (!same) return;
    counts.sameHappeningCount = (counts.sameHappeningCount ?? 0) + 1;
    if ((counts.sameHappenings ??= []).length < LISTED) {
      counts.sameHappenings.push({ file: incoming.id as string, here: same.id, type: incoming.type as string, date: date.date, summaryFile: incoming.summary as string, summaryHere: same.summary });
    }
  };
}
