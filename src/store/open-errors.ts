// Why a database could not be opened or made, in a caseworker's words: a wrong passphrase, a damaged
// or read-only file, a full disk, another caselog holding it too long.
import { accessSync, constants, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DamagedDatabaseError, UserError } from '../errors';

/** Whether we may write the file and create its -wal and -shm beside it. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether the disk holding the file has no room left: an I/O error there means just that. */
export function diskFull(path: string): boolean {
  try {
    return statfsSync(dirname(path)).bavail === 0;
  } catch {
    return false;
  }
}

export function translateOpenError(error: unknown, path: string, keyed: boolean): Error {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new UserError(
      keyed
        ? `cannot read ${path}: wrong passphrase, or not a caselog database`
        : `${path} is not a caselog database, or it is encrypted (set CASELOG_PASSPHRASE)`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT')) return new DamagedDatabaseError(`${path} is damaged: run "caselog doctor" and restore from a backup`);
  if (code.startsWith('SQLITE_READONLY') || (code === 'SQLITE_CANTOPEN' && !writable(path))) {
    return new UserError(`${path} is read-only, or on a read-only disk: caselog cannot use it there; copy it to a writable folder`);
  }
  if (code === 'SQLITE_FULL' || (/^SQLITE_(IOERR|CANTOPEN)/.test(code) && diskFull(path))) {
    return new UserError(`the disk holding ${path} is full: nothing was changed; make room and try again`);
  }
  if (code.startsWith('SQLITE_BUSY')) return new UserError(`${path} is busy in another caselog for too long: try again`);
  if (code === 'SQLITE_CANTOPEN') return new UserError(`cannot open ${path}: check that its folder exists and is writable`);
  return new UserError(`cannot open ${path}: ${(error as Error).message}`);
}
