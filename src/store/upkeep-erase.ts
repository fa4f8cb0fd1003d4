// Erasing a person for their safety: their rows, what is only about them, their traces in the change
// log and in any full-text index, then the file rewritten so that no free page or journal keeps a copy.
// Unlike delete, nothing is kept for undo: that is the point.
import { peopleTouchedBy, refreshPeople } from './derived';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';
import { planDelete, removeRows, type DeletePlan } from './upkeep-delete';

export interface Mention { kind: 'case' | 'event' | 'deadline' | 'source'; id: string }
export interface ErasePlan extends DeletePlan { names: string[]; mentions: Mention[] }
export interface Erased { plan: ErasePlan; logEntriesCleared: number; fileCompacted: boolean }

export function planErase(store: SqliteStore, personId: string): ErasePlan {
  const plan = planDelete(store, 'person', personId);
  const names = (store.db.prepare('SELECT name FROM person_names WHERE person_id = ? ORDER BY is_primary DESC, rowid').all(personId) as Row[])
    .map((r) => r.name as string);
  const gone = new Set([...plan.events, ...plan.deadlines]);
  return { ...plan, names, mentions: mentionsOf(store, names).filter((m) => !gone.has(m.id)) };
}

/** Records that stay but whose text names the person: the caseworker must edit them by hand. */
function mentionsOf(store: SqliteStore, names: string[]): Mention[] {
  const needles = JSON.stringify(names.map((n) => n.toLowerCase()));
  const has = (cols: string[]) => `EXISTS (SELECT 1 FROM json_each(@needles) n WHERE ${cols.map((c) => `instr(lower(coalesce(${c}, '')), n.value) > 0`).join(' OR ')})`;
  return (store.db.prepare(
    `SELECT 'case' AS kind, id FROM cases WHERE ${has(['title', 'summary'])}
     UNION ALL SELECT 'event', id FROM events WHERE ${has(['summary', 'place', 'actor'])}
     UNION ALL SELECT 'deadline', id FROM deadlines WHERE ${has(['note'])}
     UNION ALL SELECT 'source', id FROM sources WHERE ${has(['title', 'body'])}`,
  ).all({ needles }) as Row[]).map((r) => ({ kind: r.kind as Mention['kind'], id: r.id as string }));
}

export async function erasePerson(store: SqliteStore, personId: string): Promise<Erased> {
  // Deleted content is overwritten with zeros instead of left in free space.
  store.db.pragma('secure_delete = ON');
  const { plan, logEntriesCleared } = store.write(() => {
    const plan = planErase(store, personId);
    const nameIds = (store.db.prepare('SELECT id FROM person_names WHERE person_id = ?').all(personId) as Row[]).map((r) => r.id as string);
    const others = new Set(plan.sharedEvents.flatMap((e) => peopleTouchedBy(store.db, e)));
    others.delete(personId);
    removeRows(store, plan);
    const ids = [personId, ...nameIds, ...plan.events, ...plan.deadlines];
    clearFullText(store, ids);
    const logEntriesCleared = clearLog(store, ids, plan.names);
    refreshPeople(store.db, others);
    store.logChange('erase', 'people', null, null, {
      erased: 'one person', events: plan.events.length, deadlines: plan.deadlines.length, logEntriesCleared,
    });
    return { plan, logEntriesCleared };
  });
  return { plan, logEntriesCleared, fileCompacted: compact(store) };
}

/**
 * Change-log rows about the person keep their place (so batches stay whole) but lose their content.
 * Names are matched anywhere in a row, which may also clear rows about someone with a longer name:
 * losing some history is the safe side.
 */
function clearLog(store: SqliteStore, ids: string[], names: string[]): number {
  const needles = [...ids, ...names, ...names.map((n) => JSON.stringify(n).slice(1, -1))];
  // The log is append-only (migration 4); an erase is its one exception, let through only while
  // erase_in_progress holds a row inside this transaction.
  const guarded = store.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'erase_in_progress'`).get() !== undefined;
  if (guarded) store.db.prepare('INSERT OR IGNORE INTO erase_in_progress (one) VALUES (1)').run();
  try {
    return store.db.prepare(
      `UPDATE changes SET before = NULL, after = NULL, record_id = NULL
        WHERE record_id IN (SELECT value FROM json_each(@ids))
           OR EXISTS (SELECT 1 FROM json_each(@needles) n
                       WHERE instr(coalesce(before, ''), n.value) > 0 OR instr(coalesce(after, ''), n.value) > 0)`,
    ).run({ ids: JSON.stringify(ids), needles: JSON.stringify([...new Set(needles)]) }).changes;
  } finally {
    if (guarded) store.db.prepare('DELETE FROM erase_in_progress').run();
  }
}

/**
 * Any full-text index (the search work may add one): an index over other tables is rebuilt from them;
 * one holding its own copy loses the rows of the erased records (by any *id column); both are then
 * merged into one segment so that no old segment keeps the words.
 */
function clearFullText(store: SqliteStore, ids: string[]): void {
  const tables = store.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as Row[];
  for (const t of tables.filter((r) => /USING\s+fts[345]/i.test(r.sql as string))) {
    const name = `"${(t.name as string).replace(/"/g, '""')}"`;
    if (/content\s*=\s*['"]?\w/i.test(t.sql as string)) {
      store.db.exec(`INSERT INTO ${name}(${name}) VALUES('rebuild')`);
      continue;
    }
    const idColumns = (store.db.prepare(`PRAGMA table_info(${name})`).all() as Row[]).map((c) => c.name as string).filter((c) => /(^|_)id$/i.test(c));
    for (const c of idColumns) store.db.prepare(`DELETE FROM ${name} WHERE "${c}" IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids));
    store.db.exec(`INSERT INTO ${name}(${name}) VALUES('optimize')`);
  }
}

/** Rewrites the file without free pages and empties the write-ahead log; false if another process held it. */
function compact(store: SqliteStore): boolean {
  store.db.exec('VACUUM');
  const [result] = store.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  return !result || result.busy === 0;
}
