// Reading what a database whose schema is damaged still holds, for an export that saves it. SQLite
// refuses every statement on a file whose schema text does not parse (a damaged trigger or index
// definition): with writable_schema on (and the connection's defensive mode off, which forbids it)
// it skips the entries it cannot parse and reads the tables whose own definitions are whole. The
// connection is read-only: nothing is ever written through it.
import Database from 'better-sqlite3-multiple-ciphers';
import { UserError } from '../errors';
import { driverAddon } from './driver-addon';
import type { DB } from './open';
import { applyKey, lookAtFile } from './trust-key';

export function openToRecover(path: string, passphrase: string | undefined): DB {
  const keyed = lookAtFile(path) === 'other';
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 15000, nativeBinding: driverAddon() });
  try {
    if (keyed && passphrase) applyKey(db, passphrase);
    db.unsafeMode(true);
    db.pragma('temp_store = MEMORY');
    db.pragma('writable_schema = ON');
    db.pragma('user_version', { simple: true });
    return db;
  } catch (error) {
    db.close();
    throw new UserError(`${path} is damaged beyond what caselog can read (${(error as Error).message}): restore the latest backup (caselog restore FILE)`);
  }
}

/** In a database read so, a section cannot be read when its pages are damaged or its table's definition was skipped. */
export function unreadableInRecovery(error: unknown): boolean {
  return /^SQLITE_/.test((error as { code?: string } | undefined)?.code ?? '');
}
