// A person's status and risks as the caseworker sets them, and a case closed or reopened.
// A status change is an event of type `status`, so the timeline shows it and derived status weighs it.
import type { NewEvent } from './store';
import type { Risk } from '../domain/types';
import type { PartialDate } from '../domain/types';
import { NotFoundError } from '../errors';
import { dateParams } from './rows';
import { refreshPeople } from './derived';
import type { SqliteStore } from './sqlite-store';

/**
 * Records the status event; returns its id. Logged as 'status' so the log says what the user did.
 * `replacing`: people whose recorded status (typed when they were added or imported, dated that
 * day) is dropped first, in the same write, so that the event and the events before it decide and
 * undo brings both back. (A snapshot is the export's record: its `status` is the recorded one.)
 */
export async function recordStatus(store: SqliteStore, input: NewEvent, replacing: string[] = []): Promise<string> {
  return store.write(() => {
    dropRecorded(store, replacing);
    return store.insertLoggedEvent(input, 'status').id;
  });
}

/**
 * Drops the recorded status of these people, their status then decided by their events: for a
 * `status --replace` whose very change is on the timeline already (the note after a status that did
 * not take gives the command again), which a second event would only repeat.
 */
export async function dropRecordedStatus(store: SqliteStore, ids: string[]): Promise<void> {
  store.write(() => {
    dropRecorded(store, ids);
    refreshPeople(store.db, ids);
  });
}

function dropRecorded(store: SqliteStore, ids: string[]): void {
  for (const id of ids) {
    const before = store.snapshot('people', id);
    if (!before || before.status == null) continue;
    store.db.prepare('UPDATE people SET recorded_status = NULL, recorded_status_on = NULL, updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
    store.logChange('status', 'people', id, before, store.snapshot('people', id));
  }
}

export interface RiskChange { added: Risk[]; removed: Risk[]; eventId: string }

/**
 * Adds and removes risks and records the change as an event the timeline shows (issue 8: "the same
 * way" as a status change), built by `event` from what actually changed; all in one write, so undo
 * reverses both. Returns nothing when nothing changed (and nothing is logged or recorded).
 */
export async function changeRisks(
  store: SqliteStore, personId: string, add: Risk[], remove: Risk[],
  event: (change: { added: Risk[]; removed: Risk[] }) => NewEvent,
): Promise<RiskChange | undefined> {
  return store.write(() => {
    const before = store.snapshot('people', personId);
    if (!before) throw new NotFoundError(`no person ${personId}`);
    const had = new Set(before.risks as Risk[]);
    const added = [...new Set(add)].filter((r) => !had.has(r));
    const removed = [...new Set(remove)].filter((r) => had.has(r));
    if (added.length + removed.length === 0) return undefined;
    const insert = store.db.prepare('INSERT INTO person_risks (person_id, risk) VALUES (?, ?)');
    for (const r of added) insert.run(personId, r);
    const drop = store.db.prepare('DELETE FROM person_risks WHERE person_id = ? AND risk = ?');
    for (const r of removed) drop.run(personId, r);
    store.logChange('risk', 'people', personId, before, store.snapshot('people', personId));
    const eventId = store.insertLoggedEvent(event({ added, removed }), 'risk').id;
    return { added, removed, eventId };
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
