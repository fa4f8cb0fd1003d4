// Waiting for another caselog that holds the database (a long import or erase on a colleague's run,
// a restore). SQLite's busy timeout waits inside one synchronous call, where no timer can run and
// nothing can be said: on an old laptop fifteen silent seconds look like a hang, and people press
// Ctrl-C. So the lock is asked for with a short wait first; when that is not enough, the wait is
// said once and the lock asked for again for the rest of the usual time. The outcome is as before
// (the lock, or "busy" after about fifteen seconds); only the silence goes. Uncontended, it costs
// two pragma calls a write (microseconds), no module and no timer.
import type { DB } from './open';

/** How long a command waits for another caselog in all: every connection's busy timeout. */
export const BUSY_TIMEOUT_MS = 15000;
/** How long a wait stays unsaid. */
const SILENT_MS = 1000;

/** What is said when the wait begins (prefixed "caselog: " by whoever shows it). */
export const WAITING = 'waiting for another caselog to finish (an import, an erase or a restore can take a while); Ctrl-C cancels safely: nothing has been changed yet';

export function isBusy(error: unknown): boolean {
  return /^SQLITE_BUSY/.test((error as { code?: string } | undefined)?.code ?? '');
}

function busyTimeout(db: DB, ms: number): void {
  // Compiled once a connection (open.ts keeps statements): a pragma call would compile it each time.
  db.prepare(`PRAGMA busy_timeout = ${ms}`).get();
}

/**
 * Runs `lock` (which takes the lock first, then may do its work), saying through `waiting` when the
 * lock has not come within a second. `lock` calls `taken` once it holds the lock: from then on the
 * usual timeout applies, and a busy error is the work's own, not retried. Before that, a busy
 * failure must have changed nothing (a BEGIN that did not begin), as `lock` is run again.
 */
export function waitSaid<T>(db: DB, lock: (taken: () => void) => T, waiting: () => void): T {
  let held = false;
  const taken = () => {
    if (held) return;
    held = true;
    busyTimeout(db, BUSY_TIMEOUT_MS);
  };
  busyTimeout(db, SILENT_MS);
  const start = Date.now();
  try {
    return lock(taken);
  } catch (error) {
    // Refused at once, not after waiting (a database open elsewhere cannot leave WAL mode, however
    // long one waits): refused as it was, with no wait said.
    if (held || !isBusy(error) || Date.now() - start < SILENT_MS / 2) throw error;
    waiting();
    busyTimeout(db, BUSY_TIMEOUT_MS - SILENT_MS);
    return lock(taken);
  } finally {
    if (!held) busyTimeout(db, BUSY_TIMEOUT_MS);
  }
}

/**
 * As waitSaid, for work that can be stopped (Ctrl-C, see commands/cancel.ts): the wait is cut into
 * waits of a second, `point` awaited between them (where a signal is heard), for the usual time in
 * all. `lock` holds nothing when it fails busy, and the usual timeout applies once it returns.
 */
export async function waitStopping<T>(db: DB, lock: () => T, waiting: () => void, point: () => Promise<void>, busy: (error: unknown) => boolean = isBusy): Promise<T> {
  const start = Date.now();
  let said = false;
  busyTimeout(db, SILENT_MS);
  try {
    for (;;) {
      const tried = Date.now();
      try {
        return lock();
      } catch (error) {
        // Refused at once (see waitSaid), or waited out in all: as it was.
        if (!busy(error) || Date.now() - tried < SILENT_MS / 2 || Date.now() - start >= BUSY_TIMEOUT_MS - SILENT_MS / 2) throw error;
        if (!said) waiting();
        said = true;
        await point();
      }
    }
  } finally {
    busyTimeout(db, BUSY_TIMEOUT_MS);
  }
}
