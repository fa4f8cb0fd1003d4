// Applies an export file: all or nothing, matched by id (added / updated / unchanged).
import { addDays, dayIso, firstDay } from '../domain/dates';
import { caseRefKey } from '../domain/model';
import { foldName, nameKeys } from '../domain/names';
import { canonical } from '../exchange/canonical';
import { readDateField, RecordError, validateRecord, type Section } from '../exchange/format';
import type { RawRecord } from '../exchange/read';
import { UserError } from '../errors';
import { applyAppealRecord } from './appeals-import';
import { refreshPeople } from './derived';
import { storedRecord } from './export';
import type { Row } from './rows';
import { dateParams } from './rows';
import type { SqliteStore } from './sqlite-store';

export interface ImportCounts { added: number; updated: number; unchanged: number }
type Obj = Record<string, unknown>;
const TABLE_OF: Record<Section, string> = { cases: 'cases', sources: 'sources', people: 'people', events: 'events', deadlines: 'deadlines',
  // An appeal record is keyed by its event: an existing event only means "look closer".
  targets: 'targets', plans: 'plans', appeals: 'events' };
interface Stmt { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] }

/**
 * SQLite's page cache for an import, in KiB: a large import looks up and inserts at random places in
 * indexes far bigger than the default 2 MiB cache, and each miss is a read (and later a rewrite) of
 * a page. The cache is a fixed ceiling, so memory stays flat however large the file.
 */
const IMPORT_CACHE_KIB = 131072;

export function importRecords(store: SqliteStore, records: Iterable<RawRecord>, label: string, progress?: (n: number) => void): ImportCounts {
  const { db } = store;
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return store.write(() => {
      const counts = applyRecords(store, records, label, { progress, log: true });
      store.logChange('import', 'file', null, undefined, { file: label, ...counts });
      return counts;
    });
  } finally {
    db.pragma(`cache_size = ${cacheBefore}`);
  }
}

/**
 * Applies records inside the caller's transaction. Undo uses it with log: false, since it logs
 * the restored records itself.
 */
