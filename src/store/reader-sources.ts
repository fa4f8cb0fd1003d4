// Sources as timelines cite them and lookups find them: by id, newest first, by reference, title or
// publisher. Read without the document's text, which can run to pages.
import { caseRefKey, type SourceRecord } from '../domain/model';
import { asTyped } from '../domain/text';
import type { DB } from './open';
import { allRows, oneRow, sourceFrom } from './rows';

/**
 * What a source record is read from: all but the document's text, which can run to pages (a source
 * a timeline cites was read whole, text and all, only to show its publisher and reference).
 */
export const SOURCE_COLUMNS = 's.id, s.title, s.publisher, s.ref, s.date, s.date_approx, s.date_text, s.url, s.reliability';

/** Text compared as typed: composed, trimmed, spacing collapsed, lowercase. */
const plainText = (text: string) => asTyped(text).toLowerCase();

export function sourceById(db: DB, id: string): SourceRecord | undefined {
  const row = oneRow(db, `SELECT ${SOURCE_COLUMNS} FROM sources s WHERE id = ?`, id);
  return row ? sourceFrom(row) : undefined;
}

/** Sources, the last recorded first (the one just added to cite is at hand); up to `limit`. */
export function sourcesNewest(db: DB, limit = -1): SourceRecord[] {
  return allRows(db, `SELECT ${SOURCE_COLUMNS} FROM sources s ORDER BY created_at DESC, rowid DESC LIMIT ?`, limit).map(sourceFrom);
}

/** A source named by its reference code, its exact title, or its id. */
export function findSources(db: DB, text: string): SourceRecord[] {
  return allRows(db,
    `SELECT ${SOURCE_COLUMNS} FROM sources s WHERE ref_key = @key OR lower(title) = lower(@text) OR id = lower(@text) ORDER BY created_at`,
    { key: caseRefKey(text), text: text.trim() },
  ).map(sourceFrom);
}

/**
 * Sources whose title starts with this text, ignoring case in any script (SQLite's lower() knows
 * only ASCII, so the titles are compared here): what a caseworker types of a long title. Only when
 * no reference or whole title fits, so reading every title is an error's path, or a rare one.
 */
export function sourcesTitled(db: DB, start: string): SourceRecord[] {
  const typed = plainText(start);
  const ids = allRows(db, 'SELECT id, title FROM sources ORDER BY created_at')
    .filter((r) => plainText(r.title as string).startsWith(typed)).slice(0, 10).map((r) => r.id as string);
  return ids.map((id) => sourceById(db, id)!);
}

/** Sources whose publisher is the text (capitals and spacing aside), newest first; up to ten. */
export function sourcesPublishedBy(db: DB, publisher: string): SourceRecord[] {
  const typed = plainText(publisher);
  const ids = allRows(db, 'SELECT id, publisher FROM sources WHERE publisher IS NOT NULL ORDER BY date DESC, created_at DESC')
    .filter((r) => plainText(r.publisher as string) === typed).slice(0, 10).map((r) => r.id as string);
  return ids.map((id) => sourceById(db, id)!);
}
