// The change log of a database made by an early caselog, before migration 1 was given its batch
// column: that file says schema 1 (and, once upgraded, 7) but has no batch, so every write failed on
// it ("no such column: batch") while reads worked. The log is rebuilt as migration 1 now makes it.
// Each earlier entry becomes a batch of its own: the early caselog wrote one entry a record, in a
// form undo cannot put back (it stops at them and says so), so no grouping is lost.
import { CHANGE_LOG, CHANGE_LOG_INDEXES } from './migrations/001-foundation';
import { changeSessions, logsSessions } from './migrations/012-change-sessions';
import type { DB } from './open';

/** Whether the change log lacks the batch column (a read-only connection can ask too). */
export function changeLogLacksBatch(db: DB): boolean {
  const columns = db.pragma('table_info(changes)') as Array<{ name: string }>;
  return columns.length > 0 && !columns.some((c) => c.name === 'batch');
}

/**
 * Rebuilds a change log that lacks its batch column, in one transaction (another caselog doing the
 * same meanwhile is waited for, and then nothing is left to do). Its triggers (append-only, from
 * migration 4) are made again as they were; the AUTOINCREMENT counter never goes back.
 */
export function repairChangeLog(db: DB): void {
  if (!changeLogLacksBatch(db)) return;
  db.transaction(() => {
    if (!changeLogLacksBatch(db)) return;
    const counter = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").pluck().get() as number | undefined;
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'changes'").all() as Array<{ name: string; sql: string }>;
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`);
    // Upgraded before it was repaired (migration 12 runs on any change log): its sessions kept, as they were.
    const sessions = logsSessions(db);
    db.exec('ALTER TABLE changes RENAME TO changes_before_batch');
    db.exec(CHANGE_LOG);
    if (sessions) changeSessions(db);
    const columns = `at, os_user, command, action, kind, record_id, before, after${sessions ? ', session' : ''}`;
    db.exec(`INSERT INTO changes (seq, batch, ${columns})
      SELECT seq, seq, ${columns} FROM changes_before_batch ORDER BY seq`);
    db.exec('DROP TABLE changes_before_batch');
    db.exec(CHANGE_LOG_INDEXES);
    for (const t of triggers) db.exec(t.sql);
    if (counter !== undefined) db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'changes'").run(counter);
  }).immediate();
}
