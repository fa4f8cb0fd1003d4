// The copy an encrypt or rekey writes beside the database before renaming it into place
// (trust-crypto.ts), and an erase's rewrite of the file (erase-copy.ts). Cut off, it stays: it may
// hold the whole database unencrypted (an encrypt copies before it keys), erased people too, until
// something removes it.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isRunning, realPath } from '../exchange/folders';
import { removeDatabaseFiles } from './database-files';

/** The copy being written, beside the database: its name says it is unfinished and never ends like a database's. */
export function unfinishedCopyOf(path: string): string {
  return `${path}.rekey-unfinished`;
}

/**
 * Removes what a cut-off encrypt or rekey left beside the database (the copy and its journal). An
 * erase calls it: the copy would keep the person it erased. One running now loses its copy and
 * fails, leaving the database as it was.
 */
export function removeUnfinishedCopy(path: string): void {
  let real = path;
  try { real = realpathSync(path); } catch { /* the database itself is gone: its leftovers are by its name */ }
  removeDatabaseFiles(unfinishedCopyOf(real));
}

/**
 * The whole copies caselog keeps beside the database: one before each schema upgrade (open.ts) and
 * one before each restore (restore.ts). They keep what an erase removes and what an encrypt protects.
 */
export function copiesBeside(path: string): string[] {
  // Beside the real file, and beside a link to it (where an upgrade before caselog kept them by the real one put its copy).
  const places = realPath(path) === resolve(path) ? [path] : [path, realPath(path)];
  // One copy found by two names (the folder itself a link, as /tmp is on a Mac) is said once.
  const seen = new Set<string>();
  return places.flatMap((place) => {
    const name = basename(place);
    const kept = (f: string) => (f.startsWith(`${name}.schema`) && f.endsWith('.bak'))
      || (f.startsWith(`${name}.before-restore-`) && !/-(wal|shm|journal)$/.test(f));
    try {
      return readdirSync(dirname(place)).filter(kept).map((f) => join(dirname(place), f))
        .filter((copy) => !seen.has(realPath(copy)) && seen.add(realPath(copy)) !== undefined);
    } catch {
      return [];
    }
  });
}

/**
 * The copies an upgrade was still writing (NAME.schemaN.bak.partial-PID, see upgrade.ts), left by a
 * kill or a crash unless a caselog is writing one right now: never whole, never to be restored.
 */
export function unfinishedUpgradeCopies(path: string): string[] {
  const name = basename(path);
  const unfinished = (f: string) => f.startsWith(`${name}.schema`) && /\.bak\.partial-\d+$/.test(f);
  try {
    return readdirSync(dirname(path)).filter(unfinished).map((f) => join(dirname(path), f));
  } catch {
    return [];
  }
}

/**
 * The copies a restore (or the making of a new database) was writing beside it under NAME.partial-PID,
 * left by a kill or a crash: those of processes that no longer run. Their -wal, -shm and -journal
 * go with them.
 */
export function unfinishedPartials(path: string): string[] {
  const start = `${basename(path)}.partial-`;
  const left = (f: string) => f.startsWith(start) && /^\d+$/.test(f.slice(start.length)) && !isRunning(Number(f.slice(start.length)));
  try {
    return readdirSync(dirname(path)).filter(left).map((f) => join(dirname(path), f));
  } catch {
    return [];
  }
}

/**
 * The copies a backup or an export into the database's own folder was still writing (NAME.partial-PID
 * of another name than the database's), left by a kill or a crash: those of processes that no longer
 * run, and owner-only, as caselog makes them. The next backup or export of that name removes them;
 * doctor cannot know every folder one was written to, but it can look beside the database.
 */
export function unfinishedBackups(path: string): string[] {
  const name = basename(path);
  const folder = dirname(path);
  const left = (f: string) => {
    const pid = /\.partial-(\d+)$/.exec(f)?.[1];
    // The database's own (a restore's, a new database's) and an upgrade's are said as such.
    if (pid === undefined || f.startsWith(`${name}.partial-`) || (f.startsWith(`${name}.schema`) && f.endsWith(`.bak.partial-${pid}`))) return false;
    if (isRunning(Number(pid))) return false;
    const st = statSync(join(folder, f), { throwIfNoEntry: false });
    return st !== undefined && st.isFile() && (st.mode & 0o077) === 0;
  };
  try {
    return readdirSync(folder).filter(left).map((f) => join(folder, f));
  } catch {
    return [];
  }
}

/**
 * Every unfinished copy beside the database (of an upgrade, a restore, a new database) that doctor
 * names: an erase must say them too, as it says the whole copies, for any may hold the erased.
 */
export function unfinishedCopies(path: string): string[] {
  return [...unfinishedUpgradeCopies(path), ...unfinishedPartials(path)];
}
