// Turns CSV drafts into records in the export format, resolving their links against what is stored:
// ids when they exist, else the names (a person's exact stored name, a case's reference, a source's
// reference or title). When both are given and both resolve, they must agree.
import { dateJson, isoOf } from '../domain/dates';
import { ButCaseMap } from '../domain/names-case';
import { WHOLE_CASE_STATUS } from '../domain/status';
import type { PersonRecord } from '../domain/model';
import type { EventDraft, Links, PersonDraft } from './csv-rows';
import type { Problem } from './csv-read';
import type { Section } from './format';

export interface Lookup {
  person(id: string): PersonRecord | undefined;
  /** Ids of the people who have exactly this stored name. */
  peopleNamed(name: string): string[];
  /** Those of this stored name, or else of a stored name that differs from it in case and spacing alone. */
  peopleCalled(name: string): string[];
  /** Why a name that is no one's stored name is refused, naming whom it comes close to (as add event does); undefined when nobody. */
  personMeant(name: string): string | undefined;
  /** Who a new row's name closely matches; none when the sheet's people are new (--new). */
  peopleNear(name: string): NearNames;
  /** The sheet's new people are each a different person, whatever their names (--new). */
  allNew: boolean;
  caseExists(id: string): boolean;
  caseByRef(ref: string): string | undefined;
  sourceExists(id: string): boolean;
  /** Ids of sources with this reference code or exact title. */
  sourcesFor(text: string): string[];
  /** A stored event with this date, type, summary, case and exactly these people: the row is that event again. */
  sameEvent(event: { case: string | null; type: string; date: string; approximate: boolean; summary: string; people: string[] }): string | undefined;
  /** When a stored record was first recorded (kept by an update), or undefined for a new one. */
  recorded(section: 'people' | 'events', id: string): string | undefined;
  newId(kind: 'person' | 'event' | 'name'): string;
  /** How a message names the row that starts on this line of the file ("row 4", "row 4 (line 7)"). */
  placeOf(line: number): string;
}

/** Tracked people (as "Name [p-\u2026] (how)") and earlier new rows of the sheet (as "\"Name\" on row N (how)"). */
export interface NearNames { tracked: string[]; rows: string[] }

export interface Resolved {
  section: Section; record: Record<string, unknown>; where: string;
  /**
   * A row without an id taken as the person of its name (as written on the row): refused at this
   * problem's place, saying what differs, unless it says what they say, the days its reading supplied aside.
   */
  unlessSame?: { problem: Problem; name: string; supplied: string[] };
  /** The row gave no id and names no record here: its id is new, made for it, and means nothing to the user. */
  idMade?: true;
}

type Finder = { exists(id: string): boolean; byName(name: string): string[]; what: string; named: string; missing?(name: string): string | undefined };

function resolve(line: number, links: Links, find: Finder, problems: Problem[]): string[] | undefined {
  const fail = (column: string, message: string) => { problems.push({ line, column, message }); return undefined; };
  const unique = (ids: string[]) => [...new Set(ids)];
  const idsKnown = links.ids.length > 0 && links.ids.every((id) => find.exists(id));
  const byName: string[] = [];
  for (const name of links.names) {
    const found = unique(find.byName(name));
    if (found.length === 1) {
      byName.push(found[0]!);
      continue;
    }
    if (idsKnown) return unique(links.ids); // the ids decide; the names are there for reading
    if (found.length === 0) return fail(links.nameColumn, find.missing?.(name) ?? `no ${find.what} ${find.named} ${JSON.stringify(name)}`);
    const several = find.what === 'person' ? 'people' : `${find.what}s`;
    return fail(links.nameColumn, `${JSON.stringify(name)} fits several ${several} (${found.join(', ')}): give the id in ${links.idColumn}`);
  }
  if (idsKnown) {
    return byName.length === 0 || sameSet(byName, links.ids)
      ? unique(links.ids)
      : fail(links.nameColumn, `does not match ${links.idColumn}: correct one of them, or empty it`);
  }
  const unknown = links.ids.find((id) => !find.exists(id));
  if (unknown && links.names.length === 0) return fail(links.idColumn, `no ${find.what} with the id ${unknown}`);
  return unique(byName);
}

const sameSet = (a: string[], b: string[]) => new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

function finders(lookup: Lookup) {
  return {
    // As add event takes a name: as stored but for case and spacing (a no-break space pasted from the web).
    person: { exists: (id: string) => lookup.person(id) !== undefined, byName: lookup.peopleCalled, what: 'person', named: 'with the stored name',
      missing: (name: string) => severalNames(name, lookup) ?? lookup.personMeant(name) },
    case: { exists: lookup.caseExists, byName: (ref: string) => [lookup.caseByRef(ref)].filter((x): x is string => !!x), what: 'case', named: 'with the reference' },
    source: { exists: lookup.sourceExists, byName: lookup.sourcesFor, what: 'source', named: 'with the reference or title' },
  };
}

