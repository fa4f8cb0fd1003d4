// Migration 2: full-text search over event summaries, deadline notes, people's names, sources (with the
// text of ingested documents) and cases.
//
// search_text holds one row per searchable record, keyed by an INTEGER PRIMARY KEY: the FTS5 index is
// an external-content table over it, and needs rowids that VACUUM never renumbers (the records' own
// tables have implicit rowids, which it may). Triggers on the records' tables keep search_text in step
// (so every write path, import, delete, cascade and erase included, updates the index without knowing
// of it), and triggers on search_text keep the index in step. A name's fold (person_names.folded, any
// script in lowercase ASCII) is indexed beside it, so "Musakhanuly" finds "Мұсаханұлы".
// Every statement may run again on a database that already has them (IF NOT EXISTS, OR IGNORE).
//
// The pieces are exported because a large import (src/store/search-bulk.ts) drops the insert
// triggers, indexes the new rows in one statement and recreates the triggers: from this same text,
// so that a database never holds a trigger that differs from what a fresh one gets.

/** Rows of one table into search_text: its kind, the text columns joined. */
export const SEARCH_SOURCES = {
  event: { table: 'events', body: (r: string) => `concat_ws(' · ', ${r}.summary, ${r}.place, ${r}.actor)`, columns: 'summary, place, actor', folded: () => `''` },
  deadline: { table: 'deadlines', body: (r: string) => `${r}.note`, columns: 'note', folded: () => `''` },
  name: { table: 'person_names', body: (r: string) => `${r}.name`, columns: 'name, folded', folded: (r: string) => `${r}.folded` },
  source: { table: 'sources', body: (r: string) => `concat_ws(' · ', ${r}.title, ${r}.publisher, ${r}.ref, ${r}.body)`, columns: 'title, publisher, ref, body', folded: () => `''` },
  case: { table: 'cases', body: (r: string) => `concat_ws(' · ', ${r}.ref, ${r}.title, ${r}.summary)`, columns: 'ref, title, summary', folded: () => `''` },
} as const;
export type SearchKind = keyof typeof SEARCH_SOURCES;
const KINDS = Object.keys(SEARCH_SOURCES) as SearchKind[];
/** What goes beside a record's text in the index (a later migration changes it: see 009). */
export type Fold = (kind: SearchKind, r: string) => string;
const asFirstMade: Fold = (kind, r) => SEARCH_SOURCES[kind].folded(r);

/** The trigger that puts a new record's text into search_text. */
export function insertTrigger(kind: SearchKind, folded: Fold = asFirstMade): string {
  const s = SEARCH_SOURCES[kind];
  return `CREATE TRIGGER IF NOT EXISTS search_${s.table}_insert AFTER INSERT ON ${s.table} BEGIN
    DELETE FROM search_text WHERE record_id = new.id;
    INSERT INTO search_text (kind, record_id, body, folded) VALUES ('${kind}', new.id, coalesce(${s.body('new')}, ''), ${folded(kind, 'new')});
  END;`;
}

export function updateTrigger(kind: SearchKind, folded: Fold = asFirstMade): string {
  const s = SEARCH_SOURCES[kind];
  return `CREATE TRIGGER IF NOT EXISTS search_${s.table}_update AFTER UPDATE OF ${s.columns} ON ${s.table} BEGIN
    UPDATE search_text SET body = coalesce(${s.body('new')}, ''), folded = ${folded(kind, 'new')} WHERE record_id = new.id;
  END;`;
}

function deleteTrigger(kind: SearchKind): string {
  const s = SEARCH_SOURCES[kind];
  return `CREATE TRIGGER IF NOT EXISTS search_${s.table}_delete AFTER DELETE ON ${s.table} BEGIN
    DELETE FROM search_text WHERE record_id = old.id;
  END;`;
}

/** Indexes a table's records that search_text lacks (those matching `where`, when given), in one statement. */
export function indexRows(kind: SearchKind, where?: string, folded: Fold = asFirstMade): string {
  const s = SEARCH_SOURCES[kind];
  return `INSERT OR IGNORE INTO search_text (kind, record_id, body, folded)
    SELECT '${kind}', r.id, coalesce(${s.body('r')}, ''), ${folded(kind, 'r')} FROM ${s.table} r${where ? ` WHERE ${where}` : ''}`;
}

/** The FTS5 index over search_text (migration 11 makes it again, as here). */
export const SEARCH_INDEX = `CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
    body, folded, content = 'search_text', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
  );`;

/** Keeps the FTS5 index in step with search_text, row by row. */
export const SEARCH_TEXT_TRIGGERS = `CREATE TRIGGER IF NOT EXISTS search_text_insert AFTER INSERT ON search_text BEGIN
    INSERT INTO search_index (rowid, body, folded) VALUES (new.id, new.body, new.folded);
  END;
  CREATE TRIGGER IF NOT EXISTS search_text_delete AFTER DELETE ON search_text BEGIN
    INSERT INTO search_index (search_index, rowid, body, folded) VALUES ('delete', old.id, old.body, old.folded);
  END;
  CREATE TRIGGER IF NOT EXISTS search_text_update AFTER UPDATE ON search_text BEGIN
    INSERT INTO search_index (search_index, rowid, body, folded) VALUES ('delete', old.id, old.body, old.folded);
    INSERT INTO search_index (rowid, body, folded) VALUES (new.id, new.body, new.folded);
  END;`;

const triggers = KINDS.map((kind) => `
  ${insertTrigger(kind)}
  ${updateTrigger(kind)}
  ${deleteTrigger(kind)}
  ${indexRows(kind)};`).join('\n');

export const search = `
  CREATE TABLE IF NOT EXISTS search_text (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'deadline', 'name', 'source', 'case')),
    record_id TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    folded TEXT NOT NULL DEFAULT ''
  ) STRICT;

  ${SEARCH_INDEX}

  ${SEARCH_TEXT_TRIGGERS}
  ${triggers}
`;
