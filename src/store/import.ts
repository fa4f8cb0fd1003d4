// Applies an export file: all or nothing, matched by id (added / updated / unchanged). Here the one
// transaction and its page cache; what becomes of each record is decided in import-apply.ts.
import type { PersonRecord } from '../domain/model';
import type { RawRecord } from '../exchange/read';
import type { ErasedMark } from '../exchange/erased';
import { marksToTakeOver } from './erased-memory';
import type { WithoutErased } from './import-skip-erased';
import { applyRecordSteps, type ApplyOptions } from './import-apply';
import { allSteps } from './scan-steps';
import type { ImportCounts } from './import-report';
import { bulkLoadFor, startBulkLoad } from './search-bulk';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

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

/** Where the people table ends before an import (0: nobody there): what it adds comes after. */
export function peopleMark(store: SqliteStore): number {
  return (store.db.prepare('SELECT coalesce(max(rowid), 0) AS mark FROM people').get() as Row).mark as number;
}

/** The change log's mark before an import: its entries are those after it. */
export function changesMark(store: SqliteStore): number {
  return store.db.prepare('SELECT coalesce(max(seq), 0) FROM changes').pluck().get() as number;
}

/** People an import since the mark updated (not added), up to `limit` of them. */
export function peopleUpdatedSince(store: SqliteStore, mark: number, limit: number): string[] {
  return store.db.prepare(`SELECT DISTINCT record_id FROM changes
    WHERE seq > ? AND action = 'import' AND kind = 'people' AND coalesce(before, 'null') <> 'null' LIMIT ?`).pluck().all(mark, limit) as string[];
}

/** People stored after the mark, up to `limit` of them. */
export function peopleAfter(store: SqliteStore, mark: number, limit: number): PersonRecord[] {
  const ids = store.db.prepare('SELECT id FROM people WHERE rowid > ? ORDER BY rowid LIMIT ?').all(mark, limit) as Row[];
  return ids.map((r) => store.read.personById(r.id as string)!);
}

/**
 * One transaction; a file of a megabyte or more loads in bulk (src/store/search-bulk.ts). `erased`:
 * the marks of the file's "erased" section, filled as the records are read (src/exchange/read.ts),
 * taken over once they all are (erased-memory.ts).
 */
export function importRecords(
  store: SqliteStore, records: Iterable<RawRecord>, label: string, progress?: (n: number) => void, replace = false, restoreErased = false, joinCases = false,
  corrections = false, erased: ErasedMark[] = [], skipErased?: WithoutErased,
): ImportCounts {
  const resetCache = importCache(store);
  try {
    return store.write(() => allSteps(importSteps(store, records, label, { progress, log: true, replace, restoreErased, joinCases, corrections, skipErased }, erased)));
  } finally {
    resetCache();
  }
}

/**
 * An export file's import, which Ctrl-C can stop (commands/cancel.ts): `point` is awaited every few
 * thousand records and before the commit; when it throws, the transaction is rolled back whole.
 */
export async function importExport(
  store: SqliteStore, records: Iterable<RawRecord>, label: string, point: () => Promise<void>, progress?: (n: number) => void,
  replace = false, restoreErased = false, joinCases = false, erased: ErasedMark[] = [], skipErased?: WithoutErased,
): Promise<ImportCounts> {
  const resetCache = importCache(store);
  try {
    return await store.writeStopping(() => importSteps(store, records, label, { progress, log: true, replace, restoreErased, joinCases, skipErased }, erased), point);
  } finally {
    resetCache();
  }
}

function* importSteps(store: SqliteStore, records: Iterable<RawRecord>, label: string, opts: ApplyOptions, erased: ErasedMark[]): Generator<void, ImportCounts> {
  const bulk = bulkLoadFor(label);
  const before = changesMark(store);
  const counts = yield* applyRecordSteps(store, records, label, { ...opts, bulk: bulk && startBulkLoad(store.db, bulk) });
  if (opts.skipErased) counts.skippedErased = opts.skipErased.counts;
  // Kept in the import's own entry: undoing the import leaves them, as nothing undoes an erase.
  const takenOver = marksToTakeOver(store.db, erased);
  if (takenOver.notes.length > 0) counts.erasesTakenOver = takenOver.notes.length;
  // An import that changed nothing logs nothing: its entry was the next undo's, spent on "it had changed nothing".
  if (changesMark(store) > before || takenOver.notes.length > 0) {
    // Not the people merged here nor the summaries of events told twice: said, not logged (an erase
    // would have to take their names and words out of the entry); their counts are kept.
    const { mergedHere: _merged, sameHappenings: _happenings, ...logged } = counts;
    store.logChange('import', 'file', null, undefined, { file: label, ...logged, ...(takenOver.notes.length > 0 ? { erased: takenOver.notes } : {}) });
  }
  const logged = changesMark(store) > before ? { loggedBatch: store.db.prepare('SELECT batch FROM changes ORDER BY seq DESC LIMIT 1').pluck().get() as number } : {};
  // Said, not logged: an erase of one of them would have to take their id out of the entry.
  return { ...counts, ...logged, ...(takenOver.trackedHere.length > 0 ? { erasedThereTrackedHere: takenOver.trackedHere } : {}) };
}

/** Sets the import's page cache; returns what puts the connection's back. */
function importCache({ db }: SqliteStore): () => void {
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return () => db.pragma(`cache_size = ${cacheBefore}`);
}
