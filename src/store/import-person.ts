// What an import never takes away from a person stored here: their names. Another name is how a
// person is found again (an older spelling, the name in Chinese script that a colleague never
// typed); a file that lacks one says nothing against it, so it stays, and so does a name's note the
// file does not carry (a CSV sheet carries none). Risks, unlike names, follow the file's version
// with --replace: a colleague may have taken one away on purpose (a sentence commuted), and the
// refusal and the notes list each risk that goes, by name.
import { differingFields } from '../exchange/canonical';

type Obj = Record<string, unknown>;
interface Name { id: string; name: string; note: string | null }

/** What taking the file's version of a person changes in their names and risks, value by value. */
export interface PersonChanges {
  /** The name they are known by, here and in the file, when the file changes it (the one here stays another name). */
  renamed?: { from: string; to: string };
  /** Names the file adds. */
  added: string[];
  /** Names here the file lacks: kept. */
  kept: string[];
  /** Names whose note the file changes. */
  notes: string[];
  /** Risks here the file lacks (they go), and risks the file adds. */
  risksGone: string[];
  risksAdded: string[];
}

const key = (name: string) => name.normalize('NFC');

/**
 * The file's version of a person stored here, with every name stored here that the file lacks (in
 * the order they have here, after the file's primary name, then the file's new names), and each
 * name's note where the file gives none. A kept name whose id the file gives another name gets a
 * new one. `kept`: the names kept that way.
 */
export function withNamesHere(stored: Obj, incoming: Obj, newNameId: () => string): { record: Obj; kept: string[] } {
  const here = stored.names as Name[];
  const file = incoming.names as Name[];
  const inFile = new Map(file.map((n) => [key(n.name), n]));
  const noteHere = new Map(here.map((n) => [key(n.name), n.note]));
  const withNote = (n: Name): Name => ({ ...n, note: n.note ?? noteHere.get(key(n.name)) ?? null });
  const fileIds = new Set(file.map((n) => n.id));
  const [primary, ...fileOthers] = file;
  const names: Name[] = [withNote(primary!)];
  const placed = new Set([key(primary!.name)]);
  const kept: string[] = [];
  for (const n of here) {
    if (placed.has(key(n.name))) continue;
    placed.add(key(n.name));
    const there = inFile.get(key(n.name));
    if (there) {
      names.push(withNote(there));
    } else {
      kept.push(n.name);
      names.push({ ...n, id: fileIds.has(n.id) ? newNameId() : n.id });
    }
  }
  for (const n of fileOthers) {
    if (placed.has(key(n.name))) continue;
    placed.add(key(n.name));
    names.push(n);
  }
  return { record: { ...incoming, names }, kept };
}

/**
 * Whether the file's version only gives notes to names that have none here (a record moved by a
 * CSV sheet, which carries no notes, meeting the export of its origin): nothing here is lost, so
 * it is taken without --replace.
 */
export function onlyFillsNotes(stored: Obj, merged: Obj): boolean {
  if (differingFields(stored, merged).join() !== 'names') return false;
  const [here, there] = [stored.names as Name[], merged.names as Name[]];
  return here.length === there.length && here.every((n, i) => key(n.name) === key(there[i]!.name) && (n.note === there[i]!.note || n.note == null));
}

/** Each name and risk that taking the file's version (merged, as withNamesHere made it) changes. */
export function personChanges(stored: Obj, merged: Obj, kept: string[]): PersonChanges {
  const [here, there] = [stored.names as Name[], merged.names as Name[]];
  const noteHere = new Map(here.map((n) => [key(n.name), n.note]));
  const risksHere = stored.risks as string[];
  const risksThere = merged.risks as string[];
  const [from, to] = [stored.name as string, merged.name as string];
  return {
    ...(key(from) !== key(to) ? { renamed: { from, to } } : {}),
    added: there.filter((n) => !noteHere.has(key(n.name)) && key(n.name) !== key(to)).map((n) => n.name),
    kept,
    // A note given where there was none is no change to list: nothing here goes.
    notes: there.filter((n) => noteHere.has(key(n.name)) && noteHere.get(key(n.name)) != null && noteHere.get(key(n.name)) !== n.note).map((n) => n.name),
    risksGone: risksHere.filter((r) => !risksThere.includes(r)),
    risksAdded: risksThere.filter((r) => !risksHere.includes(r)),
  };
}
