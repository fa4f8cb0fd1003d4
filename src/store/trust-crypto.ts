// Encryption at rest: SQLCipher-compatible pages (via SQLite3MultipleCiphers), keyed from a passphrase.
//
// Encrypting and re-keying never rewrite the database in place. PRAGMA rekey in rollback-journal mode
// is not crash-safe in this build: a kill midway left a file that neither passphrase opened, and the
// hot journal holding the old pages was not rolled back. So, holding the database alone, we write a
// compact copy beside it, give the copy its new key, check that the copy opens with that key, sync it
// and rename it over the database. A kill at any moment leaves either the old file (opened as before)
// or the new one (new passphrase); the unfinished copy a kill may leave is removed by the next
// encrypt or rekey.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, fstatSync, fsyncSync, openSync, realpathSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors';
import { removeDatabaseFiles } from './database-files';
import { driverAddon } from './driver-addon';
import { openDatabase, type DB } from './open';
import { diskFull } from './open-errors';
import { applyKey, isBlankPassphrase, lookAtFile, quote } from './trust-key';
import { copiesBeside, unfinishedCopyOf } from './trust-copy';
import { holdAlone, inUse, letGo } from './hold-alone';
import { othersSideFilesMessage } from './side-files';

type Warn = (message: string) => void;

/**
 * Awaited between the long steps, up to the rename: it throws to stop (Ctrl-C, see
 * commands/cancel.ts), and the copy is removed as after any failure.
 */
type Point = () => Promise<void>;

/** Encrypts a plain database. The new file holds no free pages, so no deleted text survives in it. */
export async function encryptDatabase(path: string, passphrase: string, warn: Warn, point: Point = async () => {}): Promise<void> {
  refuseBlank(passphrase);
  const look = lookAtFile(path);
  if (look === 'missing') throw new UserError(`no caselog database at ${path}: set CASELOG_PASSPHRASE when you first record something to create it encrypted`);
  if (look === 'other') throw new UserError(`${path} is already encrypted (or not a caselog database): use "caselog rekey" to change its passphrase`);
  await replaceUnderNewKey(path, undefined, passphrase, warn, point);
  // Only the plain ones: a copy kept while the database was encrypted before (a plain backup restored over it) is encrypted still.
  for (const copy of copiesBeside(path).filter((c) => lookAtFile(c) === 'plain')) {
    warn(`warning: ${copy} is an unencrypted copy kept before an upgrade or a restore: delete it once you no longer need it`);
  }
}

/** Changes the passphrase of an encrypted database. */
export async function rekeyDatabase(path: string, current: string, next: string, warn: Warn, point: Point = async () => {}): Promise<void> {
  refuseBlank(next);
  const look = lookAtFile(path);
  if (look === 'missing') throw new UserError(`no caselog database at ${path}`);
  if (look !== 'other') throw new UserError(`${path} is not encrypted: use "caselog encrypt" to encrypt it`);
  await replaceUnderNewKey(path, current, next, warn, point);
}

function refuseBlank(passphrase: string): void {
  if (isBlankPassphrase(passphrase)) throw new UserError('an empty or blank passphrase protects nothing: nothing was changed');
}

/**
 * The database, read under our lock, copied and keyed anew, then renamed into its place.
 *
 * Another caselog that opened the file before the rename and waited for our lock gets it, once we
 * close, on the old file, which no longer has a name. scrubOldFile has overwritten that file with
 * zeros by then, so its first read fails (as a wrong passphrase) instead of reading or writing a
 * file nobody will see again. (Without the zeros it could still read the old file, though not
 * write it: SQLite refuses a rollback-journal write to a file that has been renamed over.) What
 * remains is a race of milliseconds: a caselog started before the rekey with the new passphrase,
 * the new file already opened and written by a third caselog (SQLite finds the -wal and -shm by
 * name, so the waiting one shares them), and every page the waiting one reads (the schema alone
 * spans several) found in that WAL. It could then commit there, and a checkpoint of its own would
 * copy pages into the old file, not the new one. A kill between the rename and the scrub widens
 * it to a waiting caselog with the old passphrase. Closing it needs the opening side (open.ts) to
 * check, after its first read, that the file at the path is the one it has open; SQLite has no
 * call for that.
 */
