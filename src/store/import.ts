// Applies an export file: all or nothing, matched by id (added / updated / unchanged).
import { dayIso, firstDay, isoOf } from '../domain/dates';
import { warnFrom } from '../domain/due';
import { caseRefKey, type PersonRecord } from '../domain/model';
import { foldName, nameKeys } from '../domain/names';
import type { PartialDate } from '../domain/types';
import { canonical, differingFields } from '../exchange/canonical';
import { placeWithId, readDateField, RecordError, shownId, validateRecord, type DateField, type Section } from '../exchange/format';
import type { RawRecord } from '../exchange/read';
import { UserError } from '../errors';
import { idFingerprint, shortId } from '../domain/ids';
import { applyAppealRecord } from './appeals-import';
import { checkDateTexts } from './import-dates';
import { ImportRefused, type Overwrite } from './import-refused';
import { storedTwinFinder } from './import-same-event';
import { citingStored, storedDocument, type SameDocument } from './import-same-source';
import { erasedDocumentCheck } from './erased-documents';
import { peopleTouchedBy, refreshPeople } from './derived';
import { bulkLoadFor, startBulkLoad, type BulkLoad } from './search-bulk';
import { storedRecord } from './export';
import { RECORD_TABLE, type Row } from './rows';
import type { SqliteStore } from './sqlite-store';

export interface ImportCounts {
  added: number; updated: number; unchanged: number;
  /** Cases of the file taken as one here of the same reference (--join-cases). */
  joined?: number;
  /** Appeal plans of joined cases left out, as the case here has its own. */
  plansKept?: number;
  /** New events of the file that say what one stored here says (taken as it), or all but some details (added): the first few. */
  twins?: EventTwin[];
  /** How many there were in all. */
  twinCount?: number;
  /** Sources of the file holding a document stored here under another id (taken as that one): the first few. */
  sameDocuments?: SameDocument[];
  sameDocumentCount?: number;
}
/** An event of the file under a new id, and the stored one that says the same (fields: what differs; none: taken as it). */
export interface EventTwin { file: string; here: string; type: string; date: DateField; fields: string[] }
type Obj = Record<string, unknown>;
const TABLE_OF: Record<Section, string> = { cases: 'cases', sources: 'sources', people: 'people', events: 'events', deadlines: 'deadlines',
  // An appeal record is keyed by its event: an existing event only means "look closer".
  targets: 'targets', plans: 'plans', appeals: 'events' };
interface Stmt { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] }

/**
 * SQLite's page cache for an import, in KiB: a fixed ceiling, and a small one, so that memory stays
 * flat however large the file. A bulk load (src/store/search-bulk.ts) appends rows where a
 * row-by-row one inserts at random places, so a larger cache buys it little: the 100,000-event
 * export imports as fast with 8 MiB as with 128 MiB. A file too large to set its indexes aside
 * (over 64 MiB) does insert into them at random, and there the cache buys speed with memory, each
 * MiB of it adding one to the peak: the million-event export takes ~100 s with 8 MiB, ~95 s with
 * 24 MiB and ~87 s with 48 MiB or more (measured on 2 cores).
 */
const IMPORT_CACHE_KIB = 8192;

/** Each record table's columns, in the order apply() gives their values. */
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

/** Where the people table ends before an import (0: nobody there): what it adds comes after. */
export function peopleMark(store: SqliteStore): number {
  return (store.db.prepare('SELECT coalesce(max(rowid), 0) AS mark FROM people').get() as Row).mark as number;
}

/** People stored after the mark, up to `limit` of them. */
export function peopleAfter(store: SqliteStore, mark: number, limit: number): PersonRecord[] {
  const ids = store.db.prepare('SELECT id FROM people WHERE rowid > ? ORDER BY rowid LIMIT ?').all(mark, limit) as Row[];
  return ids.map((r) => store.read.personById(r.id as string)!);
}

