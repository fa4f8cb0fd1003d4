// What "caselog restore" looks at before it replaces anything: the backup (a caselog database, whole,
// of a schema this caselog reads) and the database it would replace (what each holds, to confirm).
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, rmSync, statSync } from 'node:fs';
import { UserError } from '../errors';
import { driverAddon } from './driver-addon';
import type { DB } from './open';
import { isForeign } from './open-prepare';
import { cannotWriteBeside, readInMemory } from './open-read-only';
import { SCHEMA_VERSION } from './schema';
import { missingFromSchema, saidTables } from './schema-check';
import { applyKey, lookAtFile } from './trust-key';

/** What a database holds, said in the confirmation: counts and when it last changed. */
export interface Holdings { cases: number; people: number; events: number; lastChange: string | null }

/**
 * The backup, opened read-only and checked page by page; refused with one clear line when it is not
 * a caselog database this caselog can read. The caller closes it with closeBackup.
 */
export function openBackup(path: string, passphrase: string | undefined): DB {
  const look = lookAtFile(path);
  if (look === 'missing') throw new UserError(`there is no file ${path}: give the backup file to restore; nothing was changed`);
  if (look === 'folder') throw new UserError(`${path} is a folder: give the backup file to restore; nothing was changed`);
  if (look === 'empty') throw new UserError(`${path} is empty (0 bytes): it is not a backup; nothing was changed`);
  if (look === 'export') throw new UserError(`${path} is a caselog export, not a backup: read it into a database with "caselog import ${path}"; nothing was changed`);
  if (look === 'text') throw new UserError(`${path} is a text file, not a caselog backup; nothing was changed`);
  if (look === 'unreadable') throw new UserError(`cannot read ${path}: check its permissions; nothing was changed`);
  if (look === 'other' && !passphrase) {
    throw new UserError(`${path} is encrypted (or is not a caselog database): set CASELOG_PASSPHRASE to the passphrase the backup was made with (CASELOG_BACKUP_PASSPHRASE, when it is not the database's), or run on a terminal to be asked; nothing was changed`);
  }
  const sides = sideFilesOf(path);
  let db: DB | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 15000, nativeBinding: driverAddon() });
    sideFilesMadeBy.set(db, sides);
    if (look === 'other') applyKey(db, passphrase!);
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      // A backup on a read-only disk (a write-protected stick): read from a copy in memory, as a database there is.
      if (!cannotWriteBeside(error, path)) throw error;
      closeBackup(db);
      // Closed: not closed again below when the copy is refused.
      db = undefined;
      db = readInMemory(path, look === 'other' ? passphrase : undefined);
      version = db.pragma('user_version', { simple: true }) as number;
    }
    if (isForeign(db, version) || version === 0) throw new UserError(`${path} is an SQLite database of another program, not a caselog backup; nothing was changed`);
    if (version > SCHEMA_VERSION) {
      throw new UserError(`${path} was written by a newer caselog (schema ${version}, this one knows ${SCHEMA_VERSION}): upgrade caselog to restore it; nothing was changed`);
    }
    const rows = (db.pragma('integrity_check(5)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    if (rows.length !== 1 || rows[0] !== 'ok') throw new UserError(`${path} is damaged (${rows.slice(0, 2).join('; ')}): it cannot be restored; nothing was changed`);
    // Whole page by page, yet a table short: every command reading it would fail once restored. (An
    // older backup is upgraded after the restore, and the next doctor checks it then.)
    const missing = version === SCHEMA_VERSION ? missingFromSchema(db).tables : [];
    if (missing.length > 0) throw new UserError(`${path} is damaged: ${saidTables(missing)} ${missing.length === 1 ? 'is' : 'are'} missing from it; it cannot be restored; nothing was changed`);
    return db;
  } catch (error) {
    if (db) closeBackup(db);
    throw backupError(error, path, look === 'other');
  }
}

/** A read-only connection leaves the -wal and -shm it made beside the backup: removed when it made them and they are empty of changes. */
const sideFilesMadeBy = new WeakMap<DB, boolean>();

function sideFilesOf(path: string): boolean {
  return existsSync(`${path}-wal`) || existsSync(`${path}-shm`);
}

export function closeBackup(db: DB): void {
  db.close();
  const hadSides = sideFilesMadeBy.get(db) ?? true;
  if (!hadSides && (statSync(`${db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0) === 0) {
    for (const side of ['-wal', '-shm']) rmSync(`${db.name}${side}`, { force: true });
  }
}

function backupError(error: unknown, path: string, keyed: boolean): Error {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new UserError(keyed ? `cannot read ${path}: wrong passphrase (give the one the backup was made with, in CASELOG_BACKUP_PASSPHRASE when it is not the database's), or not a caselog database; nothing was changed`
      : `${path} is not a caselog database; nothing was changed`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) return new UserError(`${path} is damaged: it cannot be restored; nothing was changed`);
  return new UserError(`cannot read ${path}: ${(error as Error).message}; nothing was changed`);
}

export function holdings(db: DB): Holdings {
  const row = db.prepare(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM people) AS people,
    (SELECT count(*) FROM events) AS events, (SELECT max(at) FROM changes) AS lastChange`).get() as Holdings;
  return { ...row };
}

/** The database now: a connection when the passphrase (if any) opens it, else why it cannot be read. */
export type Current = { db: DB; holds?: Holdings; damaged?: string } | { unreadable: string };

export function openCurrent(path: string, passphrase: string | undefined): Current {
  const look = lookAtFile(path);
  if (look !== 'plain' && look !== 'other') return { unreadable: look === 'empty' ? 'it is empty' : `it is not a database (${look})` };
  if (look === 'other' && !passphrase) return { unreadable: 'it is encrypted and no passphrase opens it' };
  let db: DB | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 15000, nativeBinding: driverAddon() });
    if (look === 'other') applyKey(db, passphrase!);
    db.pragma('user_version', { simple: true });
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? '';
    return { unreadable: code === 'SQLITE_NOTADB' ? (look === 'other' ? 'that passphrase does not open it' : 'it is not a database') : 'it is damaged' };
  }
  try {
    return { db, holds: holdings(db) };
  } catch (error) {
    return { db, damaged: (error as Error).message };
  }
}
