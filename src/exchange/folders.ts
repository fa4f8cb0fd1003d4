// Creating a folder and the folders above it, owner-only, with an error a user can read.
//
// Not mkdirSync's `recursive`: on Node 20 it spins forever when a parent answers ENOENT for a
// child it cannot hold (a path under /proc), where a caseworker's typo must get one line and exit 1.
// Each missing level is made in turn, from the nearest one that exists.
import { mkdirSync, readdirSync, realpathSync, rmdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { shellPath } from '../domain/shell-path';
import { UserError } from '../errors';
import { REASONS } from '../fs-reasons';

export { REASONS };


/** A path's stat, undefined when nothing is there; a clear UserError when it cannot be looked at. */
function statOf(folder: string, at: string): Stats | undefined {
  try {
    return statSync(at, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UserError(`cannot create the folder ${folder}: ${REASONS[code] ?? (code || (error as Error).message)}`);
  }
}

/**
 * Makes `folder` and any missing folder above it (mode 0700); a clear UserError when it cannot
 * (`whenFile`, when given, is the message for a file where the folder itself should be). Returns the
 * folders it made, the outermost first.
 */
export function makeFolders(folder: string, whenFile?: string): string[] {
  const missing: string[] = [];
  for (let at = resolve(folder); ; at = dirname(at)) {
    const stat = statOf(folder, at);
    if (stat) {
      if (!stat.isDirectory()) throw new UserError(whenFile && at === resolve(folder) ? whenFile : `cannot create the folder ${folder}: ${at} is a file`);
      break;
    }
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  const made: string[] = [];
  for (const level of missing) {
    try {
      mkdirSync(level, { mode: 0o700 });
      made.push(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // Another program made it a moment ago: fine, if it is a folder (and it is not ours to remove).
      if (code === 'EEXIST' && statOf(folder, level)?.isDirectory()) continue;
      throw new UserError(`cannot create the folder ${folder}: ${REASONS[code] ?? (code || (error as Error).message)}`);
    }
  }
  return made;
}

/**
 * The folder a path the user named goes in, when it is not there. That is most often a drive or stick
 * not connected, or a mistyped folder: making it would put what is written where no one finds it again
 * (and where the stick, once mounted, hides it). Undefined when it is there, or when it cannot be
 * looked at (a part of the path that is a file, a folder closed to us): making it says which.
 */
export function absentFolderOf(path: string): string | undefined {
  const folder = dirname(resolve(path));
  try {
    return statSync(folder, { throwIfNoEntry: false }) === undefined ? folder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The refusal of a folder absentFolderOf found, in one line: `so`, what it stops; `given`, the flag or
 * variable that named the path; `to`, what making the folder lets the user do; `nothing`, what was not done.
 */
export function folderNotThere(folder: string, said: { so: string; given: string; to: string; nothing: string }): UserError {
  return new UserError(`the folder ${folder} does not exist, so ${said.so} (a drive or stick not connected?): connect it, or correct the path given by ${said.given}; ${said.to}, make the folder first (mkdir -p ${shellPath(folder)}); ${said.nothing}`);
}

/**
 * A folder --out names (an export's tables, the letters) is made when missing, but not the folders
 * above it: their absence says the path is not where the user thinks (absentFolderOf).
 */
export function refuseOutFolderAbove(out: string): void {
  const folder = absentFolderOf(out);
  if (folder) throw folderNotThere(folder, { so: `${out} cannot be made in it`, given: '--out', to: 'to write there', nothing: 'nothing was written' });
}

/** Removes these folders (made by makeFolders), the innermost first, each only while it is empty. */
export function removeEmptyFolders(made: string[]): void {
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (another program put something there meanwhile), or gone: it and those above stay.
      return;
    }
  }
}

/**
 * A backup or export that was killed leaves its whole copy under the temporary name
 * (NAME.partial-PID), which no later one would otherwise touch: it would keep records that a later
 * erase removes. Those of processes that are gone are removed; our own process id on one means an
 * earlier process had the same id.
 */
export function removeStalePartials(target: string): void {
  // Compared as text: a name of any length or character makes no pattern to compile.
  const start = `${basename(target)}.partial-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(start) ? Number(/^(\d+)(?:-wal|-shm|-journal)?$/.exec(name.slice(start.length))?.[1] ?? NaN) : NaN;
    if (Number.isSafeInteger(pid) && (pid === process.pid || !isRunning(pid))) rmSync(join(dirname(target), name), { force: true });
  }
}

/** Whether a process of this id runs on this machine (as any user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Where a path really leads, through symbolic links in its folders too (sl/a.db-journal, with sl a
 * link to "."), whether or not the file is there yet: what a write there would touch.
 */
export function realPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    const folder = dirname(full);
    return folder === full ? full : join(realPath(folder), basename(full));
  }
}

/** Whether writing `target` would touch the database at `dbPath` or its -wal, -shm or -journal file. */
export function isDatabaseFile(dbPath: string, target: string): boolean {
  const db = realPath(dbPath);
  const real = realPath(target);
  if ([db, `${db}-wal`, `${db}-shm`, `${db}-journal`].includes(real)) return true;
  // A hard link to the database is the database too. A path that cannot be looked at (a name too
  // long) is not it: writing there fails, and says why, in its own place.
  const look = (path: string) => {
    try {
      return statSync(path, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  };
  const [a, b] = [look(db), look(real)];
  return Boolean(a && b && a.dev === b.dev && a.ino === b.ino);
}
