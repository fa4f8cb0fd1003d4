// A sheet's rows about someone erased here for their safety, known by the ids the sheet gives (a
// colleague's export of their events, an older sheet): refused as an export's records are
// (src/store/import-apply.ts), or with --skip-erased taken without them (src/store/import-skip-erased.ts).
// An erased id in people_ids is never read past to the name beside it: someone added here since
// under that name is another record, and the erased person's events must not come back onto it.
// A row that names them without their id cannot be known: the erase kept no name, on purpose.
import type { Problem } from '../exchange/csv-read';
import type { EventDraft, PersonDraft } from '../exchange/csv-rows';
import type { Resolved } from '../exchange/csv-links';
import { erasedHere as erasedHereNow, type ErasedInFile, type WithoutErased } from '../store/import-skip-erased';
import type { SqliteStore } from '../store/sqlite-store';
import { peopleCalled } from './import-csv-names';

const SKIP = '--skip-erased imports the rest of the sheet without them (leaving out the rows about them alone, and taking them and their names out of the rows they share with others)';

export interface SheetErased {
  /** The rows still to read; those refused are gone, with their problem. */
  drafts: Array<PersonDraft | EventDraft>;
  /** With --skip-erased: what takes the rows without them (given to the import). */
  skip?: WithoutErased;
  /** Each row's erased people, by the line it starts on, put back on its record for `skip` to take out with their names. */
  putBack(records: Resolved[]): void;
}

/**
 * Ids made whole first (import-csv-ids.ts). Someone tracked here again (brought back on purpose) is
 * not erased here. --restore-erased takes back a person's own row; an event's row about them waits
 * for them to be back.
 */
export function sheetErased(
  store: SqliteStore, table: 'people' | 'events', drafts: Array<PersonDraft | EventDraft>, problems: Problem[],
  opts: { skipErased: boolean; restoreErased: boolean }, placeOf: (line: number) => string,
): SheetErased {
  const here = erasedHereNow(store);
  const none: SheetErased = { drafts, putBack: () => {} };
  if (!here) return none;
  const erasedHere = (id: string) => here.erased(id);
  const found: ErasedInFile = new Map();
  const note = (id: string, names: string[]) => {
    const known = found.get(id);
    found.set(id, { names: [...new Set([...(known?.names ?? []), ...names])], words: here.words(id) });
  };
  const kept: Array<PersonDraft | EventDraft> = [];
  const byLine = new Map<number, string[]>();
  let people = 0;
  let alone = 0;
  for (const d of drafts) {
    if (table === 'people') {
      const p = d as PersonDraft;
      if (!p.id || !erasedHere(p.id) || opts.restoreErased) {
        kept.push(d);
      } else if (opts.skipErased) {
        note(p.id, [p.name, ...p.otherNames].filter(Boolean));
        people++;
      } else {
        problems.push({ line: d.line, column: 'id', message: `the person ${p.id} was erased from this database for their safety: ${SKIP}, --restore-erased brings them back` });
      }
      continue;
    }
    const e = d as EventDraft;
    const gone = e.people.ids.filter(erasedHere);
    if (gone.length === 0) {
      kept.push(d);
      continue;
    }
    if (!opts.skipErased) {
      const back = opts.restoreErased
        ? 'to bring them back, import their own row (a sheet of people, or an export) with --restore-erased first; '
        : '';
      problems.push({ line: d.line, column: 'people_ids', message: `${gone.length === 1 ? 'the person' : 'the people'} ${gone.join(', ')} ${gone.length === 1 ? 'was' : 'were'} erased from this database for their safety: ${back}${SKIP}` +
        (opts.restoreErased ? '' : ', --restore-erased with their own row brings them back') });
      continue;
    }
    // The people column lists the same people in the same order as people_ids (as export writes it):
    // their names are known. Otherwise a name nobody here holds is taken for the erased person's,
    // when there are as many of those as erased ids; the others' names stay (dropping them all lost a
    // colleague's hearing as "about the erased person alone").
    const paired = e.people.names.length === e.people.ids.length;
    const nobodys = paired ? [] : e.people.names.filter((n) => peopleCalled(store, n).length === 0);
    if (!paired && e.people.names.length > 0 && nobodys.length !== gone.length) {
      problems.push({ line: d.line, column: 'people', message: 'people_ids and people do not pair up, so the erased person cannot be told from the others: give one name per id' });
      continue;
    }
    const names = paired ? e.people.names.filter((_, i) => gone.includes(e.people.ids[i]!)) : nobodys;
    for (const id of gone) note(id, paired ? [e.people.names[e.people.ids.indexOf(id)]!] : nobodys);
    const ids = e.people.ids.filter((id) => !gone.includes(id));
    e.people.names = e.people.names.filter((n) => !names.includes(n));
    e.people.ids = ids;
    if (ids.length === 0 && e.people.names.length === 0) {
      alone++;
      continue;
    }
    byLine.set(d.line, gone);
    kept.push(d);
  }
  if (found.size === 0) return { ...none, drafts: kept };
  const skip = here.without(found);
  skip.counts.people += people;
  skip.counts.alone += alone;
  const gone = new Map([...byLine].map(([line, ids]) => [placeOf(line), ids]));
  return {
    drafts: kept, skip,
    putBack: (records) => {
      for (const r of records) {
        const ids = gone.get(r.where);
        if (ids) r.record.people = [...(r.record.people as string[]), ...ids];
      }
    },
  };
}
