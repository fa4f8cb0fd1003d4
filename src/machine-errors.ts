// Conditions of the machine, not of caselog (a disk that fails or fills up, a file not this user's,
// a size limit), that reach the top without a message of their own: said in words with what to do,
// never as "unexpected error".
import { REASONS } from './fs-reasons';

/**
 * A disk that failed a read or a write (SQLite's "disk I/O error", EIO; a file grown past `ulimit -f`
 * too). A write is one transaction, which SQLite takes back whole: the database is as it was.
 */
export const DISK_ERROR = 'the disk reported an error (disk I/O error): nothing was changed; check that the disk is still there and has room '
  + '(a USB stick, a network folder), then run "caselog doctor"';

/** What the system calls that read rather than write are called. */
const READING = new Set(['open', 'read', 'stat', 'lstat', 'fstat', 'scandir', 'access', 'readlink', 'opendir']);

/** The line for an error of the machine; undefined for anything else (a fault of caselog's). */
export function machineProblem(error: unknown): string | undefined {
  const { code = '', path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code === 'EFBIG') return DISK_ERROR;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full: nothing was changed in the database; make room and try again';
  const reason = REASONS[code];
  if (reason === undefined || !path) return undefined;
  return `cannot ${READING.has(syscall ?? '') ? 'read' : 'write'} ${path}: ${reason}`;
}
