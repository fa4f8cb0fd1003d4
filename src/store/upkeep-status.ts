// A person's status and risks as the caseworker sets them, and a case closed or reopened.
// A status change is an event of type `status`, so the timeline shows it and derived status weighs it.
import type { NewEvent } from './store';
import type { Risk } from '../domain/types';
import type { PartialDate } from '../domain/types';
import { NotFoundError } from '../errors';
import { dateParams } from './rows';
import type { SqliteStore } from './sqlite-store';

/** Records the status event; returns its id. Logged as 'status' so the log says what the user did. */
export async function recordStatus(store: SqliteStore, input: NewEvent): Promise<string> {
  return store.write(() => store.insertLoggedEvent(input, 'status').id);
}

/** Adds and removes risks; returns false when nothing changed (and nothing is logged). */
export async function changeRisks(store: SqliteStore, personId: string, add: Risk[], remove: Risk[]): Promise<boolean> {
  return store.write(() => {
    const before = store.snapshot('people', personId);
    if (!before) throw new NotFoundError(`no person ${personId}`);
    const insert = store.db.prepare('INSERT OR IGNORE INTO person_risks (person_id, risk) VALUES (?, ?)');
    for (const r of add) insert.run(personId, r);
    const drop = store.db.prepare('DELETE FROM person_risks WHERE person_id = ? AND risk = ?');
    for (const r of remove) drop.run(personId, r);
    const after = store.snapshot('people', personId);
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    store.logChange('risk', 'people', personId, before, after);
    return true;
  });
}

/** Closes a case (closed: a date) or reopens it (closed: undefined); logged as 'close' or 'reopen'. */
export async function setCaseClosed(store: SqliteStore, caseId: string, closed: PartialDate | undefined, reason?: string): Promise<void> {
  store.write(() => {
    const before = store.snapshot('cases', caseId);
    if (!before) throw new NotFoundError(`no case ${caseId}`);
    store.db.prepare(
      `UPDATE cases SET closed = @closed, closed_approx = @closed_approx, closed_text = @closed_text, close_reason = @reason,
         updated_at = @at WHERE id = @id`,
    ).run({ id: caseId, ...dateParams('closed', closed), reason: closed ? reason ?? null : null, at: new Date().toISOString() });
    store.logChange(closed ? 'close' : 'reopen', 'cases', caseId, before, store.snapshot('cases', caseId));
  });
}
