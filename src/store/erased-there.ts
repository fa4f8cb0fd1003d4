// Someone the file's database erased for their safety whom this one still tracks: the file's
// records shared with them were rewritten there without them, and --replace would take those over
// here. What it would do to them (or did), read so that the refusal, the dry run and the import can
// say it before anything is lost: the events they would be taken off, and their status after.
import { idFingerprint } from '../domain/ids';
import type { ErasedMark } from '../exchange/erased';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

/** The people tracked here whom the file's "erased" marks name. */
export function trackedThere(store: SqliteStore, marks: ErasedMark[]): string[] {
  const erased = new Set(marks.filter((m) => m.kind === 'person').map((m) => m.fingerprint));
  if (erased.size === 0) return [];
  return (store.db.prepare('SELECT id FROM people').all() as Row[]).map((r) => r.id as string).filter((id) => erased.has(idFingerprint(id)));
}

/** Each person's status now (before an import that may change it); of everyone, without `ids`. */
export function statusesNow(store: SqliteStore, ids?: string[]): Map<string, string> {
  if (!ids) return new Map((store.db.prepare('SELECT id, status FROM people').all() as Row[]).map((r) => [r.id as string, r.status as string]));
  const get = store.db.prepare('SELECT status FROM people WHERE id = ?');
  return new Map(ids.map((id) => [id, ((get.get(id) as Row | undefined)?.status as string | undefined) ?? 'unknown']));
}

/** What an import (the batch it logged) did to them. */
export interface LostThere { id: string; events: string[]; statusBefore: string; statusAfter: string }

/**
 * batch: the one the import logged, or none when it changed nothing: the latest import's batch was
 * another's then (an import that changes nothing logs nothing), whose changes were said as this one's.
 */
export function lostThere(store: SqliteStore, ids: string[], before: Map<string, string>, batch: number | undefined): LostThere[] {
  const takenOff = store.db.prepare(
    `SELECT record_id FROM changes WHERE batch = @batch AND action = 'import' AND kind IN ('events', 'deadlines')
       AND EXISTS (SELECT 1 FROM json_each(before, '$.people') WHERE value = @id)
       AND NOT EXISTS (SELECT 1 FROM json_each(after, '$.people') WHERE value = @id) ORDER BY seq`,
  );
  const now = statusesNow(store, ids);
  return ids.map((id) => ({
    id, events: batch === undefined ? [] : (takenOff.all({ batch, id }) as Row[]).map((r) => r.record_id as string), statusBefore: before.get(id) ?? 'unknown', statusAfter: now.get(id) ?? 'unknown',
  }));
}

/** The work done and taken back (a --replace tried, to say what it would do): inside a transaction, to a savepoint. */
export async function triedAndTakenBack<T>(store: SqliteStore, work: () => Promise<T>): Promise<T> {
  if (!store.db.inTransaction) return store.rehearse(work);
  store.db.exec('SAVEPOINT caselog_tried');
  try {
    return await work();
  } finally {
    store.db.exec('ROLLBACK TO caselog_tried');
    store.db.exec('RELEASE caselog_tried');
  }
}
