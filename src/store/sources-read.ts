// Reading sources for `show ID` and `list sources`: the events that cite one, and every source with
// how many events cite it. A document's text is never read here, only its length.
import type { EventRecord, SourceRecord } from '../domain/model';
import { SOURCE_COLUMNS } from './reader-sources';
import { firstRows, sourceFrom, type Row } from './rows';
import type { SqliteStore } from './sqlite-store';

export interface ListedSource { source: SourceRecord; events: number }

/**
 * Every source with the number of events citing it, by date (undated last), then title: the first
 * `limit` (0: all), and how many there are.
 */
export async function sourcesWithCitations(store: SqliteStore, limit = 0): Promise<{ sources: ListedSource[]; total: number }> {
  const { rows, total } = firstRows(store.db, {
    select: `${SOURCE_COLUMNS}, (SELECT count(*) FROM event_sources es WHERE es.source_id = s.id) AS events`,
    from: 'FROM sources s',
    order: 's.date IS NULL, s.date, s.title COLLATE NOCASE, s.id',
  }, {}, limit);
  return { sources: rows.map((r) => ({ source: sourceFrom(r), events: r.events as number })), total };
}

/** The events citing the source, in date order. */
export async function eventsCiting(store: SqliteStore, sourceId: string): Promise<EventRecord[]> {
  const ids = (store.db.prepare(
    'SELECT e.id FROM event_sources es JOIN events e ON e.id = es.event_id WHERE es.source_id = ? ORDER BY e.date, e.created_at, e.id',
  ).all(sourceId) as Row[]).map((r) => r.id as string);
  const events = store.read.eventsByIds(ids);
  return ids.map((id) => events.get(id)!);
}

/** The length in characters of the document ingested as this source; undefined for a source recorded by hand. */
export async function documentLength(store: SqliteStore, sourceId: string): Promise<number | undefined> {
  const row = store.db.prepare('SELECT length(body) AS length FROM sources WHERE id = ?').get(sourceId) as Row | undefined;
  return row?.length == null ? undefined : (row.length as number);
}
