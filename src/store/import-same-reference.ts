// A source of a file under an id new here may be one stored here under another: two colleagues
// each recorded it by hand (add source) under the reference the document gives. A reference names one
// source here (add source and edit --ref refuse a second, compared ignoring case and spacing), and a
// second one would make --source REF ambiguous for good: no command deletes or merges a source.
import { caseRefKey } from '../domain/model';
import { shortId } from '../domain/ids';
import { differingFields } from '../exchange/canonical';
import { RecordError } from '../exchange/format';
import { storedRecord } from './export';
import type { DB } from './open';

type Obj = Record<string, unknown>;

/** Taken as the source here (fields: where it differs, keeping its own; text: it gains the file's document). */
export interface SameReference { here: string; fields: string[]; text: boolean }

/** Told apart by: a document text each, and not the same (ingest keeps two such sources apart too). */
const otherDocument = (stored: Obj, incoming: Obj) => stored.hash != null && incoming.hash != null && stored.hash !== incoming.hash;
/** A publisher each, and not the same, ignoring case and spacing: a missing one contradicts nothing. */
const otherPublisher = (stored: Obj, incoming: Obj) =>
  stored.publisher != null && incoming.publisher != null && caseRefKey(stored.publisher as string) !== caseRefKey(incoming.publisher as string);

/**
 * The source stored here before the import (rowid up to `mark`) of the file's source's reference and
 * publisher; `{ other }` when each holds another document (added beside it); undefined when none has
 * the reference. One of another publisher and no other text is refused: taken as it, the file's events
 * would cite another publisher's document; added, the reference would name two sources.
 */
export function sameReference(db: DB, mark: number, incoming: Obj): SameReference | { other: string } | undefined {
  if (typeof incoming.ref !== 'string' || incoming.ref.trim() === '') return undefined;
  const ids = db.prepare('SELECT id FROM sources WHERE ref_key = ? AND rowid <= ? ORDER BY rowid').pluck().all(caseRefKey(incoming.ref), mark) as string[];
  const stored = ids.map((id) => storedRecord(db, 'sources', id)!);
  const same = stored.find((s) => !otherDocument(s, incoming) && !otherPublisher(s, incoming));
  if (same) {
    const text = same.hash == null && incoming.hash != null;
    const fields = differingFields(same, { ...incoming, id: same.id }).filter((f) => f !== 'hash' && f !== 'text');
    return { here: same.id as string, fields, text };
  }
  const other = stored.find((s) => !otherDocument(s, incoming));
  if (other) {
    const here = shortId(other.id as string);
    throw new RecordError(`its reference "${incoming.ref}" is source ${here} here, published by "${other.publisher as string}", not "${incoming.publisher as string}": ` +
      `a reference names one source. If both are one document, caselog edit ${here} --publisher "${incoming.publisher as string}" and import again (it is then taken as that one); ` +
      `if not, give the one here a reference of its own (caselog edit ${here} --ref ...)`);
  }
  return stored.length > 0 ? { other: stored[0]!.id as string } : undefined;
}

/** Gives the source here the file's document (it had none), as ingest gives one recorded by hand: its text and fingerprint. */
export function takeDocument(db: DB, here: string, incoming: Obj): void {
  db.prepare('UPDATE sources SET body = ?, hash = ?, updated_at = ? WHERE id = ?').run(incoming.text, incoming.hash, new Date().toISOString(), here);
}
