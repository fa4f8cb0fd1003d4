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
 * The person someone merged away here lives on in, if they were (their 'merge' entry leaves nothing
 * after it, and nothing brought them back since): the one kept in the same batch, followed along later
 * merges to one tracked now; undefined for one tracked, never merged, or whose chain ends with nobody
 * (erased since). Asked of the ids a file holds, each through the change log's record and batch
 * indexes: finding every merge of the log first read all of it (a third of a second at a million events).
 */
export function mergedHereLookup(db: DB): (id: string) => string | undefined {
  const tracked = db.prepare('SELECT 1 FROM people WHERE id = ?').pluck();
  const keptFor = db.prepare(
    `SELECT kept.record_id FROM changes away
       JOIN changes kept ON kept.batch = away.batch AND kept.action = 'merge' AND kept.kind = 'people'
         AND kept.after IS NOT NULL AND kept.after <> 'null' AND kept.record_id IS NOT NULL
       WHERE away.record_id = ? AND away.action = 'merge' AND away.kind = 'people' AND (away.after IS NULL OR away.after = 'null')
         AND NOT EXISTS (SELECT 1 FROM changes later WHERE later.record_id = away.record_id AND later.seq > away.seq
           AND later.after IS NOT NULL AND later.after <> 'null')
       ORDER BY away.seq DESC, kept.seq DESC LIMIT 1`,
  ).pluck();
  // Those found, so an event's people are looked up once each; the few merged away, not everyone.
  const found = new Map<string, string | undefined>();
  return (away) => {
    if (found.has(away)) return found.get(away);
    if (tracked.get(away) !== undefined) return undefined;
    let id = keptFor.get(away) as string | undefined;
    const chain = new Set([away]);
    while (id !== undefined && tracked.get(id) === undefined && !chain.has(id)) {
      chain.add(id);
      id = keptFor.get(id) as string | undefined;
    }
    const into = id !== undefined && tracked.get(id) !== undefined ? id : undefined;
    if (into !== undefined) found.set(away, into);
    return into;
  };
}

export function mergedHereFinder(db: DB, counts: ImportCounts): MergedHereFinder | undefined {
  const mergedInto = mergedHereLookup(db);
  const seen = new Map<string, MergedHere>();
  const records: Obj[] = [];
  const entry = (file: string): MergedHere => {
    let m = seen.get(file);
    if (!m) {
      m = { file, into: mergedInto(file)!, events: 0, deadlines: 0 };
      seen.set(file, m);
      counts.mergedHereCount = (counts.mergedHereCount ?? 0) + 1;
      // Listed by reference: the counts of the first few are filled as the file goes on.
      if ((counts.mergedHere ??= []).length < LISTED) counts.mergedHere.push(m);
    }
    return m;
  };
  return {
    personTaken(incoming) {
      if (mergedInto(incoming.id as string) === undefined) return false;
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
      if (!people.some((p) => mergedInto(p) !== undefined)) return incoming;
      for (const p of people) {
        if (mergedInto(p) !== undefined && !known) entry(p)[section]++;
      }
      return canonical(section, { ...incoming, people: [...new Set(people.map((p) => mergedInto(p) ?? p))] });
    },
  };
}
