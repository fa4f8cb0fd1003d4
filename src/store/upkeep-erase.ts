// Erasing a person for their safety: their rows, what is only about them, their traces in the change
// log and in any full-text index, then the file rewritten so that no free page or journal keeps a copy.
// Unlike delete, nothing is kept for undo: that is the point.
import { peopleTouchedBy, refreshPeople } from './derived';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';
import { scrubChanges } from './trust-audit';
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
  // SQLite's lower() folds A-Z only: "Қастер" or "Émile" in a summary would go unnoticed.
  store.db.function('caselog_lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : ''));
  const has = (cols: string[]) => `EXISTS (SELECT 1 FROM json_each(@needles) n WHERE ${cols.map((c) => `instr(caselog_lower(${c}), n.value) > 0`).join(' OR ')})`;
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
    clearFullText(store);
    // Names are matched anywhere in a log row, which may also clear rows about someone with a longer
    // name: losing some history is the safe side. JSON-escaped forms catch names with quotes or non-ASCII escapes.
    const logEntriesCleared = scrubChanges(store, ids, [...plan.names, ...plan.names.map((n) => JSON.stringify(n).slice(1, -1))]);
    refreshPeople(store.db, others);
    store.logChange('erase', 'people', null, null, {
      erased: 'one person', events: plan.events.length, deadlines: plan.deadlines.length, logEntriesCleared,
    });
    return { plan, logEntriesCleared };
  });
  return { plan, logEntriesCleared, fileCompacted: compact(store) };
}

/**
 * The search index drops entries with their rows (triggers), but FTS5 keeps deleted terms in its
 * segments until they are merged; rebuilding it from its content leaves none behind.
 */
function clearFullText(store: SqliteStore): void {
  const indexed = store.db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'search_index'`).get() !== undefined;
  if (indexed) store.db.exec(`INSERT INTO search_index(search_index) VALUES('rebuild')`);
}

/** Rewrites the file without free pages and empties the write-ahead log; false if another process held it. */
function compact(store: SqliteStore): boolean {
  store.db.exec('VACUUM');
  const [result] = store.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  return !result || result.busy === 0;
}
