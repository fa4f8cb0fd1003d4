// An erase's rewrite of the file as a new copy renamed into its place, for a connection that is done
// with the file (the erase commands, an open that finishes an owed rewrite). VACUUM in place builds
// the whole new file in memory first (temp_store is MEMORY, so that nothing unencrypted reaches a
// temporary file): 1.5 GB for a database of a million events. VACUUM INTO writes it to disk beside
// the database instead, under the same key, and the old file is overwritten with zeros once it has
// no name, as encrypt and rekey do (trust-crypto.ts).
import { chmodSync, closeSync, openSync, realpathSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { removeDatabaseFiles } from './database-files';
import { letGo, takeAlone } from './hold-alone';
import type { DB } from './open';
import { syncFile } from './restore';
import { scrubOldFile, syncFolder } from './trust-crypto';
import { unfinishedCopyOf } from './trust-copy';

/**
 * The file rewritten as a copy renamed over it, without the erase's mark; the connection is closed
 * (it has the old file, zeros by then). False, with nothing changed and the connection as it was,
 * where a copy cannot stand in for the file: another connection has it open, a second name (a hard
 * link) or another owner would keep or lose the old one, the folder is not writable, the disk is full.
 */
export function rewriteByCopy(db: DB): boolean {
  const real = realpathSync(db.name);
  const { nlink, uid, mode } = statSync(real);
  if (nlink > 1 || (process.getuid !== undefined && uid !== process.getuid())) return false;
  const copy = unfinishedCopyOf(real);
  let old: number | undefined;
  // Tried at once: when another connection has the file, the rewrite in place waits for it as before.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma('busy_timeout = 0');
    takeAlone(db, db.name);
  } catch {
    letGo(db);
    return false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  try {
    // A killed run's copy: nobody else can be writing one while we hold the database.
    removeDatabaseFiles(copy);
    // Owner-only from its first byte; the database's own permissions once it is whole.
    closeSync(openSync(copy, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(copy);
    finishCopy(db, copy);
    chmodSync(copy, mode & 0o777);
    syncFile(copy);
    // Opened before the rename, while the name is still the old file's: scrubbed below.
    old = openSync(real, 'r+');
    renameSync(copy, real);
  } catch {
    if (old !== undefined) closeSync(old);
    removeDatabaseFiles(copy);
    letGo(db);
    db.pragma(`busy_timeout = ${timeout}`);
    return false;
  }
  const quiet = () => {};
  syncFolder(dirname(real), quiet);
  scrubOldFile(old, real, quiet);
  db.close();
  // Only after the connection: closing any descriptor of a file drops all of this process's locks on it.
  closeSync(old);
  return true;
}

/**
 * The copy, attached (so under the database's key, as VACUUM INTO wrote it): no longer marked as
 * owing a rewrite, and in WAL mode from its first open, as every caselog database is.
 */
function finishCopy(db: DB, copy: string): void {
  db.prepare('ATTACH ? AS erase_copy').run(copy);
  try {
    db.pragma('erase_copy.application_id = 0');
    db.pragma('erase_copy.journal_mode = WAL');
  } finally {
    db.exec('DETACH erase_copy');
  }
}
