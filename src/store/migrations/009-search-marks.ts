// Migration 9: the text of events, deadlines, sources and cases is indexed for search also without
// its vowel signs and with plain letters for the Latin letters no accent-stripping reaches
// (domain/text-marks.ts), beside it as a name's fold is: a summary that writes a name with Arabic
// short vowels or Hebrew points is found by the name as it is mostly typed, without them, and
// "Wei\u00DF" or "K\u0131l\u0131\u00E7" by "Weiss" or "Kilic".
// Only text that holds such signs or letters gets the copy (the rest keeps '' there, as before); the insert and
// update triggers of migration 2 are made again with the new copy, and the rows stored already that
// hold marks get theirs (the search_text update trigger indexes them again).
import { markCodePoints, PLAIN_LETTERS, WORD_MARKS } from '../../domain/text-marks';
import type { DB } from '../open';
import { type Fold, indexRows, insertTrigger, SEARCH_SOURCES, type SearchKind, updateTrigger } from './002-search';

const char = (n: number) => `char(${n})`;
/** A GLOB pattern that matches text holding any of the signs or letters (built of char(): this file is ASCII). */
const HAS_MARKS = `'*[' || ${[
  ...WORD_MARKS.map(([a, b]) => (a === b ? char(a) : `${char(a)} || '-' || ${char(b)}`)),
  ...PLAIN_LETTERS.map(([n]) => char(n)),
].join(' || ')} || ']*'`;

/** SQL for the text without its signs and with plain letters, where it has any; else '' (nothing more to index). */
export function withoutMarks(text: string): string {
  const unsigned = markCodePoints().reduce((sql, n) => `replace(${sql}, ${char(n)}, '')`, text);
  const plain = PLAIN_LETTERS.reduce((sql, [n, letters]) => `replace(${sql}, ${char(n)}, '${letters}')`, unsigned);
  return `CASE WHEN ${text} GLOB ${HAS_MARKS} THEN ${plain} ELSE '' END`;
}

/** The newest fold: a name's as stored, other records' text without its marks. */
export const newestFold: Fold = (kind, r) =>
  (kind === 'name' ? SEARCH_SOURCES.name.folded(r) : withoutMarks(`coalesce(${SEARCH_SOURCES[kind].body(r)}, '')`));

/** The insert trigger and the bulk indexing of the newest schema (src/store/search-bulk.ts). */
export const newestInsertTrigger = (kind: SearchKind): string => insertTrigger(kind, newestFold);
export const newestIndexRows = (kind: SearchKind, where?: string): string => indexRows(kind, where, newestFold);

const MARKED: SearchKind[] = ['event', 'deadline', 'source', 'case'];

export function searchMarks(db: DB): void {
  // A development database without the search index has nothing to fold (doctor names what it lacks).
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_text'").get()) return;
  for (const kind of MARKED) {
    const table = SEARCH_SOURCES[kind].table;
    db.exec(`DROP TRIGGER IF EXISTS search_${table}_insert; DROP TRIGGER IF EXISTS search_${table}_update;`);
    db.exec(insertTrigger(kind, newestFold));
    db.exec(updateTrigger(kind, newestFold));
  }
  db.exec(`UPDATE search_text SET folded = ${withoutMarks('body')} WHERE kind <> 'name' AND body GLOB ${HAS_MARKS}`);
}
