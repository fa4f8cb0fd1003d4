// Two people listed under one name ("Zhang Wei" and "Zhang Wei") cannot be told apart, and a
// command given that name asks which: each then carries its short id, which finds it.
import { shortId } from '../domain/ids';
import type { PersonRecord } from '../domain/model';
import { age } from './card';
import { oneLine } from './lines';

/** The ids of listed people whose name someone else listed has too (capitals aside). */
export function namesakeIds(people: Iterable<{ id: string; name: string }>): Set<string> {
  // Stored names are composed (NFC) already.
  const key = (name: string) => name.toLowerCase();
  const byName = new Map<string, Set<string>>();
  for (const p of people) {
    const ids = byName.get(key(p.name)) ?? new Set<string>();
    byName.set(key(p.name), ids.add(p.id));
  }
  return new Set([...byName.values()].filter((ids) => ids.size > 1).flatMap((ids) => [...ids]));
}

/**
 * How to write a listed person's name: on one line, and with their id when someone else listed has
 * the same name.
 */
export function namesakeLabels(people: Iterable<{ id: string; name: string }>): (p: { id: string; name: string }) => string {
  const shared = namesakeIds(people);
  if (shared.size === 0) return (p) => oneLine(p.name);
  return (p) => (shared.has(p.id) ? `${oneLine(p.name)} [${shortId(p.id)}]` : oneLine(p.name));
}

/**
 * What tells a person from another of the same name (a father and his son, both "Ilyas Zordun" in
 * UA 77/98): born or aged, status and cases, for a list to pick one from.
 */
export function tellApart(p: Pick<PersonRecord, 'age' | 'ageOn' | 'born' | 'status' | 'cases'>): string {
  const cases = p.cases.length > 0 ? p.cases.map((k) => oneLine(k.ref)).join(', ') : 'in no case';
  return [age(p), `status ${p.status}`, cases].filter(Boolean).join(', ');
}

/** A person as a choice in a list to pick from: "Ilyas Zordun [p-8fgz4h5h] (born 1950, status detained, UA 77/98)". */
export function personChoice(p: PersonRecord, more?: string): string {
  return `${oneLine(p.name)} [${shortId(p.id)}] (${tellApart(p)}${more ? `; ${more}` : ''})`;
}
