// An import's writes: each record of the file into its table, over the stored one with its id, with
// its names, risks and links, and the people whose status and news the record may change.
import { dayIso, firstDay, isoOf } from '../domain/dates';
import { warnFrom } from '../domain/due';
import { caseRefKey } from '../domain/model';
import { foldName, nameKeys } from '../domain/names';
import type { PartialDate } from '../domain/types';
import { readDateField, RecordError, type Section } from '../exchange/format';
import { applyAppealRecord } from './appeals-import';
import { peopleTouchedBy } from './derived';
import type { DB } from './open';
import type { Row } from './rows';
import type { BulkLoad } from './search-bulk';

type Obj = Record<string, unknown>;
interface Stmt { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] }

/** Each record table's columns, in the order recordUpsert gives their values. */
const COLUMNS = {
  cases: 'id ref ref_key title countries summary opened opened_approx opened_text closed closed_approx closed_text close_reason created_at updated_at',
  sources: 'id title publisher ref ref_key date date_approx date_text url reliability body hash created_at updated_at',
  people: 'id name age age_on age_on_approx age_on_text born born_approx born_text gender citizenship ethnicity recorded_status recorded_status_on created_at updated_at',
  events: 'id case_id type status summary place actor date date_approx date_text whole_case created_at updated_at',
  deadlines: 'id case_id date date_approx date_text due warn_days warn_from note done_on created_at updated_at',
};
/**
 * Inserts a record, or overwrites every column of the stored one with its id. Positional
 * parameters: binding a dozen by name costs a third as much again as the insert itself.
 */
const UPSERT = Object.fromEntries(Object.entries(COLUMNS).map(([table, list]) => {
  const columns = list.split(' ');
  return [table, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT(id) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`];
})) as Record<keyof typeof COLUMNS, string>;
/** A date column set's values: ISO at its precision, the approximate flag, the text as written. */
const dateValues = (d: PartialDate | undefined) => (d ? [isoOf(d), d.approximate ? 1 : 0, d.text] : [null, 0, null]);

/**
 * Writes records of the file (validated and canonical) through `sql`'s cached statements. `touched`
 * gathers the people whose derived fields the caller refreshes once the import is done.
 */
export function recordUpsert(db: DB, sql: (text: string) => Stmt, touched: Set<string>, bulk: BulkLoad | undefined): (section: Section, r: Obj, isNew: boolean) => void {
  const now = new Date().toISOString();
  return (section: Section, r: Obj, isNew: boolean) => {
    const at = (r.recorded as string | null) ?? now;
    switch (section) {
      case 'cases': {
        const clash = sql('SELECT id FROM cases WHERE ref_key = ? AND id <> ?').get(caseRefKey(r.ref as string), r.id) as Row | undefined;
        if (clash) {
          throw new RecordError(`its reference "${r.ref}" is already used by case ${clash.id}` +
            (isNew ? ' (if both are the same case, opened in two databases, import with --join-cases: what is on it joins the case here)' : ''));
        }
        sql(UPSERT.cases).run(r.id, r.ref, caseRefKey(r.ref as string), r.title, JSON.stringify(r.countries), r.summary,
          ...dateValues(opt(r.opened, 'opened')), ...dateValues(opt(r.closed, 'closed')), r.closeReason, at, at);
        for (const row of sql('SELECT person_id FROM case_people WHERE case_id = ?').all(r.id) as Row[]) touched.add(row.person_id as string);
        return;
      }
      case 'sources':
        sql(UPSERT.sources).run(r.id, r.title, r.publisher, r.ref, r.ref ? caseRefKey(r.ref as string) : null, ...dateValues(opt(r.date, 'date')),
          r.url, r.reliability, r.text, r.hash, at, at);
        return;
      case 'people': {
        const names = r.names as Obj[];
        if (names.length === 0 || names[0]!.name !== r.name) throw new RecordError('"names" must start with the primary name');
        sql(UPSERT.people).run(r.id, r.name, r.age, ...dateValues(opt(r.ageOn, 'ageOn')), ...dateValues(opt(r.born, 'born')),
          r.gender, r.citizenship, r.ethnicity, r.status, r.statusOn, at, at);
        if (!isNew) {
          for (const t of ['person_names', 'person_risks', 'case_people']) sql(`DELETE FROM ${t} WHERE person_id = ?`).run(r.id);
          bulk?.namesDeleted();
        }
        names.forEach((n, i) => {
          const owner = sql('SELECT person_id FROM person_names WHERE id = ?').get(n.id) as Row | undefined;
          if (owner) throw new RecordError(`name id ${n.id} already belongs to person ${owner.person_id}`);
          sql('INSERT INTO person_names (id, person_id, name, folded, is_primary, note) VALUES (?,?,?,?,?,?)')
            .run(n.id, r.id, n.name, foldName(n.name as string), i === 0 ? 1 : 0, n.note ?? null);
          // One statement for the name's half-dozen keys.
          sql('INSERT OR IGNORE INTO name_keys (key, name_id) SELECT value, ? FROM json_each(?)').run(n.id, JSON.stringify(nameKeys(n.name as string)));
        });
        for (const risk of r.risks as string[]) sql('INSERT INTO person_risks (person_id, risk) VALUES (?, ?)').run(r.id, risk);
        for (const c of r.cases as string[]) sql('INSERT INTO case_people (case_id, person_id) VALUES (?, ?)').run(c, r.id);
        touched.add(r.id as string);
        return;
      }
      case 'events': {
        // The people the stored event touched: those it named, or its case's people if it was on the whole case.
        if (!isNew) for (const p of peopleTouchedBy(db, r.id as string)) touched.add(p);
        const people = r.people as string[];
        sql(UPSERT.events).run(r.id, r.case, r.type, r.status, r.summary, r.place, r.actor, ...dateValues(readDateField(r.date, 'date')),
          people.length === 0 && r.case ? 1 : 0, at, at);
        if (!isNew) for (const t of ['event_people', 'event_sources']) sql(`DELETE FROM ${t} WHERE event_id = ?`).run(r.id);
        for (const p of people) { sql('INSERT INTO event_people (event_id, person_id) VALUES (?, ?)').run(r.id, p); touched.add(p); }
        for (const s of r.sources as string[]) sql('INSERT INTO event_sources (event_id, source_id) VALUES (?, ?)').run(r.id, s);
        if (people.length === 0 && r.case) {
          for (const row of sql('SELECT person_id FROM case_people WHERE case_id = ?').all(r.case) as Row[]) touched.add(row.person_id as string);
        }
        return;
      }
      case 'deadlines': {
        const date = readDateField(r.date, 'date');
        const due = firstDay(date);
        const warn = r.warn as number | null;
        sql(UPSERT.deadlines).run(r.id, r.case, ...dateValues(date), dayIso(due), warn, dayIso(warnFrom(due, warn)), r.note, r.doneOn, at, at);
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
}

function opt(value: unknown, field: string) {
  return value == null ? undefined : readDateField(value, field);
}
