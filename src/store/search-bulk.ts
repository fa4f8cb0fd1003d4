// A large import (src/store/import.ts) loads in bulk: what SQLite would keep up to date row by row
// is set aside, and brought up to date once at the end with set-based statements.
//
// - Search: every new record fires its insert trigger (a search_text row, which fires the FTS5
//   insert), nearly a third of a large import's time. The five insert triggers are dropped, and at
//   the end the rows inserted since are indexed with INSERT ... SELECT, then the triggers are
//   recreated from the migrations' own text. The update and delete triggers stay, so the existing
//   records an import changes are kept in step exactly as before. When search_text starts empty,
//   its own triggers go too and the FTS5 index is built in one pass ('rebuild').
// - Secondary indexes: into empty tables, the indexes that the import's own lookups never use are
//   dropped and recreated at the end: one sort each, instead of an insert at a random place per
//   row, which with the import's small page cache is mostly a read and a rewrite of a page (the
//   100,000-event export imports in 5.4 s instead of 6.5; encrypted, 7.3 instead of 9.6). Updating
//   an existing record reads through them, so the first one puts them back. The sort runs in
//   memory (temp_store=MEMORY, so that nothing unencrypted reaches a temporary file) and needs
//   memory in proportion to the index, about a sixth of the file's size for the largest: only files
//   up to a fixed size do this, and the page cache shrinks while the sorts run, so that memory
//   stays flat.
//
// All of it runs inside the import's transaction (DDL is transactional in SQLite): a bad record or
// a crash at any moment rolls back the triggers and indexes with the rows, and no other connection
// ever sees the database without them.
import { statSync } from 'node:fs';
import { STDIN_WORDS } from '../exchange/stdin';
import { SEARCH_SOURCES, SEARCH_TEXT_TRIGGERS, type SearchKind } from './migrations/002-search';
import { indexRows, insertTrigger } from './migrations/011-search-dated';
import type { DB } from './open';

/**
 * Imports from a file of at least fromBytes load in bulk; below it an import takes a fraction of a
 * second either way, and goes the row-by-row way every other write goes. Indexes are set aside only
 * for files up to indexesUpToBytes (see above). Tests lower fromBytes to send a small file down the
 * bulk path.
 */
export const bulkImport = { fromBytes: 1024 * 1024, indexesUpToBytes: 64 * 1024 * 1024 };

/** How an import reading this file (or '-', standard input: never) loads, if in bulk. */
export function bulkLoadFor(file: string): { indexes: boolean } | undefined {
  const stat = file === '-' || file === STDIN_WORDS ? undefined : statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size < bulkImport.fromBytes) return undefined;
  return { indexes: stat.size <= bulkImport.indexesUpToBytes };
}

/**
 * The export's section order (cases, sources, people's names, events, deadlines): the new rows get
 * their search_text ids in the order a row-by-row import gives them, so that records of equal rank
 * come out in the same order and search answers exactly as it would have.
 */
const ORDER: SearchKind[] = ['case', 'source', 'name', 'event', 'deadline'];
const TEXT_TRIGGERS = ['search_text_insert', 'search_text_delete', 'search_text_update'];
/** Tables an import fills whose secondary indexes may be set aside while they start empty. */
const FILLED = ['sources', 'person_names', 'name_keys', 'person_risks', 'case_people', 'events', 'event_people', 'event_sources', 'deadlines', 'deadline_people'];
/**
 * Rows indexed per statement. A statement keeps a journal of every page it touches (in memory, as
 * temp_store is), and since search_text's ids go by the record's date (migration 11) each new row
 * lands on a page of its own in a large index: 20,000 rows a statement took the 1m import's peak
 * from 108 to 148 MiB, 2,000 to 119, 500 to 110. Chunks keep memory flat, at no cost in speed.
 */
const CHUNK = 500;
/** SQLite's page cache, in KiB, while the set-aside indexes are sorted and written. */
const SORT_CACHE_KIB = 1024;

export interface BulkLoad {
  /** Call before reading or changing an existing record: puts the set-aside indexes back. */
  beforeExisting(): void;
  /** Call after deleting names (an updated person's): new names may then take rowids below the mark. */
  namesDeleted(): void;
  /** Brings indexes and search up to date and puts the triggers back; inside the same transaction. */
  finish(): void;
}

const table = (kind: SearchKind) => SEARCH_SOURCES[kind].table;
const one = (db: DB, sql: string, ...params: unknown[]) => Object.values(db.prepare(sql).get(...params) as object)[0] as number;

export function startBulkLoad(db: DB, plan: { indexes: boolean }): BulkLoad {
  const search = suspendSearch(db);
  const indexes = suspendIndexes(db, plan.indexes);
  return {
    beforeExisting: indexes.restore,
    namesDeleted: () => search?.namesDeleted(),
    finish() {
      indexes.restore();
      search?.finish();
    },
  };
}

function suspendSearch(db: DB) {
  const triggers = [...ORDER.map((kind) => `search_${table(kind)}_insert`), ...TEXT_TRIGGERS];
  const present = one(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))", JSON.stringify(triggers));
  // A database without the search migration's triggers has nothing to suspend.
  if (present !== triggers.length) return undefined;
  const maxRowid = (kind: SearchKind) => one(db, `SELECT coalesce(max(rowid), 0) FROM ${table(kind)}`);
  // These tables' rows are never renumbered, and a new row takes the largest rowid plus one: the
  // rows above each mark at the end are the ones this import inserted.
  const marks = new Map(ORDER.map((kind) => [kind, maxRowid(kind)]));
  const fromEmpty = one(db, 'SELECT NOT EXISTS (SELECT 1 FROM search_text)') === 1;
  for (const kind of ORDER) db.exec(`DROP TRIGGER search_${table(kind)}_insert`);
  if (fromEmpty) for (const name of TEXT_TRIGGERS) db.exec(`DROP TRIGGER ${name}`);
  return {
    namesDeleted() {
      marks.set('name', Math.min(marks.get('name')!, maxRowid('name')));
    },
    finish() {
      for (const kind of ORDER) {
        const insert = db.prepare(indexRows(kind, 'r.rowid > ? AND r.rowid <= ?'));
        for (let from = marks.get(kind)!, last = maxRowid(kind); from < last; from += CHUNK) insert.run(from, Math.min(from + CHUNK, last));
      }
      if (fromEmpty) {
        db.exec("INSERT INTO search_index (search_index) VALUES ('rebuild')");
        db.exec(SEARCH_TEXT_TRIGGERS);
      }
      for (const kind of ORDER) db.exec(insertTrigger(kind));
    },
  };
}

function suspendIndexes(db: DB, allowed: boolean): { restore(): void } {
  const empty = allowed && FILLED.every((t) => one(db, `SELECT NOT EXISTS (SELECT 1 FROM ${t})`) === 1);
  // Recreated in their original order, each from the text that created it (a migration's), so the
  // schema reads as before and the query planner meets the indexes in the same order.
  const dropped = !empty ? [] : db.prepare(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  ).all(JSON.stringify(FILLED)) as Array<{ name: string; sql: string }>;
  for (const index of dropped) db.exec(`DROP INDEX "${index.name}"`);
  return {
    restore() {
      if (dropped.length === 0) return;
      // The sorts take the memory the page cache gives up meanwhile, rather than adding to it.
      const cache = db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`cache_size = -${SORT_CACHE_KIB}`);
      try {
        for (const index of dropped.splice(0)) db.exec(index.sql);
      } finally {
        db.pragma(`cache_size = ${cache}`);
      }
    },
  };
}
