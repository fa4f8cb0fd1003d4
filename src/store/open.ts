// Opening the database file: where it lives, who may read it, and the connection every command
// reads and writes through (made ready in open-prepare.ts; a new file made in open-create.ts).
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { removeEmptyFolders } from '../exchange/folders';
import { UserError } from '../errors';
import { removeDatabaseFiles } from './database-files';
import { refuseMissingFolder } from './db-place';
import { ourSideFilesNote } from './side-files';
import { driverAddon } from './driver-addon';
import { accessProblem, mayWrite, openToAll, readableByAllWarning } from './open-access';
import { createDatabase } from './open-create';
import { translateOpenError } from './open-errors';
import { prepare } from './open-prepare';
import { cannotWriteBeside, readInMemory } from './open-read-only';
import { fileAt, OPEN_TRIES, replacedMessage, replacedSince } from './open-replaced';
import { applyKey, importIntoNew, isBlankPassphrase, isEmptyFile, lookAtFile } from './trust-key';

export type DB = Database.Database;

export interface OpenOptions {
  path: string;
  /** Create the file when missing (writing commands); reading commands refuse instead. */
  create: boolean;
  passphrase?: string;
  warn?: (message: string) => void;
  readonly?: boolean;
  /**
   * The path was named (--db or CASELOG_DB): a new file there needs its folder to be there already
   * (db-place.ts). caselog's own place for it is made with its folders on first use.
   */
  named?: boolean;
}

/**
 * Opens the database. Replaced under the open by another caselog's restore, encrypt or rekey (see
 * open-replaced.ts), it is opened again, now the new file: the command goes on against the file
 * that is there, as after any other wait for another caselog. Also when the open succeeded: it may
 * have read the old file, which a failed overwrite left readable, and would write to it unseen.
 */
export function openDatabase(opts: OpenOptions): DB {
  for (let tries = 1; ; tries++) {
    const before = fileAt(opts.path);
    let db: DB;
    try {
      db = openOnce(opts);
    } catch (error) {
      if (!replacedSince(opts.path, before)) throw error;
      if (tries >= OPEN_TRIES) throw new UserError(replacedMessage(opts.path));
      continue;
    }
    if (!replacedSince(opts.path, before)) return db;
    db.close();
    if (tries >= OPEN_TRIES) throw new UserError(replacedMessage(opts.path));
  }
}

function openOnce(opts: OpenOptions): DB {
  const { path } = opts;
  if (path.trim() === '') throw new UserError('no database file given: --db is empty');
  const access = accessProblem(path);
  if (access) throw new UserError(`${access.detail}; ${access.fix}`);
  const exists = existsSync(path);
  if (exists && statSync(path).isDirectory()) {
    throw new UserError(`${path} is a folder, not a caselog database: give a file path with --db`);
  }
  // A device or pipe (/dev/null reads as an empty file): never a database, and never to be deleted.
  if (exists && !statSync(path).isFile()) throw new UserError(`${path} is not a file, so not a caselog database: give a file path with --db`);
  const look = lookAtFile(path);
  // A file emptied (a sync conflict, a full disk, a stray "> file") would read as a new database with
  // nothing due: refused, and left as it is. caselog never leaves one empty (see createDatabase).
  if (look === 'empty' && isEmptyFile(path)) {
    throw new UserError(`${path} is empty (0 bytes), so it holds no records: if it was your database, restore it from a backup; to start a new one there, delete the empty file`);
  }
  if (look === 'export') throw new UserError(`${path} is a caselog export, not a database: read it into one with "${importIntoNew(path)}"`);
  if (look === 'text') throw new UserError(`${path} is a text file, not a caselog database: give the database file with --db`);
  if (look === 'plain' && opts.passphrase) {
    throw new UserError(`${path} is not encrypted, but CASELOG_PASSPHRASE is set: unset it, or run "caselog encrypt" to encrypt the database`);
  }
  if (look === 'other' && !opts.passphrase) {
    throw new UserError(`${path} is encrypted (or is not a caselog database): set CASELOG_PASSPHRASE, or run caselog on a terminal with neither input nor output redirected to be asked (export --out FILE writes to a file)`);
  }
  let created: string[] | undefined;
  if (!exists) {
    if (opts.passphrase !== undefined && isBlankPassphrase(opts.passphrase)) {
      throw new UserError('CASELOG_PASSPHRASE holds only spaces: a blank passphrase protects nothing; nothing was created');
    }
    // A named path in a folder that is not there: the first add would be refused too, so say why.
    if (!opts.create && opts.named) refuseMissingFolder(path);
    if (!opts.create) {
      throw new UserError(`no caselog database at ${path}: the first "caselog add case" or "caselog add person" (or "caselog import FILE") makes it; or give another file with --db`);
    }
    if (opts.named) refuseMissingFolder(path);
    created = createDatabase(path, opts.passphrase);
  }
  const readableByAll = exists && openToAll(path);
  if (exists && !opts.readonly) writableSideFiles(path);
  let db: DB;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, timeout: 15000, nativeBinding: driverAddon() });
  } catch (error) {
    throw translateOpenError(error, path, Boolean(opts.passphrase));
  }
  try {
    // Keying never fails by itself: a wrong key shows on the first read, inside prepare().
    if (opts.passphrase) applyKey(db, opts.passphrase);
    prepare(db, path, look !== 'missing' && look !== 'empty', opts.passphrase, opts.warn);
  } catch (error) {
    db.close();
    // On a read-only disk or in a folder one may only read: read from a copy in memory (open-read-only.ts),
    // only when this failed (a normal open pays nothing for it).
    if (!cannotWriteBeside(error, path)) throw translateOpenError(error, path, Boolean(opts.passphrase));
    db = readInMemory(path, opts.passphrase);
    try {
      prepare(db, path, true, undefined, opts.warn);
    } catch (copyError) {
      db.close();
      throw translateOpenError(copyError, path, false);
    }
  }
  // Closed by an owed erase's rewrite, which replaced the file: said by the open of the new one.
  if (readableByAll && db.open) opts.warn?.(readableByAllWarning(path));
  const leftBehind = exists && db.open ? ourSideFilesNote(path) : undefined;
  if (leftBehind) opts.warn?.(leftBehind);
  reuseStatements(db);
  if (created) createdHere.set(db, created);
  return db;
}

