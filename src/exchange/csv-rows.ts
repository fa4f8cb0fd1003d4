// A CSV row as what it asks for: a person or an event with its links still as typed
// (ids and/or names). Pure: the links are resolved against the database afterwards.
import { birthProblem, bornFromAge, dayIso } from '../domain/dates';
import { EVENT_TYPES, RISKS, STATUSES, type Day, type EventType, type PartialDate, type Risk, type Status } from '../domain/types';
import { MAX_AGE } from '../domain/model';
import { namesBetweenCommas } from '../domain/names-comma';
import type { Cells } from './csv-read';
import { nameProblem } from './format';

/** A link as the sheet gives it: ids (authoritative when they exist) and names for people reading it. */
export interface Links { ids: string[]; names: string[]; idColumn: string; nameColumn: string }

/** `ok` is false when the row's own cells have problems; its links are still checked, so all are reported. */
export interface PersonDraft {
  ok: boolean; line: number; id?: string; name: string; otherNames: string[]; status?: Status; statusOn?: string; risks: Risk[];
  age?: number; ageOn?: PartialDate; born?: PartialDate; gender?: string; citizenship?: string; ethnicity?: string; cases: Links;
  /** The days the reading supplied (today), the row giving a status or an age without its day. */
  supplied: Array<'statusOn' | 'ageOn'>;
  /** Other names holding a comma between what read as several names, not put in quotes to say they are one. */
  commaNames: Array<{ name: string; parts: string[] }>;
}

export interface EventDraft {
  ok: boolean; line: number; id?: string; date: PartialDate; type: EventType; status?: Status; summary: string; place?: string; actor?: string;
  case: Links; people: Links; sources: Links;
}

const ID_SHAPE = { people: /^p-[0-9a-z]{4,32}$/, events: /^e-[0-9a-z]{4,32}$/ };

function readId(cells: Cells, table: 'people' | 'events'): string | undefined {
  const id = cells.word('id')?.toLowerCase();
  if (id !== undefined && !ID_SHAPE[table].test(id)) {
    cells.problem('id', `${JSON.stringify(id)} is not ${table === 'people' ? 'a person' : 'an event'} id (leave it empty to add a new record)`);
    return undefined;
  }
  return id;
}

const links = (cells: Cells, idColumn: string, nameColumn: string): Links =>
  ({ ids: cells.list(idColumn).map((id) => id.toLowerCase()), names: cells.list(nameColumn), idColumn, nameColumn });

/** A person row; its problems are on `cells`. */
export function readPersonRow(cells: Cells, today: Day): PersonDraft {
  const id = readId(cells, 'people');
  const name = cells.text('name', true)?.trim();
  const status = cells.oneOf('status', STATUSES);
  const statusOn = cells.day('status_on');
  const risks = cells.list('risks').map((r) => r.toLowerCase());
  const badRisk = risks.find((r) => !RISKS.includes(r as Risk));
  if (badRisk) cells.problem('risks', `${JSON.stringify(badRisk)} is not one of ${RISKS.join(', ')}`);
  const age = cells.wholeNumber('age');
  if (age !== undefined && age > MAX_AGE) cells.problem('age', `${age} is not a person's age (at most ${MAX_AGE})`);
  const ageOn = cells.date('age_on');
  if (ageOn && age === undefined) cells.problem('age_on', 'goes with age: give the age too, or leave it empty');
  // As add person refuses them: an age and birth date at odds (not dates after today: a sheet of
  // later records may be read with a --today in the past).
  const bornGiven = cells.date('born');
  const wrongBirth = bornGiven && birthProblem(bornGiven, undefined, age !== undefined ? { age, on: ageOn ?? todayDate(today) } : undefined);
  if (wrongBirth) cells.problem('born', wrongBirth);
  // Without a birth date, the year the age implies, as add person --age gives it ("born c. 1986").
  const born = bornGiven ?? (age !== undefined && age <= MAX_AGE ? bornFromAge(age, ageOn ?? todayDate(today)) : undefined);
  const otherNames = cells.list('other_names').filter((n) => n !== name);
  // Here, not as the record is stored: a row with other problems is named for its names too, at once.
  for (const [column, each] of [['name', name ? [name] : []], ['other_names', otherNames]] as const) {
    for (const problem of each.map(nameProblem).filter((p) => p !== undefined)) cells.problem(column, problem);
  }
  const draft = {
    ok: false, line: cells.line, id, name: name ?? '', otherNames, commaNames: commaNames(cells.text('other_names') ?? '', otherNames),
    status, statusOn: status ? statusOn ?? dayIso(today) : undefined, risks: [...new Set(risks)] as Risk[],
    age, ageOn: age !== undefined ? ageOn ?? todayDate(today) : undefined, born,
    gender: cells.plainText('gender'), citizenship: cells.plainText('citizenship'), ethnicity: cells.plainText('ethnicity'),
    cases: links(cells, 'case_ids', 'cases'),
    supplied: [...(status && !statusOn ? ['statusOn' as const] : []), ...(age !== undefined && !ageOn ? ['ageOn' as const] : [])],
  };
  return { ...draft, ok: cells.problems.length === 0 };
}

/** An event row; its problems are on `cells`. */
export function readEventRow(cells: Cells): EventDraft {
  const id = readId(cells, 'events');
  const date = cells.date('date', true);
  const type = cells.oneOf('type', EVENT_TYPES, true);
  const status = cells.oneOf('status', STATUSES);
  if (type === 'status' && !status) cells.problem('status', 'is required for an event of type status (the new status)');
  if (status && type && type !== 'status') cells.problem('status', `goes with type status only (this event is ${type})`);
  const summary = cells.plainText('summary', true);
  const draft = {
    ok: false, line: cells.line, id, date: date!, type: type!, status, summary: summary!, place: cells.plainText('place'), actor: cells.plainText('actor'),
    case: { ...links(cells, 'case_id', 'case'), names: cells.text('case') ? [cells.text('case')!.trim()] : [] },
    people: links(cells, 'people_ids', 'people'), sources: links(cells, 'source_ids', 'sources'),
  };
  if (draft.case.ids.length > 1) cells.problem('case_id', 'names more than one case; an event belongs to at most one');
  // A row with an id may update only some fields: a sheet without these columns keeps the event's.
  const linksGiven = ['case_id', 'case', 'people_ids', 'people'].some((c) => cells.has(c));
  if ((!id || linksGiven) && draft.case.ids.length === 0 && draft.case.names.length === 0 && draft.people.ids.length === 0 && draft.people.names.length === 0) {
    cells.problem('people', 'name the people (people or people_ids) or the case (case or case_id) it happened to');
  }
  return { ...draft, ok: cells.problems.length === 0 };
}

/** The names of a cell holding commas between names, but those in quotes ("Tursun, Ayg\u00fcl"), which are one name each. */
function commaNames(cell: string, names: string[]): Array<{ name: string; parts: string[] }> {
  return names.flatMap((name) => {
    const parts = namesBetweenCommas(name);
    return parts && !cell.includes(`"${name.replaceAll('"', '""')}"`) ? [{ name, parts }] : [];
  });
}

function todayDate(today: Day): PartialDate {
  return { ...today, approximate: false, text: dayIso(today) };
}
