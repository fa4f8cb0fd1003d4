// Deadlines as due and show list them, each with the people it is about: those it names, or else
// the people of its case; loaded for the whole list in batches (json_each), never row by row.
import type { DeadlineRecord } from '../domain/model';
import type { DB } from './open';
import { allRows, deadlineFrom, firstRows, peopleByOwner, peopleOfCases, type Row } from './rows';
import type { DueQuery } from './store';

export const DEADLINE_COLUMNS = 'd.*, c.ref AS case_ref';
export const DEADLINE_FROM = 'FROM deadlines d LEFT JOIN cases c ON c.id = d.case_id';
export const DEADLINE_SELECT = `SELECT ${DEADLINE_COLUMNS} ${DEADLINE_FROM}`;

export function deadlineById(db: DB, id: string): DeadlineRecord | undefined {
  return deadlinesFrom(db, allRows(db, `${DEADLINE_SELECT} WHERE d.id = ?`, id))[0];
}

/**
 * Open deadlines on open cases that are overdue, due by the horizon, or inside their own warning;
 * with q.limit, the first so many (the most urgent), and how many there are in all.
 */
export function dueDeadlines(db: DB, q: DueQuery): { deadlines: DeadlineRecord[]; total: number } {
  const { rows, total } = firstRows(db, {
    select: DEADLINE_COLUMNS,
    // UNION ALL (IN removes duplicates anyway): with UNION, SQLite merges both halves in id order
    // and scans every deadline instead of searching the two partial indexes of open ones.
    from: `${DEADLINE_FROM} WHERE d.id IN (
         SELECT id FROM deadlines WHERE done_on IS NULL AND due <= @horizon
         UNION ALL SELECT id FROM deadlines WHERE done_on IS NULL AND warn_from <= @today)
       AND (c.id IS NULL OR c.closed IS NULL)`,
    order: 'd.due, c.ref_key, d.created_at, d.id',
  }, { today: q.today, horizon: q.horizon }, q.limit ?? 0);
  return { deadlines: deadlinesFrom(db, rows), total };
}

export function deadlinesFrom(db: DB, rows: Row[]): DeadlineRecord[] {
  if (rows.length === 0) return [];
  const named = peopleByOwner(
    allRows(db,
      `SELECT dp.deadline_id AS owner, p.id, p.name FROM deadline_people dp JOIN people p ON p.id = dp.person_id
        WHERE dp.deadline_id IN (SELECT value FROM json_each(?)) ORDER BY p.created_at, p.name`,
      JSON.stringify(rows.map((r) => r.id)),
    ),
  );
  // A case's people stand in only for a deadline that names nobody.
  const caseIds = [...new Set(rows.filter((r) => !named.has(r.id as string)).map((r) => r.case_id as string | null).filter((id): id is string => Boolean(id)))];
  const casePeople = peopleOfCases(db, caseIds);
  return rows.map((r) => deadlineFrom(r, named.get(r.id as string) ?? [], casePeople.get(r.case_id as string) ?? []));
}
