// A person of a file whom this database merged into another (caselog merge): the file's record of
// them is taken as the person they were merged into. A colleague's export made before the merge, or
// after it by someone who has not merged them, still carries the merged-away id; brought back, it
// undid the merge (a second record of the person, their names on both), and what the colleague
// recorded of them since was refused as a deleted record's.
import { canonical } from '../exchange/canonical';
import type { Section } from '../exchange/format';
import { beforeMerge, mergedFacts } from './import-merged-facts';
import { storedRecord } from './export';
import { LISTED, type ImportCounts, type MergedHere } from './import-report';
import type { DB } from './open';
import type { Row } from './rows';

type Obj = Record<string, unknown>;

export interface MergedHereFinder {
  /** Whether the file's person is one merged here (named in a note): their record is taken by `combine`. */
  personTaken(incoming: Obj): boolean;
  /**
   * Once the file's records are in: gives each kept person what the file's record of the one merged
   * into them adds (import-merged-facts.ts), through `write` (their record as it was, and the new one).
   */
  combine(write: (before: Obj, after: Obj) => void, newNameId: () => string, caseHere: (id: string) => string | undefined): void;
  /** The file's event or deadline naming people merged here, naming those they were merged into. */
  linked(section: Section, incoming: Obj, known: boolean): Obj;
}

/**
 * The people merged away here (their 'merge' entry leaves nothing after it, and nothing brought them
 * back since), each with the person they live on in: the one kept in the same batch, followed along
 * later merges to one tracked now. One whose chain ends with nobody (erased since) is not among them.
 */
export function mergedHereMap(db: DB): Map<string, string> {
  const rows = db.prepare(
    `SELECT away.record_id AS away, kept.record_id AS kept FROM changes away
       JOIN changes kept ON kept.batch = away.batch AND kept.action = 'merge' AND kept.kind = 'people'
         AND kept.after IS NOT NULL AND kept.after <> 'null' AND kept.record_id IS NOT NULL
       WHERE away.action = 'merge' AND away.kind = 'people' AND (away.after IS NULL OR away.after = 'null') AND away.record_id IS NOT NULL
         AND away.record_id NOT IN (SELECT id FROM people)
         AND NOT EXISTS (SELECT 1 FROM changes later WHERE later.record_id = away.record_id AND later.seq > away.seq
           AND later.after IS NOT NULL AND later.after <> 'null')`,
  ).all() as Row[];
  const into = new Map(rows.map((r) => [r.away as string, r.kept as string]));
  const tracked = db.prepare('SELECT 1 FROM people WHERE id = ?').pluck();
  const found = new Map<string, string>();
  for (const away of into.keys()) {
    let id = into.get(away)!;
    for (let hops = 0; into.has(id) && hops < into.size; hops++) id = into.get(id)!;
    if (tracked.get(id) !== undefined) found.set(away, id);
  }
  return found;
}

export function mergedHereFinder(db: DB, counts: ImportCounts): MergedHereFinder | undefined {
  const merged = mergedHereMap(db);
  if (merged.size === 0) return undefined;
  const seen = new Map<string, MergedHere>();
  const records: Obj[] = [];
  const entry = (file: string): MergedHere => {
    let m = seen.get(file);
    if (!m) {
      m = { file, into: merged.get(file)!, events: 0, deadlines: 0 };
      seen.set(file, m);
      counts.mergedHereCount = (counts.mergedHereCount ?? 0) + 1;
      // Listed by reference: the counts of the first few are filled as the file goes on.
      if ((counts.mergedHere ??= []).length < LISTED) counts.mergedHere.push(m);
    }
    return m;
  };
  return {
    personTaken(incoming) {
      if (!merged.has(incoming.id as string)) return false;
      entry(incoming.id as string).name = incoming.name as string;
      records.push(incoming);
      return true;
    },
    combine(write, newNameId, caseHere) {
      for (const file of records) {
        const m = entry(file.id as string);
        const kept = storedRecord(db, 'people', m.into)!;
        const facts = mergedFacts(file, beforeMerge(db, m.file), kept, newNameId, caseHere);
        if (facts.taken.length > 0) m.taken = facts.taken;
        if (facts.left.length > 0) m.left = facts.left;
        if (facts.record) {
          write(kept, facts.record);
          counts.updated++;
        } else counts.unchanged++;
      }
    },
    linked(section, incoming, known) {
      if (section !== 'events' && section !== 'deadlines') return incoming;
      const people = incoming.people as string[];
      if (!people.some((p) => merged.has(p))) return incoming;
      for (const p of people) {
        if (merged.has(p) && !known) entry(p)[section]++;
      }
      return canonical(section, { ...incoming, people: [...new Set(people.map((p) => merged.get(p) ?? p))] });
    },
  };
}
