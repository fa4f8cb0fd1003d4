// Where --out sends an export (or stdout without it). A file is written owner-only beside itself and
// put in place whole only when complete; through a symbolic link, to the file it points to (made, if
// missing); a device or named pipe (/dev/stdout, a FIFO a script reads) is written to as it is. Never
// over the database itself, nor into a folder.
import { closeSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Context } from '../context';
import { safeOutput, say, writeStream } from '../context';
import { UserError } from '../errors';
import { absentFolderOf, folderNotThere, isDatabaseFile, realPath, removeStalePartials } from '../exchange/folders';
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
  await writeFiles(ctx, [{ out, pieces }], { undone: `nothing was written to ${out}`, late: `${out} was already written when the cancel came: it is complete` });
}

export interface OutFile { out: string; pieces: Iterable<string> }

/**
 * What is said of files written together: `undone`, after "cancelled; ", what a cancel leaves;
 * `late`, what a cancel after the last point is answered with (cancel.ts); `failed`, after "cannot
 * write FILE: the disk is full; ", what a failed write leaves ("nothing was written there" unless
 * given: of several files, that would leave the others in doubt).
 */
export interface Said { undone: string; late: string; failed?: string }

/**
 * Files that belong together (an export's CSV tables), each written beside itself and all put in
 * place only once every one is complete: a cancel, a full disk or any failure leaves none of them
 * replaced and no copy behind (one new file beside older others would read as one export).
 * `leftOut(error, file)`: whether an error reading the file's pieces leaves that file out (an older
 * one there stays), the others going on. A device or named pipe is written to as it is, after the files.
 * Says "Wrote" for each written.
 */
export async function writeFiles<F extends OutFile>(ctx: Context, files: F[], said: Said, leftOut: (error: unknown, file: F) => boolean = () => false): Promise<void> {
  // Every place looked at before anything is written: a folder where a file should be stops it all.
  const places = files.map((file) => {
    const place = placeOf(file.out);
    refuseDatabase(ctx.dbPath, place.path, file.out);
    return { ...file, ...place };
  });
  const copies = places.filter((p) => !p.stream);
  // A file's folder must be there, as for a backup: its absence says the path is not where the user
  // thinks (a stick not connected, a mistyped folder), and a file made there would not be found.
  for (const { path, out } of copies) {
    const absent = absentFolderOf(path);
    if (absent) throw folderNotThere(absent, { so: `${out} cannot be written in it`, given: '--out', to: 'to write there', nothing: 'nothing was written' });
  }
  for (const { path } of copies) {
    // A copy a killed export left would keep what a later erase removes: gone before a new one.
    removeStalePartials(path);
    removeAbandonedPartials(path);
  }
  const partial = (path: string) => `${path}.partial-${process.pid}`;
  const written: typeof copies = [];
  if (copies.length > 0) {
    // Ctrl-C or kill while they are written: the copies are removed and that is said (cancel.ts).
    await cancellable(ctx, said, async (point) => {
      try {
        for (const file of copies) {
          try {
            await writeWhole(partial(file.path), open(partial(file.path), file.out, said.failed), file.pieces, file.out, said.failed, point);
            written.push(file);
          } catch (error) {
            if (!leftOut(error, file)) throw error;
          }
        }
        await point();
      } catch (error) {
        for (const file of written) rmSync(partial(file.path), { force: true });
        throw error;
      }
      putInPlace(ctx, written, partial, said.failed);
    });
    for (const file of written) say(ctx, `Wrote ${file.out}`);
  }
  for (const file of places.filter((p) => p.stream)) {
    try {
      await writeWhole(file.path, open(file.path, file.out), file.pieces, file.out);
    } catch (error) {
      if (!leftOut(error, file)) throw error;
      continue;
    }
    say(ctx, `Wrote ${file.out}`);
  }
}

/** The complete copies renamed over their files; one that cannot be: the rest removed, the ones before it said. */
function putInPlace(ctx: Context, files: Array<{ path: string; out: string }>, partial: (path: string) => string, failed: string | undefined): void {
  for (const [i, file] of files.entries()) {
    try {
      renameSync(partial(file.path), file.path);
    } catch (error) {
      for (const rest of files.slice(i)) rmSync(partial(rest.path), { force: true });
      for (const done of files.slice(0, i)) say(ctx, `Wrote ${done.out}`);
      throw cannotWrite(file.out, error, true, i === 0 ? failed : undefined);
    }
  }
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

function open(path: string, out: string, failed?: string): number {
  try {
    return openSync(path, 'w', 0o600);
  } catch (error) {
    throw cannotWrite(out, error, true, failed);
  }
}

/** Between the points at which a cancel is heard: a few milliseconds of writing. */
const CHUNKS_A_POINT = 16;
/** Bytes written at once. */
const CHUNK = 1 << 16;

/**
 * Writes the pieces and closes; a copy left unfinished (a full disk, a failed read, a cancel at a
 * point) is removed. Without `point`, the file is the destination itself (a device, a pipe): what
 * was written there stays.
 */
async function writeWhole(path: string, fd: number, pieces: Iterable<string>, out: string, failed?: string, point?: () => Promise<void>): Promise<void> {
  const copy = point !== undefined;
  let finished = false;
  let chunks = 0;
  const put = (bytes: Buffer) => {
    try {
      // A write may take only part (the disk filling up, a file size limit): the rest is written
      // again, and fails in words; taken as whole, the export was cut short and said "Wrote".
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      throw cannotWrite(out, error, copy, failed);
    }
  };
  try {
    // Pieces are copied into one buffer as they come, not joined into a string: a string of many
    // pieces keeps each of them alive until it is written, and V8 moves them to its old generation.
    const chunk = Buffer.allocUnsafe(CHUNK);
    let used = 0;
    for (const piece of pieces) {
      // A UTF-16 unit is at most three bytes of UTF-8.
      if (used + piece.length * 3 <= CHUNK) {
        used += chunk.write(piece, used);
        continue;
      }
      put(chunk.subarray(0, used));
      used = 0;
      // A piece larger than the buffer (a document's whole text) is written by itself.
      if (piece.length * 3 > CHUNK) put(Buffer.from(piece));
      else used = chunk.write(piece);
      if (point && ++chunks % CHUNKS_A_POINT === 0) await point();
    }
    if (used > 0) put(chunk.subarray(0, used));
    finished = true;
  } finally {
    closeSync(fd);
    if (!finished && copy) rmSync(path, { force: true });
  }
}

function cannotWrite(out: string, error: unknown, copy: boolean, failed?: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error as Error;
  const why: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the disk is read-only', ENOSPC: 'the disk is full',
    EISDIR: 'it is a folder', ENOENT: 'its folder does not exist', ENOTDIR: 'a part of the path is a file, not a folder',
    ELOOP: 'its symbolic links go round in a loop', ENAMETOOLONG: 'the name is too long',
    EIO: 'the disk reported an error', EFBIG: 'the file would pass the largest size this system allows', EDQUOT: 'your share of the disk is used up',
  };
  return new UserError(`cannot write ${out}: ${why[code] ?? code}; ${copy ? (failed ?? 'nothing was written there') : 'what was written there is incomplete'}`);
}