async function replaceUnderNewKey(path: string, current: string | undefined, next: string, warn: Warn, point: Point): Promise<void> {
  const real = realpathSync(path); // a linked database is replaced where it really is, not the link
  const copy = unfinishedCopyOf(real);
  const db = openDatabase({ path, create: false, passphrase: current, warn });
  let old: number | undefined;
  try {
    let alone = false;
    try {
      await holdAlone(db, path, warn, point);
      alone = true;
      // A killed run's copy: nobody else can be writing one while we hold the database.
      removeDatabaseFiles(copy);
      await writeCopy(db, copy, current, next, point);
      await point();
      // Opened before the rename, while the name is still the old file's: scrubOldFile needs it.
      old = openSync(real, 'r+');
      renameSync(copy, real);
    } catch (error) {
      if (alone) removeDatabaseFiles(copy);
      letGo(db);
      throw translateError(error, path, current === undefined);
    }
    syncFolder(dirname(real), warn);
    scrubOldFile(old, path, warn);
  } finally {
    db.close();
    // Only after the connection: closing any descriptor of a file drops all of this process's locks on it.
    if (old !== undefined) closeSync(old);
  }
}

/** The copy, owner-only from its first byte, under the new key, checked and on disk. */
async function writeCopy(db: DB, copy: string, current: string | undefined, next: string, point: Point): Promise<void> {
  closeSync(openSync(copy, 'wx', 0o600));
  chmodSync(copy, 0o600);
  // VACUUM INTO keeps the source's cipher and key, and leaves free pages (deleted text) behind.
  db.prepare('VACUUM INTO ?').run(copy);
  await point();
  const version = db.pragma('user_version', { simple: true }) as number;
  const fresh = new Database(copy, { fileMustExist: true, timeout: 15000, nativeBinding: driverAddon() });
  try {
    if (current !== undefined) applyKey(fresh, current);
    fresh.pragma('journal_mode = DELETE'); // rekeying needs rollback mode
    // Rekeying in place is safe here: a copy that is not finished is thrown away. It is synced once, below.
    fresh.pragma('synchronous = OFF');
    fresh.pragma("cipher = 'sqlcipher'");
    fresh.pragma('legacy = 4');
    fresh.pragma(`rekey = ${quote(next)}`);
  } finally {
    fresh.close();
  }
  await point();
  checkCopy(copy, next, version);
  const fd = openSync(copy, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Opens the copy afresh with the new passphrase alone: its pages must pass their check before it replaces anything. */
function checkCopy(copy: string, next: string, version: number): void {
  const check = new Database(copy, { fileMustExist: true, timeout: 15000, nativeBinding: driverAddon() });
  try {
    applyKey(check, next);
    const result = check.pragma('quick_check', { simple: true });
    const read = check.pragma('user_version', { simple: true });
    if (result !== 'ok' || read !== version) throw new UserError(`the new copy failed its check (${String(result)}): nothing was changed`);
    // In WAL mode from its first open, the new file never has a rollback journal beside it.
    check.pragma('journal_mode = WAL');
  } finally {
    check.close();
  }
}

/** Makes the rename itself durable. Some systems cannot sync a folder; the rename is done either way. */
export function syncFolder(folder: string, warn: Warn): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (process.platform !== 'win32') warn(`warning: could not sync the folder ${folder} (${(error as NodeJS.ErrnoException).code ?? 'error'}): the change is made, but a power cut now could undo it`);
  }
}

/**
 * Overwrites the replaced file, which has no name any more, before it is let go: its bytes (the plain
 * text an encrypt protects, or pages a leaked old passphrase opens) would otherwise stay readable in
 * the disk's free space. Best effort, as rewriting in place was: SSDs and copy-on-write file systems
 * may keep old blocks. It also leaves nothing to read for a caselog that waited on the old file.
 */
export function scrubOldFile(fd: number, path: string, warn: Warn): void {
  try {
    const { size, nlink } = fstatSync(fd);
    if (nlink > 0) {
      warn(`warning: ${path} had a second name (a hard link): under that name the file is still as it was before`);
      return;
    }
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } catch (error) {
    warn(`warning: could not overwrite the space of the old file (${(error as NodeJS.ErrnoException).code ?? 'error'}); the change itself is made`);
  }
}

/** Every failure comes before the rename, so the database is as it was. */
function translateError(error: unknown, path: string, plain: boolean): Error {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  const still = plain ? 'is still unencrypted' : 'still opens with the current passphrase';
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || (/^SQLITE_IOERR/.test(code) && diskFull(path))) {
    return new UserError(`the disk is full: nothing was changed (${path} ${still}); make room for a second copy of it and try again`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return inUse(path);
  // Another user's -wal or -shm beside it, not the folder, stopped the step that empties the -wal.
  const sideFiles = code.startsWith('SQLITE_READONLY') ? othersSideFilesMessage(path) : undefined;
  if (sideFiles) return new UserError(sideFiles);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || ['EACCES', 'EPERM', 'EROFS'].includes(code)) {
    return new UserError(`cannot write a new copy beside ${path} (${code}): its folder must be writable; nothing was changed`);
  }
  return error as Error;
}
