// A sheet cut down to a few columns, or giving a date by its ISO column alone: what a record already
// here keeps of its own where the sheet has nothing to say; and whether a row without an id says
// what the person of its name says.
import { bornAsGiven, bornFromAge, dateJson } from '../domain/dates';
import { canonical, differingFields } from '../exchange/canonical';
import type { Resolved } from '../exchange/csv-links';
import { readDateField } from '../exchange/format';
import { withNamesHere } from '../store/import-person';
import type { Overwrite } from '../store/import-refused';
import { describeOverwrite, editedHereIn } from '../store/import-report';
import { unpadded } from '../domain/text';
import type { SqliteStore } from '../store/sqlite-store';

/** Each record field, and the columns that give it: a field none of them is in the sheet for is not in the sheet. */
const FIELD_COLUMNS: Record<'people' | 'events', Record<string, string[]>> = {
  people: {
    name: ['name'], names: ['other_names'], status: ['status'], statusOn: ['status_on'], risks: ['risks'],
    age: ['age'], ageOn: ['age_on'], born: ['born'], gender: ['gender'], citizenship: ['citizenship'],
    ethnicity: ['ethnicity'], cases: ['case_ids', 'cases'],
  },
  events: {
    case: ['case_id', 'case'], type: ['type'], status: ['status', 'type'], date: ['date'], summary: ['summary'], place: ['place'],
    actor: ['actor'], people: ['people_ids', 'people'], sources: ['source_ids', 'sources'],
  },
};

/** The fields of free text a sheet gives, read without the spaces at their ends. */
const FREE_TEXT = ['summary', 'place', 'actor', 'gender', 'citizenship', 'ethnicity'];

const DATE_COLUMNS: Record<'people' | 'events', Record<string, string>> = {
  people: { ageOn: 'age_on', born: 'born' },
  events: { date: 'date' },
};

/** The fields a sheet has no column for, and the dates it gives by their ISO column alone. */
export interface SheetGaps { lacking: string[]; bareDates: string[] }

export function sheetGaps(table: 'people' | 'events', header: string[]): SheetGaps {
  const given = new Set(header.map((h) => h.trim().toLowerCase()));
  return {
    lacking: Object.entries(FIELD_COLUMNS[table]).filter(([, columns]) => !columns.some((c) => given.has(c))).map(([field]) => field),
    bareDates: Object.entries(DATE_COLUMNS[table]).filter(([, column]) => given.has(column) && !given.has(`${column}_text`)).map(([field]) => field),
  };
}

/**
 * What a row without an id, taken as the person of its name, says otherwise than they do, field by
 * field (a column the sheet lacks says "none"); undefined when it says what they say. Only the days
 * its reading supplied (today, for a status or an age given without its day) and the text of a date
 * given by its ISO column alone are taken from them, as for a row with their id: so a sheet imported
 * again, on any day, is unchanged, and a namesake's row, saying less or more, is refused. Their names
 * are taken as a row with their id takes them: names here the row lacks (an alias or a merge added
 * them since the sheet was read) stay, and a row under a name of theirs other than the one they are
 * known by (a sheet of someone merged into them) does not rename them.
 */
export function unlikeStored(store: SqliteStore, r: Resolved, gaps: SheetGaps): Overwrite | undefined {
  const stored = store.snapshot('people', r.record.id as string)!;
  // Into the record itself: one that says what they say is imported as it, unchanged.
  keepFrom(stored, r.record, { lacking: r.unlessSame!.supplied, bareDates: gaps.bareDates });
  knownAsHere(stored, r.record);
  const { record: merged, kept } = withNamesHere(stored, canonical('people', r.record), () => store.newId('name'));
  if (differingFields(stored, merged).length === 0) return undefined;
  return describeOverwrite('people', stored, merged, editedHereIn(store.db, stored.id as string), kept);
}

type Name = { id: string; name: string; note: string | null };

/** The row under another name of theirs: the name they are known by here first, as the row's own. */
function knownAsHere(stored: Record<string, unknown>, record: Record<string, unknown>): void {
  if (record.name === stored.name) return;
  const here = (stored.names as Name[]).find((n) => n.name === stored.name)!;
  record.name = stored.name;
  record.names = [here, ...(record.names as Name[]).filter((n) => n.name !== here.name)];
}

/**
 * A sheet cut down to a few columns updates what it has: a record already here keeps the fields the
 * sheet has no column for (they came out empty, and --replace emptied them: names, ages, cases,
 * sources, every status).
 */
export function keepWhatTheSheetLacks(store: SqliteStore, gaps: SheetGaps, records: Resolved[]): void {
  for (const r of records) {
    if (r.idMade) continue;
    const stored = store.snapshot(r.section, r.record.id as string);
    if (stored) keepFrom(stored, r.record, gaps);
  }
}

/** Fills a record of the sheet with what the stored one has where the sheet has nothing to say. */
function keepFrom(stored: Record<string, unknown>, record: Record<string, unknown>, { lacking, bareDates }: SheetGaps): void {
  // A sheet's text is read without the spaces at its ends; a record stored with them (by an older
  // caselog) says the same, and is left as it is rather than rewritten for spaces no one sees.
  for (const field of FREE_TEXT) {
    const [was, now] = [stored[field], record[field]];
    if (typeof was === 'string' && typeof now === 'string' && was !== now && unpadded(was) === now) record[field] = was;
    // Nor is a field stored as blank text (by `add --gender ""` before it stored nothing) another
    // answer than the sheet's empty cell.
    if (typeof was === 'string' && !was.trim() && (now === null || now === undefined)) record[field] = was;
  }
  // A date given by its ISO column alone keeps the text it was given as, and whether approximate.
  for (const field of bareDates) {
    const [was, now] = [stored[field] as { date: string } | null, record[field] as { date: string } | null];
    if (was && now && was.date === now.date) record[field] = was;
  }
  for (const field of lacking) {
    if (field === 'names') {
      record.names = keptNames(stored.names as Array<{ id: string; name: string }>, record.names as Array<{ id: string; name: string }>);
      continue;
    }
    // A status or an age the sheet changes takes its day from the sheet's reading (today, as add
    // does); one it repeats keeps the day it was given on, and the birth year with it.
    if ((field === 'statusOn' && stored.status !== record.status) || (field === 'ageOn' && stored.age !== record.age)) continue;
    if (field === 'born' && stored.age !== record.age) {
      // A new age implies its birth year, as add --age does; a birth date given as such is kept, as edit --age keeps it.
      const given = stored.born ? bornAsGiven({ text: (stored.born as { dateText: string }).dateText }) : false;
      record.born = !given && record.age != null && record.ageOn ? dateJson(bornFromAge(record.age as number, readDateField(record.ageOn, 'ageOn'))) : stored.born;
      continue;
    }
    record[field] = stored[field];
  }
  // A birth year the row's age implies goes with the day the age was kept at (a row without age_on
  // keeps the person's): else the same age read on another day moved it.
  const born = record.born as { dateText: string } | null;
  if (born && !bornAsGiven({ text: born.dateText }) && record.age != null && record.ageOn) {
    record.born = dateJson(bornFromAge(record.age as number, readDateField(record.ageOn, 'ageOn')));
  }
}

/**
 * A sheet without other names keeps the person's; one that renames them keeps the old name too,
 * as edit --name does (else the names were lost, past the next undo).
 */
function keptNames(stored: Array<{ id: string; name: string }>, given: Array<{ id: string; name: string }>): unknown[] {
  const primary = given[0]!;
  const same = stored.find((n) => n.name === primary.name);
  return [same ?? primary, ...stored.filter((n) => n.name !== primary.name)];
}
