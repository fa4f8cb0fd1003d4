// Cases, events, deadlines and sources as the store records them, each logged with its export
// form, inside the caller's transaction: one command's records share one write and one undo.
import { dayIso, firstDay } from '../domain/dates';
import { warnFrom } from '../domain/due';
import { caseRefKey, type CaseRecord, type DeadlineRecord, type EventRecord } from '../domain/model';
import { foldName } from '../domain/names';
import { controlCharacter, disguisingCharacter, filledOrNull, unpadded } from '../domain/text';
import { UserError } from '../errors';
import { peopleTouchedBy, refreshPeople } from './derived';
import { dateParams } from './rows';
import type { SqliteStore } from './sqlite-store';
import type { NewCase, NewDeadline, NewEvent, NewSource } from './store';

/** A case reference is one line of plain text: no line break or tab (it broke the list of cases), nothing invisible. */
export function refuseOddRef(ref: string): void {
  const odd = controlCharacter(ref, true) ?? disguisingCharacter(ref);
  if (odd) throw new UserError(`a case reference is one line of text, without tabs, line breaks or invisible characters (${odd})`);
}

/** A new case, logged; inside the caller's transaction (the guided add writes a case with its first record). */
export function insertCase(store: SqliteStore, input: NewCase): CaseRecord {
  const existing = store.read.caseByRef(input.ref);
  if (existing) throw new UserError(`a case ${existing.ref} already exists ("${existing.title}")`);
  refuseRefHidingName(store, input.ref);
  const id = store.newId('case');
  const at = store.now();
  store.db.prepare(
    `INSERT INTO cases (id, ref, ref_key, title, countries, summary, opened, opened_approx, opened_text, created_at, updated_at)
     VALUES (@id, @ref, @ref_key, @title, @countries, @summary, @opened, @opened_approx, @opened_text, @at, @at)`,
  ).run({ id, ref: input.ref.trim(), ref_key: caseRefKey(input.ref), title: unpadded(input.title), countries: JSON.stringify(input.countries),
    summary: filledOrNull(input.summary), ...dateParams('opened', input.opened), at });
  const record = store.read.caseById(id)!;
  store.logChange('add', 'cases', id, null, store.snapshot('cases', id));
  return record;
}

/**
 * The other way round from refuseUnreachable (add-people.ts): a reference, tried first and by its
 * key (case and spacing aside), would hide a person whose name has that key.
 */
export function refuseRefHidingName(store: SqliteStore, ref: string): void {
  refuseOddRef(ref);
  // Narrowed by the names' folds (equal keys fold alike), decided by the lookup's own key, which
  // keeps every script (SQLite's lower() knows only ASCII: ҚАСТЕР and Қастер would differ there).
  const key = caseRefKey(ref);
  const named = (store.db.prepare(
    `SELECT n.name, p.name AS person FROM person_names n JOIN people p ON p.id = n.person_id WHERE replace(n.folded, ' ', '') = ?`,
  ).all(foldName(ref).replace(/ /g, '')) as Array<{ name: string; person: string }>).find((r) => caseRefKey(r.name) === key);
  if (named) throw new UserError(`"${ref.trim()}" is a name of ${named.person}: as a case reference it would hide them from lookups by name`);
}

/** A new event, logged as `action` ('status' for a status change); inside the caller's transaction. */
export function insertLoggedEvent(store: SqliteStore, input: NewEvent, action = 'add'): EventRecord {
  const id = store.newId('event');
  insertEvent(store, id, input);
  store.logChange(action, 'events', id, null, store.snapshot('events', id));
  return store.read.eventById(id)!;
}

export function insertEvent(store: SqliteStore, id: string, input: NewEvent): void {
  const at = store.now();
  store.db.prepare(
    `INSERT INTO events (id, case_id, type, status, summary, place, actor, date, date_approx, date_text, whole_case, created_at, updated_at)
     VALUES (@id, @case_id, @type, @status, @summary, @place, @actor, @date, @date_approx, @date_text, @whole, @at, @at)`,
  ).run({ id, case_id: input.caseId ?? null, type: input.type, status: input.status ?? null, summary: unpadded(input.summary),
    place: filledOrNull(input.place), actor: filledOrNull(input.actor), ...dateParams('date', input.date),
    whole: input.personIds.length === 0 && input.caseId ? 1 : 0, at });
  const person = store.db.prepare('INSERT OR IGNORE INTO event_people (event_id, person_id) VALUES (?, ?)');
  for (const p of input.personIds) person.run(id, p);
  const source = store.db.prepare('INSERT OR IGNORE INTO event_sources (event_id, source_id) VALUES (?, ?)');
  for (const s of input.sourceIds) source.run(id, s);
  refreshPeople(store.db, peopleTouchedBy(store.db, id));
}

/** A new deadline, logged; inside the caller's transaction (ingest writes several in one). */
export function insertDeadline(store: SqliteStore, input: NewDeadline): DeadlineRecord {
  const id = store.newId('deadline');
  const at = store.now();
  const due = firstDay(input.date);
  const warnsFrom = warnFrom(due, input.warnDays);
  store.db.prepare(
    `INSERT INTO deadlines (id, case_id, date, date_approx, date_text, due, warn_days, warn_from, note, done_on, created_at, updated_at)
     VALUES (@id, @case_id, @date, @date_approx, @date_text, @due, @warn, @warn_from, @note, @done_on, @at, @at)`,
  ).run({ id, case_id: input.caseId ?? null, ...dateParams('date', input.date), due: dayIso(due), warn: input.warnDays ?? null,
    warn_from: dayIso(warnsFrom), note: unpadded(input.note), done_on: input.doneOn ?? null, at });
  const person = store.db.prepare('INSERT OR IGNORE INTO deadline_people (deadline_id, person_id) VALUES (?, ?)');
  for (const p of input.personIds) person.run(id, p);
  const record = store.read.deadlineById(id)!;
  store.logChange('add', 'deadlines', id, null, store.snapshot('deadlines', id));
  return record;
}

/** A new source, logged; inside the caller's transaction. Returns its id. */
export function insertSource(store: SqliteStore, input: NewSource): string {
  const id = store.newId('source');
  const at = store.now();
  store.db.prepare(
    `INSERT INTO sources (id, title, publisher, ref, ref_key, date, date_approx, date_text, url, reliability, body, hash, created_at, updated_at)
     VALUES (@id, @title, @publisher, @ref, @ref_key, @date, @date_approx, @date_text, @url, @reliability, @body, @hash, @at, @at)`,
  ).run({ id, title: unpadded(input.title), publisher: filledOrNull(input.publisher), ref: input.ref ?? null,
    ref_key: input.ref ? caseRefKey(input.ref) : null, ...dateParams('date', input.date), url: filledOrNull(input.url),
    reliability: input.reliability ?? null, body: input.body ?? null, hash: input.hash ?? null, at });
  store.logChange('add', 'sources', id, null, store.snapshot('sources', id));
  return id;
}
