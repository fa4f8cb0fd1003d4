// What an import says: its counts and the notes beside them, of a JSON export and a CSV sheet alike.
import { dayInWords, formatDate, isoOf, parseDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import { COLUMNS, personRow } from '../exchange/csv-columns';
import type { Resolved } from '../exchange/csv-links';
import { readDateField } from '../exchange/format';
import type { ImportCounts } from '../store/import-report';
import type { SqliteStore } from '../store/sqlite-store';
import { count } from '../render/style';
import { statusFromEvent } from '../domain/status';
import type { EventType, Status } from '../domain/types';

/** The counts of an import, or of a dry run: what it would do, and that nothing was written. */
export function countsLine(what: string, counts: ImportCounts, dryRun: boolean, more = ''): string {
  return dryRun
    ? `Dry run of ${what}: would add ${counts.added}, update ${counts.updated}, unchanged ${counts.unchanged}${more}; nothing was written`
    : `Imported ${what}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged${more}`;
}

const DETAIL_WORDS: Record<string, string> = { date: 'date', place: 'place', actor: 'actor', sources: 'sources', summary: 'summary' };

/**
 * An event of the file under a new id that says what one here says: taken as it when it says all
 * (each database read it from one sheet, whose rows have no ids), else added, and both named, with
 * the delete that keeps the file's (whose id the next export from there carries again). A dry run
 * names no id of the file's (a sheet's row gets a new one at each import) and puts the delete after
 * the import: done first, and the import not made, the event would be gone from both.
 */
export function twinNotes(counts: ImportCounts, dryRun: boolean): string[] {
  const notes = (counts.twins ?? []).map((t) => {
    const what = `${t.type}, ${formatDate(readDateField(t.date, 'date'))}`;
    const here = shortId(t.here);
    if (dryRun) {
      return t.fields.length === 0
        ? `note: an event of the file (${what}) says all that event ${here} here says (both read from one sheet, or both recorded it): it would be taken as that event, not added again`
        : `note: an event of the file (${what}) says what event ${here} here says but for its ${t.fields.map((f) => DETAIL_WORDS[f] ?? f).join(', ')}: ` +
          `it would be added, and the timeline show both; if they are one event, caselog delete ${here} after the import keeps the file's`;
    }
    return t.fields.length === 0
      ? `note: event ${shortId(t.file)} of the file (${what}) says all that event ${here} here says (both read from one sheet, or both recorded it): taken as that event, not added again`
      : `note: event ${shortId(t.file)}, just imported (${what}), says what event ${here} here says but for its ${t.fields.map((f) => DETAIL_WORDS[f] ?? f).join(', ')}: ` +
        `the timeline shows both; if they are one event, caselog delete ${here} keeps the file's`;
  });
  const more = (counts.twinCount ?? 0) - notes.length;
  return more > 0 ? [...notes, `note: and ${more} more events of the file that say what an event here says`] : notes;
}

/**
 * A new event of the file and one here of the same people, case, type and day, told in other words:
 * perhaps one happening that each recorded. Both are kept (two may have happened); the delete that
 * keeps the file's is given, as for a twin, after the import in a dry run.
 */
export function sameHappeningNotes(counts: ImportCounts, dryRun: boolean): string[] {
  const notes = (counts.sameHappenings ?? []).map((h) => {
    const here = shortId(h.here);
    const day = formatDate(parseDate(h.date));
    const file = dryRun ? `an event of the file (${h.type}, ${day}: ${JSON.stringify(h.summaryFile)})` : `event ${shortId(h.file)}, just imported (${h.type}, ${day}: ${JSON.stringify(h.summaryFile)}),`;
    return `note: ${file} and event ${here} here (${JSON.stringify(h.summaryHere)}) may be the same happening: ` +
      `${dryRun ? 'both would be kept' : 'both are kept'}; if so, delete one: ${dryRun ? 'after the import, ' : ''}caselog delete ${here} keeps the file's`;
  });
  const more = (counts.sameHappeningCount ?? 0) - notes.length;
  return more > 0 ? [...notes, `note: and ${count(more, 'more event')} of the file of the same people, type and day as one here, in other words`] : notes;
}

/**
 * A sheet's row, as read, of the columns caselog works out from the events (DERIVED_COLUMNS), which
 * an import does not read: edited there, they change nothing, and "unchanged" alone hid that.
 * Compared with what the database works out once the sheet is in (a status the sheet records in
 * "status" is worked out again); an empty cell claims nothing.
 */
export function derivedNote(store: SqliteStore, rows: Array<{ id: string; cells: Map<string, string> }>): string[] {
  const columns = new Set<string>();
  let differing = 0;
  for (const { id, cells } of rows) {
    const person = store.read.personToday(id);
    if (!person) continue;
    const worked = personRow(person);
    let differs = false;
    for (const [column, cell] of cells) {
      const given = cell.trim();
      if (!given || sameCell(column, given, worked[COLUMNS.people.indexOf(column)] ?? '')) continue;
      columns.add(column);
      differs = true;
    }
    if (differs) differing++;
  }
  if (differing === 0) return [];
  const named = [...columns].sort((a, b) => COLUMNS.people.indexOf(a) - COLUMNS.people.indexOf(b));
  const one = named.length === 1;
  const instead = [
    ...(named.some((c) => c.startsWith('current_status')) ? ['to change a status, caselog status NAME STATUS'] : []),
    ...(named.some((c) => c.startsWith('latest_news')) ? ['latest news is the date of the newest event: caselog add event NAME --date DATE --type TYPE --summary TEXT'] : []),
  ];
  return [`note: ${named.join(', ')} ${one ? 'differs' : 'differ'} on ${count(differing, 'row')} from what caselog works out from the events, ` +
    `and ${one ? 'was' : 'were'} not read (${one ? 'it is' : 'they are'} worked out, never imported): ${instead.join('; ')}`];
}

/** A cell as a spreadsheet may have rewritten it: FALSE for false, Detained for detained, a date in words. */
function sameCell(column: string, given: string, worked: string): boolean {
  if (given.toLowerCase() === worked.toLowerCase()) return true;
  if (!column.endsWith('_since') && column !== 'latest_news') return false;
  try {
    return isoOf(parseDate(given)) === worked;
  } catch {
    return false;
  }
}

/**
 * How many rows of a people sheet a status or an age was dated today on, given without its day
 * (as add person dates them). Counted before the write: a row that repeats what is stored keeps
 * the stored day, and is not counted.
 */
export function datedToday(store: SqliteStore, records: Resolved[], supplied: Map<string, Array<'statusOn' | 'ageOn'>>, today: string): { status: number; age: number } {
  const dated = { status: 0, age: 0 };
  for (const r of records) {
    const given = supplied.get(r.where) ?? [];
    const stored = store.snapshot('people', r.record.id as string);
    const ageOn = (record: Record<string, unknown> | undefined) => (record?.ageOn as { date: string } | null | undefined)?.date;
    if (given.includes('statusOn') && r.record.statusOn === today && !(stored?.statusOn === today && stored.status === r.record.status)) dated.status++;
    if (given.includes('ageOn') && ageOn(r.record) === today && !(ageOn(stored) === today && stored?.age === r.record.age)) dated.age++;
  }
  return dated;
}

/**
 * Said, for a sheet is often older than its import: a status dated today outranks every event
 * before it (a release in the events sheet would not show), and an age dated today puts the
 * birth year years late. Undone at once, the rows can be given their days; before a dry run's
 * import there is nothing to undo (undo would take back an earlier change), only the sheet to fill.
 */
export function datedTodayNote(dated: { status: number; age: number }, today: string, dryRun: boolean): string[] {
  const { status, age } = dated;
  if (status === 0 && age === 0) return [];
  const gives = (n: number) => `${count(n, 'row')} ${n === 1 ? 'gives' : 'give'}`;
  const what = status > 0 ? `${gives(status)} a status${age > 0 ? ` and ${count(age, 'row')} an age` : ''}` : `${gives(age)} an age`;
  const columns = [...(status > 0 ? ['status_on'] : []), ...(age > 0 ? ['age_on'] : [])];
  const outranks = status > 0 ? '; a status so dated outranks every event of the timeline before it' : '';
  const give = `give each row its day in ${columns.map((c) => `a${c === 'age_on' ? 'n' : ''} ${c}`).join(' and ')} column (YYYY-MM-DD)`;
  return [`note: ${what} without the day it held (no ${columns.join(' or ')}): ${dryRun ? 'it would be ' : ''}dated today, ${dayInWords(today)}${outranks}. ` +
    (dryRun ? `If known earlier, ${give} before importing` : `If known earlier, caselog undo takes this import back: ${give} and import again`)];
}

/** At most this many people are named in the note on statuses that stay. */
const STAYS_SHOWN = 5;

/**
 * The people whose status a change in this sheet (a release, an arrest) would have moved but who
 * keep the status recorded on a later day: by the rule (latest by date) it outranks every event
 * before it, so a release of 2021 leaves them shown as detained. Often that day is only the day
 * a people sheet was imported, without status_on: said, with how to give the day it was known.
 */
export function statusStaysNote(store: SqliteStore, records: Resolved[], today: string): string[] {
  const latest = new Map<string, { status: Status; date: string; what: string }>();
  for (const { record } of records) {
    const status = statusFromEvent(record.type as EventType, (record.status as Status | null) ?? undefined);
    const date = readDateField(record.date, 'date');
    if (!status || isoOf(date) > today) continue;
    const what = `the ${record.type === 'status' ? `change to ${status}` : record.type as string} of ${formatDate(date)}`;
    for (const id of record.people as string[]) {
      if (!latest.has(id) || latest.get(id)!.date <= isoOf(date)) latest.set(id, { status, date: isoOf(date), what });
    }
  }
  const stays: string[] = [];
  for (const [id, change] of latest) {
    const person = store.read.personToday(id);
    if (!person || person.statusEventId || !person.recordedStatus || !person.recordedStatusOn || person.status === change.status) continue;
    stays.push(`${person.name}'s status stays ${person.status}, as recorded on ${dayInWords(person.recordedStatusOn)}, over ${change.what} in this sheet`);
  }
  if (stays.length === 0) return [];
  const more = stays.length > STAYS_SHOWN ? `; and ${stays.length - STAYS_SHOWN} more` : '';
  return [`note: ${stays.slice(0, STAYS_SHOWN).join('; ')}${more}. A status recorded on a day outranks the events before it: if it was known earlier, ` +
    'give that day in status_on (caselog export --format csv --table people > people.csv, set it, caselog import people.csv --replace); if it still holds, nothing need change'];
}

/** A source of the file whose document is stored here under another id: taken as that one. */
export function sameDocumentNotes(counts: ImportCounts, dryRun: boolean): string[] {
  const notes = (counts.sameDocuments ?? []).map((d) => `note: source ${shortId(d.file)} of the file holds the document stored here as source ${shortId(d.here)} `
    + (dryRun ? `(the same text): it would be taken as that one, which keeps its own title and details, and the file's events cite it`
      : `(the same text): taken as that one, which keeps its own title and details; the file's events cite it`));
  const more = (counts.sameDocumentCount ?? 0) - notes.length;
  return more > 0 ? [...notes, `note: and ${count(more, 'more source')} of the file holding a document stored here`] : notes;
}
