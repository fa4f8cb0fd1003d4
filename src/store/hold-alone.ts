// Holding the database alone, for the commands that replace its file (restore, encrypt, rekey), and
// letting it go again when they stop before the replacement.
import { UserError } from '../errors';
import { waitStopping, WAITING } from './busy-wait';
import type { DB } from './open';

/** Another caselog has the database: what holdAlone waits out (busy), or refuses at once (open). */
class InUse extends UserError {}

export function inUse(path: string): UserError {
  return new InUse(`${path} is in use by another caselog: close it and try again; nothing was changed`);
}

/**
 * Leaving WAL mode needs the only connection to the file: that is how we know nobody else has it
 * open. The exclusive lock is then taken and kept (exclusive locking mode holds it past the
 * transaction, until the connection closes), so from here until the new file has replaced this
 * one nobody reads or writes it. Copying the file with Node would not do: closing a descriptor
 * drops the process's locks, so the copy is read through SQLite's own connection (VACUUM INTO).
 * A wait of more than a second for another caselog is said through `warn`, and `point` is awaited
 * between the waits (busy-wait.ts): each step can be taken again after it failed as in use.
 */
export async function holdAlone(db: DB, path: string, warn: (message: string) => void, point: () => Promise<void>): Promise<void> {
  await waitStopping(db, () => takeAlone(db, path), () => warn(WAITING), point, (error) => error instanceof InUse);
}

/** holdAlone at once, without waiting: throws as in use when another connection has the file. */
export function takeAlone(db: DB, path: string): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    if ((db.pragma('journal_mode = DELETE', { simple: true }) as string) !== 'delete') throw inUse(path);
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    // Another caselog may have opened it between the two steps and put it back into WAL mode.
    if ((db.pragma('journal_mode', { simple: true }) as string) !== 'delete') throw inUse(path);
  } catch (error) {
    if (/^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '')) throw inUse(path);
    throw error;
  }
}

/** After a failure before the rename: the database as every caselog expects it, shared and in WAL mode. */
export function letGo(db: DB): void {
  try {
    // Without waiting: when another caselog has it, that one has already put it back into WAL mode.
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = NORMAL');
    db.pragma('journal_mode = WAL');
  } catch {
    // The next caselog to open it puts it back into WAL mode.
  }
}
