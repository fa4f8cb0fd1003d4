// How every erase runs, whoever or whatever it erases: one transaction with its note in the change
// log, then the file rewritten so that no free page or journal keeps a copy.
import { idFingerprint } from '../domain/ids';
import { markRewriteOwed, rewriteAfterErase } from './erase-compact';
import { mergedAway, type MergedAway } from './erase-merged';
import { documentHashes, erasedDocumentMark, rehashInLog, rewrittenDocuments } from './erased-documents';
import { allSteps } from './scan-steps';
import type { SqliteStore } from './sqlite-store';
import { withChangeLogUnlocked } from './trust-audit';

/**
 * How an erase runs. `words`: each word of their names is replaced too (src/store/erase-words.ts),
 * after the whole names. `unlogged`: the erase's entry is in the log already (an erase carried over
 * by a restore, src/store/restore-erases.ts, with the entry as first written). `closing`: the
 * command is done with the connection after it, which the rewrite may then close (erase-compact.ts).
 */
export interface EraseOptions { words?: boolean; unlogged?: boolean; closing?: boolean }

/**
 * An erase that Ctrl-C can stop (commands/cancel.ts): `point` is awaited between the steps of its
 * long scans, up to its commit; once committed, the file's rewrite (seconds, and not to be left
 * undone) runs to its end. `rewriting` is told when it begins.
 */
export interface Stopping { point: () => Promise<void>; rewriting?: () => void }

/**
 * What every erase does around its own work: deleted content overwritten with zeros, the work in
 * one transaction with the log's note of the erase and the mark that a rewrite is owed, then the
 * file rewritten. The note is only the fact (how much went would say something about who it was),
 * the id's fingerprint, by which an import knows them again (src/store/import-checks.ts), and the salted
 * fingerprints of the documents it rewrote, by which ingest and import know those (erased-documents.ts).
 */
export async function eraseThen<T>(store: SqliteStore, personId: string | undefined, opts: EraseOptions, work: (merged: MergedAway) => Generator<void, T>,
  stopping?: Stopping): Promise<T & { fileCompacted: boolean }> {
  store.db.pragma('secure_delete = ON');
  const steps = function* (): Generator<void, T> {
    // Read before the work takes the merges out of the log: the duplicates merged into them are them.
    const merged = personId ? mergedAway(store.db, personId) : { ids: [], nameIds: [] };
    const hashes = documentHashes(store.db);
    const result = yield* work(merged);
    const rewritten = rewrittenDocuments(store.db, hashes);
    if (rewritten.length > 0) withChangeLogUnlocked(store, () => rehashInLog(store.db, rewritten));
    const documents = rewritten.length > 0 ? { documents: rewritten.map((d) => erasedDocumentMark(d.old)) } : {};
    const others = merged.ids.length > 0 ? { otherIdFingerprints: merged.ids.map(idFingerprint) } : {};
    // A word erased on its own (src/store/erase-words.ts) is no one's: the entry says only that it
    // happened. Whether the words of their names went too is said, so that a restore of an older
    // backup erases them again as they were (restore-erases.ts).
    if (opts.unlogged) {
      // Logged already.
    } else if (personId) {
      store.logChange('erase', 'people', null, undefined, { idFingerprint: idFingerprint(personId), ...others, ...(opts.words ? { words: true } : {}), ...documents });
    } else {
      store.logChange('erase', 'words', null, undefined, rewritten.length > 0 ? documents : undefined);
    }
    markRewriteOwed(store.db);
    return result;
  };
  const done = stopping ? await store.writeStopping(steps, stopping.point) : store.write(() => allSteps(steps()));
  // Committed by now: a rewrite that fails (a full disk, a lock) stays owed, done at the next open.
  stopping?.rewriting?.();
  let fileCompacted = false;
  try {
    fileCompacted = rewriteAfterErase(store.db, { closing: opts.closing });
  } catch {
    // Owed (the mark stays): the next caselog to open the file for writing does it.
  }
  return { ...done, fileCompacted };
}
