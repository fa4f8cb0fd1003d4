// What the change log says of undo, read for the log's readers: which changes an undo reversed (they
// no longer stand), and what each undo reversed, said as undo said it (upkeep-undo.ts writes them).
import { parseLogged } from './trust-audit';
import type { SqliteStore } from './sqlite-store';

/** The undo that reversed a batch: when (real time, ISO, UTC) and by which OS user. */
export interface UndoneBy { at: string; user: string | null }

/**
 * Every batch an undo reversed, with the undo. An undo's own line is one of the few entries about no
 * one record: read through the record_id index, not by a scan of the whole log.
 */
export function undoneBatches({ db }: SqliteStore): Map<number, UndoneBy> {
  const rows = db.prepare(
    `SELECT json_extract(after, '$.batch') AS batch, at, os_user AS user FROM changes
      WHERE record_id IS NULL AND action = 'undo' AND kind = 'batch' AND json_valid(after) ORDER BY seq`,
  ).all() as Array<{ batch: unknown; at: string; user: string | null }>;
  return new Map(rows.filter((r) => typeof r.batch === 'number').map((r) => [r.batch as number, { at: r.at, user: r.user }]));
}

/** A record an undone batch changed, as its first change there logged it. */
export interface UndidRecord { kind: string; recordId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }

/**
 * What an undone batch did, as undo reverses it: each record by its first change there, put back
 * (it was there before) or removed (the batch added it); how many of each, and the first of each to
 * name them by; an import's file. Summed in SQL: an import undone may be a hundred thousand records.
 */
export interface UndidChanges { putBack: number; removed: number; firstPutBack?: UndidRecord; firstRemoved?: UndidRecord; file?: string }

export function undidChanges({ db }: SqliteStore, batch: number): UndidChanges {
  const sums = db.prepare(
    `WITH firsts AS (SELECT min(seq) AS seq FROM changes WHERE batch = @batch AND record_id IS NOT NULL
        AND NOT (action = 'import' AND kind = 'file') GROUP BY kind, record_id),
      marked AS (SELECT c.seq, coalesce(c.before, 'null') <> 'null' AS back FROM firsts JOIN changes c ON c.seq = firsts.seq)
     SELECT count(*) FILTER (WHERE back) AS putBack, count(*) FILTER (WHERE NOT back) AS removed,
       min(seq) FILTER (WHERE back) AS firstPutBack, min(seq) FILTER (WHERE NOT back) AS firstRemoved FROM marked`,
  ).get({ batch }) as { putBack: number; removed: number; firstPutBack: number | null; firstRemoved: number | null };
  const entry = db.prepare('SELECT kind, record_id, before, after FROM changes WHERE seq = ?');
  const record = (seq: number | null): UndidRecord | undefined => {
    if (seq === null) return undefined;
    const r = entry.get(seq) as { kind: string; record_id: string; before: string | null; after: string | null };
    return { kind: r.kind, recordId: r.record_id, before: parseLogged(r.before), after: parseLogged(r.after) };
  };
  const file = parseLogged((db.prepare(`SELECT after FROM changes WHERE batch = ? AND action = 'import' AND kind = 'file'`).get(batch) as
    { after: string | null } | undefined)?.after)?.file;
  const firstPutBack = record(sums.firstPutBack);
  const firstRemoved = record(sums.firstRemoved);
  return {
    putBack: sums.putBack, removed: sums.removed, ...(firstPutBack ? { firstPutBack } : {}), ...(firstRemoved ? { firstRemoved } : {}),
    ...(typeof file === 'string' ? { file } : {}),
  };
}
