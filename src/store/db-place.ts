// Where a new database may be started, and saying that one was. A path the user named (--db or
// CASELOG_DB) whose folder is not there is most often a drive or stick not connected, or a mistyped
// folder: making the folders there put the records in a new file no one would find again (and that
// the stick, once mounted, hides). caselog's own place for the file is made on first use.
import { resolve } from 'node:path';
import { absentFolderOf, folderNotThere } from '../exchange/folders';

/** Refuses a new database at `path` when its folder is not there; anything else there is for the open to say. */
export function refuseMissingFolder(path: string): void {
  const folder = absentFolderOf(path);
  if (!folder) return;
  throw folderNotThere(folder, {
    so: `there is no database ${path}`, given: '--db or CASELOG_DB', to: 'to start a new database there', nothing: 'nothing was created',
  });
}

/** Said once, by the command that made the file: records going into a new file are never unseen. */
export function startedNote(path: string): string {
  return `started a new database at ${resolve(path)}`;
}
