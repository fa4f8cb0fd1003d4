// Saying whom something was recorded for, when the name alone could be someone else's.
import { shortId } from '../domain/ids';
import { sameButCase } from '../domain/names-case';
import { namesakeIds } from '../render/namesakes';
import type { SqliteStore } from '../store/sqlite-store';

type Named = { id: string; name: string };

/**
 * How to name people in a line saying what was recorded for them: with their id when another tracked
 * person has the same name ("Recorded arrest ... for Ilyas Zordun [p-8fgz4h5h]"), so the caseworker
 * sees which of the two it went to; as they are otherwise.
 */
export async function trackedLabels(store: SqliteStore, people: Named[]): Promise<(p: Named) => string> {
  const shared = namesakeIds(people);
  for (const p of people) {
    const others = (await store.nameCandidates(p.name)).filter((c) => c.personId !== p.id && sameButCase(c.name, p.name));
    if (others.length > 0) shared.add(p.id);
  }
  return (p) => (shared.has(p.id) ? `${p.name} [${shortId(p.id)}]` : p.name);
}
