// The unfinished copies that killed backups, exports and restores left beside their targets
// (NAME.partial-PID, with its -journal, -wal or -shm), hundreds of MB each, perhaps holding people
// erased since. Those of the same name go when the same name is written again (folders.ts); these,
// of any name in the folder, when a backup, export or restore next writes there. Only what is
// surely an abandoned caselog copy: its process is not running here, the file is this user's and
// owner-only (as caselog makes them), and nothing has written to it for a while (a caselog on
// another computer that shares the folder, whose process id means nothing here, is still writing
// its copy, or has finished with it).
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isRunning } from './folders';

/** Untouched this long, a copy is abandoned: a copy being written is written to all the time. */
const ABANDONED_MS = 10 * 60 * 1000;

const PARTIAL = /\.partial-(\d+)(?:-wal|-shm|-journal)?$/;

/** Removes the abandoned copies in the folder of `target`; never fails the command that asks. */
export function removeAbandonedPartials(target: string, now = Date.now()): void {
  const folder = dirname(target);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const pid = Number(PARTIAL.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const path = join(folder, name);
    try {
      const stat = statSync(path);
      const ours = stat.isFile() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o077) === 0;
      if (ours && now - stat.mtimeMs > ABANDONED_MS) rmSync(path, { force: true });
    } catch {
      // Gone meanwhile, or not ours to look at: left as it is.
    }
  }
}
