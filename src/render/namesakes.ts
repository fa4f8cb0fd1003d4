// Two people listed under one name ("Zhang Wei" and "Zhang Wei") cannot be told apart, and a
// command given that name asks which: each then carries its short id, which finds it.
import { shortId } from '../domain/ids';
import type { PersonRecord } from '../domain/model';
import { caseKey, sameButCase } from '../domain/names-case';
import { age } from './card';
import { oneLine } from './lines';

type Named = { id: string; name: string };

/** The ids of listed people whose name someone else listed has too (capitals aside, as sameButCase says). */
export function namesakeIds(people: readonly Named[]): Set<string> {
  // By key: the one person, or a list once a key holds several. Nearly every key holds one, and a
  // list, a map and a set for each of the hundred thousand people list people labels cost more than
  // the rest of the work. Counted loops and forEach rather than for-of: before V8 compiles the code,
  // each step of an iterator is an object (thousands for at-risk's list).
  const byKey = new Map<string, Named | Named[]>();
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    const key = caseKey(p.name);
    const listed = byKey.get(key);
    if (listed === undefined) byKey.set(key, p);
    else if (Array.isArray(listed)) listed.push(p);
    else byKey.set(key, [listed, p]);
  }
  const shared = new Set<string>();
  byKey.forEach((listed) => {
    if (Array.isArray(listed)) addNamesakes(listed, shared);
  });
  return shared;
}

/** Of people whose names share a key, those whose name is another's but for its capitals, into `shared`. */
function addNamesakes(listed: Named[], shared: Set<string>): void {
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
    return;
  }
  // One key holds names that are not one ("Aydin", "Ayd\u0131n", and "AYDIN", either): each pair is asked.
  for (const [name, ids] of spellings) {
    const others = [...spellings].filter(([other]) => sameButCase(other, name)).flatMap(([, o]) => [...o]);
    if (new Set(others).size > 1) for (const id of ids) shared.add(id);
  }
}

/**
 * How to write a listed person's name: on one line, and with their id when someone else listed has
 * the same name.
 */
export function namesakeLabels(people: readonly Named[], sharedElsewhere: ReadonlySet<string> = new Set()): (p: Named) => string {
  // Also those whose name someone not listed has: `sharedElsewhere`, as the store finds them.
  const shared = namesakeIds(people);
  for (const id of sharedElsewhere) shared.add(id);
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