/** A people cell whose commas part names of people: ";" separates them, as in every list cell. */
function severalNames(cell: string, lookup: Lookup): string | undefined {
  const parts = cell.split(',').map((p) => p.trim());
  if (parts.length < 2 || !parts.every((p) => p && lookup.peopleCalled(p).length > 0)) return undefined;
  return `${JSON.stringify(cell)} names several people: separate people with ";" (${parts.join('; ')})`;
}

/**
 * Whom a new row's name is close to, and what to do: a tracked person is updated through their id;
 * an earlier new row has no id to give, so it and this one become one row with both spellings.
 */
function closeTo({ tracked, rows }: NearNames): string | undefined {
  if (tracked.length === 0 && rows.length === 0) return undefined;
  const toTracked = 'put their id in the id column to update them';
  const toRow = 'keep one row and put the other spelling in its other_names';
  const advice = rows.length === 0 ? toTracked : tracked.length === 0 ? `if they are one person, ${toRow}`
    : `if it is someone tracked, ${toTracked}; if it is the person of that line, ${toRow}`;
  const apart = tracked.length > 0 ? 'if every new row is a different person' : `if they are ${rows.length === 1 ? 'two' : 'different'} people`;
  const all = [...tracked, ...rows];
  // The first few: a sheet of many alike names (a family, a village) listed every earlier row at each
  // row, and the refusal grew by the square of the sheet (14 KB for 300 rows).
  const listed = all.length > NEAR_LISTED ? `${all.slice(0, NEAR_LISTED).join('; ')} and ${all.length - NEAR_LISTED} more` : all.join('; ');
  return `is close to ${listed}: ${advice}, or import with --new ${apart}`;
}

/** The close names a row's refusal lists. */
const NEAR_LISTED = 3;

export function personRecords(drafts: PersonDraft[], lookup: Lookup, problems: Problem[]): Resolved[] {
  const find = finders(lookup);
  const seen = new Map<string, number>();
  // A new row's name on an earlier one: case and spacing tell no one apart (sameButCase, as everywhere).
  const newNames = new ButCaseMap<[number, string]>();
  return drafts.flatMap((d) => {
    const before = problems.length;
    const cases = resolve(d.line, d.cases, find.case, problems);
    if (d.id && seen.has(d.id)) problems.push({ line: d.line, column: 'id', message: `${d.id} is also on ${lookup.placeOf(seen.get(d.id)!)}` });
    const tracked = d.id && lookup.person(d.id) ? [] : d.name ? [...new Set(lookup.peopleNamed(d.name))] : [];
    const trackedProblem = { line: d.line, column: 'name', message: `${JSON.stringify(d.name)} is already tracked (${tracked.join(', ')}): put the id in the id column to update them` +
      (d.id ? ` (${d.id} is no one's here: a sheet from another database)` : '') +
      // Not even with --new: a sheet imported again would add everyone in it a second time.
      `; if it is another person of that name, add them with caselog add person ${JSON.stringify(d.name)} --new` };
    // A row without an id that says what the one person of its name says is that person (a sheet
    // imported again, with rows added), as an event's row is; whether it says so is known once the
    // columns the sheet lacks are filled in from them (import-csv).
    const same = !d.id && tracked.length === 1 ? tracked[0] : undefined;
    if (same && seen.has(same)) problems.push({ line: d.line, column: 'name', message: `${JSON.stringify(d.name)} is also on ${lookup.placeOf(seen.get(same)!)}: give one row per person` });
    const storedId = d.id ?? same;
    const stored = storedId ? lookup.person(storedId) : undefined;
    // A name they already hold was written so on purpose (an export made before names with commas were quoted).
    for (const { name, parts } of d.commaNames.filter((c) => !stored?.names.some((n) => n.name === c.name))) {
      problems.push({ line: d.line, column: 'other_names', message: `${JSON.stringify(name)} reads as ${parts.length} names: separate names with ";" ` +
        `(${parts.join('; ')}); if it is one name written with a comma, put it in double quotes in the cell` });
    }
    if (!stored && d.name) {
      if (tracked.length > 0) {
        problems.push(trackedProblem);
      } else if (closeTo(lookup.peopleNear(d.name))) {
        problems.push({ line: d.line, column: 'name', message: `${JSON.stringify(d.name)} ${closeTo(lookup.peopleNear(d.name))}` });
      } else if (newNames.get(d.name) && !d.id && !lookup.allNew) {
        // A row with an id is a person its own database tells apart from a namesake (an exported sheet
        // of two Ali Hassans), and --new says every new row is someone else: neither is a row given twice.
        const [line, name] = newNames.get(d.name)!;
        problems.push({ line: d.line, column: 'name', message: `${JSON.stringify(d.name)} is also added on ${lookup.placeOf(line)}${name === d.name ? '' : ` (as ${JSON.stringify(name)})`}: ` +
          'give one row per person, or import with --new if they are different people' });
      }
      if (!newNames.get(d.name)) newNames.set(d.name, [d.line, d.name]);
    }
    const id = d.id ?? same ?? lookup.newId('person');
    seen.set(id, d.line);
    if (!d.ok || problems.length > before || !cases) return [];
    const names = [d.name, ...d.otherNames.filter((n, i, all) => all.indexOf(n) === i)].map((name) => {
      const known = stored?.names.find((n) => n.name === name);
      return { id: known?.id ?? lookup.newId('name'), name, note: known?.note ?? null };
    });
    return [{
      section: 'people' as const, where: lookup.placeOf(d.line), ...(same ? { unlessSame: { problem: trackedProblem, name: d.name, supplied: d.supplied } } : {}),
      ...(!d.id && !same ? { idMade: true as const } : {}),
      record: {
        id, name: d.name, names, age: d.age ?? null, ageOn: d.ageOn ? dateJson(d.ageOn) : null, born: d.born ? dateJson(d.born) : null,
        gender: d.gender ?? null, citizenship: d.citizenship ?? null, ethnicity: d.ethnicity ?? null, status: d.status ?? null,
        statusOn: d.statusOn ?? null, risks: d.risks, cases, recorded: lookup.recorded('people', id) ?? null,
      },
    }];
  });
}

