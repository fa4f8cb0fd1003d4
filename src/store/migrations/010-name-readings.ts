// Migration 10: every stored name's fold and lookup keys made again, as migration 8 made them. A
// word mixing Latin letters with Cyrillic (or Greek, Armenian, Cherokee) ones is now read in the
// script most of its letters are written in ("\u041A\u0430\u0441t\u0435\u0440", one Latin t among Cyrillic, is
// "kaster", where every letter that looks Latin was read as Latin, "kactep"; domain/names-lookalike.ts);
// and a Turkic "son of" written apart is one word with the father's name before it (Kyrgyz "Nurlan
// uulu" keyed as Nurlanuly, domain/names-token.ts). A name stored before, folded and keyed the old
// way, would be found by no query that folds and keys it the new way.
import type { DB } from '../open';
import { refoldNames } from './008-name-folds';

export function readNamesAgain(db: DB): void {
  refoldNames(db);
}
