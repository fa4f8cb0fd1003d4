// A sheet's cell naming people, read as add event reads a name: a stored name, but for case and
// spacing (pasted from the web with a no-break space, typed in small letters), is that name; one
// that only comes close is refused naming the person meant, for a sheet has no terminal to confirm on.
import { shortId } from '../domain/ids';
import { resolveName } from '../domain/names';
import { sameButCase } from '../domain/names-case';
import type { SqliteStore } from '../store/sqlite-store';
import { shellWord } from './hints';

/** The people holding exactly this stored name (the sheet's rows, its other names, its people cells alike). */
export function peopleNamed(store: SqliteStore, name: string): string[] {
  return store.read.nameCandidates(name).filter((c) => c.name === name.trim()).map((c) => c.personId);
}

/** The people of this stored name; or, when none, those of a stored name that differs from it in case and spacing alone. */
export function peopleCalled(store: SqliteStore, name: string): string[] {
  const exact = peopleNamed(store, name);
  return exact.length > 0 ? exact : store.read.nameCandidates(name).filter((c) => sameButCase(c.name, name)).map((c) => c.personId);
}

/** Why a name that is no one's stored name is refused, with whom it comes close to; undefined when it comes close to nobody. */
export function personMeant(store: SqliteStore, name: string): string | undefined {
  const typed = name.trim();
  const candidates = store.read.nameCandidates(typed).map((c) => ({ person: c.personId, personId: c.personId, name: c.name }));
  const resolution = resolveName(typed, candidates);
  if (resolution.kind === 'none') return undefined;
  const listed = (resolution.kind === 'one' ? [resolution.best] : resolution.candidates).map((c) => {
    const person = store.read.personById(c.person)!;
    return { person, text: `${person.name} [${shortId(person.id)}] (${c.name !== person.name ? `as "${c.name}": ` : ''}${c.match.detail}, score ${c.match.score.toFixed(2)})` };
  });
  const [first] = listed;
  if (listed.length > 1) return `"${typed}" is not a stored name; it is close to ${listed.map((l) => l.text).join('; ')}: write the name as stored, or give the id in people_ids`;
  return `"${typed}" is not a stored name; it looks like ${first!.text}: write the name as stored, or give the id in people_ids, ` +
    `or add this spelling with caselog person alias ${shellWord(first!.person.name)} ${shellWord(typed)}`;
}
