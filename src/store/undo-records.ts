// Undo's work on the records of one batch, a chunk of ids a statement: a batch may be an import of
// a hundred thousand records, where a statement (and a snapshot query) per record took minutes, and
// holding every record's snapshot at once took half a gigabyte.
import { SECTIONS, type Section } from '../exchange/format';
import type { RawRecord } from '../exchange/read';
import { storedRecords } from './export';
import { applyRecords } from './import-apply';
import { RECORD_TABLE, type Row } from './rows';
import type { SqliteStore } from './sqlite-store';

type Snapshot = Record<string, unknown>;
export type IdsBySection = Map<Section, string[]>;

/**
 * Ids per statement: each chunk's snapshots are held in memory only until they are used, and a
 * statement that removes a million rows keeps a journal of every page it touches.
 */
const CHUNK = 1000;
const IDS = 'IN (SELECT value FROM json_each(?))';

function* chunksOf<T>(list: T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += CHUNK) yield list.slice(i, i + CHUNK);
}

/** An id as it appears in a record's export text (caselog's own are 16 characters; an import may bring 4 to 32). */
const QUOTED_ID = /"([cpnedsta]-[0-9a-z]{4,32})"/g;

/**
 * The records to put back whose state now refers to a record about to be removed (an import that
 * linked an event here to a person it added): removing it unlinks them, so what they are now is read
 * first, as export text. Any other is read just before it is put back (restoreChanged), so that
 * the snapshots of a large batch are never all held at once.
 */
export function linkedToAdded(store: SqliteStore, changed: IdsBySection, added: IdsBySection): Map<string, string> {
  const held = new Map<string, string>();
  if (added.size === 0) return held;
  const gone = new Set([...added.values()].flat());
  for (const [section, list] of changed) {
    for (const chunk of chunksOf(list)) {
      for (const [id, record] of storedRecords(store.db, section, chunk)) {
        const text = JSON.stringify(record);
        if ([...text.matchAll(QUOTED_ID)].some((m) => gone.has(m[1]!))) held.set(`${section}:${id}`, text);
      }
    }
  }
  return held;
}

/**
 * Appeal records the batch did not change, of events it did: when the event goes with a case the
 * batch added (an import that moved it there), its appeal record goes with it, and is put back too.
 */
export function appealsAlongside(store: SqliteStore, changed: IdsBySection): Snapshot[] {
  const own = new Set(changed.get('appeals'));
  const kept = (changed.get('events') ?? []).filter((id) => !own.has(id));
  return [...chunksOf(kept)].flatMap((chunk) => [...storedRecords(store.db, 'appeals', chunk).values()]);
}

/**
 * Removes the records a batch added, each section's in one statement a chunk, the records that
 * others refer to last (deadlines and events before people, people before cases). Each is logged
 * as it stood just before, as every undo logs what it changed. The search index follows through the
 * tables' delete triggers, as for any delete.
 */
export function removeAdded(store: SqliteStore, added: IdsBySection): void {
  for (const section of [...SECTIONS].reverse()) {
    const [table, key] = RECORD_TABLE[section];
    const remove = store.db.prepare(`DELETE FROM ${table} WHERE ${key} ${IDS}`);
    for (const chunk of chunksOf(added.get(section) ?? [])) {
      const now = storedRecords(store.db, section, chunk);
      for (const id of chunk) {
        const record = now.get(id);
        if (record) store.logChange('undo', section, id, record, null);
      }
      remove.run(JSON.stringify(chunk));
    }
  }
}

/**
 * Puts the records a batch changed back as its first change of each logged them before, in
 * dependency order, through the import code, with the appeal records that went along; the log is
 * read a chunk at a time. Each is logged from what it was just before (`held`, or read as its chunk
 * comes: putting back one record changes no other's export form) to what it is now.
 */
export function restoreChanged(store: SqliteStore, batch: number, changed: IdsBySection, alongside: Snapshot[], held: Map<string, string>): void {
  const logged = store.db.prepare(`SELECT record_id, before, min(seq) FROM changes WHERE batch = ? AND kind = ? AND record_id ${IDS} GROUP BY record_id`);
  function* records(): Generator<RawRecord> {
    for (const section of SECTIONS) {
      for (const chunk of chunksOf(changed.get(section) ?? [])) {
        const now = storedRecords(store.db, section, chunk);
        for (const r of logged.all(batch, section, JSON.stringify(chunk)) as Row[]) yield { section, record: JSON.parse(r.before as string), where: `batch ${batch}` };
        // applyRecords puts each record back before it asks for the next: the chunk is all back.
        const after = storedRecords(store.db, section, chunk);
        for (const id of chunk) {
          const was = held.get(`${section}:${id}`);
          store.logChange('undo', section, id, was === undefined ? now.get(id) ?? null : JSON.parse(was), after.get(id) ?? null);
        }
      }
      if (section === 'appeals') for (const record of alongside) yield { section, record, where: 'an appeal record' };
    }
  }
  applyRecords(store, records(), 'undo', { log: false, replace: true, restoreErased: true, asStored: true });
}
