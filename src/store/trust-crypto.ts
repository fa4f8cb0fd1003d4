// Encryption at rest: SQLCipher-compatible pages (via SQLite3MultipleCiphers), keyed from a passphrase.
// Encrypting and re-keying rewrite every page, so they need the database to themselves.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors';
import { openDatabase, type DB } from './open';
import { lookAtFile, quote } from './trust-key';

/** Leaving WAL mode needs the only connection to the file: that is how we know nobody else has it open. */
function takeAlone(db: DB, path: string): void {
  const inUse = new UserError(`${path} is in use by another caselog: close it and try again; nothing was changed`);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    if ((db.pragma('journal_mode = DELETE', { simple: true }) as string) !== 'delete') throw inUse;
  } catch (error) {
    if (error === inUse || /^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '')) throw inUse;
    throw error;
  }
}

/** Rewrites every page under a new key (SQLite3MultipleCiphers cannot rekey in WAL mode). */
function rekeyInPlace(db: DB, path: string, passphrase: string): void {
  takeAlone(db, path);
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`rekey = ${quote(passphrase)}`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}

/** Encrypts a plain database in place. Old free pages are dropped first so no deleted text survives. */
export function encryptDatabase(path: string, passphrase: string, warn: (m: string) => void): void {
  const look = lookAtFile(path);
  if (look === 'missing') throw new UserError(`no caselog database at ${path}: set CASELOG_PASSPHRASE when you first record something to create it encrypted`);
  if (look === 'other') throw new UserError(`${path} is already encrypted (or not a caselog database): use "caselog rekey" to change its passphrase`);
  const db = openDatabase({ path, create: false, warn });
  try {
    takeAlone(db, path);
    db.exec('VACUUM');
    rekeyInPlace(db, path, passphrase);
  } finally {
    db.close();
  }
  verifyKey(path, passphrase);
  const plainCopies = readdirSync(dirname(path)).filter((f) => f.startsWith(`${basename(path)}.schema`) && f.endsWith('.bak'));
  for (const copy of plainCopies) warn(`warning: ${join(dirname(path), copy)} is an unencrypted copy made before an upgrade: delete it once you no longer need it`);
}

/** Changes the passphrase of an encrypted database. */
export function rekeyDatabase(path: string, current: string, next: string, warn: (m: string) => void): void {
  const look = lookAtFile(path);
  if (look === 'missing') throw new UserError(`no caselog database at ${path}`);
  if (look !== 'other') throw new UserError(`${path} is not encrypted: use "caselog encrypt" to encrypt it`);
  const db = openDatabase({ path, create: false, passphrase: current, warn });
  try {
    rekeyInPlace(db, path, next);
  } finally {
    db.close();
  }
  verifyKey(path, next);
}

/** Opens the file again with the key just set, proving it reads back before we say it worked. */
function verifyKey(path: string, passphrase: string): void {
  openDatabase({ path, create: false, passphrase }).close();
}
