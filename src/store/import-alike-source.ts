// A source of a file under an id new here, without a reference, that looks like one stored here: the
// same URL, or the same title, publisher and date (two colleagues each added one report by hand). A
// reference names one source and is matched (import-same-reference.ts); without one nothing says
// they are one, so the file's is added beside it, and both are named in a note.
import { caseRefKey } from '../domain/model';
import type { DB } from './open';
import type { Row } from './rows';

type Obj = Record<string, unknown>;

/** The source here the file's looks like, and by what: its URL, or its title, publisher and date. */
export interface AlikeSource { here: string; by: 'url' | 'title' }

const titleKey = (title: unknown, publisher: unknown, date: unknown, approx: unknown) =>
  `${caseRefKey(String(title))}\u0000${publisher == null ? '' : caseRefKey(String(publisher))}\u0000${String(date)}\u0000${approx ? 1 : 0}`;

/**
 * Looks among the sources stored before the import (rowid up to `mark`), read once into two lookups
 * when the first source without a reference comes: sources have no index on URL or title. A title
 * alone (no publisher nor date) says too little. Sources each holding another document are two.
 */
export function alikeSourceFinder(db: DB, mark: number): (incoming: Obj) => AlikeSource | undefined {
  let byUrl: Map<string, Row> | undefined;
  let byTitle: Map<string, Row> | undefined;
  return (incoming) => {
    if (mark === 0 || (typeof incoming.ref === 'string' && incoming.ref.trim() !== '')) return undefined;
    if (!byUrl || !byTitle) {
      [byUrl, byTitle] = [new Map(), new Map()];
      for (const row of db.prepare('SELECT id, title, publisher, date, date_approx, url, hash FROM sources WHERE rowid <= ? ORDER BY rowid').all(mark) as Row[]) {
        if (typeof row.url === 'string' && row.url.trim() !== '' && !byUrl.has(row.url.trim())) byUrl.set(row.url.trim(), row);
        const key = titleKey(row.title, row.publisher, row.date, row.date_approx);
        if ((row.publisher != null || row.date != null) && !byTitle.has(key)) byTitle.set(key, row);
      }
    }
    const other = (row: Row | undefined) => row && row.hash != null && incoming.hash != null && row.hash !== incoming.hash;
    const url = typeof incoming.url === 'string' ? byUrl.get(incoming.url.trim()) : undefined;
    if (url && !other(url)) return { here: url.id as string, by: 'url' };
    const date = incoming.date as { date: string; approximate: boolean } | null;
    if (incoming.publisher == null && date == null) return undefined;
    const title = byTitle.get(titleKey(incoming.title, incoming.publisher, date?.date ?? null, date?.approximate ?? false));
    return title && !other(title) ? { here: title.id as string, by: 'title' } : undefined;
  };
}
