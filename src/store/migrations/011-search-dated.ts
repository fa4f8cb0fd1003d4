// Migration 11: the search index made again, for what its order and its text lacked.
//
// - Order. Search lists records alike in relevance newest first, and ranks a common word among its
//   newest 2,000 matches: newest was the latest stored (the highest rowid), so an import, which
//   stores records in the order of their ids, put a 2024 execution behind a thousand older reports,
//   and an old event added today went before the news. search_text.id, the index's rowid, is now
//   the record's own date as a number (an event's or deadline's date, a document's, a case's
//   opening; else the day it was recorded) times 2^29, plus a count of the records of that date in
//   the order they were stored: the highest rowids are the newest by date. A less precise date
//   counts as before the dates it holds ("1998" before "1998-01-01"), as a timeline sorts. People's
//   names take the highest number of all: they are always among those ranked. An edit of the date
//   moves the row.
// - Text. Beside a record's text the index holds its search form (domain/search-form.ts) where
//   the two differ: vowel signs out (as migration 9 did), ligatures, invisible characters inside
//   words, apostrophe letters, Arabic and Persian forms of one letter, umlauts and fullwidth letters
//   as plain letters. It is a generated column of search_text, written once here rather than in
//   each trigger; each group of characters is folded only in text that holds one of them, and text
//   in ASCII alone is not looked at further (every text was, against migration 9's 38 characters).
// - A case's countries and close reason are searched with its reference, title and summary.
//
// The pieces are exported for a large import (src/store/search-bulk.ts), as migration 2's are.
import { asRanges, type Folding, SEARCH_FOLDS } from '../../domain/search-form';
import type { DB } from '../open';
import { SEARCH_INDEX, SEARCH_SOURCES, SEARCH_TEXT_TRIGGERS, type SearchKind } from './002-search';

const char = (n: number) => `char(${n})`;
/** A string in SQL, built of char() where it is not plain ASCII letters (as migration 9's: this file is ASCII). */
const literal = (text: string) => (/^[A-Za-z]*$/.test(text) ? `'${text}'` : [...text].map((c) => char(c.codePointAt(0)!)).join(' || '));
/** A GLOB pattern matching text that holds any of the characters in the ranges. */
const holdsIn = (ranges: Array<[number, number]>) =>
  `'*[' || ${ranges.map(([a, b]) => (a === b ? char(a) : `${char(a)} || '-' || ${char(b)}`)).join(' || ')} || ']*'`;
const holdsAny = (folding: Folding) => holdsIn(asRanges(folding));
const folded = (folding: Folding, sql: string) => folding.reduce((inner, [n, as]) => `replace(${inner}, ${char(n)}, ${literal(as)})`, sql);

/**
 * Stretches of Unicode (inclusive) the characters folded lie in, each first tested as ranges of
 * characters up to `gap` apart: Latin's in a few (not so wide as to take in Cyrillic, or the dot
 * between a record's fields beside the soft hyphen); Hebrew's and Arabic's in one each, found at a
 * text's first letter; the rest in a few.
 */
const STRETCHES = [
  { from: 0x0080, to: 0x058f, gap: 0x10 }, { from: 0x0590, to: 0x05ff, gap: Infinity },
  { from: 0x0600, to: 0x06ff, gap: Infinity }, { from: 0x0700, to: 0xffff, gap: 0x40 },
];

/** SQL of the text's search form where it differs from the text, else '' (nothing more to index). */
export function searchFormOf(text: string): string {
  const { marks, letters, wide } = SEARCH_FOLDS;
  const widened = (sql: string) => `CASE WHEN ${text} GLOB ${holdsAny(wide)} THEN ${folded(wide, sql)} ELSE ${sql} END`;
  // A class is tested character by character against each of its ranges, so each stretch of
  // Unicode the characters lie in (Latin, Hebrew, Arabic, beyond) is first tested in a few wide
  // ranges, and only text in them against the characters themselves: text in another script
  // (Cyrillic, Chinese) is taken no further. Plain ASCII, and the dot between a record's fields,
  // before that: most text is looked at no further still.
  const all: Folding = [...marks, ...letters, ...wide];
  const stretches = STRETCHES.map(({ from, to, gap }) => {
    const part = all.filter(([n]) => n >= from && n <= to);
    const first = holdsIn(asRanges(part, gap));
    return gap === 1 ? `${text} GLOB ${first}` : `(${text} GLOB ${first} AND ${text} GLOB ${holdsAny(part)})`;
  });
  return `CASE WHEN ${text} NOT GLOB '*[^' || ${char(1)} || '-' || ${char(127)} || ${char(0xb7)} || ']*' THEN ''
    WHEN NOT (${stretches.join(' OR ')}) THEN ''
    WHEN ${text} GLOB ${holdsAny(marks)} THEN ${widened(folded(letters, folded(marks, text)))}
    WHEN ${text} GLOB ${holdsAny(letters)} THEN ${widened(folded(letters, text))}
    WHEN ${text} GLOB ${holdsAny(wide)} THEN ${folded(wide, text)}
    ELSE '' END`;
}

/** The column set of a record's text, its date, and the columns an update of which changes them. */
const SOURCES: Record<SearchKind, { body: (r: string) => string; dated?: (r: string) => string; columns: string }> = {
  event: { body: SEARCH_SOURCES.event.body, dated: (r) => `${r}.date`, columns: 'summary, place, actor, date' },
  deadline: { body: SEARCH_SOURCES.deadline.body, dated: (r) => `${r}.date`, columns: 'note, date' },
  name: { body: SEARCH_SOURCES.name.body, columns: 'name, folded' },
  source: { body: SEARCH_SOURCES.source.body, dated: (r) => `coalesce(${r}.date, substr(${r}.created_at, 1, 10))`, columns: 'title, publisher, ref, body, date' },
  case: {
    body: (r) => `concat_ws(' \u00b7 ', ${r}.ref, ${r}.title, ${r}.summary, (SELECT group_concat(value, ', ') FROM json_each(${r}.countries)), ${r}.close_reason)`,
    dated: (r) => `coalesce(${r}.opened, substr(${r}.created_at, 1, 10))`,
    columns: 'ref, title, summary, countries, close_reason, opened',
  },
};

