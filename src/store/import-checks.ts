// What an import checks of each record against what is here: an id the file gives twice, a record
// deleted here (one erased: erased-memory.ts), one that says what the stored one says, an answer to an
// appeal, cases joined, and which reference to a missing record made an insert fail.
import { canonical, differingFields } from '../exchange/canonical';
import { RecordError, shownId, type Section } from '../exchange/format';
import { RECORD_TABLE, type Row } from './rows';

type Obj = Record<string, unknown>;
interface Stmt { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] }
const TABLE_OF: Record<Section, string> = { cases: 'cases', sources: 'sources', people: 'people', events: 'events', deadlines: 'deadlines',
  // An appeal record is keyed by its event: an existing event only means "look closer".
  targets: 'targets', plans: 'plans', appeals: 'events' };

/**
 * Whether the stored record says what the file's does, in all a user can see (differingFields); as
 * stored (undo), in every field. The file's text is composed (NFC) as it is read; a database an
 * earlier caselog filled from a decomposed file holds its names decomposed, and the same file, or
 * its composed twin, is the same record.
 */
export function sameRecord(stored: Obj, incoming: Obj, exact = false): boolean {
  const [here, there] = [JSON.stringify(stored), JSON.stringify(incoming)];
  if (here === there) return true;
  return exact ? here.length !== there.length && here.normalize('NFC') === there : differingFields(stored, incoming).length === 0;
}

/** Whether an event is an answer to an appeal (its appeal record says so). */
export function isAnswer(sql: (text: string) => Stmt, eventId: string): boolean {
  return sql("SELECT 1 FROM appeal_records WHERE event_id = ? AND kind = 'response'").get(eventId) !== undefined;
}

/**
 * Whether a record's id is stored already (in TABLE_OF's table); throws when this same import gave
 * it before. A set of every id read would grow with the file, so the database answers instead: the
 * record tables are rowid tables whose rows an import never renumbers, and a new row takes the
 * largest rowid plus one, so a stored row above the mark taken at the start is one this import
 * added. A record stored before keeps its rowid under the mark: a second copy of it is caught only
 * right after the first, as a copied line is in a file whose sections are sorted by id.
 */
export function knownIdCheck(sql: (text: string) => Stmt): (section: Section, id: string) => boolean {
  const marks = new Map(Object.values(RECORD_TABLE).map(([table]) => [table, (sql(`SELECT coalesce(max(rowid), 0) AS n FROM ${table}`).get() as Row).n as number]));
  let previousSection: Section | undefined;
  let previousId = '';
  return (section, id) => {
    const [table, key] = RECORD_TABLE[section];
    const stored = sql(`SELECT rowid AS n FROM ${table} WHERE ${key} = ?`).get(id) as Row | undefined;
    const again = (stored !== undefined && (stored.n as number) > marks.get(table)!) || (section === previousSection && id === previousId);
    if (again) throw new RecordError('the same id as an earlier record in the file: a record may appear only once');
    previousSection = section;
    previousId = id;
    return table === TABLE_OF[section] ? stored !== undefined : sql(`SELECT 1 FROM ${TABLE_OF[section]} WHERE id = ?`).get(id) !== undefined;
  };
}

/**
 * Whether a record was deleted here (or merged away, or its adding undone): its newest change-log
 * entry leaves it with nothing after it. Asked only of the ids the file holds that are not stored,
 * each by the change log's index on record_id (whose rows it keeps in seq order): reading the whole
 * log for them took seconds at a million events. Entries this import logs are not looked at (the
 * first seq it could write is taken at the start), so what is said is of the database as it was.
 */
export function deletedCheck(sql: (text: string) => Stmt): (id: string) => boolean {
  const before = (sql('SELECT coalesce(max(seq), 0) AS n FROM changes').get() as Row).n as number;
  return (id) => {
    const newest = sql('SELECT action, after FROM changes WHERE record_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1').get(id, before) as Row | undefined;
    return newest !== undefined && (newest.after === null || newest.after === 'null') && ['delete', 'merge', 'undo'].includes(newest.action as string);
  };
}

export function isForeignKeyError(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * A reference to a missing record fails its insert on the foreign key; only then are a record's
 * references looked up one by one (in the order the error names them), to say which: looking each
 * up for every record would repeat the foreign key's own lookup.
 */
export function unknownReference(section: Section, r: Obj, exists: (table: string, id: unknown) => boolean): RecordError | undefined {
  const refs: Array<[string, string, unknown]> = section === 'people' ? [['cases', 'case', r.cases]]
    : section === 'events' ? [['cases', 'case', [r.case]], ['people', 'person', r.people], ['sources', 'source', r.sources]]
      : section === 'deadlines' ? [['cases', 'case', [r.case]], ['people', 'person', r.people]] : [];
  for (const [table, what, ids] of refs) {
    for (const id of ids as unknown[]) if (id != null && !exists(table, id)) return new RecordError(`refers to an unknown ${what} ${shownId(id)}`);
  }
  return undefined;
}

/** A record of the file with its links to joined cases turned to the cases here (canonical again: lists stay sorted). */
export function onJoinedCases(section: Section, r: Obj, joined: Map<string, string>): Obj {
  const here = (id: unknown) => (typeof id === 'string' ? joined.get(id) ?? id : id);
  switch (section) {
    case 'people':
      return canonical(section, { ...r, cases: [...new Set((r.cases as string[]).map(here))] });
    case 'events':
    case 'deadlines':
    case 'plans':
      return canonical(section, { ...r, case: here(r.case) });
    default:
      return r;
  }
}
