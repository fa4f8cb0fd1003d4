// The records merged into a person, found in the change log: erasing the person erases them too.
// A merge deletes the duplicate's record and gives the one kept all its names and links, so the
// duplicate lives on only in the log (its id in entries of events it shared) and in any export made
// before the merge; left out, it came back by import, with its history, after the erase.
import type { DB } from './open';
import type { Row } from './rows';
import { loggedNames } from './erase-plan';

/** Records merged away into a person: their ids, and the ids of the names they had (logged with them). */
export interface MergedAway { ids: string[]; nameIds: string[] }

/**
 * The people merged into `personId`, and those merged into them, however long the chain. A merge is
 * one batch: the kept person's 'merge' entry has an after-value, the duplicate's has none. One whose
 * record came back after (the merge undone, or imported again) is someone else, even if gone again.
 */
export function mergedAway(db: DB, personId: string): MergedAway {
  const rows = db.prepare(
    `WITH RECURSIVE merged(id) AS (
       SELECT @person
       UNION SELECT away.record_id FROM merged
         JOIN changes kept ON kept.record_id = merged.id AND kept.action = 'merge' AND kept.kind = 'people'
           AND kept.after IS NOT NULL AND kept.after <> 'null'
         JOIN changes away ON away.batch = kept.batch AND away.action = 'merge' AND away.kind = 'people'
           AND (away.after IS NULL OR away.after = 'null') AND away.record_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM changes later WHERE later.record_id = away.record_id AND later.seq > away.seq
             AND later.after IS NOT NULL AND later.after <> 'null')
     )
     SELECT id FROM merged WHERE id <> @person AND id NOT IN (SELECT id FROM people)`,
  ).all({ person: personId }) as Row[];
  const ids = rows.map((r) => r.id as string);
  if (ids.length === 0) return { ids, nameIds: [] };
  const nameIds = new Set<string>();
  const logged = db.prepare(`SELECT before, after FROM changes WHERE kind = 'people' AND record_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Row[];
  for (const r of logged) for (const n of [...loggedNames(r.before), ...loggedNames(r.after)]) if (n.id !== undefined) nameIds.add(n.id);
  return { ids, nameIds: [...nameIds] };
}
