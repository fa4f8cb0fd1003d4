// An ingested document whose text an erase rewrote ("[erased]" where a name stood) takes the
// fingerprint (hash) of the text it keeps. The original's, left on it, let anyone holding a document
// they suspect confirm that it was there, from the database or from any export of it (an export
// carries the hash, and often leaves the encrypted database behind).
//
// Ingesting the original again, or importing it from an older export or a colleague's, must still
// not bring back what was erased: the erase's change-log entry keeps each rewritten document's
// original fingerprint, salted (a random salt, and sha256 of salt and fingerprint). The salt keeps it
// from being matched against fingerprints met elsewhere (a list of leaked documents' hashes, an
// export); it cannot hide the document from someone with the database's key and the document itself,
// who can try to ingest it and be refused. That refusal is the point, so it is what is left to know.
import { createRequire } from 'node:module';
import type * as NodeCrypto from 'node:crypto';
import type { DB } from './open';
import type { Row } from './rows';

// node:crypto brings ~5 ms of Node's own modules: required when a fingerprint is made, not by every
// command that loads the store (the bundle puts this module on every command's path).
let crypto: typeof NodeCrypto | undefined;
const cryptoModule = (): typeof NodeCrypto => (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof NodeCrypto);

/** The fingerprint ingest gives a document's text. */
export function documentHash(text: string): string {
  return cryptoModule().createHash('sha256').update(text).digest('hex');
}

/** What an erase keeps of a rewritten document's original fingerprint: "salt:digest". */
export function erasedDocumentMark(hash: string): string {
  const salt = cryptoModule().randomBytes(16).toString('hex');
  return `${salt}:${documentHash(salt + hash)}`;
}

/** Every ingested document's fingerprint, by source: taken before an erase, to see after it which it rewrote. */
export function documentHashes(db: DB): Map<string, string> {
  return new Map((db.prepare('SELECT id, hash FROM sources WHERE hash IS NOT NULL').all() as Row[]).map((r) => [r.id as string, r.hash as string]));
}

/** A document an erase rewrote: the fingerprint it had, and the one of the text it keeps. */
export interface RewrittenDocument { old: string; kept: string }

/** The documents whose fingerprint changed since `before` (rewritten by the erase). */
export function rewrittenDocuments(db: DB, before: Map<string, string>): RewrittenDocument[] {
  const after = documentHashes(db);
  return [...before].filter(([id, hash]) => after.has(id) && after.get(id) !== hash).map(([id, old]) => ({ old, kept: after.get(id)! }));
}

/**
 * The change log's copies of the source (its adding, an import, an edit) carry the old fingerprint:
 * given the new one. Inside the erase's transaction, with the log's guard stood aside.
 */
export function rehashInLog(db: DB, rewritten: RewrittenDocument[]): void {
  const rehash = db.prepare(`UPDATE changes SET before = replace(before, @old, @kept), after = replace(after, @old, @kept)
    WHERE instr(before, @old) > 0 OR instr(after, @old) > 0`);
  for (const d of rewritten) rehash.run(d);
}

/**
 * The fingerprint a rewritten text takes; another document rewritten to the same words (two reports
 * that differed only by the name) takes one made with its source's id, as fingerprints are unique.
 */
export function keptTextHash(db: DB, sourceId: string, text: string): string {
  const hash = documentHash(text);
  const taken = db.prepare('SELECT 1 FROM sources WHERE hash = ? AND id <> ?').get(hash, sourceId) !== undefined;
  return taken ? documentHash(`${sourceId}\n${text}`) : hash;
}

/** Whether a document's fingerprint is the one a salted mark ("salt:digest") keeps. */
export function marksDocument(mark: string, hash: string): boolean {
  const [salt, digest] = mark.split(':');
  return salt !== undefined && digest !== undefined && documentHash(salt + hash) === digest;
}
