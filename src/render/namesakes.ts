// Two people listed under one name ("Zhang Wei" and "Zhang Wei") cannot be told apart, and a
// command given that name asks which: each then carries its short id, which finds it.
import { shortId } from '../domain/ids';
import type { PersonRecord } from '../domain/model';
import { caseKey, sameButCase } from '../domain/names-case';
import { age } from './card';
import { oneLine } from './lines';

/** The ids of listed people whose name someone else listed has too (capitals aside, as sameButCase says). */
export function namesakeIds(people: Iterable<{ id: string; name: string }>): Set<string> {
  // By key, one list a key: nearly every key holds one person, and a map and a set for each of the
  // hundred thousand people list people labels cost more than the rest of the work.
  const byKey = new Map<string, Array<{ id: string; name: string }>>();
  for (const p of people) {
    const key = caseKey(p.name);
    const listed = byKey.get(key);
    if (listed === undefined) byKey.set(key, [p]);
    else listed.push(p);
  }
  const shared = new Set<string>();
  for (const listed of byKey.values()) {
    if (listed.length === 1) continue;
    // Then by spelling: a long list's many people of one spelling are compared once.
    const spellings = new Map<string, Set<string>>();
    for (const p of listed) {
      const ids = spellings.get(p.name);
      if (ids === undefined) spellings.set(p.name, new Set([p.id]));
      else ids.add(p.id);
    }
    // Most such keys hold one spelling: shared when several people hold it (at-risk lists
    // thousands, and comparing each name with itself letter by letter cost more than the rest).
    if (spellings.size === 1) {
      for (const ids of spellings.values()) if (ids.size > 1) for (const id of ids) shared.add(id);
      continue;
    }
    // One key holds names that are not one ("Aydin", "Ayd\u0131n", and "AYDIN", either): each pair is asked.
    for (const [name, ids] of spellings) {
      const others = [...spellings].filter(([other]) => sameButCase(other, name)).flatMap(([, o]) => [...o]);
      if (new Set(others).size > 1) for (const id of ids) shared.add(id);
    }
  }
  return shared;
}

/**
 * How to write a listed person's name: on one line, and with their id when someone else listed has
 * the same name.
 */
export function namesakeLabels(people: Iterable<{ id: string; name: string }>, sharedElsewhere: ReadonlySet<string> = new Set()): (p: { id: string; name: string }) => string {
  // Also those whose name someone not listed has: `sharedElsewhere`, as the store finds them.
  const shared = new Set([...namesakeIds(people), ...sharedElsewhere]);
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
