// Undo: puts back every record of the latest change batch not yet undone, as it was before the batch.
// A record the batch added is removed; any other is restored from its `before` snapshot through the
// import code, in dependency order (cases, sources, people, events, deadlines). An import is one
// batch like any other: what it added goes, what it updated comes back as it was.
// An undo is itself logged (action 'undo', one row a record plus one naming the batch it reversed);
// undo walks past undo batches and batches already undone, and stops at an erase, whose earlier
// state the log no longer holds: it cannot go back past it.
// A batch may be an import of a hundred thousand records: it is read row by row and summed up in
// SQL, and what is kept of each record it added is its id.
import { SECTIONS, type Section } from '../exchange/format';
import { UserError } from '../errors';
import { peopleTouchedByAll, refreshPeople } from './derived';
import type { Row } from './rows';
import { compactAfter, erasedAgain, scrubErasedAgain } from './undo-erased';
import type { SqliteStore } from './sqlite-store';
import { appealsAlongside, removeAdded, linkedToAdded, restoreChanged, type IdsBySection } from './undo-records';

type Snapshot = Record<string, unknown>;

/** A record the batch changed, as its first change in the batch logged it. */
export interface UndoneRecord { kind: Section; id: string; restored: boolean; logged: Snapshot | null }

export interface Undone {
  batch: number; action: string; command: string | null; at: string;
  /** The OS user who made the change (null in a log that did not say). */
  user: string | null;
  /** The terminal session that made it (null in a log from before migration 12, which did not say). */
  session: string | null;
  /** An import's file. */
  file?: string;
  /**
   * Each record put back or removed, once, in the order the batch first changed them; the first put
   * back holds what the log holds of it before, the first removed what it holds after, to name them by.
   */
  records: UndoneRecord[];
  /**
   * People erased here whom the batch had brought back (import --restore-erased) and the undo took
   * away again: their erase stands, and the log holds nothing of them (src/store/undo-erased.ts).
   */
  erasedAgain?: Array<{ id: string; name: string }>;
  /** With erasedAgain: whether the file was rewritten (else the next caselog to open it does it). */
  fileCompacted?: boolean;
}

/** A change undo cannot reverse, and so cannot go back past: the command says when it was made, in the reader's time. */
export class UndoStops extends UserError {
  constructor(readonly action: string, readonly at: string, readonly why: string) {
    super(`undo stops at the ${action} of ${at}: ${why}`);
  }
}

const SECTION_LIST = SECTIONS.map((s) => `'${s}'`).join(', ');
const NONE = (column: string) => `coalesce(${column}, 'null') = 'null'`;
/** An import's own entry (its file and counts) is about no one record. */
const IMPORT_FILE = "action = 'import' AND kind = 'file'";
/** What undo needs to know of a batch before reversing it, summed up over its entries. */
const SUMMARY = `SELECT count(*) FILTER (WHERE action = 'undo') AS undos, count(*) FILTER (WHERE action = 'erase') AS erases,
    count(*) FILTER (WHERE action = 'import') AS imports, count(*) FILTER (WHERE action = 'restore') AS restores,
    max(CASE WHEN ${IMPORT_FILE} THEN after END) AS file,
    count(*) FILTER (WHERE action = 'import' AND kind <> 'file' AND ${NONE('before')}) AS added,
    count(*) FILTER (WHERE action = 'import' AND kind <> 'file' AND NOT ${NONE('before')}) AS updated,
    max(CASE WHEN NOT (${IMPORT_FILE}) AND (kind IS NULL OR kind NOT IN (${SECTION_LIST}) OR record_id IS NULL
      OR (${NONE('before')} AND ${NONE('after')})) THEN coalesce(kind, 'something') END) AS odd
  FROM changes WHERE batch = ?`;

/** The latest batch undo may reverse, by its first entry; throws when the way back is blocked. */
export function nextToUndo(store: SqliteStore): Omit<Undone, 'records'> {
  const { db } = store;
  // The batches undone so far, gathered on the way back: an undo is always logged after the batch it
  // reversed, and is never undone itself, so every undo of a batch is passed before that batch is
  // reached. (Reading every undo entry first scanned the whole change log: 0.4-0.8 s at 1.3M entries.)
  const undone = new Set<number>();
  const undoneBy = db.prepare(`SELECT json_extract(after, '$.batch') AS batch FROM changes WHERE batch = ? AND action = 'undo' AND kind = 'batch'`);
  const summary = db.prepare(SUMMARY);
  const firstOf = db.prepare('SELECT at, action, command, os_user AS user, session FROM changes WHERE batch = ? ORDER BY seq LIMIT 1');
  for (const { batch } of db.prepare('SELECT DISTINCT batch FROM changes ORDER BY batch DESC').iterate() as Iterable<Row>) {
    if (undone.has(batch as number)) continue;
    const s = summary.get(batch) as Row;
    if ((s.undos as number) > 0) {
      for (const u of undoneBy.iterate(batch) as Iterable<Row>) undone.add(u.batch as number);
      continue;
    }
    const first = firstOf.get(batch) as { at: string; action: string; command: string | null; user: string | null; session: string | null };
    if ((s.erases as number) > 0) throw new UndoStops('erase', first.at, 'an erase cannot be undone, as what it erased is gone for good');
    if ((s.restores as number) > 0) {
      throw new UndoStops('restore', first.at, 'undo cannot reverse a restore; caselog restore of the copy it kept puts that database back (caselog log names it)');
    }
    const file = s.file ? (JSON.parse(s.file as string) as { file?: string; added?: number; updated?: number }) : undefined;
    // An import logs each record it adds or updates beside its counts; an older caselog logged the
    // counts alone, and undoing its import would take back nothing of it.
    if ((s.imports as number) > 0 && (file?.added !== s.added || file?.updated !== s.updated)) {
      throw new UndoStops('import', first.at, 'it was made by an older caselog, which did not record which records the import added');
    }
    if (s.odd != null) throw new UndoStops(first.action, first.at, `it changed ${s.odd as string} in a way undo cannot reverse`);
    return { batch: batch as number, ...first, ...(file?.file !== undefined ? { file: file.file } : {}) };
  }
  throw new UserError('nothing to undo');
}

