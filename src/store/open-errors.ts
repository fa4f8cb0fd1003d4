// Why a database could not be opened or made, in a caseworker's words: a wrong passphrase, a damaged
// or read-only file, a full disk, another caselog holding it too long.
import { accessSync, constants, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DamagedDatabaseError, UserError } from '../errors';
import { DISK_ERROR } from '../machine-errors';
import { ownedByAnother, whatToDo } from './open-access';
import { othersSideFilesMessage } from './side-files';

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

/**
 * Which is read-only, the file, its folder or the disk, and what helps; undefined when caselog may
 * write both. Reading works all the same (open-read-only.ts): it is every change that is refused.
 */
export function readOnlyPlace(path: string): { detail: string; fix: string } | undefined {
  const refusal = (place: string) => {
    try {
      accessSync(place, constants.W_OK);
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code;
    }
  };
  const folder = dirname(path);
  const [file, beside] = [refusal(path), refusal(folder)];
  const shut = (code: string | undefined) => code === 'EACCES' || code === 'EPERM';
  const elsewhere = 'copy it to a writable folder';
  if (file === 'EROFS' || beside === 'EROFS') return { detail: `${path} is on a read-only disk`, fix: elsewhere };
  if (shut(beside)) {
    const detail = `${shut(file) ? `${path} and ` : ''}the folder ${folder} ${shut(file) ? 'are' : 'is'} read-only, and caselog keeps its -wal and -shm files beside ${path}`;
    const fix = shut(file) && !ownedByAnother(path) && !ownedByAnother(folder) ? `run: chmod 700 "${folder}" && chmod 600 "${path}"` : whatToDo(folder, 'folder');
    return { detail, fix };
  }
  if (shut(file)) return { detail: `${path} is read-only`, fix: whatToDo(path, 'file') };
  return undefined;
}

/** A change refused because the database cannot be written where it is: one line, with what to do. */
export function readOnlyRefusal(path: string): string | undefined {
  const place = readOnlyPlace(path);
  return place && `${place.detail}: nothing was changed; ${place.fix}`;
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
  // Another user's -wal or -shm beside a file we may write (an upgrade or a repair at the open wrote).
  // One with changes in it that we may not write is not read either: SQLite says "locking protocol".
  const sideFiles = /^SQLITE_(READONLY|CANTOPEN|PROTOCOL)/.test(code) ? othersSideFilesMessage(path) : undefined;
  if (sideFiles) return new UserError(sideFiles);
  if (code.startsWith('SQLITE_READONLY') || (code === 'SQLITE_CANTOPEN' && !writable(path))) {
    const place = readOnlyPlace(path);
    return new UserError(place ? `${place.detail}: ${place.fix}` : `${path} is read-only, or on a read-only disk: copy it to a writable folder to use it`);
  }
  if (code === 'SQLITE_FULL' || (/^SQLITE_(IOERR|CANTOPEN)/.test(code) && diskFull(path))) {
    return new UserError(`the disk holding ${path} is full: nothing was changed; make room and try again`);
  }
  if (code.startsWith('SQLITE_BUSY')) return new UserError(`${path} is busy in another caselog for too long: try again`);
  if (code.startsWith('SQLITE_IOERR')) return new UserError(`cannot open ${path}: ${DISK_ERROR}`);
  if (code === 'SQLITE_CANTOPEN') return new UserError(`cannot open ${path}: check that its folder exists and is writable`);
  return new UserError(`cannot open ${path}: ${(error as Error).message}`);
}

/**
 * What SQLite's quick check finds wrong with an open database, or undefined: asked after a command
 * failed in a way caselog does not expect, since damaged pages can read as a missing value rather
 * than as SQLite's own "malformed" (a record cut short, a field read as null).
 */
export function damageFound(db: { open: boolean; pragma(source: string, options: { simple: true }): unknown }): string | undefined {
  if (!db.open) return undefined;
  try {
    const result = String(db.pragma('quick_check(1)', { simple: true }));
    return result === 'ok' ? undefined : result.replace(/^\*\*\* in database main \*\*\*\s*/, '').split('\n')[0];
  } catch (error) {
    return (error as Error).message;
  }
}
