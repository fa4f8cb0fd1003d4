// A deadline of a file under an id new here may be one stored here under another: two colleagues
// each set the action's "check before" date, in the same words. A second copy would come up twice in
// due and in the calendar (export --format ics), and done in one, stay open in the other.
import { differingFields } from '../exchange/canonical';
import { storedRecord } from './export';
import type { DB } from './open';

type Obj = Record<string, unknown>;

/** What may differ between two records of one deadline: the one here keeps its own, and is named. */
const DETAILS = new Set(['date', 'warn', 'doneOn']);

/**
 * The deadline stored here before the import (rowid up to `mark`) on the same case and date (at its
 * precision, approximate or not), with the same note and people; the fields where it differs (the
 * date's text, the advance warning, done or not), which it keeps; and whether it is done. Undefined
 * when there is none.
 */
export function sameDeadline(db: DB, mark: number, incoming: Obj): { here: string; fields: string[]; doneHere: string | null } | undefined {
  const date = incoming.date as { date: string; approximate: boolean };
  const ids = db.prepare('SELECT id FROM deadlines WHERE case_id IS ? AND date = ? AND date_approx = ? AND note = ? AND rowid <= ? ORDER BY rowid')
    .pluck().all(incoming.case, date.date, date.approximate ? 1 : 0, incoming.note, mark) as string[];
  for (const here of ids) {
    const stored = storedRecord(db, 'deadlines', here)!;
    const fields = differingFields(stored, { ...incoming, id: here });
    if (fields.every((f) => DETAILS.has(f))) return { here, fields, doneHere: stored.doneOn as string | null };
  }
  return undefined;
}

/** Marks the deadline here done on the day the file's was (the check was made; done is done for both). */
export function markDoneAsInFile(db: DB, here: string, doneOn: string): void {
  db.prepare('UPDATE deadlines SET done_on = ?, updated_at = ? WHERE id = ?').run(doneOn, new Date().toISOString(), here);
}
