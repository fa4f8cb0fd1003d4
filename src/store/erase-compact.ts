// The second half of an erase: rewriting the file so that no free page or journal keeps what the
// erase removed. The erase's transaction marks the file as waiting for it (in the header's
// application id, which costs nothing to read at every open), and only a finished rewrite clears the
// mark: an erase killed between its commit and its rewrite, or whose rewrite another program's lock
// stopped, is finished by the next caselog to open the file for writing, however many commands later.
import { rewriteByCopy } from './erase-copy';
import type { DB } from './open';

/** "CSLE": an erase waits for its rewrite. Any other value (0 for every other database) means none does. */
const ERASE_PENDING = 0x43534c45;

/** Inside the erase's transaction: the rewrite is owed from the moment the erase commits. */
export function markRewriteOwed(db: DB): void {
  db.pragma(`application_id = ${ERASE_PENDING}`);
}

export function rewriteOwed(db: DB): boolean {
  return (db.pragma('application_id', { simple: true }) as number) === ERASE_PENDING;
}

/**
 * Rewrites the file without free pages and empties the write-ahead log, then clears the mark; false
 * when another program's lock kept the log from being emptied (the mark stays, for the next open).
 * `closing`: the caller is done with the connection, so the file may be replaced by a copy, which
 * needs no memory the size of the file (erase-copy.ts); the connection is then closed.
 */
export function rewriteAfterErase(db: DB, opts: { closing?: boolean } = {}): boolean {
  if (opts.closing && rewriteByCopy(db)) return true;
  db.pragma('secure_delete = ON');
  db.exec('VACUUM');
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  if (result && result.busy !== 0) return false;
  db.pragma('application_id = 0');
  // Clearing the mark wrote a frame to the log: emptied again (nothing of the person is in it).
  db.pragma('wal_checkpoint(TRUNCATE)');
  return true;
}
