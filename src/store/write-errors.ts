// What SQLite's refusal of a write means to a caseworker: one plain line, and nothing changed.
import { BusyError, missingTableMessage, missingTableOf, UserError } from '../errors';
import { DISK_ERROR } from '../machine-errors';
import { othersSideFilesMessage } from './side-files';
import { readOnlyRefusal } from './open-errors';

/** path: the database written to, whose -wal and -shm may be what refused the write. */
export function translateWriteError(error: unknown, path?: string): Error {
  if (error instanceof UserError) return error;
  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_CORRUPT_INDEX, ...) mean what their base code means.
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_FULL')) return new UserError('the disk is full: nothing was changed');
  // A -wal or -shm another user left beside a database we may write: the file itself is not read-only.
  const sideFiles = path !== undefined && /^SQLITE_(READONLY|PROTOCOL)/.test(code) ? othersSideFilesMessage(path) : undefined;
  if (sideFiles) return new UserError(sideFiles);
  // Its file, folder or disk read-only (an archived copy, a write-protected stick): which, and what helps.
  if (code.startsWith('SQLITE_READONLY')) return new UserError((path !== undefined && readOnlyRefusal(path)) || 'the database is read-only: nothing was changed');
  if (code.startsWith('SQLITE_BUSY')) return new BusyError('the database stayed busy in another caselog for too long: nothing was changed, try again');
  // A record this change links to was removed between its reading and its writing (another caselog
  // merged or deleted it): the transaction was refused whole.
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new UserError('a record this change refers to was deleted or merged meanwhile (by another caselog?): nothing was changed; run the command again');
  if (code.startsWith('SQLITE_CORRUPT')) return new UserError('the database is damaged: run "caselog doctor"; nothing was changed');
  if (code.startsWith('SQLITE_IOERR')) return new UserError(DISK_ERROR);
  const table = missingTableOf(error);
  if (table !== undefined) return new UserError(`${missingTableMessage(table)}; nothing was changed`);
  return error as Error;
}
