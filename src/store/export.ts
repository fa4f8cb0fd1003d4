// Streams the whole record set in the export format, one record a line, in id order so that
// export -> import -> export gives identical bytes. Memory stays flat: rows are iterated.
import { FORMAT_NAME, FORMAT_VERSION, SECTIONS, type Section } from '../exchange/format';
import { canonical } from '../exchange/canonical';
import type { DB } from './open';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';
import { addressOf } from './appeals-read';
import { ERASED_SECTION, erasedLine } from '../exchange/erased';
import { exportedMarks } from './erased-memory';

const date = (row: Row, col: string) =>
  row[col] == null ? null : {
    date: row[col], precision: precision(row[col] as string), approximate: row[`${col}_approx`] === 1,
    dateText: row[`${col}_text`] ?? row[col],
  };
const precision = (iso: string) => (iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day');
const ids = (json: unknown) => JSON.parse((json as string) ?? '[]') as string[];

const QUERIES: Record<Section, string> = {
  cases: 'SELECT * FROM cases ORDER BY id',
  sources: 'SELECT * FROM sources ORDER BY id',
  people: `SELECT p.*,
      (SELECT json_group_array(json_object('id', id, 'name', name, 'note', note)) FROM
        (SELECT id, name, note FROM person_names WHERE person_id = p.id ORDER BY is_primary DESC, rowid)) AS names_json,
      (SELECT json_group_array(risk) FROM person_risks WHERE person_id = p.id) AS risks_json,
      (SELECT json_group_array(case_id) FROM case_people WHERE person_id = p.id) AS cases_json
    FROM people p ORDER BY p.id`,
  events: `SELECT e.*,
      (SELECT json_group_array(person_id) FROM event_people WHERE event_id = e.id) AS people_json,
      (SELECT json_group_array(source_id) FROM event_sources WHERE event_id = e.id) AS sources_json
    FROM events e ORDER BY e.id`,
  deadlines: `SELECT d.*, (SELECT json_group_array(person_id) FROM deadline_people WHERE deadline_id = d.id) AS people_json
    FROM deadlines d ORDER BY d.id`,
  targets: 'SELECT * FROM targets ORDER BY id',
  plans: `SELECT pl.*,
      (SELECT json_group_array(target_id) FROM (SELECT target_id FROM plan_targets WHERE plan_id = pl.id ORDER BY position)) AS targets_json,
      (SELECT json_group_array(json(action)) FROM (SELECT json_object('text', pa.text, 'targets',
         (SELECT json_group_array(target_id) FROM plan_action_targets WHERE action_id = pa.id)) AS action
         FROM plan_actions pa WHERE pa.plan_id = pl.id ORDER BY pa.position)) AS actions_json
    FROM plans pl ORDER BY pl.id`,
  appeals: 'SELECT * FROM (SELECT ar.*, ar.event_id AS id FROM appeal_records ar) ar ORDER BY ar.id',
};

export function recordFromRow(section: Section, raw: Row): Record<string, unknown> {
  // The row is filled in where it lies, not copied: V8 (Node 20) moves spread copies straight to its
  // old generation, where a large export's millions of them pile up until a full collection.
  const row = raw;
  row.recorded = raw.created_at;
  switch (section) {
    case 'cases':
      return canonical(section, Object.assign(row, { countries: JSON.parse(row.countries as string), opened: date(row, 'opened'),
        closed: date(row, 'closed'), closeReason: row.close_reason }));
    case 'sources':
      return canonical(section, Object.assign(row, { date: date(row, 'date'), text: row.body }));
    case 'people':
      return canonical(section, Object.assign(row, { names: JSON.parse(row.names_json as string), ageOn: date(row, 'age_on'),
        born: date(row, 'born'), status: row.recorded_status, statusOn: row.recorded_status_on,
        risks: ids(row.risks_json), cases: ids(row.cases_json) }));
    case 'events':
      return canonical(section, Object.assign(row, { case: row.case_id, date: date(row, 'date'), people: ids(row.people_json), sources: ids(row.sources_json) }));
    case 'deadlines':
      return canonical(section, Object.assign(row, { case: row.case_id, date: date(row, 'date'), warn: row.warn_days, doneOn: row.done_on,
        people: ids(row.people_json) }));
    case 'targets':
      return canonical(section, Object.assign(row, { address: addressOf(row.address as string) }));
    case 'plans':
      return canonical(section, Object.assign(row, { case: row.case_id, targets: ids(row.targets_json), actions: JSON.parse(row.actions_json as string),
        copiesTo: row.copies_to }));
    case 'appeals':
      return canonical(section, Object.assign(row, { target: row.target_id }));
  }
}

/**
 * With `damaged`, a section whose pages are damaged ends where the reading failed, and is named to
 * it: the export holds every record that could be read, and stays valid JSON.
 */
export function* exportLines(
  { db }: Pick<SqliteStore, 'db'>, damaged?: (section: Section | typeof ERASED_SECTION) => void, unreadable = isDamage,
): Generator<string> {
  yield `{"format":${JSON.stringify(FORMAT_NAME)},"version":${FORMAT_VERSION},\n`;
  // First, so that a caselog from before the section refuses the file at once: importing it there
  // would forget the erases. Written only when there are any: most databases' exports are as before.
  let marks: string[] = [];
  try {
    marks = exportedMarks(db).map(erasedLine);
  } catch (error) {
    if (!damaged || !unreadable(error)) throw error;
    damaged(ERASED_SECTION);
  }
  if (marks.length > 0) yield `${JSON.stringify(ERASED_SECTION)}:[\n${marks.join(',\n')}\n],\n`;
  for (const [i, section] of SECTIONS.entries()) {
    yield `${JSON.stringify(section)}:[\n`;
    let previous: string | undefined;
    try {
      for (const row of db.prepare(QUERIES[section]).iterate() as Iterable<Row>) {
        if (previous !== undefined) yield `${previous},\n`;
        previous = JSON.stringify(recordFromRow(section, row));
      }
    } catch (error) {
      if (!damaged || !unreadable(error)) throw error;
      damaged(section);
    }
    if (previous !== undefined) yield `${previous}\n`;
    yield i === SECTIONS.length - 1 ? ']}\n' : '],\n';
  }
}

/** One read transaction for a whole export: every section sees the database as it was at one moment. */
export function beginRead(db: DB): void {
  db.exec('BEGIN');
}

/** Ends the read transaction; after damaged pages were met SQLite may refuse to commit it, and it wrote nothing to keep. */
export function endRead(db: DB): void {
  if (!db.inTransaction) return;
  try {
    db.exec('COMMIT');
  } catch (error) {
    if (!isDamage(error)) throw error;
    try {
      if (db.inTransaction) db.exec('ROLLBACK');
    } catch {
      // The connection closes next, which ends it all the same.
    }
  }
}

/** A read that met damaged pages (SQLite's own words for it). */
export function isDamage(error: unknown): boolean {
  return /^SQLITE_(CORRUPT|NOTADB)/.test((error as { code?: string } | undefined)?.code ?? '');
}

/** A section's query for the records whose id matches `where` (SQL on the id column, `?` for one parameter). */
function recordsWhere(section: Section, where: string): string {
  const sql = QUERIES[section].replace(/ORDER BY \w+\.?\w*$/, '').trim();
  const alias = { cases: 'cases', sources: 'sources', people: 'p', events: 'e', deadlines: 'd', targets: 'targets', plans: 'pl', appeals: 'ar' }[section];
  return `${sql} WHERE ${alias}.id ${where}`;
}

/** The stored record with this id, in canonical form, for comparing with an imported one. */
export function storedRecord(db: DB, section: Section, id: string): Record<string, unknown> | undefined {
  const row = db.prepare(recordsWhere(section, '= ?')).get(id) as Row | undefined;
  return row ? recordFromRow(section, row) : undefined;
}

/** The stored records of these ids (those there are), by id: one statement for a batch of them. */
export function storedRecords(db: DB, section: Section, ids: string[]): Map<string, Record<string, unknown>> {
  const rows = db.prepare(recordsWhere(section, 'IN (SELECT value FROM json_each(?))')).all(JSON.stringify(ids)) as Row[];
  return new Map(rows.map((row) => [row.id as string, recordFromRow(section, row)]));
}
