// An import's decisions, record by record, inside one transaction: whether each is new, the same,
// a change to refuse or to apply, a case to join or a document already stored; all or nothing.
import { caseRefKey } from '../domain/model';
import { idFingerprint } from '../domain/ids';
import { canonical } from '../exchange/canonical';
import { placeWithId, RecordError, shownId, validateRecord, type DateField } from '../exchange/format';
import type { RawRecord } from '../exchange/read';
import { UserError } from '../errors';
import { checkDateTexts } from './import-dates';
import { deletedCheck, isAnswer, isForeignKeyError, knownIdCheck, onJoinedCases, sameRecord, unknownReference } from './import-checks';
import { ImportRefused, type Overwrite } from './import-refused';
import { allSteps } from './scan-steps';
import { addedFrom, countKeptNames, describeOverwrite, describeRecord, editedHere, LISTED, type ImportCounts } from './import-report';
import { joinedApartWatch } from './import-joined';
import { onlyFillsNotes, withNamesHere } from './import-person';
import { storedTwinFinder } from './import-same-event';
import { sameHappeningWatch } from './import-same-happening';
import { citingStored, storedDocument } from './import-same-source';
import { alsoHereFinder } from './import-also-here';
import { mergedHereFinder } from './import-merged-here';
import { recordUpsert } from './import-upsert';
import type { WithoutErased } from './import-skip-erased';
import { erasedDocumentCheck, rememberedErases } from './erased-memory';
import { refreshPeople } from './derived';
import type { BulkLoad } from './search-bulk';
import { storedRecord } from './export';
import { asErasedHere } from '../domain/erased-text';
import { ERASED_MARK } from './erase-mentions';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

type Obj = Record<string, unknown>;
interface Stmt { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] }

/** Options of applyRecords. */
export interface ApplyOptions {
  progress?: (n: number) => void; log: boolean; bulk?: BulkLoad; /** Overwrite records that differ here (else refused, listed). */ replace: boolean;
  /** Take back a person who was erased here (else refused). */ restoreErased?: boolean;
  /** A case of the file whose reference a case here has is that case: what is on it joins the one here. */ joinCases?: boolean;
  /**
   * Records as this database held them (undo): compared whole, each its own (never taken as a stored
   * event that says the same), their dates as they were stored.
   */
  asStored?: boolean;
  /**
   * A sheet's rows, which carry no ids: a new event is also looked for among those stored with its
   * date or its summary (a row corrected and read again). Not for an export, whose records keep
   * their ids when corrected, and whose size would make the lookup by summary cost a scan each.
   */
  corrections?: boolean;
  /** Take the file without the people (and documents) erased here (else refused): import-skip-erased.ts. */
  skipErased?: WithoutErased;
}

/**
 * Applies records inside the caller's transaction. Undo uses it with log: false, since it logs
 * the restored records itself.
 */
export function applyRecords(store: SqliteStore, records: Iterable<RawRecord>, label: string, opts: ApplyOptions): ImportCounts {
  return allSteps(applyRecordSteps(store, records, label, opts));
}

/** Records between two steps: a fraction of a second's work, where a cancel is heard (commands/cancel.ts). */
const RECORDS_A_STEP = 2000;

/**
 * applyRecords in steps: the generator pauses every few thousand records (and before the long
 * work that ends an import), so that an import can be stopped between them and rolled back.
 */
