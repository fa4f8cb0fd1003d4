// An input that can be read only once: standard input (`caselog import -`), or a pipe given by its
// path (<(...), /dev/stdin or /dev/fd/N in a pipeline). Its first bytes are looked at to tell a sheet
// from an export, then given back, ahead of the rest, to whichever reader takes it, so that an
// export still streams record by record.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { UserError } from '../errors';

interface Held { fd: number; kept: Buffer }

/** Each input read once, by its path, opened once: the bytes already read and not yet handed on. */
const held = new Map<string, Held>();

/** An input read once, for its readers: the bytes looked at first, then what follows them. */
export interface OnceInput {
  /** Up to `bytes` of its start, read until they hold a character that is not a space or a byte-order mark, or it ends; nothing is taken from it. */
  head(bytes: number): Buffer;
  /** As readSync. */
  read(into: Buffer, at: number, length: number): number;
  /** All of it that is left, the bytes looked at included. */
  all(): Buffer;
  /** Done with: a pipe's end is closed (standard input stays open). */
  close(): void;
}

/** What messages call standard input (`import -`): "-" is no word a caseworker reads. */
export const STDIN_WORDS = 'the input';
export const inputName = (path: string): string => (path === '-' ? STDIN_WORDS : path);

/**
 * "-" when standard input is the terminal: nothing was piped in. Refused at once, before anything
 * is read: reading would wait on the keyboard for an export or a document nobody is typing, or,
 * once Node has made the terminal non-blocking, fail as "EAGAIN: resource temporarily unavailable".
 */
export function refuseTerminalInput(path: string, stdinIsTerminal: () => boolean, instead: string): void {
  if (path === '-' && stdinIsTerminal()) throw new UserError(`nothing piped in: ${instead}`);
}

/** Standard input, or a pipe by its path (a file of another kind, or one not there, is read as a file is). */
export function readOnce(path: string): boolean {
  if (path === '-') return true;
  try {
    return statSync(path).isFIFO();
  } catch {
    return false;
  }
}

/**
 * The input at `path` when it can be read only once, opened (`open`, which may refuse it) the first
 * time it is asked for; undefined for a file, which is read from its start as often as needed.
 */
export function onceInput(path: string, open: (path: string) => number = (p) => openSync(p, 'r')): OnceInput | undefined {
  if (!readOnce(path) && !held.has(path)) return undefined;
  const state = () => {
    let h = held.get(path);
    if (!h) held.set(path, (h = { fd: path === '-' ? 0 : open(path), kept: Buffer.alloc(0) }));
    return h;
  };
  return {
    head(bytes) {
      const h = state();
      while (h.kept.length < bytes && !/[^\s\uFEFF]/.test(h.kept.toString('utf8'))) {
        const chunk = Buffer.alloc(bytes - h.kept.length);
        const n = readSync(h.fd, chunk, 0, chunk.length, null);
        if (n === 0) break;
        h.kept = Buffer.concat([h.kept, chunk.subarray(0, n)]);
      }
      return h.kept.subarray(0, bytes);
    },
    read(into, at, length) {
      const h = state();
      if (h.kept.length === 0) return readSync(h.fd, into, at, length, null);
      const n = h.kept.copy(into, at, 0, Math.min(length, h.kept.length));
      h.kept = h.kept.subarray(n);
      return n;
    },
    all() {
      const h = state();
      const head = h.kept;
      h.kept = Buffer.alloc(0);
      return Buffer.concat([head, readFileSync(h.fd)]);
    },
    close() {
      const h = held.get(path);
      if (!h || h.fd === 0) return;
      held.delete(path);
      closeSync(h.fd);
    },
  };
}
