// Migration 12: each change-log entry names the terminal session that made it (src/terminal-session.ts),
// so that undo asks before taking back a change made in another terminal by the same OS user: one
// laptop and account a family shares, or two terminals open. Entries logged before it have none, and
// count as not known to be another session's.
import type { DB } from '../open';

/** Whether the change log has the column (a change log rebuilt by change-log-repair.ts keeps it when it had it). */
export function logsSessions(db: DB): boolean {
  return (db.pragma('table_info(changes)') as Array<{ name: string }>).some((c) => c.name === 'session');
}

/** Added once: a file whose version was set back (a test, a hand) has it already. */
export function changeSessions(db: DB): void {
  if (!logsSessions(db)) db.exec('ALTER TABLE changes ADD COLUMN session TEXT');
}
