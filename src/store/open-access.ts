// Whether this user may reach, read and write beside the database file, said before SQLite tries:
// SQLite says only "unable to open database file", and a file behind a folder closed to us looks like
// no file at all (existsSync answers false), so it was reported missing and a first write then failed
// on its own clean-up ("unexpected error: EACCES ... lstat").
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, parse, sep } from 'node:path';

/** What stands in the way, and what to do about it. */
export interface AccessProblem { detail: string; fix: string }

const denied = (error: unknown) => ['EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Undefined when the file (or the place for it) can be reached and, if there, read. */
export function accessProblem(path: string): AccessProblem | undefined {
  try {
    statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if (!denied(error)) return undefined;
    const folder = closedFolder(path);
    return { detail: `cannot reach ${path}: permission denied on its folder${folder ? ` ${folder}` : ''}`, fix: whatToDo(folder ?? dirname(path), 'folder') };
  }
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isFile()) accessSync(path, constants.R_OK);
  } catch (error) {
    if (!denied(error)) return undefined;
    return { detail: `cannot read ${path}: permission denied`, fix: whatToDo(path, 'file') };
  }
  return undefined;
}

/** The outermost folder on the path that this user may not enter, as typed (relative stays relative). */
function closedFolder(path: string): string | undefined {
  const folder = dirname(path);
  const { root } = parse(folder);
  let at = root;
  for (const part of folder.slice(root.length).split(sep).filter((p) => p !== '')) {
    at = at === '' ? part : join(at, part);
    try {
      accessSync(at, constants.X_OK);
    } catch (error) {
      if (denied(error)) return at;
      return undefined;
    }
  }
  return undefined;
}

/**
 * Whose it is decides what helps: one's own file or folder is opened with chmod; another user's is
 * theirs to share, and never a live file for two (see README, "Sharing with a colleague").
 */
export function whatToDo(place: string, what: 'file' | 'folder', making = false): string {
  if (ownedByAnother(place)) {
    return `the ${what} belongs to another user of this computer: ${making ? 'give a file in a folder of your own with --db'
      : 'ask them for a copy (caselog backup or caselog export), or give a database of your own with --db'}`;
  }
  return `run: chmod ${what === 'file' ? '600' : '700'} "${place}"`;
}

/** Whether the file or folder belongs to a user other than this one (false when it cannot be told). */
export function ownedByAnother(place: string): boolean {
  if (process.platform === 'win32' || !process.getuid) return false;
  try {
    return statSync(place).uid !== process.getuid();
  } catch {
    return false;
  }
}

/**
 * Whether every user of this computer may read the file (or more). A file shared with the group
 * only (640) is shared on purpose, with a colleague: no warning at every command, whose chmod 600
 * would lock them out.
 */
export function openToAll(path: string): boolean {
  return process.platform !== 'win32' && (statSync(path).mode & 0o007) !== 0;
}

export function readableByAllWarning(path: string): string {
  const fix = ownedByAnother(path) ? 'its owner can make it theirs alone (chmod 600), or their group\'s (chmod 640)'
    : `run: chmod 600 "${path}" (chmod 640 if a colleague in your group reads it)`;
  return `warning: ${path} can be read by every user of this computer; ${fix}`;
}

/** Whether this user may write the file (false when it is not there). */
export function mayWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