export function eventRecords(drafts: EventDraft[], lookup: Lookup, problems: Problem[]): Resolved[] {
  const find = finders(lookup);
  const seen = new Map<string, number>();
  const sameRow = new Map<string, number>();
  const byWhatItSays = new Set<string>();
  return drafts.flatMap((d) => {
    const before = problems.length;
    const theCase = resolve(d.line, d.case, find.case, problems);
    const people = resolve(d.line, d.people, find.person, problems);
    const sources = resolve(d.line, d.sources, find.source, problems);
    if (d.id && seen.has(d.id)) problems.push({ line: d.line, column: 'id', message: `${d.id} is also on ${lookup.placeOf(seen.get(d.id)!)}${byWhatItSays.has(d.id) ? ' (a row without the id that says what it says)' : ''}` });
    // A row without an id that says what a stored event says (a sheet imported again, with rows added)
    // is that event, not a second copy of it; and two such rows in one sheet are one event twice.
    let id = d.id;
    if (!id && d.ok && theCase && people) {
      const key = JSON.stringify([theCase[0] ?? null, d.type, isoOf(d.date), d.date.approximate, d.summary, [...people].sort()]);
      if (sameRow.has(key)) problems.push({ line: d.line, column: '', message: `the same event as ${lookup.placeOf(sameRow.get(key)!)}: give it once` });
      else sameRow.set(key, d.line);
      id = lookup.sameEvent({ case: theCase[0] ?? null, type: d.type, date: isoOf(d.date), approximate: d.date.approximate, summary: d.summary, people });
      if (id !== undefined) byWhatItSays.add(id);
    }
    const idMade = id === undefined;
    id ??= lookup.newId('event');
    if (!d.id && seen.has(id)) {
      if (!problems.some((p) => p.line === d.line)) problems.push({ line: d.line, column: '', message: `the same event (${id}) as ${lookup.placeOf(seen.get(id)!)}: give it once` });
      return [];
    }
    seen.set(id, d.line);
    // A new status event is someone's, as add event has it (one already stored, from an older version, reads back).
    if (d.type === 'status' && people?.length === 0 && lookup.recorded('events', id) === undefined) {
      problems.push({ line: d.line, column: 'people', message: WHOLE_CASE_STATUS });
    }
    if (!d.ok || problems.length > before || !theCase || !people || !sources) return [];
    return [{
      section: 'events' as const, where: lookup.placeOf(d.line), ...(idMade ? { idMade: true as const } : {}),
      record: {
        id, case: theCase[0] ?? null, type: d.type, status: d.status ?? null, date: dateJson(d.date), summary: d.summary,
        place: d.place ?? null, actor: d.actor ?? null, people, sources, recorded: lookup.recorded('events', id) ?? null,
      },
    }];
  });
}