/**
 * The records of a batch, each by its first change there (a record changed twice goes back to its
 * state before the first; keyed by section too, as an appeal record has the id of its event). Of
 * each, its id; of the first put back and the first removed, the snapshot to name it by.
 */
function recordsOf(store: SqliteStore, batch: number): UndoneRecord[] {
  const rows = store.db.prepare(`SELECT kind, record_id, nullif(before, 'null') IS NOT NULL AS restored, min(seq) AS seq FROM changes
    WHERE batch = ? AND record_id IS NOT NULL AND NOT (${IMPORT_FILE}) GROUP BY kind, record_id ORDER BY seq`).iterate(batch) as Iterable<Row>;
  const records: UndoneRecord[] = [];
  for (const r of rows) records.push({ kind: r.kind as Section, id: r.record_id as string, restored: r.restored === 1, logged: null });
  const logged = store.db.prepare('SELECT before, after FROM changes WHERE batch = ? AND kind = ? AND record_id = ? ORDER BY seq LIMIT 1');
  for (const first of [records.find((r) => r.restored), records.find((r) => !r.restored)]) {
    if (!first) continue;
    const r = logged.get(batch, first.kind, first.id) as Row;
    first.logged = JSON.parse((first.restored ? r.before : r.after) as string) as Snapshot | null;
  }
  return records;
}

/** A change made between the one undo was asked about and the undo: the user has not seen it. */
export class UndoMoved extends UserError {
  constructor(readonly latest: Omit<Undone, 'records'>) {
    super('another change was made meanwhile');
  }
}

/**
 * Reverses the latest batch not yet undone, in one transaction; returns what it reversed. With
 * `expected`, only that batch: the one the user was told of (or asked about) before the write began.
 */
export async function undoLatest(store: SqliteStore, expected?: number): Promise<Undone> {
  const undone = store.write((): Undone => {
    const undoing = nextToUndo(store);
    if (expected !== undefined && undoing.batch !== expected) throw new UndoMoved(undoing);
    const records = recordsOf(store, undoing.batch);
    // An appeal record's target is not removed with it: one the batch pointed at a target it added
    // is put back only after that target is removed. The links are checked when all is done.
    store.db.pragma('defer_foreign_keys = ON');
    const added = idsBySection(records.filter((r) => !r.restored));
    const changed = idsBySection(records.filter((r) => r.restored));
    // Read before anything moves: removing an added record unlinks the records that named it.
    const held = linkedToAdded(store, changed, added);
    const touched = peopleTouchedByAll(store.db, [...added.get('events') ?? [], ...changed.get('events') ?? []]);
    const alongside = appealsAlongside(store, changed);
    const again = erasedAgain(store, added.get('people') ?? []);
    // Their rows overwritten as an erase overwrites them.
    if (again.length > 0) store.db.pragma('secure_delete = ON');
    removeAdded(store, added);
    restoreChanged(store, undoing.batch, changed, alongside, held);
    refreshPeople(store.db, touched);
    // Before the undo's own line: what it logged of them goes too, and the line stays (erase-log.ts).
    scrubErasedAgain(store, again);
    // Whose change it was, beside who undid it (the entry's own user): in a shared database, not the same.
    store.logChange('undo', 'batch', null, null, { batch: undoing.batch, action: undoing.action, command: undoing.command, at: undoing.at, user: undoing.user });
    return { ...undoing, records, ...(again.length > 0 ? { erasedAgain: again.map((p) => ({ id: p.id, name: p.names[0] ?? p.id })) } : {}) };
  });
  return undone.erasedAgain ? { ...undone, fileCompacted: compactAfter(store) } : undone;
}

function idsBySection(records: UndoneRecord[]): IdsBySection {
  const ids: IdsBySection = new Map();
  for (const r of records) {
    if (!ids.has(r.kind)) ids.set(r.kind, []);
    ids.get(r.kind)!.push(r.id);
  }
  return ids;
}
