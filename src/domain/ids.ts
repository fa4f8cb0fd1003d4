// Record ids: a letter for the kind, a dash, 16 base-32 characters (80 random bits).
// Random, not sequential, so databases of colleagues merge by import without clashes.

export const KIND_LETTERS = {
  case: 'c', person: 'p', name: 'n', event: 'e', deadline: 'd', source: 's', target: 't', plan: 'a',
} as const;
export type RecordKind = keyof typeof KIND_LETTERS;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford: no i, l, o, u

/** Builds an id from 10 random bytes supplied by the caller (domain code has no randomness source). */
export function makeId(kind: RecordKind, random: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return `${KIND_LETTERS[kind]}-${out.slice(0, 16)}`;
}

/** The short form shown to users: enough characters to be unique in practice. */
export function shortId(id: string): string {
  return id.slice(0, 10);
}

const ID_SHAPE = /^[cpnedsta]-[0-9a-z]{1,16}$/;
/** A whole record id as caselog writes it (16 characters) or an import may bring (4 to 32). */
export const RECORD_ID = /^[cpnedsta]-[0-9a-z]{4,32}$/;
export function looksLikeId(text: string): boolean {
  return ID_SHAPE.test(text.trim().toLowerCase());
}

export function kindOfId(id: string): RecordKind | undefined {
  const letter = id[0];
  return (Object.keys(KIND_LETTERS) as RecordKind[]).find((k) => KIND_LETTERS[k] === letter);
}

/**
 * What an erase keeps of the erased person's id: 64 bits of two FNV-1a hashes, enough to know the
 * person again when an old export or backup would bring them back, and nothing of who they were.
 */
export function idFingerprint(id: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193 + 2);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Every shorter id an id begins with, from its kind letter, dash and one character on ("p-a", "p-ab", ...). */
export function idStarts(id: string): string[] {
  return Array.from({ length: Math.max(0, id.length - 3) }, (_, i) => id.slice(0, i + 3));
}

/**
 * The ids a typed prefix stands for, from those starting with it in id order: a whole id stands for
 * itself alone (sorted, it comes first), though longer ids begin with it.
 */
export function prefixMatches(sortedIds: string[], prefix: string): string[] {
  return sortedIds[0] === prefix ? [prefix] : sortedIds;
}
