// Where the database lives. Apart from open.ts so that help and usage errors never load the SQLite driver.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDbPath(env: NodeJS.ProcessEnv): string {
  if (env.CASELOG_DB) return env.CASELOG_DB;
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'caselog', 'caselog.db');
}
