// Where the database lives. Apart from open.ts so that help and usage errors never load the SQLite driver.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { UserError } from '../errors';

export function defaultDbPath(env: NodeJS.ProcessEnv): string {
  if (env.CASELOG_DB) return env.CASELOG_DB;
  // The XDG base directory rules: a relative XDG_DATA_HOME is invalid and is ignored.
  const dataHome = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(home(), '.local', 'share');
  return join(dataHome, 'caselog', 'caselog.db');
}

/**
 * "~/x.db" as the home folder's x.db: a shell leaves the tilde alone in --db=~/x.db, in quotes, and
 * in a CASELOG_DB set by a configuration file, and a folder named "~" was made in the working one.
 */
export function withHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(home(), path.slice(1)) : path;
}

/** The home folder; an empty or relative HOME would put the database under whichever folder caselog ran in. */
function home(): string {
  const folder = homedir();
  if (!isAbsolute(folder)) {
    throw new UserError(`HOME is ${folder === '' ? 'empty' : `"${folder}", not a full path`}: set it to your home folder, or give the database with --db or CASELOG_DB`);
  }
  return folder;
}