/**
 * Bits of an id below its date's number: 536 million records a date. The date's number is below
 * 2^24, so that every id is an integer JavaScript holds exactly (under 2^53).
 */
const SEQ_BITS = 29;
/** Above every date's number (9999-12-31 is 16,120,454): people's names. */
const NAMES = 2 ** 24 - 1;

/** A date (ISO at its precision) as a number: its first day's, three apart, a year before its January, a month before its first day. */
const dateNumber = (iso: string) =>
  `coalesce(CAST(julianday(substr(${iso} || '-01-01', 1, 10)) AS INTEGER) * 3 + (length(${iso}) >= 7) + (length(${iso}) >= 10), 0)`;
const dateOf = (kind: SearchKind, r: string) => {
  const dated = SOURCES[kind].dated;
  return dated ? dateNumber(dated(r)) : `${NAMES}`;
};
/** The next free id of a date: after those stored with it. */
const nextId = (date: string) =>
  `(SELECT coalesce(max(s.id) + 1, (${date}) << ${SEQ_BITS}) FROM search_text s WHERE s.id >= ((${date}) << ${SEQ_BITS}) AND s.id < ((${date}) + 1) << ${SEQ_BITS})`;
const nameFold = (kind: SearchKind, r: string) => (kind === 'name' ? `${r}.folded` : `''`);
const table = (kind: SearchKind) => SEARCH_SOURCES[kind].table;

/** search_text as this migration makes it (made when asked: every command loads the migrations, few run this one). */
export const searchTextTable = (): string => `CREATE TABLE IF NOT EXISTS search_text (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'deadline', 'name', 'source', 'case')),
    record_id TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    name_fold TEXT NOT NULL DEFAULT '',
    folded TEXT GENERATED ALWAYS AS (CASE WHEN kind = 'name' THEN name_fold ELSE ${searchFormOf('body')} END) STORED
  ) STRICT;`;

/** The trigger that puts a new record's text into search_text. */
export function insertTrigger(kind: SearchKind): string {
  const s = SOURCES[kind];
  return `CREATE TRIGGER IF NOT EXISTS search_${table(kind)}_insert AFTER INSERT ON ${table(kind)} BEGIN
    DELETE FROM search_text WHERE record_id = new.id;
    INSERT INTO search_text (id, kind, record_id, body, name_fold)
      VALUES (${nextId(dateOf(kind, 'new'))}, '${kind}', new.id, coalesce(${s.body('new')}, ''), ${nameFold(kind, 'new')});
  END;`;
}

function updateTrigger(kind: SearchKind): string {
  const s = SOURCES[kind];
  const date = dateOf(kind, 'new');
  return `CREATE TRIGGER IF NOT EXISTS search_${table(kind)}_update AFTER UPDATE OF ${s.columns} ON ${table(kind)} BEGIN
    UPDATE search_text SET body = coalesce(${s.body('new')}, ''), name_fold = ${nameFold(kind, 'new')},
      id = CASE WHEN id >> ${SEQ_BITS} = ${date} THEN id ELSE ${nextId(date)} END
      WHERE record_id = new.id;
  END;`;
}

/**
 * Indexes a table's records that search_text lacks (those matching `where`, when given), in one
 * statement: the ids each date's records take follow those it has, in the order the records were stored.
 */
export function indexRows(kind: SearchKind, where?: string): string {
  const s = SOURCES[kind];
  return `INSERT OR IGNORE INTO search_text (id, kind, record_id, body, name_fold)
    SELECT (dated << ${SEQ_BITS}) + coalesce((SELECT max(s.id) + 1 - (dated << ${SEQ_BITS}) FROM search_text s WHERE s.id >= (dated << ${SEQ_BITS}) AND s.id < (dated + 1) << ${SEQ_BITS}), 0)
           + row_number() OVER (PARTITION BY dated ORDER BY stored) - 1, '${kind}', id, body, name_fold
      FROM (SELECT r.id, coalesce(${s.body('r')}, '') AS body, ${nameFold(kind, 'r')} AS name_fold, ${dateOf(kind, 'r')} AS dated, r.rowid AS stored
              FROM ${table(kind)} r${where ? ` WHERE ${where}` : ''})`;
}

const KINDS = Object.keys(SEARCH_SOURCES) as SearchKind[];

export function searchByDate(db: DB): void {
  // A development database without the search index has nothing to make again (doctor names what it lacks).
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_text'").get()) return;
  for (const kind of KINDS) db.exec(`DROP TRIGGER IF EXISTS search_${table(kind)}_insert; DROP TRIGGER IF EXISTS search_${table(kind)}_update;`);
  // Their own triggers go with them; the records' delete triggers stay, as they were.
  db.exec('DROP TABLE search_index; DROP TABLE search_text;');
  db.exec(searchTextTable());
  for (const kind of KINDS) db.exec(indexRows(kind));
  db.exec(SEARCH_INDEX);
  db.exec("INSERT INTO search_index (search_index) VALUES ('rebuild')");
  db.exec(SEARCH_TEXT_TRIGGERS);
  for (const kind of KINDS) db.exec(`${insertTrigger(kind)}\n${updateTrigger(kind)}`);
}
