// Opening the database file: where it lives, who may read it, pragmas, migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import { accessSync, chmodSync, closeSync, constants, copyFileSync, existsSync, linkSync, lstatSync, openSync, readlinkSync, rmSync, statfsSync, statSync } from 'node:fs';
import { makeFolders, removeEmptyFolders, removeStalePartials } from '../exchange/folders';
import { rewriteAfterErase, rewriteOwed } from './erase-compact';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DamagedDatabaseError, UserError } from '../errors';
import { SCHEMA_VERSION } from './schema';
import { upgradeSchema } from './upgrade';
import { repairChangeLog } from './change-log-repair';
import { applyKey, isBlankPassphrase, isEmptyFile, lookAtFile } from './trust-key';

export type DB = Database.Database;

export interface OpenOptions {
  path: string;
  /** Create the file when missing (writing commands); reading commands refuse instead. */
  create: boolean;
  passphrase?: string;
  warn?: (message: string) => void;
  readonly?: boolean;
}

/** Set by the build (scripts/build-lib.mjs): the addon's path from the bundle, as npm installed it. */
declare const CASELOG_DRIVER_ADDON: string | undefined;

let addon: string | undefined;

/**
 * Where the driver's compiled addon is, for its nativeBinding option. Left to find it itself, the
 * driver asks the bindings package, which tries a dozen places with a file-system call each (~2 ms
 * of every command), and from inside the bundle it would look beside the bundle, not the driver.
 * The bundle knows the place from its build; tests, and a bundle moved away, ask Node for the driver.
 */
export function driverAddon(): string {
  if (addon === undefined) {
    const built = typeof CASELOG_DRIVER_ADDON === 'string' ? fileURLToPath(new URL(CASELOG_DRIVER_ADDON, import.meta.url)) : undefined;
    addon = built !== undefined && existsSync(built) ? built : installedAddon();
  }
  return addon;
}

function installedAddon(): string {
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  } catch {
    throw new UserError('the SQLite driver (better-sqlite3-multiple-ciphers) is not installed beside caselog: run npm install');
  }
  const built = join(dirname(main), '..', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new UserError(`the SQLite driver is not built (no ${built}): run npm rebuild better-sqlite3-multiple-ciphers`);
  return built;
}

export function openDatabase(opts: OpenOptions): DB {
  const { path } = opts;
  if (path.trim() === '') throw new UserError('no database file given: --db is empty');
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
  if (look === 'export') throw new UserError(`${path} is a caselog export, not a database: read it into one with "caselog import ${path}"`);
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
    if (!opts.create) {
      throw new UserError(`no caselog database at ${path}: the first "caselog add case" or "caselog add person" (or "caselog import FILE") makes it; or give another file with --db`);
    }
    created = createDatabase(path, opts.passphrase);
  }
  const readableByOthers = exists && process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0;
  let db: DB;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, timeout: 15000, nativeBinding: driverAddon() });
  } catch (error) {
    throw new UserError(`cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    // Keying never fails by itself: a wrong key shows on the first read, inside prepare().
    if (opts.passphrase) applyKey(db, opts.passphrase);
    prepare(db, path, look !== 'missing' && look !== 'empty', opts.passphrase, opts.warn);
  } catch (error) {
    db.close();
    throw translateOpenError(error, path, Boolean(opts.passphrase));
  }
  if (readableByOthers) opts.warn?.(`warning: ${path} can be read by other users of this computer; run: chmod 600 "${path}"`);
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
  removeEmptyFolders(folders);
}

/** A database file with the -wal, -shm and -journal files SQLite keeps beside it. */
export function removeDatabaseFiles(path: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${side}`, { force: true });
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
 * Makes a new database whole under a temporary name (NAME.partial-PID, owner-only) and links it into
 * place, so that no other caselog ever opens it half made: two commands starting at once on a new
 * file both used to set it up, and one of them failed ("busy", or "another program's database").
 * The folders made for it when this call made it; undefined when another caselog made it a moment
 * before (its file is then used).
 */
function createDatabase(path: string, passphrase: string | undefined): string[] | undefined {
  const folders = makeFolders(dirname(path));
  removeStalePartials(path);
  const partial = `${path}.partial-${process.pid}`;
  try {
    closeSync(openSync(partial, 'wx', 0o600));
    chmodSync(partial, 0o600);
    const db = new Database(partial, { timeout: 15000, nativeBinding: driverAddon() });
    try {
      if (passphrase) applyKey(db, passphrase);
      prepare(db, partial, false, passphrase);
    } finally {
      db.close();
    }
    return linkIntoPlace(partial, linkTarget(path)) ? folders : undefined;
  } catch (error) {
    removeDatabaseFiles(partial);
    removeEmptyFolders(folders);
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith('SQLITE_') || code === undefined) throw translateOpenError(error, path, Boolean(passphrase));
    throw new UserError(`cannot create ${path}: ${code}`);
  } finally {
    removeDatabaseFiles(partial);
  }
}

