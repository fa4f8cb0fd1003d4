// An undo that takes away someone erased here whom the batch brought back (import --restore-erased
// by mistake): the erase stands again, so what the import and the undo wrote of them goes from the
// change log as the erase took it (upkeep-erase.ts scrubFormer), and the file is rewritten as after
// an erase (erase-compact.ts), so that no free page or journal keeps their name.
import { idFingerprint } from '../domain/ids';
import { markRewriteOwed, rewriteAfterErase } from './erase-compact';
import { rememberedErases } from './erased-memory';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';
import { scrubFormer, type FormerPerson } from './upkeep-erase';

/** Someone the undo takes away whose erase stands again; `words`: their erase replaced the words of their names too. */
export interface ErasedAgain extends FormerPerson { words: boolean }

/** Of the people the batch added, those erased here before it: read before the undo removes them. */
export function erasedAgain(store: SqliteStore, addedPeople: string[]): ErasedAgain[] {
  if (addedPeople.length === 0) return [];
  const remembered = rememberedErases(store.db).people;
  if (remembered.size === 0) return [];
  const names = store.db.prepare('SELECT id, name FROM person_names WHERE person_id = ? ORDER BY is_primary DESC, rowid');
  return addedPeople.filter((id) => remembered.has(idFingerprint(id))).map((id) => {
    const rows = names.all(id) as Row[];
    return { id, names: rows.map((r) => r.name as string), nameIds: rows.map((r) => r.id as string), words: remembered.get(idFingerprint(id)) === true };
  });
}

/** Inside the undo's transaction, once their records are gone: the log without them, the rewrite owed. */
export function scrubErasedAgain(store: SqliteStore, people: ErasedAgain[]): void {
  for (const p of people) scrubFormer(store, p, { ids: [], nameIds: [] }, { words: p.words });
  if (people.length > 0) markRewriteOwed(store.db);
}

/** After the commit: the file rewritten; false when another program's lock kept it (the next open does it). */
export function compactAfter(store: SqliteStore): boolean {
  try {
    return rewriteAfterErase(store.db);
  } catch {
    return false;
  }
}
