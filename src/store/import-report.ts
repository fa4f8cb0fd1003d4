// What an import reports back: its counts, the few records it lists by name (an event taken as one
// stored here, a record it would overwrite), and the note the change log keeps of a record it added.
import { shortId } from '../domain/ids';
import { differingFields } from '../exchange/canonical';
import type { DateField, Section } from '../exchange/format';
import type { JoinedApart } from './import-joined';
import type { Overwrite } from './import-refused';
import { personChanges } from './import-person';
import type { SameDocument } from './import-same-source';
import type { SkippedErased } from './import-skip-erased';

export interface ImportCounts {
  added: number; updated: number; unchanged: number;
  /** Cases of the file taken as one here of the same reference (--join-cases). */
  joined?: number;
  /** Joined cases open on one side and closed on the other (the case here keeps its state): the first few. */
  joinedApart?: JoinedApart[];
  joinedApartCount?: number;
  /** Appeal plans of joined cases left out, as the case here has its own. */
  plansKept?: number;
  /** New events of the file that say what one stored here says (taken as it), or all but some details (added): the first few. */
  twins?: EventTwin[];
  /** How many there were in all. */
  twinCount?: number;
  /** People the file left unchanged but for other names here it lacks, which stay: the first few, and how many. */
  namesKept?: Array<{ record: string; kept: string[] }>;
  namesKeptCount?: number;
  /** Records a --replace overwrote here, the first few as a refusal lists them, and how many in all. */
  replaced?: Overwrite[];
  replacedCount?: number;
  /** Sources of the file holding a document stored here under another id (taken as that one): the first few. */
  sameDocuments?: SameDocument[];
  sameDocumentCount?: number;
  /** Sources, appeal targets and deadlines of the file taken as one stored here (import-also-here.ts): the first few of each kind. */
  alsoHere?: AlsoHere[];
  /** How many of each kind there were in all. */
  alsoHereCount?: Partial<Record<AlsoHere['kind'], number>>;
  /** Erases the file's "erased" section told of, remembered here now (src/store/erased-memory.ts). */
  erasesTakenOver?: number;
  /** People tracked here whom the file's database erased: their ids. */
  erasedThereTrackedHere?: string[];
  /** The change batch the import logged; none when it changed nothing (and so logged nothing). Not logged itself. */
  loggedBatch?: number;
  /** With --skip-erased: what was left out, or taken without them (src/store/import-skip-erased.ts). */
  skippedErased?: SkippedErased;
  /** People of the file merged here into another (import-merged-here.ts): the first few, and how many. */
  mergedHere?: MergedHere[];
  mergedHereCount?: number;
  /** New events of the file of the same people, case, type and day as one here, in other words (import-same-happening.ts): the first few. */
  sameHappenings?: SameHappening[];
  sameHappeningCount?: number;
}
/** A new event of the file and the one here that may tell of the same happening (date: ISO day). */
export interface SameHappening { file: string; here: string; type: string; date: string; summaryFile: string; summaryHere: string }
/** A person of the file merged here: into whom, and how many new events and deadlines of theirs went to that one. */
export interface MergedHere {
  file: string; name?: string; into: string; events: number; deadlines: number;
  /** What the file's record added over them as merged, given to the one kept; what it says that the one kept has otherwise, with the command to take it. */
  taken?: string[]; left?: string[];
}
/**
 * A record of the file under an id new here and the one stored here that it is by the rule for its
 * kind ('document': a source of another text under a reference of one here, added beside it; 'alike': a
 * source without a reference of the URL, or the title, publisher and date, of one here, added beside it). fields:
 * where the one here, which keeps its own, differs; changed: what the import gave it from the file.
 */
export interface AlsoHere {
  kind: 'source' | 'document' | 'alike' | 'target' | 'deadline'; file: string; here: string;
  /** A source's reference, a target's name and title, a deadline's note. */
  called: string;
  /** A deadline's date, and the day the file's was done. */
  date?: DateField; doneOn?: string | null;
  fields: string[]; changed?: 'text' | 'done';
}
/** An event of the file under a new id, and the stored one that says the same (fields: what differs; none: taken as it). */
export interface EventTwin { file: string; here: string; type: string; date: DateField; fields: string[] }
type Obj = Record<string, unknown>;

/** How many records of each kind a note lists by name; the counts say how many in all. */
export const LISTED = 10;
const SECTION_WORD: Record<Section, string> = {
  cases: 'case', sources: 'source', people: 'person', events: 'event', deadlines: 'deadline', targets: 'appeal target', plans: 'appeal plan', appeals: 'appeal record',
};

/**
 * The record, the fields the file would change, and when it was last edited here; a person's names
 * and risks value by value (`kept`: the names here the file lacks, which stay).
 */
export function describeOverwrite(section: Section, stored: Obj, incoming: Obj, editedAt?: string, kept: string[] = []): Overwrite {
  const fields = differingFields(stored, incoming);
  const record = describeRecord(section, stored);
  const id = stored.id as string;
  if (section !== 'people') return { record, id, fields, editedAt };
  return { record, id, fields: fields.filter((f) => !PERSON_DETAILED.includes(f)), editedAt, person: personChanges(stored, incoming, kept) };
}
const PERSON_DETAILED = ['name', 'names', 'risks'];

/**
 * When a record was last edited here: a change made to it as it stood, not one that made it (an
 * add, or an event a status or risk change recorded) nor an import. The file's side has no such
 * time, but a recent edit here is worth a look before --replace takes it back.
 */
export function editedHere(sql: (text: string) => { get(...params: unknown[]): unknown }, id: string): string | undefined {
  const row = sql(`SELECT max(at) AS at FROM changes WHERE record_id = ? AND action NOT IN ('add', 'import')
    AND coalesce(before, 'null') <> 'null'`).get(id) as { at: string | null } | undefined;
  return row?.at ?? undefined;
}

/** editedHere over the database itself, for callers outside the store. */
export function editedHereIn(db: { prepare(text: string): { get(...params: unknown[]): unknown } }, id: string): string | undefined {
  return editedHere((text) => db.prepare(text), id);
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
export function addedFrom(file: string, r: Obj, section: Section): Obj {
  // A source is called by its reference and its title together, as add names it (many have no reference).
  if (section === 'sources') return { from: file, ...(typeof r.ref === 'string' ? { ref: r.ref } : {}), title: r.title };
  const called = (['name', 'ref', 'title'] as const).find((k) => typeof r[k] === 'string');
  return called ? { from: file, [called]: r[called] } : { from: file };
}

/** A person the file would leave unchanged but that it lacks some of their names here (kept). */
export function countKeptNames(counts: ImportCounts, stored: Obj, kept: string[]): void {
  counts.namesKeptCount = (counts.namesKeptCount ?? 0) + 1;
  if ((counts.namesKept ??= []).length < LISTED) counts.namesKept.push({ record: describeRecord('people', stored), kept });
}
