// Undo: puts back every record of the latest change batch not yet undone, as it was before the batch.
// A record the batch added is removed; any other is restored from its `before` snapshot through the
// import code, in dependency order (cases, sources, people, events, deadlines).
// An undo is itself logged (action 'undo', one row a record plus one naming the batch it reversed);
// undo walks past undo batches and batches already undone, and stops at an erase or an import,
// whose earlier state the log does not hold.
import { SECTIONS, type Section } from '../exchange/format';
import type { RawRecord } from '../exchange/read';
import { UserError } from '../errors';
import { peopleTouchedBy, refreshPeople } from './derived';
import { applyRecords } from './import';
import { RECORD_TABLE, type Row } from './rows';
import type { SqliteStore } from './sqlite-store';

type Snapshot = Record<string, unknown>;

export interface LoggedChange {
  batch: number; at: string; command: string | null; action: string; kind: string | null;
  recordId: string | null; before: Snapshot | null; after: Snapshot | null;
}

export interface Undone { batch: number; changes: LoggedChange[] }

const parse = (text: unknown): Snapshot | null => (text == null ? null : (JSON.parse(text as string) as Snapshot));
const isSection = (kind: string | null): kind is Section => (SECTIONS as readonly string[]).includes(kind ?? '');

function changesOf(store: SqliteStore, batch: number): LoggedChange[] {
  return (store.db.prepare('SELECT * FROM changes WHERE batch = ? ORDER BY seq').all(batch) as Row[]).map((r) => ({
    batch, at: r.at as string, command: r.command as string | null, action: r.action as string, kind: r.kind as string | null,
    recordId: r.record_id as string | null, before: parse(r.before), after: parse(r.after),
  }));
}

/** The latest batch undo may reverse; throws when the way back is blocked. */
/** A change undo cannot reverse: the command says when it was made, in the reader's time. */
export class UndoStops extends UserError {
  constructor(readonly action: string, readonly at: string, readonly why: string) {
    super(`undo stops at the ${action} of ${at}: ${why}`);
  }
}

function nextToUndo(store: SqliteStore): LoggedChange[] {
  const undone = new Set((store.db.prepare(
    `SELECT json_extract(after, '$.batch') AS batch FROM changes WHERE action = 'undo' AND kind = 'batch'`,
  ).all() as Row[]).map((r) => r.batch as number));
  const batches = store.db.prepare('SELECT DISTINCT batch FROM changes ORDER BY batch DESC').iterate() as Iterable<Row>;
  for (const { batch } of batches) {
    if (undone.has(batch as number)) continue;
    const changes = changesOf(store, batch as number);
    if (changes.some((c) => c.action === 'undo')) continue;
    const first = changes[0]!;
    if (changes.some((c) => c.action === 'erase')) throw new UndoStops('erase', first.at, 'an erase cannot be undone');
    if (changes.some((c) => c.action === 'import')) throw new UndoStops('import', first.at, 'undo cannot reverse an import');
    const odd = changes.find((c) => !isSection(c.kind) || !c.recordId || (c.before === null && c.after === null));
    if (odd) throw new UndoStops(first.action, first.at, `it changed ${odd.kind ?? 'something'} in a way undo cannot reverse`);
    return changes;
  }
  throw new UserError('nothing to undo');
}

/** Reverses the latest batch not yet undone, in one transaction; returns what it reversed. */
export async function undoLatest(store: SqliteStore): Promise<Undone> {
  return store.write(() => {
    const changes = nextToUndo(store);
    const batch = changes[0]!.batch;
    // A record changed twice in a batch goes back to its state before the first change. Keyed by
    // section too: an appeal record has the id of its event.
    const targets = new Map<string, { section: Section; id: string; before: Snapshot | null }>();
    for (const c of changes) {
      const key = `${c.kind}:${c.recordId}`;
      if (!targets.has(key)) targets.set(key, { section: c.kind as Section, id: c.recordId!, before: c.before });
    }
    const current = new Map([...targets].map(([key, t]) => [key, store.snapshot(t.section, t.id) ?? null]));
    const touched = new Set<string>();
    for (const section of [...SECTIONS].reverse()) {
      for (const t of targets.values()) {
        if (t.section !== section || t.before !== null) continue;
        if (section === 'events') for (const p of peopleTouchedBy(store.db, t.id)) touched.add(p);
        const [table, key] = RECORD_TABLE[section];
        store.db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`).run(t.id);
      }
    }
    const restore: RawRecord[] = SECTIONS.flatMap((section) =>
      [...targets.values()].filter((t) => t.section === section && t.before).map((t) => ({ section, record: t.before, where: `batch ${batch}` })));
    applyRecords(store, restore, 'undo', { log: false, replace: true, restoreErased: true, asStored: true });
    refreshPeople(store.db, touched);
    for (const [key, t] of targets) store.logChange('undo', t.section, t.id, current.get(key), store.snapshot(t.section, t.id) ?? null);
    const first = changes[0]!;
    store.logChange('undo', 'batch', null, null, { batch, action: first.action, command: first.command, at: first.at });
    return { batch, changes };
  });
}
