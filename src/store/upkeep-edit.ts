// Editing an event, deadline, person or case: one transaction, derived status refreshed, logged as 'edit'.
// A field left undefined is kept; null clears an optional field.
import { dayIso, firstDay, parseDay } from '../domain/dates';
import { WHOLE_CASE_STATUS } from '../domain/status';
import { warnFrom } from '../domain/due';
import { caseRefKey } from '../domain/model';
import { singleSpaced, unpadded } from '../domain/text';
import type { EventType, PartialDate, Reliability, Risk, Status } from '../domain/types';
import { NotFoundError, UsageError, UserError } from '../errors';
import type { Section } from '../exchange/format';
import { refuseSameTarget } from './appeals';
import { peopleTouchedBy, refreshPeople } from './derived';
import { dateParams, type Row } from './rows';
import { refuseOddRef } from './add-records';
import type { SqliteStore } from './sqlite-store';

export interface EventChanges {
  date?: PartialDate; type?: EventType; status?: Status | null; summary?: string;
  place?: string | null; actor?: string | null; sourceIds?: string[];
  /** The people it is about, replacing the list; none: the case as a whole. */
  personIds?: string[];
}
export interface DeadlineChanges {
  date?: PartialDate; note?: string; warnDays?: number | null;
  /** The people it names, replacing the list; none: its case's people, as a deadline naming nobody has them. */
  personIds?: string[];
}
export interface PersonChanges {
  name?: string; aliases?: string[]; age?: number | null; ageOn?: PartialDate | null; born?: PartialDate | null;
  gender?: string | null; citizenship?: string | null; ethnicity?: string | null;
  /** The whole list, replacing the stored one. */
  caseIds?: string[]; risks?: Risk[];
}
export interface SourceChanges {
  title?: string; publisher?: string | null; ref?: string | null; date?: PartialDate | null; url?: string | null; reliability?: Reliability;
}
export interface CaseChanges { ref?: string; title?: string; countries?: string[]; opened?: PartialDate | null; summary?: string | null }

/** True when the edit changed the record as exported (an edit to the same values logs nothing). */
export type Edited = boolean;

const pick = <T>(change: T | undefined, current: unknown): unknown => (change === undefined ? current : change);
const dateOr = (column: string, change: PartialDate | null | undefined, row: Row): Row =>
  change === undefined ? { [column]: row[column], [`${column}_approx`]: row[`${column}_approx`], [`${column}_text`]: row[`${column}_text`] }
    : dateParams(column, change ?? undefined);

/** Runs an edit of one record in its own transaction and logs it when the record changed. */
function editRecord(store: SqliteStore, section: Section, id: string, apply: (row: Row) => void): Edited {
  return store.write(() => {
    const before = store.snapshot(section, id);
    const row = store.db.prepare(`SELECT * FROM ${section} WHERE id = ?`).get(id) as Row | undefined;
    if (!before || !row) throw new NotFoundError(`no ${section.replace(/s$/, '')} ${id}`);
    apply(row);
    const after = store.snapshot(section, id);
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    store.logChange('edit', section, id, before, after);
    return true;
  });
}

