// A text an erase rewrote here (a name of someone erased replaced by a mark) and an older copy of
// it that a file brings back (an export made before the erase, a colleague's): the copy is the same
// text but where the mark stands, and what stands there in it is what the erase took out, a name
// the person had then (an alias since taken away) as much as one they still had. The erase memory
// keeps no names (erased-memory.ts), so the text here is what tells them.

type Obj = Record<string, unknown>;

/** Whether `older` is `rewritten` with some text (not none) where each mark stands. */
export function sameButMarked(rewritten: string, older: string, mark: string): boolean {
  if (rewritten === older || !rewritten.includes(mark)) return false;
  const pieces = rewritten.split(mark);
  const [first, last] = [pieces[0]!, pieces[pieces.length - 1]!];
  if (!older.startsWith(first) || !older.endsWith(last)) return false;
  // Each piece between marks at its first place after some text: if any placing fits, that one does.
  const end = older.length - last.length;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = older.indexOf(piece, at + 1);
    if (found === -1) return false;
    at = found + piece.length;
  }
  return at < end;
}

/**
 * The record from a file with each of its texts that is the text here but for what an erase marked
 * taken as it is here (`stored`); the record itself when there is none.
 */
export function asErasedHere(incoming: Obj, stored: Obj, mark: string): Obj {
  return keptAsHere(incoming, stored, mark) as Obj;
}

function keptAsHere(incoming: unknown, stored: unknown, mark: string): unknown {
  if (typeof incoming === 'string') return typeof stored === 'string' && sameButMarked(stored, incoming, mark) ? stored : incoming;
  if (Array.isArray(incoming)) {
    if (!Array.isArray(stored) || stored.length !== incoming.length) return incoming;
    const items = incoming.map((v, i) => keptAsHere(v, stored[i], mark));
    return items.every((v, i) => v === incoming[i]) ? incoming : items;
  }
  if (incoming === null || typeof incoming !== 'object' || stored === null || typeof stored !== 'object' || Array.isArray(stored)) return incoming;
  const entries = Object.entries(incoming).map(([k, v]): [string, unknown] => [k, keptAsHere(v, (stored as Obj)[k], mark)]);
  return entries.every(([k, v]) => v === (incoming as Obj)[k]) ? incoming : Object.fromEntries(entries);
}