export function applyRecords(
  store: SqliteStore, records: Iterable<RawRecord>, label: string, opts: { progress?: (n: number) => void; log: boolean },
): ImportCounts {
  const { progress } = opts;
  const { db } = store;
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const touched = new Set<string>();
  const cache = new Map<string, Stmt>();
  const sql = (text: string): Stmt => {
    let s = cache.get(text);
    if (!s) cache.set(text, (s = db.prepare(text) as unknown as Stmt));
    return s;
  };
  const lookups = new Map<string, Stmt>();
  const exists = (table: string, id: unknown) => {
    let lookup = lookups.get(table);
    if (!lookup) lookups.set(table, (lookup = sql(`SELECT 1 FROM ${table} WHERE id = ?`)));
    return lookup.get(id) !== undefined;
  };
  const now = new Date().toISOString();

  const apply = (section: Section, r: Obj, isNew: boolean) => {
    const at = (r.recorded as string | null) ?? now;
    const refs = (ids: unknown, table: string, what: string) => {
      for (const id of (ids as string[]) ?? []) if (!exists(table, id)) throw new RecordError(`refers to an unknown ${what} ${id}`);
    };
    switch (section) {
      case 'cases': {
        const clash = sql('SELECT id FROM cases WHERE ref_key = ? AND id <> ?').get(caseRefKey(r.ref as string), r.id) as Row | undefined;
        if (clash) throw new RecordError(`its reference "${r.ref}" is already used by case ${clash.id}`);
        sql(`INSERT INTO cases (id, ref, ref_key, title, countries, summary, opened, opened_approx, opened_text, closed, closed_approx,
               closed_text, close_reason, created_at, updated_at)
             VALUES (@id, @ref, @ref_key, @title, @countries, @summary, @opened, @opened_approx, @opened_text, @closed, @closed_approx,
               @closed_text, @close_reason, @at, @at)
             ON CONFLICT(id) DO UPDATE SET ref = excluded.ref, ref_key = excluded.ref_key, title = excluded.title,
               countries = excluded.countries, summary = excluded.summary, opened = excluded.opened, opened_approx = excluded.opened_approx,
               opened_text = excluded.opened_text, closed = excluded.closed, closed_approx = excluded.closed_approx,
               closed_text = excluded.closed_text, close_reason = excluded.close_reason, created_at = excluded.created_at, updated_at = excluded.updated_at`)
          .run({ id: r.id, ref: r.ref, ref_key: caseRefKey(r.ref as string), title: r.title, countries: JSON.stringify(r.countries),
            summary: r.summary, ...dateParams('opened', opt(r.opened, 'opened')), ...dateParams('closed', opt(r.closed, 'closed')),
            close_reason: r.closeReason, at });
        for (const row of sql('SELECT person_id FROM case_people WHERE case_id = ?').all(r.id) as Row[]) touched.add(row.person_id as string);
        return;
      }
      case 'sources':
        sql(`INSERT INTO sources (id, title, publisher, ref, ref_key, date, date_approx, date_text, url, reliability, body, hash, created_at, updated_at)
             VALUES (@id, @title, @publisher, @ref, @ref_key, @date, @date_approx, @date_text, @url, @reliability, @body, @hash, @at, @at)
             ON CONFLICT(id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, ref = excluded.ref,
               ref_key = excluded.ref_key, date = excluded.date, date_approx = excluded.date_approx, date_text = excluded.date_text,
               url = excluded.url, reliability = excluded.reliability, body = excluded.body, hash = excluded.hash, created_at = excluded.created_at, updated_at = excluded.updated_at`)
          .run({ id: r.id, title: r.title, publisher: r.publisher, ref: r.ref, ref_key: r.ref ? caseRefKey(r.ref as string) : null,
            ...dateParams('date', opt(r.date, 'date')), url: r.url, reliability: r.reliability, body: r.text, hash: r.hash, at });
        return;
      case 'people': {
        refs(r.cases, 'cases', 'case');
        const names = r.names as Obj[];
        if (names.length === 0 || names[0]!.name !== r.name) throw new RecordError('"names" must start with the primary name');
        sql(`INSERT INTO people (id, name, age, age_on, age_on_approx, age_on_text, born, born_approx, born_text, gender, citizenship,
               ethnicity, recorded_status, recorded_status_on, created_at, updated_at)
             VALUES (@id, @name, @age, @age_on, @age_on_approx, @age_on_text, @born, @born_approx, @born_text, @gender, @citizenship,
               @ethnicity, @status, @status_on, @at, @at)
             ON CONFLICT(id) DO UPDATE SET name = excluded.name, age = excluded.age, age_on = excluded.age_on,
               age_on_approx = excluded.age_on_approx, age_on_text = excluded.age_on_text, born = excluded.born,
               born_approx = excluded.born_approx, born_text = excluded.born_text, gender = excluded.gender,
               citizenship = excluded.citizenship, ethnicity = excluded.ethnicity, recorded_status = excluded.recorded_status,
               recorded_status_on = excluded.recorded_status_on, created_at = excluded.created_at, updated_at = excluded.updated_at`)
          .run({ id: r.id, name: r.name, age: r.age, ...dateParams('age_on', opt(r.ageOn, 'ageOn')), ...dateParams('born', opt(r.born, 'born')),
            gender: r.gender, citizenship: r.citizenship, ethnicity: r.ethnicity, status: r.status, status_on: r.statusOn, at });
        if (!isNew) {
          for (const t of ['person_names', 'person_risks', 'case_people']) sql(`DELETE FROM ${t} WHERE person_id = ?`).run(r.id);
        }
        names.forEach((n, i) => {
          const owner = sql('SELECT person_id FROM person_names WHERE id = ?').get(n.id) as Row | undefined;
          if (owner) throw new RecordError(`name id ${n.id} already belongs to person ${owner.person_id}`);
          sql('INSERT INTO person_names (id, person_id, name, folded, is_primary, note) VALUES (?,?,?,?,?,?)')
            .run(n.id, r.id, n.name, foldName(n.name as string), i === 0 ? 1 : 0, n.note ?? null);
          for (const k of nameKeys(n.name as string)) sql('INSERT OR IGNORE INTO name_keys (key, name_id) VALUES (?, ?)').run(k, n.id);
        });
        for (const risk of r.risks as string[]) sql('INSERT INTO person_risks (person_id, risk) VALUES (?, ?)').run(r.id, risk);
        for (const c of r.cases as string[]) sql('INSERT INTO case_people (case_id, person_id) VALUES (?, ?)').run(c, r.id);
        touched.add(r.id as string);
        return;
      }
      case 'events': {
        if (r.case && !exists('cases', r.case)) throw new RecordError(`refers to an unknown case ${r.case}`);
        refs(r.people, 'people', 'person');
        refs(r.sources, 'sources', 'source');
        if (!isNew) for (const row of sql('SELECT person_id FROM event_people WHERE event_id = ?').all(r.id) as Row[]) touched.add(row.person_id as string);
        const people = r.people as string[];
        sql(`INSERT INTO events (id, case_id, type, status, summary, place, actor, date, date_approx, date_text, whole_case, created_at, updated_at)
             VALUES (@id, @case_id, @type, @status, @summary, @place, @actor, @date, @date_approx, @date_text, @whole, @at, @at)
             ON CONFLICT(id) DO UPDATE SET case_id = excluded.case_id, type = excluded.type, status = excluded.status,
               summary = excluded.summary, place = excluded.place, actor = excluded.actor, date = excluded.date,
               date_approx = excluded.date_approx, date_text = excluded.date_text, whole_case = excluded.whole_case,
               created_at = excluded.created_at, updated_at = excluded.updated_at`)
          .run({ id: r.id, case_id: r.case, type: r.type, status: r.status, summary: r.summary, place: r.place, actor: r.actor,
            ...dateParams('date', readDateField(r.date, 'date')), whole: people.length === 0 && r.case ? 1 : 0, at });
        if (!isNew) for (const t of ['event_people', 'event_sources']) sql(`DELETE FROM ${t} WHERE event_id = ?`).run(r.id);
        for (const p of people) { sql('INSERT INTO event_people (event_id, person_id) VALUES (?, ?)').run(r.id, p); touched.add(p); }
        for (const s of r.sources as string[]) sql('INSERT INTO event_sources (event_id, source_id) VALUES (?, ?)').run(r.id, s);
        if (people.length === 0 && r.case) {
          for (const row of sql('SELECT person_id FROM case_people WHERE case_id = ?').all(r.case) as Row[]) touched.add(row.person_id as string);
        }
        return;
      }
      case 'deadlines': {
        if (r.case && !exists('cases', r.case)) throw new RecordError(`refers to an unknown case ${r.case}`);
        refs(r.people, 'people', 'person');
        const date = readDateField(r.date, 'date');
        const due = firstDay(date);
        const warn = r.warn as number | null;
        sql(`INSERT INTO deadlines (id, case_id, date, date_approx, date_text, due, warn_days, warn_from, note, done_on, created_at, updated_at)
             VALUES (@id, @case_id, @date, @date_approx, @date_text, @due, @warn, @warn_from, @note, @done_on, @at, @at)
             ON CONFLICT(id) DO UPDATE SET case_id = excluded.case_id, date = excluded.date, date_approx = excluded.date_approx,
               date_text = excluded.date_text, due = excluded.due, warn_days = excluded.warn_days, warn_from = excluded.warn_from,
               note = excluded.note, done_on = excluded.done_on, created_at = excluded.created_at, updated_at = excluded.updated_at`)
          .run({ id: r.id, case_id: r.case, ...dateParams('date', date), due: dayIso(due), warn,
            warn_from: dayIso(warn ? addDays(due, -warn) : due), note: r.note, done_on: r.doneOn, at });
        if (!isNew) sql('DELETE FROM deadline_people WHERE deadline_id = ?').run(r.id);
        for (const p of r.people as string[]) sql('INSERT INTO deadline_people (deadline_id, person_id) VALUES (?, ?)').run(r.id, p);
        return;
      }
      case 'targets':
      case 'plans':
      case 'appeals':
        applyAppealRecord(sql, section, r, isNew, at);
    }
  };

  let n = 0;
  for (const { section, record, where } of records) {
    try {
      const incoming = canonical(section, validateRecord(section, record));
      // Building the stored record costs several correlated queries; a new id needs none of them.
      const stored = exists(TABLE_OF[section], incoming.id) ? storedRecord(db, section, incoming.id as string) : undefined;
      if (stored && JSON.stringify(stored) === JSON.stringify(incoming)) {
        counts.unchanged++;
      } else {
        apply(section, incoming, !stored);
        if (stored) {
          counts.updated++;
          if (opts.log) store.logChange('import', section, incoming.id as string, stored, incoming);
        } else {
          counts.added++;
        }
      }
    } catch (error) {
      if (error instanceof RecordError) {
        const id = (record as Obj | null)?.id;
        throw new UserError(`${label}, ${where}${typeof id === 'string' ? ` (${id})` : ''}: ${error.message}; nothing was imported`);
      }
      throw error;
    }
    if (progress && ++n % 10000 === 0) progress(n);
  }
  refreshPeople(db, touched);
  return counts;
}

function opt(value: unknown, field: string) {
  return value == null ? undefined : readDateField(value, field);
}