/**
 * Where a new database goes: the file a link at path points to, when it points to none yet (the link
 * itself would refuse the finished file as "there already", and SQLite would then make the file
 * through the link, readable by everyone).
 */
function linkTarget(path: string, hops = 0): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
  } catch {
    return path;
  }
  if (hops >= 40) throw new UserError(`${path} is a link that leads round in a circle: give the database file with --db`);
  const target = readlinkSync(path);
  return linkTarget(isAbsolute(target) ? target : join(dirname(path), target), hops + 1);
}

/** Puts the finished file at path unless one is there already; whether it did. */
function linkIntoPlace(partial: string, path: string): boolean {
  try {
    linkSync(partial, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (FAT on a USB stick): copied in, never over a file that is
    // there (a rename could replace one another caselog has written to meanwhile). Another caselog
    // opening it mid-copy finds it empty or damaged and says so; nothing written is lost.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    try {
      copyFileSync(partial, path, constants.COPYFILE_EXCL);
      return true;
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw copyError;
    }
  }
}

function prepare(db: DB, path: string, existed: boolean, passphrase: string | undefined, warn?: (message: string) => void): void {
  db.pragma('busy_timeout = 15000');
  // Reading the version also proves the file is a readable SQLite database (and the key is right).
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      `${path} was written by a newer caselog (schema ${version}, this one knows ${SCHEMA_VERSION}): upgrade caselog; the file was not touched`,
    );
  }
  // Another program's database (tables, but not caselog's change log, which every schema has):
  // caselog would add its own tables beside them and switch its journal mode. Refused first.
  if (isForeign(db, version)) {
    throw new UserError(`${path} is an SQLite database of another program, not caselog's: give another --db; the file was not touched`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('synchronous = FULL');
  // WAL lets readers and writers work at once; a file copied or rekeyed in another mode is put back.
  if (!db.readonly && (db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode = WAL');
  if (version < SCHEMA_VERSION) upgradeSchema(db, { path, existed, passphrase, warn });
  if (!db.readonly) {
    repairChangeLog(db);
    finishInterruptedErase(db);
  }
}

/**
 * An erase commits, then rewrites the file so that no free page keeps what it removed. Killed or
 * crashed between the two, or stopped by another program's lock, the rewrite is owed (see
 * erase-compact.ts): the next caselog to open the file for writing does it. The test is a read of the
 * file header. Never in the way of the command itself: no wait for another caselog's lock, and a
 * failure (the lock, a full disk) leaves the mark for the next open.
 */
function finishInterruptedErase(db: DB): void {
  if (!rewriteOwed(db)) return;
  db.pragma('busy_timeout = 0');
  try {
    rewriteAfterErase(db);
  } catch {
    // Owed still: tried again at the next open.
  } finally {
    db.pragma('busy_timeout = 15000');
  }
}

/** Another program's database: tables, but not caselog's change log (which every schema has). */
export function isForeign(db: DB, version: number): boolean {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('changes', 'cases', 'people') ORDER BY name").pluck().all() as string[];
  if (version > 0) return tables.length < 3;
  return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n > 0;
}

/** Whether we may write the file and create its -wal and -shm beside it. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether the disk holding the file has no room left: an I/O error there means just that. */
export function diskFull(path: string): boolean {
  try {
    return statfsSync(dirname(path)).bavail === 0;
  } catch {
    return false;
  }
}

function translateOpenError(error: unknown, path: string, keyed: boolean): Error {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new UserError(
      keyed
        ? `cannot read ${path}: wrong passphrase, or not a caselog database`
        : `${path} is not a caselog database, or it is encrypted (set CASELOG_PASSPHRASE)`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT')) return new DamagedDatabaseError(`${path} is damaged: run "caselog doctor" and restore from a backup`);
  if (code.startsWith('SQLITE_READONLY') || (code === 'SQLITE_CANTOPEN' && !writable(path))) {
    return new UserError(`${path} is read-only, or on a read-only disk: caselog cannot use it there; copy it to a writable folder`);
  }
  if (code === 'SQLITE_FULL' || (/^SQLITE_(IOERR|CANTOPEN)/.test(code) && diskFull(path))) {
    return new UserError(`the disk holding ${path} is full: nothing was changed; make room and try again`);
  }
  if (code.startsWith('SQLITE_BUSY')) return new UserError(`${path} is busy in another caselog for too long: try again`);
  if (code === 'SQLITE_CANTOPEN') return new UserError(`cannot open ${path}: check that its folder exists and is writable`);
  return new UserError(`cannot open ${path}: ${(error as Error).message}`);
}
