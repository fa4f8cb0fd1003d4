// What an import reports back: its counts, the few records it lists by name (an event taken as one
// stored here, a record it would overwrite), and the note the change log keeps of a record it added.
import { shortId } from '../domain/ids';
import { differingFields } from '../exchange/canonical';
import type { DateField, Section } from '../exchange/format';
import type { Overwrite } from './import-refused';
import type { SameDocument } from './import-same-source';
import type { SkippedErased } from './import-skip-erased';

export interface ImportCounts {
  added: number; updated: number; unchanged: number;
  /** Cases of the file taken as one here of the same reference (--join-cases). */
  joined?: number;
  /** Appeal plans of joined cases left out, as the case here has its own. */
  plansKept?: number;
  /** New events of the file that say what one stored here says (taken as it), or all but some details (added): the first few. */
  twins?: EventTwin[];
  /** How many there were in all. */
  twinCount?: number;
  /** Sources of the file holding a document stored here under another id (taken as that one): the first few. */
  sameDocuments?: SameDocument[];
  sameDocumentCount?: number;
  /** Erases the file's "erased" section told of, remembered here now (src/store/erased-memory.ts). */
  erasesTakenOver?: number;
  /** People tracked here whom the file's database erased: their ids. */
  erasedThereTrackedHere?: string[];
  /** With --skip-erased: what was left out, or taken without them (src/store/import-skip-erased.ts). */
  skippedErased?: SkippedErased;
}
/** An event of the file under a new id, and the stored one that says the same (fields: what differs; none: taken as it). */
export interface EventTwin { file: string; here: string; type: string; date: DateField; fields: string[] }
type Obj = Record<string, unknown>;

/** How many records of each kind a note lists by name; the counts say how many in all. */
export const LISTED = 10;
const SECTION_WORD: Record<Section, string> = {
  cases: 'case', sources: 'source', people: 'person', events: 'event', deadlines: 'deadline', targets: 'appeal target', plans: 'appeal plan', appeals: 'appeal record',
};

/** The record, the fields the file would change, and when it was last edited here. */
export function describeOverwrite(section: Section, stored: Obj, incoming: Obj, editedAt?: string): Overwrite {
  return { record: describeRecord(section, stored), fields: differingFields(stored, incoming), editedAt };
}

/** "person Kasim Mahpir [p-54a262vz]", "event e-7k3m9x2q". */
export function describeRecord(section: Section, r: Obj): string {
  const called = (['name', 'ref', 'title'] as const).map((k) => r[k]).find((v) => typeof v === 'string');
  const id = typeof r.id === 'string' ? shortId(r.id) : '';
  const which = called ? `${called as string}${id ? ` [${id}]` : ''}` : id;
  return `${SECTION_WORD[section]}${which ? ` ${which}` : ''}`;
}

/**
 * What the change log keeps of a record an import added: the file it came from and what it is
 * called, not the whole record (it is in the database and in the file; a large import would double
 * the database's size).
 */
export function addedFrom(file: string, r: Obj): Obj {
  const called = (['name', 'ref', 'title'] as const).find((k) => typeof r[k] === 'string');
  return called ? { from: file, [called]: r[called] } : { from: file };
}
