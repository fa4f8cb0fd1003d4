// Marking a deadline done, or open again when it was marked by mistake: each logged (done, reopen)
// so that the log shows it and undo reverses it. Another caselog may have done the same meanwhile.
import type { DeadlineRecord } from '../domain/model';
import { UserError } from '../errors';
import type { SqliteStore } from './sqlite-store';

export function markDone(store: SqliteStore, deadlineId: string, on: string): { deadline: DeadlineRecord; changed: boolean } {
  return store.write(() => {
    const before = store.snapshot('deadlines', deadlineId);
    if (!before) throw new UserError(`no deadline ${deadlineId}`);
    // Done by another process since the caller read it: nothing to change, nothing to log.
    if (before.doneOn !== undefined && before.doneOn !== null) return { deadline: store.read.deadlineById(deadlineId)!, changed: false };
    store.db.prepare('UPDATE deadlines SET done_on = ?, updated_at = ? WHERE id = ?').run(on, store.now(), deadlineId);
    store.logChange('done', 'deadlines', deadlineId, before, store.snapshot('deadlines', deadlineId));
    return { deadline: store.read.deadlineById(deadlineId)!, changed: true };
  });
}

/** A deadline marked done by mistake, open again; logged as 'reopen', so the log shows it and undo reverses it. */
export function markOpen(store: SqliteStore, deadlineId: string): { deadline: DeadlineRecord; changed: boolean } {
  return store.write(() => {
    const before = store.snapshot('deadlines', deadlineId);
    if (!before) throw new UserError(`no deadline ${deadlineId}`);
    // Reopened by another process since the caller read it, as markDone: nothing to change or log.
    if (before.doneOn === undefined || before.doneOn === null) return { deadline: store.read.deadlineById(deadlineId)!, changed: false };
    store.db.prepare('UPDATE deadlines SET done_on = NULL, updated_at = ? WHERE id = ?').run(store.now(), deadlineId);
    store.logChange('reopen', 'deadlines', deadlineId, before, store.snapshot('deadlines', deadlineId));
    return { deadline: store.read.deadlineById(deadlineId)!, changed: true };
  });
}
