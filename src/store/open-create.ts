// A new database, made whole before anyone may open it: the first writing command on a file that is
// not there yet comes here, and so may two caselogs started at once.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { whatToDo } from './open-access';
import { makeFolders, REASONS, removeEmptyFolders, removeStalePartials } from '../exchange/folders';
import { UserError } from '../errors';
import { linkIntoPlace, linkTarget, removeDatabaseFiles } from './database-files';
import { driverAddon } from './driver-addon';
import { translateOpenError } from './open-errors';
import { prepare } from './open-prepare';
import { applyKey } from './trust-key';

/**
 * Makes a new database whole under a temporary name (NAME.partial-PID, owner-only) and links it into
 * place, so that no other caselog ever opens it half made: two commands starting at once on a new
 * file both used to set it up, and one of them failed ("busy", or "another program's database").
 * The folders made for it when this call made it; undefined when another caselog made it a moment
 * before (its file is then used).
 */
export function createDatabase(path: string, passphrase: string | undefined): string[] | undefined {
  const folders = makeFolders(dirname(path));
  removeStalePartials(path);
  const partial = `${path}.partial-${process.pid}`;
  try {
    closeSync(openSync(partial, 'wx', 0o600));
    chmodSync(partial, 0o600);
    const db = new Database(partial, { timeout: 15000, nativeBinding: driverAddon() });
    try {
      if (passphrase) applyKey(db, passphrase);
      prepare(db, partial, false, passphrase);
    } finally {
      db.close();
    }
    return linkIntoPlace(partial, linkTarget(path)) ? folders : undefined;
  } catch (error) {
    tidyAway(partial);
    removeEmptyFolders(folders);
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith('SQLITE_') || code === undefined) throw translateOpenError(error, path, Boolean(passphrase));
    throw new UserError(cannotCreate(path, error as NodeJS.ErrnoException));
  } finally {
    tidyAway(partial);
  }
}

/** The half-made file goes; one that cannot be removed must not hide why it could not be made. */
function tidyAway(partial: string): void {
  try {
    removeDatabaseFiles(partial);
  } catch {
    // Left beside the database: doctor names it, with the command that removes it.
  }
}

/** Why the file could not be made, and what to do: never a bare error code. */
function cannotCreate(path: string, error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  // The place written to: where a link leads (linking the finished file into place), else beside path.
  const folder = dirname((error as { dest?: string }).dest ?? path);
  if (code === 'EACCES' || code === 'EPERM') return `cannot create ${path}: the folder ${folder} is not writable by you; ${whatToDo(folder, 'folder', true)}`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return `cannot create ${path}: the disk is full; make room and try again`;
  if (code === 'EROFS') return `cannot create ${path}: the disk is read-only; give a file on another disk with --db`;
  const target = linkTarget(path);
  if (code === 'ENOENT' && target !== path) return `cannot create ${path}: it is a link to ${target}, whose folder does not exist; make that folder, or give another file with --db`;
  return `cannot create ${path}: ${REASONS[code] ?? (code || error.message)}`;
}