export async function editEvent(store: SqliteStore, id: string, ch: EventChanges): Promise<Edited> {
  return editRecord(store, 'events', id, (row) => {
    const type = pick(ch.type, row.type) as EventType;
    // Only a `status` event carries a status; changing the type away from it drops the status.
    const status = type === 'status' ? pick(ch.status, row.status) : null;
    if (type === 'status' && !status) throw new UsageError('--type status needs --status S (the new status)');
    const touchedBefore = peopleTouchedBy(store.db, id);
    store.db.prepare(
      `UPDATE events SET type = @type, status = @status, summary = @summary, place = @place, actor = @actor,
         date = @date, date_approx = @date_approx, date_text = @date_text, updated_at = @at WHERE id = @id`,
    ).run({ id, type, status, summary: pick(unpadded(ch.summary), row.summary), place: pick(unpadded(ch.place), row.place), actor: pick(unpadded(ch.actor), row.actor),
      ...dateOr('date', ch.date, row), at: new Date().toISOString() });
    if (ch.personIds) {
      if (ch.personIds.length === 0 && row.case_id == null) throw new UserError('an event on no case must be about someone: give --person NAME');
      store.db.prepare('DELETE FROM event_people WHERE event_id = ?').run(id);
      const about = store.db.prepare('INSERT OR IGNORE INTO event_people (event_id, person_id) VALUES (?, ?)');
      for (const p of ch.personIds) about.run(id, p);
      store.db.prepare('UPDATE events SET whole_case = ? WHERE id = ?').run(ch.personIds.length === 0 ? 1 : 0, id);
    }
    const wholeCase = ch.personIds ? ch.personIds.length === 0 : row.whole_case === 1;
    if (type === 'status' && wholeCase && (ch.personIds !== undefined || ch.type !== undefined)) throw new UserError(WHOLE_CASE_STATUS);
    if (ch.sourceIds) {
      store.db.prepare('DELETE FROM event_sources WHERE event_id = ?').run(id);
      const cite = store.db.prepare('INSERT OR IGNORE INTO event_sources (event_id, source_id) VALUES (?, ?)');
      for (const s of ch.sourceIds) cite.run(id, s);
    }
    refreshPeople(store.db, [...touchedBefore, ...peopleTouchedBy(store.db, id)]);
  });
}

export async function editDeadline(store: SqliteStore, id: string, ch: DeadlineChanges): Promise<Edited> {
  return editRecord(store, 'deadlines', id, (row) => {
    const dates = dateOr('date', ch.date, row);
    const due = ch.date ? dayIso(firstDay(ch.date)) : (row.due as string);
    const warn = pick(ch.warnDays, row.warn_days) as number | null;
    const warnsFrom = dayIso(warnFrom(parseDay(due), warn));
    store.db.prepare(
      `UPDATE deadlines SET date = @date, date_approx = @date_approx, date_text = @date_text, due = @due, warn_days = @warn,
         warn_from = @warn_from, note = @note, updated_at = @at WHERE id = @id`,
    ).run({ id, ...dates, due, warn, warn_from: warnsFrom, note: pick(unpadded(ch.note), row.note), at: new Date().toISOString() });
    if (ch.personIds) {
      if (ch.personIds.length === 0 && row.case_id == null) throw new UserError('a deadline on no case must name someone: give --person NAME');
      store.db.prepare('DELETE FROM deadline_people WHERE deadline_id = ?').run(id);
      const names = store.db.prepare('INSERT OR IGNORE INTO deadline_people (deadline_id, person_id) VALUES (?, ?)');
      for (const p of ch.personIds) names.run(id, p);
    }
  });
}

export async function editPerson(store: SqliteStore, id: string, ch: PersonChanges): Promise<Edited> {
  return editRecord(store, 'people', id, (row) => {
    store.db.prepare(
      `UPDATE people SET age = @age, age_on = @age_on, age_on_approx = @age_on_approx, age_on_text = @age_on_text,
         born = @born, born_approx = @born_approx, born_text = @born_text, gender = @gender, citizenship = @citizenship,
         ethnicity = @ethnicity, updated_at = @at WHERE id = @id`,
    ).run({ id, age: pick(ch.age, row.age), ...dateOr('age_on', ch.ageOn, row), ...dateOr('born', ch.born, row),
      gender: pick(unpadded(ch.gender), row.gender), citizenship: pick(unpadded(ch.citizenship), row.citizenship),
      ethnicity: pick(unpadded(ch.ethnicity), row.ethnicity), at: new Date().toISOString() });
    if (ch.name !== undefined && singleSpaced(ch.name) !== row.name) rename(store, id, singleSpaced(ch.name));
    for (const alias of ch.aliases ?? []) store.insertName(id, alias, false);
    if (ch.risks) {
      store.db.prepare('DELETE FROM person_risks WHERE person_id = ?').run(id);
      const add = store.db.prepare('INSERT OR IGNORE INTO person_risks (person_id, risk) VALUES (?, ?)');
      for (const risk of ch.risks) add.run(id, risk);
    }
    if (ch.caseIds) {
      store.db.prepare('DELETE FROM case_people WHERE person_id = ?').run(id);
      const join = store.db.prepare('INSERT OR IGNORE INTO case_people (case_id, person_id) VALUES (?, ?)');
      for (const caseId of ch.caseIds) join.run(caseId, id);
      // Their case's events are news about them: latest news follows their cases.
      refreshPeople(store.db, [id]);
    }
  });
}

