// Telling an open that failed because the file was swapped under it. A restore, an encrypt or a
// rekey in another caselog holds the old file alone, renames the new one into its place, overwrites
// the old one with zeros and only then lets it go (restore.ts, trust-crypto.ts). A caselog that
// opened the path just before the rename waited for that lock on the old file, and then read zeros:
// SQLite's "not a database", which open-errors.ts had to put as "not a caselog database, or it is
// encrypted". Only the path tells the two apart: it names another file than it did before the open.
import { statSync } from 'node:fs';

/** How often an open is made again after the file was replaced under it, before it gives up. */
export const OPEN_TRIES = 3;

/** Which file the path names now (device and inode), or undefined when it names none. */
export function fileAt(path: string): string | undefined {
  try {
    const { dev, ino } = statSync(path, { bigint: true });
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Whether the path names another file than `before` did: the file was replaced since. A file made
 * where there was none is not (the open made it), nor one gone (nothing caselog does removes it).
 */
export function replacedSince(path: string, before: string | undefined): boolean {
  const now = fileAt(path);
  return before !== undefined && now !== undefined && now !== before;
}

export const replacedMessage = (path: string): string =>
  `${path} was replaced by another caselog (a restore, encrypt or rekey) each time this command opened it: run the command again`;
