// Two people listed under one name ("Zhang Wei" and "Zhang Wei") cannot be told apart, and a
// command given that name asks which: each then carries its short id, which finds it.
import { shortId } from '../domain/ids';
import { oneLine } from './lines';

/**
 * How to write a listed person's name: on one line, and with their id when someone else listed has
 * the same name.
 */
export function namesakeLabels(people: Iterable<{ id: string; name: string }>): (p: { id: string; name: string }) => string {
  // Stored names are composed (NFC) already.
  const key = (name: string) => name.toLowerCase();
  const ids = new Map<string, string>();
  const shared = new Set<string>();
  for (const p of people) {
    const k = key(p.name);
    const seen = ids.get(k);
    if (seen === undefined) ids.set(k, p.id);
    else if (seen !== p.id) shared.add(k);
  }
  if (shared.size === 0) return (p) => oneLine(p.name);
  return (p) => (shared.has(key(p.name)) ? `${oneLine(p.name)} [${shortId(p.id)}]` : oneLine(p.name));
}