/** The new name becomes the primary one; the old one stays as another name, so searches still find them. */
function rename(store: SqliteStore, id: string, name: string): void {
  store.insertName(id, name, false);
  store.db.prepare('UPDATE person_names SET is_primary = (name = ?) WHERE person_id = ?').run(name, id);
  store.db.prepare('UPDATE people SET name = ? WHERE id = ?').run(name, id);
}

export async function editCase(store: SqliteStore, id: string, ch: CaseChanges): Promise<Edited> {
  return editRecord(store, 'cases', id, (row) => {
    const ref = ch.ref?.trim() ?? (row.ref as string);
    const clash = store.db.prepare('SELECT ref FROM cases WHERE ref_key = ? AND id <> ?').get(caseRefKey(ref), id) as Row | undefined;
    if (clash) throw new UserError(`another case already has the reference ${clash.ref}`);
    // The same key (only spacing changed) is checked for odd characters alone; a new one, for a name it would hide too.
    if (ch.ref !== undefined && caseRefKey(ref) !== row.ref_key) store.refuseRefHidingName(ref);
    else if (ch.ref !== undefined) refuseOddRef(ref);
    store.db.prepare(
      `UPDATE cases SET ref = @ref, ref_key = @ref_key, title = @title, countries = @countries, summary = @summary,
         opened = @opened, opened_approx = @opened_approx, opened_text = @opened_text, updated_at = @at WHERE id = @id`,
    ).run({ id, ref, ref_key: caseRefKey(ref), title: pick(unpadded(ch.title), row.title), summary: pick(unpadded(ch.summary), row.summary),
      countries: ch.countries ? JSON.stringify(ch.countries) : row.countries, ...dateOr('opened', ch.opened, row), at: new Date().toISOString() });
  });
}

export async function editSource(store: SqliteStore, id: string, ch: SourceChanges): Promise<Edited> {
  return editRecord(store, 'sources', id, (row) => {
    const ref = pick(ch.ref, row.ref) as string | null;
    store.db.prepare(
      `UPDATE sources SET title = @title, publisher = @publisher, ref = @ref, ref_key = @ref_key, url = @url, reliability = @reliability,
         date = @date, date_approx = @date_approx, date_text = @date_text, updated_at = @at WHERE id = @id`,
    ).run({ id, title: pick(unpadded(ch.title), row.title), publisher: pick(unpadded(ch.publisher), row.publisher), ref, ref_key: ref ? caseRefKey(ref) : null,
      url: pick(ch.url, row.url), reliability: pick(ch.reliability, row.reliability), ...dateOr('date', ch.date, row), at: new Date().toISOString() });
  });
}

export interface TargetChanges {
  name?: string; title?: string; address?: string[]; fax?: string | null; email?: string | null; salutation?: string | null;
  language?: string | null; country?: string | null;
}

export async function editTarget(store: SqliteStore, id: string, ch: TargetChanges): Promise<Edited> {
  return editRecord(store, 'targets', id, (row) => {
    const name = pick(ch.name?.trim(), row.name) as string;
    const title = pick(ch.title?.trim(), row.title) as string;
    refuseSameTarget(store, name, title, id);
    const address = ch.address ? ch.address.join('\n') : row.address;
    const fax = pick(ch.fax, row.fax);
    const email = pick(ch.email, row.email);
    // A letter needs somewhere to go: taking away the last way to reach the target is refused.
    if (!address && !fax && !email) throw new UserError(`${name} would have no address, fax or email left: a letter needs one way to reach them`);
    store.db.prepare(
      `UPDATE targets SET name = @name, title = @title, address = @address, fax = @fax, email = @email, salutation = @salutation,
         language = @language, country = @country, updated_at = @at WHERE id = @id`,
    ).run({ id, name, title, address, fax, email,
      salutation: pick(ch.salutation, row.salutation), language: pick(ch.language, row.language), country: pick(ch.country, row.country),
      at: new Date().toISOString() });
  });
}
