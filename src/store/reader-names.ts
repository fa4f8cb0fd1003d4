// Looking a person up by a name typed: the stored names that may be the one meant, the names
// alphabetically near it for "did you mean", and whose name each is.
import { foldName, nameKeys } from '../domain/names';
import type { DB } from './open';
import { allRows } from './rows';
import type { NameCandidate } from './store';

/** How many stored names a lookup scores at most, of each kind (same fold; sharing index keys). */
const CANDIDATES = 500;

/**
 * Stored names that may be the one meant. Names with the query's exact fold are fetched on their
 * own, so that a common name's many loose neighbours can never push a perfect match out; the loose
 * ones follow, those sharing most index keys with the query first. Both use indexes (folded, and
 * name_keys' primary key), so a lookup stays fast at hundreds of thousands of names.
 */
export function nameCandidates(db: DB, query: string): NameCandidate[] {
  const folded = foldName(query);
  if (folded === '') return [];
  const exact = allRows(db,
    `SELECT person_names.person_id, person_names.name, person_names.name = p.name AS is_primary, p.gender
       FROM person_names JOIN people p ON p.id = person_names.person_id
      WHERE person_names.folded = ? ORDER BY person_names.person_id, person_names.rowid LIMIT ?`, folded, CANDIDATES);
  // A stored name decides the lookup by itself (the matcher lets an exact match win outright), so
  // the loose candidates, costly to score in a large database, are fetched only when there is none.
  // Those people's other names come too: a fold shared with a name in another script (Qasim
  // Mahpir, their Uyghur name's) is explained by their name in the script typed (Kasim Mahpir).
  const theirs = exact.length === 0 ? [] : allRows(db,
    `SELECT pn.person_id, pn.name, pn.name = p.name AS is_primary, p.gender FROM person_names pn JOIN people p ON p.id = pn.person_id
      WHERE pn.person_id IN (SELECT value FROM json_each(?)) ORDER BY pn.person_id, pn.rowid`,
    JSON.stringify([...new Set(exact.map((r) => r.person_id as string))]),
  );
  const loose = exact.length > 0 ? theirs : allRows(db,
    `SELECT pn.person_id, pn.name, pn.name = p.name AS is_primary, p.gender FROM (
       SELECT name_id, count(*) AS shared FROM name_keys WHERE key IN (SELECT value FROM json_each(?))
        GROUP BY name_id ORDER BY shared DESC, name_id LIMIT ?) k
     JOIN person_names pn ON pn.id = k.name_id JOIN people p ON p.id = pn.person_id
     ORDER BY k.shared DESC, k.name_id`,
    JSON.stringify(nameKeys(query)), CANDIDATES,
  );
  const seen = new Set<string>();
  const out: NameCandidate[] = [];
  for (const r of [...exact, ...loose]) {
    const key = `${r.person_id as string}\u0000${r.name as string}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ personId: r.person_id as string, name: r.name as string, primary: r.is_primary === 1, ...(r.gender ? { gender: r.gender as string } : {}) });
  }
  return out;
}

/** Names alphabetically around the query's fold: a cheap "did you mean" (two index ranges). */
export function nearbyNames(db: DB, query: string, limit: number): string[] {
  const folded = foldName(query);
  const after = allRows(db, 'SELECT name FROM person_names WHERE folded >= ? ORDER BY folded LIMIT ?', folded, limit);
  const before = allRows(db, 'SELECT name FROM person_names WHERE folded < ? ORDER BY folded DESC LIMIT ?', folded, limit);
  return [...before, ...after].map((r) => r.name as string);
}

/**
 * Names of people stored up to a rowid mark that share the fold or the most match keys with this
 * name: who a just-imported person may be, without scoring the others just imported.
 */
export function namesBefore(db: DB, query: string, mark: number, limit = 20): NameCandidate[] {
  const rows = allRows(db,
    `SELECT pn.person_id, pn.name FROM person_names pn JOIN people p ON p.id = pn.person_id
      WHERE pn.folded = @folded AND p.rowid <= @mark
     UNION ALL
     SELECT person_id, name FROM (
       SELECT pn.person_id, pn.name FROM (
         SELECT name_id, count(*) AS shared FROM name_keys WHERE key IN (SELECT value FROM json_each(@keys)) GROUP BY name_id) k
       JOIN person_names pn ON pn.id = k.name_id JOIN people p ON p.id = pn.person_id
       WHERE p.rowid <= @mark ORDER BY k.shared DESC, k.name_id LIMIT @limit)`,
    { folded: foldName(query), keys: JSON.stringify(nameKeys(query)), mark, limit },
  );
  return rows.map((r) => ({ personId: r.person_id as string, name: r.name as string }));
}

/** Whose name each of these is (its person's primary name), for suggestions that name each person once. */
export function primaryNamesOf(db: DB, names: string[]): Map<string, string> {
  const rows = allRows(db,
    `SELECT n.name, p.name AS primary_name FROM person_names n JOIN people p ON p.id = n.person_id
      WHERE n.name IN (SELECT value FROM json_each(?)) ORDER BY n.rowid`, JSON.stringify(names));
  const primary = new Map<string, string>();
  for (const r of rows) if (!primary.has(r.name as string)) primary.set(r.name as string, r.primary_name as string);
  return primary;
}

/**
 * Of these people, those whose name another person tracked here also goes by (as folded for lookup):
 * a list showing one of them must say which (due lists the son's deadline, the father is not in it).
 */
export function namesHeldByOthers(db: DB, ids: string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = allRows(db,
    `SELECT pn.person_id AS id FROM json_each(?) JOIN person_names pn ON pn.person_id = json_each.value AND pn.is_primary = 1
      WHERE EXISTS (SELECT 1 FROM person_names o WHERE o.folded = pn.folded AND o.person_id <> pn.person_id)`, JSON.stringify([...new Set(ids)]));
  return new Set(rows.map((r) => r.id as string));
}

