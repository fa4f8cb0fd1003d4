// A database where caselog may read but not write beside it: a write-protected USB stick, an evidence
// copy in a folder one may only read. SQLite reads a database in WAL mode only with its -wal and -shm
// files beside it, which it cannot make there, and the driver is built without URI file names, so
// SQLite's "immutable" open, which goes without them, is out of reach. With no -wal there, nothing
// can be writing the file meanwhile (a writer needs one), so a copy read into memory is the database
// as it is: reading commands read that, and every write is refused, the connection being read-only.
import Database from 'better-sqlite3-multiple-ciphers';
import { accessSync, closeSync, constants, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors';
import { driverAddon } from './driver-addon';
import type { DB } from './open';
import { readOnlyPlace } from './open-errors';
import { othersSideFiles } from './side-files';
import { readHead } from './trust-key';

/** Past this size the copy is not made: it is held twice while SQLite takes it (a 100k database is 125 MiB). */
export const inMemoryLimit = { bytes: 512 * 2 ** 20 };

/** Connections read from a copy in memory, with the file they were read from. */
const copiedFrom = new WeakMap<DB, string>();

/** The file a connection reads: its own name, or the file its copy in memory was read from. */
export function databaseFile(db: DB): string {
  return copiedFrom.get(db) ?? db.name;
}

/** Whether the connection reads a copy of the file in memory (the file's folder or disk is read-only). */
export function readFromCopy(db: DB): boolean {
  return copiedFrom.has(db);
}

/**
 * Whether an open failed because SQLite could not make the -wal or -shm beside the file: its folder
 * (or disk) is read-only. Not when another user's -wal or -shm is in the way (side-files.ts says that).
 */
export function cannotWriteBeside(error: unknown, path: string): boolean {
  const code = (error as { code?: string }).code ?? '';
  if (!/^SQLITE_(CANTOPEN|READONLY)/.test(code) || othersSideFiles(path)) return false;
  try {
    accessSync(dirname(path), constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Why no copy in memory would be the database, in a caseworker's words, with what to do instead;
 * undefined when it would be: a -wal with changes not yet in the file, an encrypted file (its cipher
 * works only on a file), or one too large to hold.
 */
export function notReadableInMemory(path: string, passphrase: string | undefined): { detail: string; fix: string } | undefined {
  const where = readOnlyPlace(path)?.detail ?? `${path} is read-only, or on a read-only disk`;
  const no = (why: string) => ({ detail: `${where}, and ${why}`, fix: 'copy it to a writable folder and use it there' });
  if (passphrase) return no('caselog can read an encrypted database only where it may keep its -wal and -shm files beside it');
  if ((statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
    return no(`${path}-wal beside it holds changes not yet in the database, which caselog cannot read there (copy the -wal with it)`);
  }
  const size = statSync(path).size;
  if (size > inMemoryLimit.bytes) return no(`at ${Math.round(size / 2 ** 20)} MiB the database is too large for caselog to read it from a copy in memory instead`);
  return undefined;
}

/** The database read into a read-only connection in memory; refused in one line when that copy would not be the database. */
export function readInMemory(path: string, passphrase: string | undefined): DB {
  const no = notReadableInMemory(path, passphrase);
  if (no) throw new UserError(`${no.detail}: ${no.fix}`);
  const bytes = readFileSync(path);
  // A copy in memory has no WAL: marked as a file of the older journal (bytes 18 and 19, write and
  // read version), which it then is, whole.
  if (bytes[18] === 2) bytes[18] = 1;
  if (bytes[19] === 2) bytes[19] = 1;
  const db = new Database(bytes, { readonly: true, nativeBinding: driverAddon() });
  copiedFrom.set(db, path);
  return db;
}

/**
 * Marks a copy written from a copy in memory (a backup) as the WAL file its database is, as its
 * header was before it was read (readInMemory): with no -wal beside it, that is the whole of it.
 */
export function markWal(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from([2, 2]), 0, 2, 18);
  } finally {
    closeSync(fd);
  }
}

/** The journal the file's header names (its copy in memory has none): WAL, or SQLite's older rollback journal. */
export function journalOfFile(path: string): 'wal' | 'rollback' {
  return readHead(path, 20)?.[18] === 2 ? 'wal' : 'rollback';
}
