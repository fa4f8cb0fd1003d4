// What an import says beside its counts, of a JSON export and a CSV sheet alike.
import { formatDate, isoOf, parseDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import { COLUMNS, personRow } from '../exchange/csv-columns';
import { readDateField } from '../exchange/format';
import type { ImportCounts } from '../store/import';
import type { SqliteStore } from '../store/sqlite-store';
import { count } from '../render/style';

const DETAIL_WORDS: Record<string, string> = { date: 'date', place: 'place', actor: 'actor', sources: 'sources', summary: 'summary' };

/**
 * An event of the file under a new id that says what one here says: taken as it when it says all
 * (each database read it from one sheet, whose rows have no ids), else added, and both named, with
 * the delete that keeps the file's (whose id the next export from there carries again).
 */
export function twinNotes(counts: ImportCounts): string[] {
  const notes = (counts.twins ?? []).map((t) => {
    const what = `${t.type}, ${formatDate(readDateField(t.date, 'date'))}`;
    return t.fields.length === 0
      ? `note: event ${shortId(t.file)} of the file (${what}) says all that event ${shortId(t.here)} here says (both read from one sheet, or both recorded it): taken as that event, not added again`
      : `note: event ${shortId(t.file)}, just imported (${what}), says what event ${shortId(t.here)} here says but for its ${t.fields.map((f) => DETAIL_WORDS[f] ?? f).join(', ')}: ` +
        `the timeline shows both; if they are one event, caselog delete ${shortId(t.here)} keeps the file's`;
  });
  const more = (counts.twinCount ?? 0) - notes.length;
  return more > 0 ? [...notes, `note: and ${more} more events of the file that say what an event here says`] : notes;
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

/** A source of the file whose document is stored here under another id: taken as that one. */
export function sameDocumentNotes(counts: ImportCounts): string[] {
  const notes = (counts.sameDocuments ?? []).map((d) => `note: source ${shortId(d.file)} of the file holds the document stored here as source ${shortId(d.here)} `
    + `(the same text): taken as that one, which keeps its own title and details; the file's events cite it`);
  const more = (counts.sameDocumentCount ?? 0) - notes.length;
  return more > 0 ? [...notes, `note: and ${count(more, 'more source')} of the file holding a document stored here`] : notes;
}