/** One transaction; a file of a megabyte or more loads in bulk (src/store/search-bulk.ts). */
export function importRecords(
  store: SqliteStore, records: Iterable<RawRecord>, label: string, progress?: (n: number) => void, replace = false, restoreErased = false, joinCases = false,
  corrections = false,
): ImportCounts {
  const { db } = store;
  const bulk = bulkLoadFor(label);
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return store.write(() => {
      const counts = applyRecords(store, records, label, { progress, log: true, bulk: bulk && startBulkLoad(db, bulk), replace, restoreErased, joinCases, corrections });
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
  store: SqliteStore, records: Iterable<RawRecord>, label: string,
  opts: {
    progress?: (n: number) => void; log: boolean; bulk?: BulkLoad; /** Overwrite records that differ here (else refused, listed). */ replace: boolean;
    /** Take back a person who was erased here (else refused). */ restoreErased?: boolean;
    /** A case of the file whose reference a case here has is that case: what is on it joins the one here. */ joinCases?: boolean;
    /**
     * Records as this database held them (undo): compared whole, each its own (never taken as a stored
     * event that says the same), their dates as they were stored.
     */
    asStored?: boolean;
    /**
     * A sheet's rows, which carry no ids: a new event is also looked for among those stored with its
     * date or its summary (a row corrected and read again). Not for an export, whose records keep
     * their ids when corrected, and whose size would make the lookup by summary cost a scan each.
     */
    corrections?: boolean;
  },
): ImportCounts {
  const { progress } = opts;
  const { db } = store;
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const joined = new Map<string, string>();
  /** The file's sources whose document is stored here under another id, and that id. */
  const sameDocument = new Map<string, string>();
  const touched = new Set<string>();
  const cache = new Map<string, Stmt>();
  const sql = (text: string): Stmt => {
    let s = cache.get(text);
    if (!s) cache.set(text, (s = db.prepare(text) as unknown as Stmt));
    return s;
  };
  const exists = (table: string, id: unknown) => sql(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  const now = new Date().toISOString();

  const apply = (section: Section, r: Obj, isNew: boolean) => {
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
          opts.bulk?.namesDeleted();
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

  const knownId = knownIdCheck(sql);
  const storedTwin = opts.asStored ? () => undefined : storedTwinFinder(db, sql, opts.corrections ?? false);
  const erased = erasedFingerprints(sql);
  const erasedDocument = erasedDocumentCheck(db);
  let n = 0;
  const overwritten: Overwrite[] = [];
  let overwrittenCount = 0;
  const deletedHere = opts.replace ? new Set<string>() : deletedRecords(sql);
  const cameBack: string[] = [];
  let cameBackCount = 0;
  for (const read of records) {
    // Not `where`: a file's reader builds it only when asked, for a message (src/exchange/read.ts).
    const { section, record } = read;
    let incoming: Obj | undefined;
    try {
      incoming = canonical(section, validateRecord(section, record));
      // Building the stored record costs several correlated queries; a new id needs none of them.
      // Asked once a record: a second asking takes the record for a copy of itself.
      const known = knownId(section, incoming.id as string);
      // Two colleagues who each opened the same action have two records of it, of one reference.
      if (opts.joinCases && section === 'cases' && !known) {
        const here = sql('SELECT id FROM cases WHERE ref_key = ?').get(caseRefKey(incoming.ref as string)) as Row | undefined;
        if (here) {
          joined.set(incoming.id as string, here.id as string);
          counts.joined = (counts.joined ?? 0) + 1;
          continue;
        }
      }
      if (joined.size > 0) {
        const fileCase = incoming.case as string | undefined;
        incoming = onJoinedCases(section, incoming, joined);
        // Both kept an appeal plan for the case: the one here stays (a case has one), theirs is left out.
        if (section === 'plans' && fileCase && joined.has(fileCase)
          && sql('SELECT 1 FROM plans WHERE case_id = ? AND id <> ?').get(incoming.case, incoming.id) !== undefined) {
          counts.plansKept = (counts.plansKept ?? 0) + 1;
          continue;
        }
      }
      if (section === 'sources') {
        const same = storedDocument(sql, incoming, known);
        if (same) {
          sameDocument.set(same.file, same.here);
          counts.sameDocumentCount = (counts.sameDocumentCount ?? 0) + 1;
          if ((counts.sameDocuments ??= []).length < LISTED) counts.sameDocuments.push(same);
          counts.unchanged++;
          continue;
        }
      }
      if (section === 'events' && sameDocument.size > 0) incoming = citingStored(incoming, sameDocument);
      // Only a person not here now: one brought back on purpose (--restore-erased) is tracked again.
      if (!known && section === 'people' && erased.size > 0 && !opts.restoreErased && erased.has(idFingerprint(incoming.id as string))) {
        throw new RecordError('this person was erased from this database for their safety; an older export or backup brings them back only with --restore-erased');
      }
      if (known) opts.bulk?.beforeExisting();
      const stored = known ? storedRecord(db, section, incoming.id as string) : undefined;
      // The original text of a document an erase rewrote here (erased-documents.ts), new or over the text kept.
      if (section === 'sources' && !opts.restoreErased && typeof incoming.hash === 'string' && incoming.hash !== stored?.hash && erasedDocument(incoming.hash)) {
        throw new RecordError('an erase here rewrote this document\'s text for someone\'s safety; an older export or a colleague\'s brings the original back only with --restore-erased');
      }
      // An answer to an appeal, as an export before schema 6 wrote it (a statement): an appeal event
      // now (migration 6), so the same file still imports unchanged. A new one is turned when its
      // appeal record comes (applyAppealRecord).
      if (stored && section === 'events' && incoming.type === 'statement' && stored.type === 'appeal' && isAnswer(sql, incoming.id as string)) incoming.type = 'appeal';
      // A file that does not say when a record was first recorded (it may leave "recorded" out) keeps
      // the time stored here: else the same file imported twice differed each time.
      if (stored && incoming.recorded == null) incoming.recorded = stored.recorded;
      const twin = !stored && section === 'events' ? storedTwin(incoming) : undefined;
      if (twin) {
        counts.twinCount = (counts.twinCount ?? 0) + 1;
        if ((counts.twins ??= []).length < LISTED) {
          counts.twins.push({ file: incoming.id as string, here: twin.id, type: incoming.type as string, date: incoming.date as DateField, fields: twin.fields });
        }
      }
      // A twin that says all the stored one says is it (both read from one sheet, or both recorded
      // it): a second copy would show twice in the timeline.
      if ((stored && sameRecord(stored, incoming, opts.asStored)) || twin?.fields.length === 0) {
        counts.unchanged++;
      } else {
        if (!opts.asStored) checkDateTexts(section, stored, incoming);
        // A colleague's or an older export would silently undo what was done here (names, risks,
        // edits, deletions): each is listed, and nothing is imported without --replace. Applied all
        // the same, so that the records after it read as they would; the transaction rolls it back.
        if (!opts.replace && stored) {
          if (overwritten.length < LISTED) {
            // When it was last edited here (not added or imported): the file's side has no such time,
            // but a recent edit here is worth a look before --replace takes it back.
            const last = (sql("SELECT max(at) AS at FROM changes WHERE record_id = ? AND action NOT IN ('add', 'import')").get(incoming.id) as Row | undefined)?.at as string | null | undefined;
            overwritten.push(describeOverwrite(section, stored, incoming, last ?? undefined));
          }
          overwrittenCount++;
        } else if (!opts.replace && deletedHere.has(incoming.id as string)) {
          if (cameBack.length < LISTED) cameBack.push(describeRecord(section, incoming));
          cameBackCount++;
        }
        apply(section, incoming, !stored);
        if (stored) {
          counts.updated++;
          if (opts.log) store.logChange('import', section, incoming.id as string, stored, incoming);
        } else {
          counts.added++;
          if (opts.log) store.logChange('import', section, incoming.id as string, null, addedFrom(label, incoming));
        }
      }
    } catch (caught) {
      const error = incoming && isForeignKeyError(caught) ? (unknownReference(section, incoming, exists) ?? caught) : caught;
      if (error instanceof RecordError) {
        const id = (record as Obj | null)?.id;
        throw new UserError(`${label}, ${typeof id === 'string' && !read.idMade ? placeWithId(read.where, shownId(id)) : read.where}: ${error.message}; nothing was imported`);
      }
      throw error;
    }
    if (progress && ++n % 10000 === 0) progress(n);
  }
  if (overwrittenCount > 0 || cameBackCount > 0) {
    throw new ImportRefused(label, { listed: overwritten, count: overwrittenCount }, { listed: cameBack, count: cameBackCount });
  }
  // The derived fields read through the indexes a bulk load set aside.
  opts.bulk?.finish();
  refreshPeople(db, touched);
  return counts;
}

/**
 * Whether the stored record says what the file's does, in all a user can see (differingFields); as
 * stored (undo), in every field. The file's text is composed (NFC) as it is read; a database an
 * earlier caselog filled from a decomposed file holds its names decomposed, and the same file, or
 * its composed twin, is the same record.
 */
function sameRecord(stored: Obj, incoming: Obj, exact = false): boolean {
  const [here, there] = [JSON.stringify(stored), JSON.stringify(incoming)];
  if (here === there) return true;
  return exact ? here.length !== there.length && here.normalize('NFC') === there : differingFields(stored, incoming).length === 0;
}

/** Whether an event is an answer to an appeal (its appeal record says so). */
function isAnswer(sql: (text: string) => Stmt, eventId: string): boolean {
  return sql("SELECT 1 FROM appeal_records WHERE event_id = ? AND kind = 'response'").get(eventId) !== undefined;
}

/** The fingerprints of the people erased from this database (see erasePerson); empty for most. */
function erasedFingerprints(sql: (text: string) => Stmt): Set<string> {
  // An erase's entry names no record: found through the record index, not by reading the whole log.
  // With the ids of the duplicates merged into them (otherIdFingerprints): they are the same person.
  const rows = sql(
    `SELECT json_extract(after, '$.idFingerprint') AS f FROM changes WHERE record_id IS NULL AND action = 'erase' AND after IS NOT NULL
     UNION ALL SELECT o.value FROM changes, json_each(changes.after, '$.otherIdFingerprints') o
       WHERE record_id IS NULL AND action = 'erase' AND after IS NOT NULL`,
  ).all() as Row[];
  return new Set(rows.map((r) => r.f).filter((f): f is string => typeof f === 'string'));
}

/**
 * Whether a record's id is stored already (in TABLE_OF's table); throws when this same import gave
 * it before. A set of every id read would grow with the file, so the database answers instead: the
 * record tables are rowid tables whose rows an import never renumbers, and a new row takes the
 * largest rowid plus one, so a stored row above the mark taken at the start is one this import
 * added. A record stored before keeps its rowid under the mark: a second copy of it is caught only
 * right after the first, as a copied line is in a file whose sections are sorted by id.
 */
function knownIdCheck(sql: (text: string) => Stmt): (section: Section, id: string) => boolean {
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

const LISTED = 10;
const SECTION_WORD: Record<Section, string> = {
  cases: 'case', sources: 'source', people: 'person', events: 'event', deadlines: 'deadline', targets: 'appeal target', plans: 'appeal plan', appeals: 'appeal record',
};

/** The record, the fields the file would change, and when it was last edited here. */
function describeOverwrite(section: Section, stored: Obj, incoming: Obj, editedAt?: string): Overwrite {
  return { record: describeRecord(section, stored), fields: differingFields(stored, incoming), editedAt };
}

/** "person Kasim Mahpir [p-54a262vz]", "event e-7k3m9x2q". */
function describeRecord(section: Section, r: Obj): string {
  const called = (['name', 'ref', 'title'] as const).map((k) => r[k]).find((v) => typeof v === 'string');
  const id = typeof r.id === 'string' ? shortId(r.id) : '';
  const which = called ? `${called as string}${id ? ` [${id}]` : ''}` : id;
  return `${SECTION_WORD[section]}${which ? ` ${which}` : ''}`;
}

/**
 * Records deleted here (or merged away, or whose adding was undone): those whose newest change-log
 * entry leaves them with nothing after it. One pass over the change log (no index serves it): nothing
 * into a new database, a fraction of a second into one with a long history; not with --replace.
 */
function deletedRecords(sql: (text: string) => Stmt): Set<string> {
  const rows = sql(
    `SELECT record_id FROM changes c WHERE record_id IS NOT NULL AND (after IS NULL OR after = 'null') AND action IN ('delete', 'merge', 'undo')
       AND seq = (SELECT max(seq) FROM changes WHERE record_id = c.record_id)`,
  ).all() as Row[];
  return new Set(rows.map((r) => r.record_id as string));
}

/**
 * What the change log keeps of a record an import added: the file it came from and what it is
 * called, not the whole record (it is in the database and in the file; a large import would double
 * the database's size).
 */
function addedFrom(file: string, r: Obj): Obj {
  const called = (['name', 'ref', 'title'] as const).find((k) => typeof r[k] === 'string');
  return called ? { from: file, [called]: r[called] } : { from: file };
}

function isForeignKeyError(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * A reference to a missing record fails its insert on the foreign key; only then are a record's
 * references looked up one by one (in the order the error names them), to say which: looking each
 * up for every record would repeat the foreign key's own lookup.
 */
function unknownReference(section: Section, r: Obj, exists: (table: string, id: unknown) => boolean): RecordError | undefined {
  const refs: Array<[string, string, unknown]> = section === 'people' ? [['cases', 'case', r.cases]]
    : section === 'events' ? [['cases', 'case', [r.case]], ['people', 'person', r.people], ['sources', 'source', r.sources]]
      : section === 'deadlines' ? [['cases', 'case', [r.case]], ['people', 'person', r.people]] : [];
  for (const [table, what, ids] of refs) {
    for (const id of ids as unknown[]) if (id != null && !exists(table, id)) return new RecordError(`refers to an unknown ${what} ${shownId(id)}`);
  }
  return undefined;
}

function opt(value: unknown, field: string) {
  return value == null ? undefined : readDateField(value, field);
}

/** A record of the file with its links to joined cases turned to the cases here (canonical again: lists stay sorted). */
function onJoinedCases(section: Section, r: Obj, joined: Map<string, string>): Obj {
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
