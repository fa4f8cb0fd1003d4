// Migration 7: every stored name's lookup keys made again. A name is found through the keys stored
// with it, so a stored name whose keys no query makes any more is found by nobody. The keys now
// (domain/names-keys.ts) hold a word's consonants as Arabic script writes them, in place of its Double
// Metaphone code, so that a name in Arabic or Persian letters and its romanisations share a key; and
// a long name's first and last words' keys are never the ones cut. Another change of the keys adds
// another migration that runs this again.
import type { DB } from '../open';
import { nameKeys } from '../../domain/names';

export function remakeNameKeys(db: DB): void {
  db.exec('DELETE FROM name_keys');
  // Read whole first: better-sqlite3 runs no other statement while one is being iterated.
  const names = db.prepare('SELECT id, name FROM person_names').all() as Array<{ id: string; name: string }>;
  const insert = db.prepare('INSERT OR IGNORE INTO name_keys (key, name_id) SELECT value, ? FROM json_each(?)');
  for (const n of names) insert.run(n.id, JSON.stringify(nameKeys(n.name)));
}
