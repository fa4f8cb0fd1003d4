// A new person's row whose name is close to someone tracked, or to an earlier new row's: refused
// without --new, as add person refuses such a name, since a spelling difference must not open a
// second record (issue 3). Looked up before the write.
import type { Problem } from '../exchange/csv-read';
import type { PersonDraft } from '../exchange/csv-rows';
import type { NearNames } from '../exchange/csv-links';
import { shortId } from '../domain/ids';
import { nameKeys, PLAUSIBLE_MATCH, scoreName } from '../domain/names';
import { sameButCase } from '../domain/names-case';
import type { SqliteStore } from '../store/sqlite-store';
import { nearPeople, otherNames } from './duplicates';
import { peopleNamed } from './import-csv-names';
import { givesNameOf, sheetNameClashes } from '../exchange/csv-name-clashes';

/** Each new row's name, and the tracked people and earlier new rows close to it; problems of its other names. */
export async function nearNames(
  store: SqliteStore, drafts: PersonDraft[], problems: Problem[], placeOf: (line: number) => string,
): Promise<Map<string, NearNames>> {
  const near = new Map<string, NearNames>();
  // And a new row's name close to an earlier new row's ("Al\u00ed Baisal", "Ali Baysal" after "Ali Baisal"):
  // found through the same name keys as a stored name, and scored the same way.
  const earlier = new SheetNames();
  const newRows = drafts.filter((d) => !(d.id && store.read.personById(d.id)));
  problems.push(...sheetNameClashes(newRows, placeOf));
  const rowOn = new Map(drafts.map((d) => [d.line, d]));
  for (const d of drafts) {
    const name = d.name?.trim();
    // A row with an id this database does not hold (a colleague's sheet) brings a new person too.
    if ((d.id && store.read.personById(d.id)) || !name || near.has(name)) continue;
    near.set(name, {
      tracked: (await nearPeople(store, [name])).filter((n) => n.through !== name).map((n) => `${n.person.name} [${shortId(n.person.id)}] (${n.detail})`),
      // Rows that carry ids are people their own database tells apart (Tursun, Turghun): not each other's twins.
      // One giving the other's name among its other names is a clash said so (csv-name-clashes.ts), not a likeness.
      rows: (d.id ? [] : earlier.near(name)).filter((e) => !givesNameOf(d, rowOn.get(e.line)!)).map((e) => `${JSON.stringify(e.name)} on ${placeOf(e.line)} (${e.detail})`),
    });
    earlier.add(name, d.line);
    problems.push(...(await otherNamesTaken(store, d)));
  }
  return near;
}

/**
 * A new row's other names that are a tracked person's, or close to one: refused, as add person
 * refuses such an --alias without --new. Taken, "Kasim Mahpir" would then find two people.
 */
async function otherNamesTaken(store: SqliteStore, d: PersonDraft): Promise<Problem[]> {
  const taken: Problem[] = [];
  // Whoever holds the row's own name: the row is them (a sheet imported again), or is refused for it.
  const own = new Set(peopleNamed(store, d.name));
  for (const other of otherNames(d.otherNames, [d.name])) {
    const near = (await nearPeople(store, [other])).filter((n) => !own.has(n.person.id));
    if (near.length === 0) continue;
    const held = near.filter((n) => !n.loose);
    const listed = (held.length > 0 ? held : near).map((n) => `${n.person.name} [${shortId(n.person.id)}] (${n.detail})`).join('; ');
    taken.push({ line: d.line, column: 'other_names', message: `${JSON.stringify(other)} ${held.length > 0 ? 'is already a name of' : 'is close to'} ${listed}: ` +
      'put their id in the id column to update them, or import with --new if every new row is a different person' });
  }
  return taken;
}

/** Earlier names of a sheet scored against a new one, those sharing the most name keys with it. */
const SHEET_CANDIDATES = 20;

/** The new names met so far in a sheet, found again by their name keys. */
class SheetNames {
  private readonly byKey = new Map<string, Array<{ name: string; line: number }>>();
  private readonly names = new Set<string>();

  /**
   * Earlier names close to this one, not merely the same name in other case or spacing (refused on its
   * own). As a stored name's lookup does, only the names sharing the most keys with it are scored: a
   * sheet of three thousand people named Mohammed scored each against all the others (1 min 44 s).
   */
  near(name: string): Array<{ name: string; line: number; detail: string }> {
    const shared = new Map<{ name: string; line: number }, number>();
    for (const key of nameKeys(name)) for (const e of this.byKey.get(key) ?? []) shared.set(e, (shared.get(e) ?? 0) + 1);
    const found: Array<{ name: string; line: number; detail: string }> = [];
    const best = [...shared].sort((a, b) => b[1] - a[1] || a[0].line - b[0].line).slice(0, SHEET_CANDIDATES);
    for (const [e] of best) {
      if (sameButCase(e.name, name)) continue;
      const match = scoreName(name, e.name);
      if (match && match.score >= PLAUSIBLE_MATCH) found.push({ ...e, detail: match.detail });
    }
    return found.sort((a, b) => a.line - b.line);
  }

  add(name: string, line: number): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    const entry = { name, line };
    for (const key of nameKeys(name)) {
      const list = this.byKey.get(key) ?? [];
      list.push(entry);
      this.byKey.set(key, list);
    }
  }
}
