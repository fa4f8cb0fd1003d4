// The ids a sheet gives, in its id column and its case_ids, people_ids and source_ids, taken as
// commands take them: a stored record's whole id or any unique prefix of it (the short form show
// prints, copied into the sheet). An id that is neither is a record from another database, kept
// whole; but a new record's id that a stored id begins with is refused: that stored id would then
// begin two ids, and every short form of it fit both.
import { idStarts, type RecordKind } from '../domain/ids';
import type { Problem } from '../exchange/csv-read';
import type { EventDraft, Links, PersonDraft } from '../exchange/csv-rows';
import type { Reader } from '../store/reader';

const WHAT: Partial<Record<RecordKind, string>> = { person: 'person', event: 'event', case: 'case', source: 'source' };

type Found = { id: string; stored: boolean } | { problem: string };

/** The stored id a sheet's id stands for; the id itself when it stands for none; or why it is refused. */
function storedId(read: Reader, kind: RecordKind, typed: string): Found {
  // "p-" alone begins every person's id: it stands for no one (as a command refuses it).
  const ids = /^[a-z]-./.test(typed) ? read.idsByPrefix(kind, typed) : [];
  if (ids.length === 1) return { id: ids[0]!, stored: true };
  if (ids.length > 1) {
    const more = read.countIdsByPrefix(kind, typed) - ids.length;
    return { problem: `${typed} fits several ${WHAT[kind]} ids (${ids.join(', ')}${more > 0 ? `, and ${more} more` : ''}): give more of it` };
  }
  return { id: typed, stored: false };
}

/** The sheet's links, each id as the stored id it stands for. */
function linkIds(read: Reader, line: number, links: Links, kind: RecordKind, problems: Problem[]): void {
  links.ids = links.ids.map((typed) => {
    const found = storedId(read, kind, typed);
    if ('id' in found) return found.id;
    problems.push({ line, column: links.idColumn, message: found.problem });
    return typed;
  });
}

/**
 * Each row's id and link ids made whole in place; problems for those that fit several records, and
 * for a new record's id that a stored id, or another new row's, begins with.
 */
export function wholeSheetIds(
  read: Reader, table: 'people' | 'events', drafts: Array<PersonDraft | EventDraft>, problems: Problem[], placeOf: (line: number) => string,
): void {
  const kind = table === 'people' ? 'person' : 'event';
  const what = WHAT[kind]!;
  const added = new Map<string, number>();
  for (const d of drafts) {
    if (table === 'people') {
      linkIds(read, d.line, (d as PersonDraft).cases, 'case', problems);
    } else {
      const e = d as EventDraft;
      linkIds(read, d.line, e.case, 'case', problems);
      linkIds(read, d.line, e.people, 'person', problems);
      linkIds(read, d.line, e.sources, 'source', problems);
    }
    if (!d.id) continue;
    const found = storedId(read, kind, d.id);
    if ('problem' in found) {
      problems.push({ line: d.line, column: 'id', message: found.problem });
      // Read on as a row without an id: "no one's here" would be said of it, wrongly.
      d.id = undefined;
      d.ok = false;
    } else if (found.stored) {
      d.id = found.id;
    } else {
      const shorter = read.idsBeginning(kind, d.id);
      if (shorter.length > 0) {
        problems.push({ line: d.line, column: 'id', message: `${d.id} is no ${what}'s here, but begins with ${shorter.join(', ')}, ` +
          `the id of ${shorter.length === 1 ? `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}` : `${what}s`} here: a record added under it would make that id fit two; ` +
          `if the row is that ${what}, put ${shorter.at(-1)!} in the id column, else leave the id empty to add a new ${what}` });
      } else if (!added.has(d.id)) {
        added.set(d.id, d.line);
      }
    }
  }
  clashingNewIds(added, what, problems, placeOf);
}

/** New ids of one sheet that begin with another of them: the same clash, between two rows. */
function clashingNewIds(added: Map<string, number>, what: string, problems: Problem[], placeOf: (line: number) => string): void {
  for (const [id, line] of added) {
    const shorter = idStarts(id).find((start) => added.has(start));
    if (shorter === undefined) continue;
    problems.push({ line, column: 'id', message: `${id} begins with ${shorter}, the id on ${placeOf(added.get(shorter)!)}: ` +
      `two records under them would make ${shorter} fit both; leave one of them empty to add a new ${what}` });
  }
}
