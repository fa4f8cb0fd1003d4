// A database file and the files SQLite keeps beside it, on disk: removing them together, and putting
// a finished new file in place without ever showing another caselog a half-made one.
import { constants, copyFileSync, linkSync, lstatSync, readlinkSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { UserError } from '../errors';

/** A database file with the -wal, -shm and -journal files SQLite keeps beside it. */
export function removeDatabaseFiles(path: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${side}`, { force: true });
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