export function* applyRecordSteps(store: SqliteStore, records: Iterable<RawRecord>, label: string, opts: ApplyOptions): Generator<void, ImportCounts> {
  const { progress } = opts;
  const { db } = store;
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const joined = new Map<string, string>();
  const apart = joinedApartWatch(counts);
  /** The file's sources whose document is stored here under another id, and that id. */
  const sameDocument = new Map<string, string>();
  const touched = new Set<string>();
  const cache = new Map<string, Stmt>();
  const sql = (text: string): Stmt => {
    let s = cache.get(text);
    if (!s) cache.set(text, (s = db.prepare(text) as unknown as Stmt));
    return s;
  };
  const exists = (table: string, id: unknown) => sql(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  const apply = recordUpsert(db, sql, touched, opts.bulk);

  const knownId = knownIdCheck(sql);
  const storedTwin = opts.asStored ? () => undefined : storedTwinFinder(db, sql, opts.corrections ?? false);
  const sameHappening = opts.asStored ? undefined : sameHappeningWatch(db, sql, counts);
  // Undo puts back records as they were, each its own.
  const alsoHere = opts.asStored ? undefined : alsoHereFinder(store, counts, sameDocument, { log: opts.log, bulk: opts.bulk });
  const mergedHere = opts.asStored ? undefined : mergedHereFinder(db, counts);
  // With the ids of the duplicates merged into them: they are the same person.
  const erased = rememberedErases(db).people;
  const erasedDocument = erasedDocumentCheck(db);
  let n = 0;
  const overwritten: Overwrite[] = [];
  let overwrittenCount = 0;
  const deletedHere = opts.replace ? () => false : deletedCheck(sql);
  const cameBack: string[] = [];
  let cameBackCount = 0;
  for (const read of records) {
    // Not `where`: a file's reader builds it only when asked, for a message (src/exchange/read.ts).
    const { section, record } = read;
    let incoming: Obj | undefined;
    try {
      incoming = canonical(section, validateRecord(section, record));
      if (opts.skipErased) {
        incoming = opts.skipErased.take(section, incoming);
        if (!incoming) continue;
      }
      if (alsoHere) incoming = alsoHere.linked(section, incoming);
      // Building the stored record costs several correlated queries; a new id needs none of them.
      // Asked once a record: a second asking takes the record for a copy of itself.
      const known = knownId(section, incoming.id as string);
      if (mergedHere) {
        if (!known && section === 'people' && mergedHere.personTaken(incoming)) continue;
        incoming = mergedHere.linked(section, incoming, known);
      }
      // Two colleagues who each opened the same action have two records of it, of one reference.
      if (opts.joinCases && section === 'cases' && !known) {
        const here = sql('SELECT id, closed FROM cases WHERE ref_key = ?').get(caseRefKey(incoming.ref as string)) as Row | undefined;
        if (here) {
          joined.set(incoming.id as string, here.id as string);
          apart.joined(incoming, here);
          counts.joined = (counts.joined ?? 0) + 1;
          continue;
        }
      }
      if (joined.size > 0) {
        const fileCase = incoming.case as string | undefined;
        incoming = onJoinedCases(section, incoming, joined);
        if (section === 'deadlines') apart.deadline(fileCase, incoming);
        // Both kept an appeal plan for the case: the one here stays (a case has one), theirs is left out.
        if (section === 'plans' && fileCase && joined.has(fileCase)
          && sql('SELECT 1 FROM plans WHERE case_id = ? AND id <> ?').get(incoming.case, incoming.id) !== undefined) {
          counts.plansKept = (counts.plansKept ?? 0) + 1;
          continue;
        }
      }
      if (section === 'sources') {
        const same = storedDocument(sql, incoming, known);
        if (same) {
          sameDocument.set(same.file, same.here);
          counts.sameDocumentCount = (counts.sameDocumentCount ?? 0) + 1;
          if ((counts.sameDocuments ??= []).length < LISTED) counts.sameDocuments.push(same);
          counts.unchanged++;
          continue;
        }
      }
      if (section === 'events' && sameDocument.size > 0) incoming = citingStored(incoming, sameDocument);
      // Only a person not here now: one brought back on purpose (--restore-erased) is tracked again.
      if (!known && section === 'people' && erased.size > 0 && !opts.restoreErased && erased.has(idFingerprint(incoming.id as string))) {
        throw new RecordError('this person was erased from this database for their safety: --skip-erased imports the rest of the file without them '
          + '(leaving out what is theirs alone, and taking them and their names out of what they share with others), --restore-erased brings them back');
      }
      if (known) opts.bulk?.beforeExisting();
      const stored = known ? storedRecord(db, section, incoming.id as string) : undefined;
      // The original text of a document an erase rewrote here (erased-documents.ts), new or over the text kept.
      if (section === 'sources' && !opts.restoreErased && typeof incoming.hash === 'string' && incoming.hash !== stored?.hash && erasedDocument(incoming.hash)) {
        if (opts.skipErased) {
          opts.skipErased.leaveOutDocument(incoming.id as string, stored !== undefined);
          continue;
        }
        throw new RecordError('an erase here rewrote this document\'s text for someone\'s safety: --skip-erased imports the rest of the file without it, --restore-erased brings the original back');
      }
      if (!known && alsoHere?.taken(section, incoming)) continue;
      // An answer to an appeal, as an export before schema 6 wrote it (a statement): an appeal event
      // now (migration 6), so the same file still imports unchanged. A new one is turned when its
      // appeal record comes (applyAppealRecord).
      if (stored && section === 'events' && incoming.type === 'statement' && stored.type === 'appeal' && isAnswer(sql, incoming.id as string)) incoming.type = 'appeal';
      // A file that does not say when a record was first recorded (it may leave "recorded" out) keeps
      // the time stored here: else the same file imported twice differed each time.
      if (stored && incoming.recorded == null) incoming.recorded = stored.recorded;
      // A text an erase rewrote here, which the file has as it was before (an export made before the
      // erase): what the erase took out stays out, a name the erase memory cannot tell (an alias
      // taken away before it) as much as any. Brought back only with the person (--restore-erased).
      if (stored && !opts.asStored && !opts.restoreErased) incoming = asErasedHere(incoming, stored, ERASED_MARK);
      // A person's names only accumulate: the file's version keeps those here it lacks (import-person.ts).
      let kept: string[] = [];
      if (stored && section === 'people' && !opts.asStored) ({ record: incoming, kept } = withNamesHere(stored, incoming, () => store.newId('name')));
      let twin = !stored && section === 'events' ? storedTwin(incoming) : undefined;
      // A second appeal of the file saying the same as one here already taken is its own (one appeal record an event).
      if (twin && incoming.type === 'appeal' && !alsoHere?.sameAppeal(incoming.id as string, twin.id)) twin = undefined;
      if (twin) {
        counts.twinCount = (counts.twinCount ?? 0) + 1;
        if ((counts.twins ??= []).length < LISTED) {
          counts.twins.push({ file: incoming.id as string, here: twin.id, type: incoming.type as string, date: incoming.date as DateField, fields: twin.fields });
        }
      } else if (!stored && section === 'events') sameHappening?.(incoming);
      // A twin that says all the stored one says is it (both read from one sheet, or both recorded
      // it): a second copy would show twice in the timeline.
      if ((stored && sameRecord(stored, incoming, opts.asStored)) || twin?.fields.length === 0) {
        counts.unchanged++;
        if (stored && kept.length > 0) countKeptNames(counts, stored, kept);
      } else {
        if (!opts.asStored) checkDateTexts(section, stored, incoming);
        // A colleague's or an older export would silently undo what was done here (names, risks,
        // edits, deletions): each is listed, and nothing is imported without --replace (with it, the
        // list is said after). Applied all the same, so that the records after it read as they
        // would; the transaction rolls it back. Notes given to names that had none lose nothing.
        if (stored && !opts.asStored && !(section === 'people' && onlyFillsNotes(stored, incoming))) {
          if (overwritten.length < LISTED) overwritten.push(describeOverwrite(section, stored, incoming, editedHere(sql, incoming.id as string), kept));
          overwrittenCount++;
        } else if (!opts.replace && deletedHere(incoming.id as string)) {
          if (cameBack.length < LISTED) cameBack.push(describeRecord(section, incoming));
          cameBackCount++;
        }
        apply(section, incoming, !stored);
        if (stored) {
          counts.updated++;
          if (opts.log) store.logChange('import', section, incoming.id as string, stored, incoming);
        } else {
          counts.added++;
          if (opts.log) store.logChange('import', section, incoming.id as string, null, addedFrom(label, incoming, section));
        }
      }
    } catch (caught) {
      const error = incoming && isForeignKeyError(caught) ? (unknownReference(section, incoming, exists) ?? caught) : caught;
      if (error instanceof RecordError) {
        const id = (record as Obj | null)?.id;
        throw new UserError(`${label}, ${typeof id === 'string' && !read.idMade ? placeWithId(read.where, shownId(id)) : read.where}: ${error.message}; nothing was imported`);
      }
      throw error;
    }
    if (++n % RECORDS_A_STEP === 0) {
      if (progress && n % 10000 === 0) progress(n);
      yield;
    }
  }
  // After the file's own record of the kept person, which would otherwise read as undoing what this adds.
  mergedHere?.combine((before, after) => {
    opts.bulk?.beforeExisting();
    apply('people', after, false);
    if (opts.log) store.logChange('import', 'people', after.id as string, before, after);
  }, () => store.newId('name'), (id) => { const here = joined.get(id) ?? id; return exists('cases', here) ? here : undefined; });
  if (!opts.replace && (overwrittenCount > 0 || cameBackCount > 0)) {
    throw new ImportRefused(label, { listed: overwritten, count: overwrittenCount }, { listed: cameBack, count: cameBackCount });
  }
  if (overwrittenCount > 0 && !opts.asStored) Object.assign(counts, { replaced: overwritten, replacedCount: overwrittenCount });
  // The derived fields read through the indexes a bulk load set aside.
  yield;
  opts.bulk?.finish();
  yield;
  refreshPeople(db, touched);
  return counts;
}
