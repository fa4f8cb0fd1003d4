// What a command that asked first says when another caselog keeps the database busy (src/commands/keep-waiting.ts),
// and the commands it then prints, read back as a shell reads them.
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

export const WAITING = 'caselog: waiting for another caselog to finish (an import, an erase or a restore can take a while); Ctrl-C cancels safely: nothing has been changed yet\n';
export const STILL_BUSY = 'The database is still busy in another caselog (an import, an erase or a restore can take a while): keep waiting?';
export const SAME = 'caselog: the database stayed busy in another caselog: nothing was changed; once it is free, this does the same: ';

/** The commands a printed line gives, each as the words a shell passes to caselog (bash reads the quoting, && and all). */
export function commandsIn(line: string): string[][] {
  const script = `caselog() { printf '%s\\0' "$@"; printf '\\1\\0'; }\n${line}`;
  const out = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  expect(out.status).toBe(0);
  return out.stdout.split('\u0001\u0000').slice(0, -1).map((words) => words.split('\0').slice(0, -1));
}
