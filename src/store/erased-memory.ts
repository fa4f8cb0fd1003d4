// What a database remembers of the erases made in it for someone's safety, by which an import
// refuses what an older export would bring back (import-apply.ts) and ingest an erased document:
// each erase's entry in the change log (erase-run.ts), and what an import took over from the
// "erased" section of an export (src/exchange/erased.ts), kept in the import's own entry in the
// shape an erase writes its own. An export carries them on, so that a database rebuilt from it
// refuses the same records. Fingerprints only: the erase left nothing else of them.
import { idFingerprint } from '../domain/ids';
import { isErasedFingerprint, type ErasedMark } from '../exchange/erased';
import { marksDocument } from './erased-documents';
import { parseLogged } from './trust-audit';

interface Db { prepare(text: string): { all(...params: unknown[]): unknown[] } }

/**
 * Every note of an erase, as (kind, after): an erase's own entry, and each mark an import took
 * over. A person's note is { idFingerprint, otherIdFingerprints?, words? }; a document's, { documents }.
 * An erase's entry names no record: found through the record index, not by reading the whole log.
 */
export const ERASE_NOTES = `SELECT kind, after FROM changes WHERE record_id IS NULL AND action = 'erase' AND after IS NOT NULL
  UNION ALL SELECT CASE WHEN json_extract(m.value, '$.idFingerprint') IS NULL THEN 'documents' ELSE 'people' END, m.value
    FROM changes, json_each(changes.after, '$.erased') m WHERE changes.record_id IS NULL AND changes.action = 'import' AND changes.kind = 'file'`;

/** The people (their ids' fingerprints, and whether the words of their names went too) and documents (salted) remembered erased. */
export interface Remembered { people: Map<string, boolean>; documents: Set<string> }

export function rememberedErases(db: Db): Remembered {
  const people = new Map<string, boolean>();
  const documents = new Set<string>();
  for (const row of db.prepare(ERASE_NOTES).all() as Array<{ after: string }>) {
    const note = parseLogged(row.after);
    // The duplicates merged into them are them (erase-merged.ts).
    const others = Array.isArray(note?.otherIdFingerprints) ? note.otherIdFingerprints : [];
    for (const f of [note?.idFingerprint, ...others]) {
      if (typeof f === 'string') people.set(f, (people.get(f) ?? false) || note?.words === true);
    }
    for (const d of Array.isArray(note?.documents) ? note.documents : []) if (typeof d === 'string') documents.add(d);
  }
  return { people, documents };
}

/** Whether a document of this fingerprint was rewritten here by an erase; the marks read once, for an import's many sources. */
export function erasedDocumentCheck(db: Db): (hash: string) => boolean {
  const marks = [...rememberedErases(db).documents].filter((m) => m.includes(':'));
  return (hash) => marks.some((m) => marksDocument(m, hash));
}

/** The people tracked here, by their ids' fingerprints. */
function trackedByFingerprint(db: Db): Map<string, string> {
  return new Map((db.prepare('SELECT id FROM people').all() as Array<{ id: string }>).map((r) => [idFingerprint(r.id), r.id]));
}

/** Whether a source here holds the document a mark keeps. */
function storedDocument(db: Db): (mark: string) => boolean {
  const hashes = (db.prepare('SELECT hash FROM sources WHERE hash IS NOT NULL').all() as Array<{ hash: string }>).map((r) => r.hash);
  return (mark) => hashes.some((h) => marksDocument(mark, h));
}

/**
 * The marks an export carries, sorted (the same database exports the same bytes). A person tracked
 * here again, or a document held here again, was brought back on purpose (import --restore-erased):
 * that erase is over here, and a file that held them and their mark would refuse its own records.
 */
export function exportedMarks(db: Db): ErasedMark[] {
  const { people, documents } = rememberedErases(db);
  if (people.size === 0 && documents.size === 0) return [];
  const tracked = people.size > 0 ? trackedByFingerprint(db) : new Map<string, string>();
  const stored = storedDocument(db);
  const marks: ErasedMark[] = [
    ...[...people].filter(([f]) => !tracked.has(f) && isErasedFingerprint('person', f))
      .map(([fingerprint, words]): ErasedMark => ({ kind: 'person', fingerprint, ...(words ? { words: true as const } : {}) })),
    ...[...documents].filter((d) => isErasedFingerprint('document', d) && !stored(d)).map((fingerprint): ErasedMark => ({ kind: 'document', fingerprint })),
  ];
  return marks.sort((a, b) => (a.kind === b.kind ? (a.fingerprint < b.fingerprint ? -1 : 1) : a.kind < b.kind ? -1 : 1));
}

/** What an import takes over from a file's "erased" section: the notes to keep, and the people tracked here that it names. */
export interface TakenOver { notes: Array<Record<string, unknown>>; trackedHere: string[] }

/**
 * After the file's records: its marks not remembered here yet. One whose person or document is here
 * (this file or an earlier one brought it, --restore-erased too) is over, as for an export; a person
 * of this database's own erased where the file comes from is named, for the user to decide.
 */
export function marksToTakeOver(db: Db, marks: ErasedMark[]): TakenOver {
  if (marks.length === 0) return { notes: [], trackedHere: [] };
  const { people, documents } = rememberedErases(db);
  const tracked = trackedByFingerprint(db);
  const stored = storedDocument(db);
  const notes: Array<Record<string, unknown>> = [];
  const trackedHere: string[] = [];
  for (const mark of marks) {
    if (mark.kind === 'document') {
      if (!documents.has(mark.fingerprint) && !stored(mark.fingerprint)) notes.push({ documents: [mark.fingerprint] });
      documents.add(mark.fingerprint);
    } else if (tracked.has(mark.fingerprint)) {
      trackedHere.push(tracked.get(mark.fingerprint)!);
    } else if (!people.has(mark.fingerprint) || (mark.words && !people.get(mark.fingerprint))) {
      notes.push({ idFingerprint: mark.fingerprint, ...(mark.words ? { words: true } : {}) });
      people.set(mark.fingerprint, mark.words === true);
    }
  }
  return { notes, trackedHere };
}