/** Connections whose open created the file, with the folders it made for it: only such a file (and they) may be removed again. */
const createdHere = new WeakMap<DB, string[]>();

/**
 * Closes a connection whose open created its file and removes the file, with its -wal and -shm,
 * when nothing was ever recorded in it (every change is logged): a refused first command (or a dry
 * run) leaves no empty database behind, nor the folders made for it while they stay empty. A file
 * that was there before, or that another caselog has written to since, is kept.
 */
export function discardIfUnused(db: DB): void {
  const folders = createdHere.get(db);
  if (!folders || !db.open) return;
  if ((db.prepare('SELECT EXISTS (SELECT 1 FROM changes) AS used').get() as { used: number }).used) return;
  db.close();
  removeDatabaseFiles(db.name);
  // Gone now: not said to be a new database (one that could not be removed still is).
  createdHere.delete(db);
  removeEmptyFolders(folders);
}

/** The connection's open made its file, and the file was kept (not discarded as unused). */
export function madeHere(db: DB): boolean {
  return createdHere.has(db);
}

/** Distinct statements a connection keeps compiled; past this the cache starts afresh. */
const STATEMENTS_KEPT = 500;

/**
 * Each statement is compiled once per connection and then reused: code prepares where it runs (for
 * every case of a list of thousands, say), and compiling a statement costs more than running it.
 * A statement still being iterated is not handed out again. A shared statement carries its mode
 * (pluck, raw) along: code that sets one sets it every time, and for SQL that no other code runs.
 */
function reuseStatements(db: DB): void {
  const compile = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    const statement = kept.get(source);
    if (statement && !statement.busy) return statement;
    const fresh = compile(source);
    if (!statement) {
      if (kept.size >= STATEMENTS_KEPT) kept.clear();
      kept.set(source, fresh);
    }
    return fresh;
  }) as DB['prepare'];
}

/**
 * The -wal and -shm files SQLite made while the database was read-only are read-only too (made with
 * its mode), and stay so after the database is made writable again: every write then failed as
 * "read-only" though the file and its folder were writable. Ours, beside a database we may write,
 * they are given back their owner's write permission (owner-only, as the database is kept).
 */
export function writableSideFiles(path: string): void {
  if (process.platform === 'win32' || !mayWrite(path)) return;
  for (const side of [`${path}-wal`, `${path}-shm`]) {
    const st = statSync(side, { throwIfNoEntry: false });
    if (!st?.isFile() || (st.mode & 0o200) !== 0 || st.uid !== process.getuid?.()) continue;
    try {
      chmodSync(side, 0o600);
    } catch {
      // Left as it is: the write that needs it says what stands in the way.
    }
  }
}

