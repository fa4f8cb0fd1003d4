// Migration 8: every stored name's fold and lookup keys made again. Names now fold with the
// look-alikes of Latin letters from other alphabets read as Latin ("Ka\u0455im", with a Cyrillic
// dze, is "kasim", not "kadzim"), Hebrew without its vowel points, and more forms of the dot between
// the words of a name in Chinese characters dividing them (domain/names-fold.ts): a name
// stored before, folded and keyed the old way, would be found by no query that folds the new way,
// nor seen as near a new name that does. Only the folds that change are written (the search index
// follows them through its triggers); the keys are all made again, as migration 7 made them.
import type { DB } from '../open';
import { foldName } from '../../domain/names';
import { remakeNameKeys } from './007-name-keys';

export function refoldNames(db: DB): void {
  // Read whole first: better-sqlite3 runs no other statement while one is being iterated.
  const names = db.prepare('SELECT id, name, folded FROM person_names').all() as Array<{ id: string; name: string; folded: string }>;
  const update = db.prepare('UPDATE person_names SET folded = ? WHERE id = ?');
  for (const n of names) {
    const folded = foldName(n.name);
    if (folded !== n.folded) update.run(folded, n.id);
  }
  remakeNameKeys(db);
}
