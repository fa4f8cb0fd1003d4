// Making an opened file ready for caselog: proving it is caselog's (and the key right), the pragmas
// every connection needs, and what an earlier run left owed (an older schema, a change log to mend,
// an erase's rewrite).
import { repairChangeLog } from './change-log-repair';
import { rewriteAfterErase, rewriteOwed } from './erase-compact';
import type { DB } from './open';
import { SCHEMA_VERSION } from './schema';
import { upgradeSchema } from './upgrade';
import { UserError } from '../errors';

export function prepare(db: DB, path: string, existed: boolean, passphrase: string | undefined, warn?: (message: string) => void): void {
  db.pragma('busy_timeout = 15000');
  // Reading the version also proves the file is a readable SQLite database (and the key is right).
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      `${path} was written by a newer caselog (schema ${version}, this one knows ${SCHEMA_VERSION}): upgrade caselog; the file was not touched`,
    );
  }
  // Another program's database (tables, but not caselog's change log, which every schema has):
  // caselog would add its own tables beside them and switch its journal mode. Refused first.
  if (isForeign(db, version)) {
    throw new UserError(`${path} is an SQLite database of another program, not caselog's: give another --db; the file was not touched`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('synchronous = FULL');
  // WAL lets readers and writers work at once; a file copied or rekeyed in another mode is put back.
  if (!db.readonly && (db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode = WAL');
  // A copy in memory of a file on a read-only disk (open-read-only.ts) cannot be upgraded, nor the file.
  if (version < SCHEMA_VERSION && db.readonly) {
    throw new UserError(`${path} was written by an older caselog (schema ${version}) and must be upgraded to be used, which writes to it, but it is read-only: copy it to a writable folder and use it there`);
  }
  if (version < SCHEMA_VERSION) upgradeSchema(db, { path, existed, passphrase, warn });
  if (!db.readonly) {
    repairChangeLog(db);
    finishInterruptedErase(db, warn);
  }
}

/**
 * An erase commits, then rewrites the file so that no free page keeps what it removed. Killed or
 * crashed between the two, or stopped by another program's lock, the rewrite is owed (see
 * erase-compact.ts): the next caselog to open the file for writing does it. The test is a read of the
 * file header. Never in the way of the command itself: no wait for another caselog's lock, and a
 * failure (the lock, a full disk) leaves the mark for the next open.
 */
function finishInterruptedErase(db: DB, warn?: (message: string) => void): void {
  if (!rewriteOwed(db)) return;
  db.pragma('busy_timeout = 0');
  try {
    // Said: the erase that owed it ended without saying so (killed), or said this command would do it.
    // Closing the connection when the file is replaced by a copy: openDatabase then opens the new one.
    if (rewriteAfterErase(db, { closing: true })) warn?.('finished an earlier erase: the file was rewritten so that nothing it erased stays in it');
  } catch {
    // Owed still: tried again at the next open.
  } finally {
    if (db.open) db.pragma('busy_timeout = 15000');
  }
}

/** Another program's database: tables, but not caselog's change log (which every schema has). */
export function isForeign(db: DB, version: number): boolean {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('changes', 'cases', 'people') ORDER BY name").pluck().all() as string[];
  if (version > 0) return tables.length < 3;
  return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n > 0;
}
