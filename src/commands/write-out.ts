// Where --out sends an export (or stdout without it). A file is written owner-only beside itself and
// put in place whole only when complete; through a symbolic link, to the file it points to (made, if
// missing); a device or named pipe (/dev/stdout, a FIFO a script reads) is written to as it is. Never
// over the database itself, nor into a folder.
import { closeSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Context } from '../context';
import { safeOutput, say, writeStream } from '../context';
import { UserError } from '../errors';
import { isDatabaseFile, makeFolders, realPath, removeStalePartials } from '../exchange/folders';
import { removeAbandonedPartials } from '../exchange/stale-partials';
import { cancellable } from './cancel';

function* shownSafely(ctx: Context, pieces: Iterable<string>): Iterable<string> {
  for (const piece of pieces) yield safeOutput(ctx, piece);
}

export async function writeTo(ctx: Context, out: string | undefined, pieces: Iterable<string>): Promise<void> {
  if (!out || out === '-') {
    // An export read on a terminal is shown safely; into a pipe or a file it is the data as stored.
    await writeStream(ctx.stdout, ctx.columns === undefined ? pieces : shownSafely(ctx, pieces));
    return;
  }
  if (/[\\/]$/.test(out)) throw new UserError(`cannot write ${out}: it names a folder; --out takes a file name`);
  const place = placeOf(out);
  refuseDatabase(ctx.dbPath, place.path, out);
  if (place.stream) {
    await writeWhole(place.path, open(place.path, out, 'w'), pieces, out, false);
    say(ctx, `Wrote ${out}`);
    return;
  }
  if (!place.exists) makeFolders(dirname(place.path));
  // A copy a killed export left would keep what a later erase removes: gone before a new one.
  removeStalePartials(place.path);
  removeAbandonedPartials(place.path);
  const partial = `${place.path}.partial-${process.pid}`;
  // Ctrl-C or kill while it is written: the copy is removed and that is said (cancel.ts).
  await cancellable(ctx, { undone: `nothing was written to ${out}`, late: `${out} was already written when the cancel came: it is complete` }, async (point) => {
    await writeWhole(partial, open(partial, out, 'w'), pieces, out, true, point);
    try {
      await point();
      renameSync(partial, place.path);
    } catch (error) {
      rmSync(partial, { force: true });
      throw cannotWrite(out, error, true);
    }
  });
  say(ctx, `Wrote ${out}`);
}

interface Place { path: string; stream: boolean; exists: boolean }

/** What is at --out, looked at without writing. */
function placeOf(out: string): Place {
  try {
    const found = statSync(out, { throwIfNoEntry: false });
    if (found?.isDirectory()) throw new UserError(`cannot write ${out}: it is a folder; --out takes a file name`);
    if (found && !found.isFile()) return { path: out, stream: true, exists: true };
    if (found) return { path: realpathSync(out), stream: false, exists: true };
    // A link to nothing yet: the file it points to is made.
    const link = lstatSync(out, { throwIfNoEntry: false });
    if (link?.isSymbolicLink()) return { path: realPath(resolve(dirname(out), readlinkSync(out))), stream: false, exists: false };
    return { path: realPath(out), stream: false, exists: false };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw cannotWrite(out, error, true);
  }
}

/** The open database and its -wal, -shm and -journal files are never an export's destination. */
function refuseDatabase(dbPath: string, path: string, out: string): void {
  if (isDatabaseFile(dbPath, path)) throw new UserError(`cannot write ${out}: it is the database itself (or one of its files); choose another file`);
}

function open(path: string, out: string, flags: string): number {
  try {
    return openSync(path, flags, 0o600);
  } catch (error) {
    throw cannotWrite(out, error, true);
  }
}

/** Between the points at which a cancel is heard: a few milliseconds of writing. */
const CHUNKS_A_POINT = 16;

/**
 * Writes the pieces and closes; a copy left unfinished (a full disk, a failed read, a cancel at a
 * point) is removed.
 */
async function writeWhole(path: string, fd: number, pieces: Iterable<string>, out: string, copy: boolean, point?: () => Promise<void>): Promise<void> {
  let finished = false;
  let chunks = 0;
  const put = (text: string) => {
    try {
      // A write may take only part (the disk filling up, a file size limit): the rest is written
      // again, and fails in words; taken as whole, the export was cut short and said "Wrote".
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      throw cannotWrite(out, error, copy);
    }
  };
  try {
    let chunk = '';
    for (const piece of pieces) {
      chunk += piece;
      if (chunk.length >= 1 << 16) {
        put(chunk);
        chunk = '';
        if (point && ++chunks % CHUNKS_A_POINT === 0) await point();
      }
    }
    if (chunk) put(chunk);
    finished = true;
  } finally {
    closeSync(fd);
    if (!finished && copy) rmSync(path, { force: true });
  }
}

function cannotWrite(out: string, error: unknown, copy: boolean): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error as Error;
  const why: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the disk is read-only', ENOSPC: 'the disk is full',
    EISDIR: 'it is a folder', ENOENT: 'its folder does not exist', ENOTDIR: 'a part of the path is a file, not a folder',
    ELOOP: 'its symbolic links go round in a loop', ENAMETOOLONG: 'the name is too long',
    EIO: 'the disk reported an error', EFBIG: 'the file would pass the largest size this system allows', EDQUOT: 'your share of the disk is used up',
  };
  return new UserError(`cannot write ${out}: ${why[code] ?? code}; ${copy ? 'nothing was written there' : 'what was written there is incomplete'}`);
}
