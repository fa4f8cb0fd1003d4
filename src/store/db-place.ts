// Where a new database may be started, and saying that one was. A path the user named (--db or
// CASELOG_DB) whose folder is not there is most often a drive or stick not connected, or a mistyped
// folder: making the folders there put the records in a new file no one would find again (and that
// the stick, once mounted, hides). caselog's own place for the file is made on first use.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { shellPath } from '../domain/shell-path';
import { UserError } from '../errors';

/** Refuses a new database at `path` when its folder is not there; anything else there is for the open to say. */
export function refuseMissingFolder(path: string): void {
  const folder = dirname(resolve(path));
  let missing: boolean;
  try {
    missing = statSync(folder, { throwIfNoEntry: false }) === undefined;
  } catch {
    // A part of the path that is a file, or a folder closed to us: making the folder says which.
    return;
  }
  if (!missing) return;
  throw new UserError(`the folder ${folder} does not exist, so there is no database ${path} (a drive or stick not connected?): connect it, or correct the path given by --db or CASELOG_DB; to start a new database there, make the folder first (mkdir -p ${shellPath(folder)}); nothing was created`);
}

/** Said once, by the command that made the file: records going into a new file are never unseen. */
export function startedNote(path: string): string {
  return `started a new database at ${resolve(path)}`;
}
