// Standard input for `caselog import -`: its first bytes are looked at to tell a sheet from an
// export (a pipe cannot be read twice), then given back, ahead of the rest, to whichever reader
// takes it, so that an export still streams record by record.
import { readFileSync, readSync } from 'node:fs';

/** The bytes already read and not yet handed on. */
let kept = Buffer.alloc(0);

/**
 * Up to `bytes` of standard input's start, read until they hold a character that is not a space or
 * a byte-order mark (a pipe hands text over in pieces), or input ends. Nothing is taken from the input.
 */
export function stdinHead(bytes: number): Buffer {
  while (kept.length < bytes && !/[^\s\uFEFF]/.test(kept.toString('utf8'))) {
    const chunk = Buffer.alloc(bytes - kept.length);
    const n = readSync(0, chunk, 0, chunk.length, null);
    if (n === 0) break;
    kept = Buffer.concat([kept, chunk.subarray(0, n)]);
  }
  return kept.subarray(0, bytes);
}

/** As readSync on standard input: the bytes stdinHead read first, then what follows them. */
export function readStdin(buffer: Buffer, offset: number, length: number): number {
  if (kept.length === 0) return readSync(0, buffer, offset, length, null);
  const n = kept.copy(buffer, offset, 0, Math.min(length, kept.length));
  kept = kept.subarray(n);
  return n;
}

/** The whole of standard input, the bytes stdinHead read included. */
export function readAllStdin(): Buffer {
  const head = kept;
  kept = Buffer.alloc(0);
  return Buffer.concat([head, readFileSync(0)]);
}
