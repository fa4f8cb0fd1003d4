// A database file and the files SQLite keeps beside it, on disk: removing them together, and putting
// a finished new file in place without ever showing another caselog a half-made one.
import Database from 'better-sqlite3-multiple-ciphers';
import { constants, copyFileSync, existsSync, linkSync, lstatSync, readlinkSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { UserError } from '../errors';
import { driverAddon } from './driver-addon';
import { applyKey } from './trust-key';

/** A database file with the -wal, -shm and -journal files SQLite keeps beside it. */
export function removeDatabaseFiles(path: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${side}`, { force: true });
}

/** Whether the -wal or -shm SQLite keeps beside a database in WAL mode is there. */
export function hasSideFiles(path: string): boolean {
  return existsSync(`${path}-wal`) || existsSync(`${path}-shm`);
}

/**
 * Removes the -wal and -shm that a read-only look at the database made beside it (doctor's): a
 * read-only connection may not remove them, and they stayed. Not by deleting them: another caselog
 * that opened the database meanwhile uses them, and would lose its changes. A connection that may
 * write, closed as the last one, removes them itself under SQLite's lock, and leaves them to any other
 * connection. It only reads the schema; a failure leaves the files as they are.
 */
export function removeSideFilesMade(path: string, passphrase: string | undefined): void {
  if (!hasSideFiles(path)) return;
  try {
    const db = new Database(path, { fileMustExist: true, timeout: 1000, nativeBinding: driverAddon() });
    try {
      if (passphrase) applyKey(db, passphrase);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      db.close();
    }
  } catch {
    // Left as they are: they do no harm, and the next caselog that writes removes them.
  }
}

/**
 * Where a new database goes: the file a link at path points to, when it points to none yet (the link
 * itself would refuse the finished file as "there already", and SQLite would then make the file
 * through the link, readable by everyone).
 */
export function linkTarget(path: string, hops = 0): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
  } catch {
    return path;
  }
  if (hops >= 40) throw new UserError(`${path} is a link that leads round in a circle: give the database file with --db`);
  const target = readlinkSync(path);
  return linkTarget(isAbsolute(target) ? target : join(dirname(path), target), hops + 1);
}

/** Puts the finished file at path unless one is there already; whether it did. */
export function linkIntoPlace(partial: string, path: string): boolean {
  try {
    linkSync(partial, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (FAT on a USB stick): copied in, never over a file that is
    // there (a rename could replace one another caselog has written to meanwhile). Another caselog
    // opening it mid-copy finds it empty or damaged and says so; nothing written is lost.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    try {
      copyFileSync(partial, path, constants.COPYFILE_EXCL);
      return true;
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw copyError;
    }
  }
}
