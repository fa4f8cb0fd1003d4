// Records of a file under ids new here that are records stored here all the same, by the rule each
// kind has against a second copy: a source by its reference and publisher, an appeal target by its
// name and title, a deadline by its case, date, note and people, an appeal event by all it says.
// Each is taken as the one here (which keeps its own details), counted and named in a note, and the
// file's records that link to it are turned to the one here. Only records stored before the import
// are looked at: into an empty database every record comes in as it is, and a round trip stays whole.
import { canonical } from '../exchange/canonical';
import type { DateField, Section } from '../exchange/format';
import { storedRecord } from './export';
import { LISTED, type AlsoHere, type ImportCounts } from './import-report';
import { markDoneAsInFile, sameDeadline } from './import-same-deadline';
import { sameReference, takeDocument } from './import-same-reference';
import { alikeSourceFinder } from './import-alike-source';
import { onSameTargets, sameTarget } from './import-same-target';
import type { BulkLoad } from './search-bulk';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

type Obj = Record<string, unknown>;

export interface AlsoHereFinder {
  /** The file's record with its links turned to the records here that others were taken as. */
  linked(section: Section, incoming: Obj): Obj;
  /** Whether a record new here is taken as one stored here: counted (and the one here given what it lacked). */
  taken(section: Section, incoming: Obj): boolean;
  /** An appeal event of the file said all one here says: its appeal record goes to that one, unless another went there already. */
  sameAppeal(file: string, here: string): boolean;
}

/** sources: the file's sources taken as ones here, with those of the same document (import-same-source.ts). */
export function alsoHereFinder(
  store: SqliteStore, counts: ImportCounts, sources: Map<string, string>, opts: { log: boolean; bulk?: BulkLoad },
): AlsoHereFinder {
  const { db } = store;
  // Not plucked: the statement is shared (open.ts), and others read it as a row.
  const mark = (table: string) => (db.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${table}`).get() as Row).n as number;
  const marks = { sources: mark('sources'), targets: mark('targets'), deadlines: mark('deadlines') };
  const targets = new Map<string, string>();
  const appeals = new Map<string, string>();
  const appealedHere = new Set<string>();
  const alikeSource = alikeSourceFinder(db, marks.sources);

  const note = (found: AlsoHere) => {
    const all = (counts.alsoHereCount ??= {});
    all[found.kind] = (all[found.kind] ?? 0) + 1;
    if (all[found.kind]! <= LISTED) (counts.alsoHere ??= []).push(found);
  };
  /** The one here, given what the file adds to it: logged before and after, as an import's update is (undo puts it back). */
  const update = (section: Section, here: string, change: () => void) => {
    opts.bulk?.beforeExisting();
    const before = storedRecord(db, section, here);
    change();
    counts.updated++;
    if (opts.log) store.logChange('import', section, here, before, storedRecord(db, section, here));
  };

  return {
    linked(section, incoming) {
      if (section === 'appeals' && appeals.has(incoming.id as string)) incoming = canonical(section, { ...incoming, id: appeals.get(incoming.id as string) });
      return targets.size > 0 && (section === 'plans' || section === 'appeals') ? onSameTargets(section, incoming, targets) : incoming;
    },
    taken(section, incoming) {
      const file = incoming.id as string;
      if (section === 'sources' && marks.sources > 0) {
        const same = sameReference(db, marks.sources, incoming);
        if (!same) {
          // Without a reference nothing says they are one: added beside it, and said.
          const alike = alikeSource(incoming);
          if (alike) note({ kind: 'alike', file, here: alike.here, called: incoming.title as string, fields: [alike.by] });
          return false;
        }
        if ('other' in same) {
          note({ kind: 'document', file, here: same.other, called: incoming.ref as string, fields: [] });
          return false;
        }
        sources.set(file, same.here);
        if (same.text) update('sources', same.here, () => takeDocument(db, same.here, incoming));
        else counts.unchanged++;
        note({ kind: 'source', file, here: same.here, called: incoming.ref as string, fields: same.fields, ...(same.text ? { changed: 'text' as const } : {}) });
        return true;
      }
      if (section === 'targets' && marks.targets > 0) {
        const same = sameTarget(db, marks.targets, incoming);
        if (!same) return false;
        targets.set(file, same.here);
        counts.unchanged++;
        note({ kind: 'target', file, here: same.here, called: `${incoming.name as string} (${incoming.title as string})`, fields: same.fields });
        return true;
      }
      if (section === 'deadlines' && marks.deadlines > 0) {
        const same = sameDeadline(db, marks.deadlines, incoming);
        if (!same) return false;
        const doneOn = incoming.doneOn as string | null;
        // Done in one of the two is done: the check was made. The one here is never opened again by the file.
        const done = doneOn !== null && same.doneHere === null;
        if (done) update('deadlines', same.here, () => markDoneAsInFile(db, same.here, doneOn));
        else counts.unchanged++;
        note({ kind: 'deadline', file, here: same.here, called: incoming.note as string, date: incoming.date as DateField, doneOn, fields: same.fields,
          ...(done ? { changed: 'done' as const } : {}) });
        return true;
      }
      return false;
    },
    sameAppeal(file, here) {
      if (appealedHere.has(here)) return false;
      appealedHere.add(here);
      appeals.set(file, here);
      return true;
    },
  };
}
