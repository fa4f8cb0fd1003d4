// What an import says beside its counts, of a JSON export and a CSV sheet alike.
import { formatDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import { readDateField } from '../exchange/format';
import type { ImportCounts } from '../store/import';

const DETAIL_WORDS: Record<string, string> = { date: 'the date as written', place: 'place', actor: 'actor', sources: 'sources' };

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
