// A record asked for by id that is no longer in the database, as the change log remembers it: another
// caselog (a colleague's, on a shared database) deleted it a moment ago, or an undo took it back.
import type { SqliteStore } from './sqlite-store';
import { loggedIdsByPrefix } from './trust-audit';

/** The change that took the record away: what it was, when (real time) and by which OS user. */
export interface GoneRecord { id: string; action: string; at: string; user: string | null }

/**
 * The one record of this section (deadlines, events, ...) whose id starts with the prefix that the log
 * holds and whose newest change left nothing after it; undefined when none, or several, fit.
 */
export function goneRecord(store: SqliteStore, section: string, prefix: string): GoneRecord | undefined {
  const ids = loggedIdsByPrefix(store, section, prefix);
  if (ids.length !== 1) return undefined;
  const last = store.db.prepare(`SELECT action, at, os_user AS user, after FROM changes WHERE record_id = ? ORDER BY seq DESC LIMIT 1`)
    .get(ids[0]) as { action: string; at: string; user: string | null; after: string | null } | undefined;
  if (!last || (last.after !== null && last.after !== 'null')) return undefined;
  return { id: ids[0]!, action: last.action, at: last.at, user: last.user };
}
