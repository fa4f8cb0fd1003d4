// The "erased" section of an export: the fingerprints by which a database refuses what was erased
// in it for someone's safety (src/store/erased-memory.ts), so that a database made from the file
// refuses them too. A fingerprint, never a name or a text: nothing else of them is left to carry.
import { RecordError } from './format';

export const ERASED_SECTION = 'erased';

/**
 * A person erased (the fingerprint of their id; `words`: the words of their names were replaced
 * too, erase --words) or the original of a document an erase rewrote (its fingerprint, salted).
 */
export type ErasedMark = { kind: 'person'; fingerprint: string; words?: true } | { kind: 'document'; fingerprint: string };

/** As src/domain/ids.ts idFingerprint writes it, and as src/store/erased-documents.ts erasedDocumentMark does. */
const PERSON = /^[0-9a-f]{16}$/;
const DOCUMENT = /^[0-9a-f]{32}:[0-9a-f]{64}$/;

export function isErasedFingerprint(kind: ErasedMark['kind'], fingerprint: unknown): fingerprint is string {
  return typeof fingerprint === 'string' && (kind === 'person' ? PERSON : DOCUMENT).test(fingerprint);
}

/** Checks a line of the section; throws RecordError naming what is wrong. */
export function validateErased(record: unknown): ErasedMark {
  if (!record || typeof record !== 'object' || Array.isArray(record)) throw new RecordError('not an object');
  const r = record as Record<string, unknown>;
  if (r.kind !== 'person' && r.kind !== 'document') throw new RecordError('"kind" must be person or document');
  const known = r.kind === 'person' ? ['kind', 'fingerprint', 'words'] : ['kind', 'fingerprint'];
  const stray = Object.keys(r).find((k) => !known.includes(k));
  if (stray !== undefined) throw new RecordError(`unknown field "${stray}" (an erased ${r.kind} has ${known.join(', ')})`);
  if (!isErasedFingerprint(r.kind, r.fingerprint)) {
    throw new RecordError(`"fingerprint" must be ${r.kind === 'person' ? '16 hexadecimal digits' : 'a salt of 32 hexadecimal digits, a colon and 64 more'}, as caselog writes it`);
  }
  if (r.kind === 'document') return { kind: 'document', fingerprint: r.fingerprint };
  if (r.words !== undefined && r.words !== true) throw new RecordError('"words" is true or left out');
  return { kind: 'person', fingerprint: r.fingerprint, ...(r.words ? { words: true as const } : {}) };
}

/** The mark as an export writes it, its fields in one order: the same database exports the same bytes. */
export function erasedLine(mark: ErasedMark): string {
  return JSON.stringify(mark.kind === 'person'
    ? { kind: mark.kind, fingerprint: mark.fingerprint, ...(mark.words ? { words: true } : {}) }
    : { kind: mark.kind, fingerprint: mark.fingerprint });
}
