// Reading a database file's first bytes and keying a connection; shared by open, encrypt, rekey and doctor.
import { shellPath } from '../domain/shell-path';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { DB } from './open';

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * How a file looks before we open it. An encrypted file has no readable SQLite header (its first
 * bytes are a random salt), so "other" is either encrypted or not a database at all; a file whose
 * first bytes are text is neither ("export": a caselog export given as --db instead of to import).
 */
export type FileLook = 'missing' | 'folder' | 'empty' | 'plain' | 'other' | 'text' | 'export' | 'unreadable';

export function lookAtFile(path: string): FileLook {
  if (!existsSync(path)) return 'missing';
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return 'folder';
    if (stat.size === 0) return 'empty';
  } catch {
    return 'unreadable';
  }
  const head = readHead(path, 512);
  if (head === undefined) return 'unreadable';
  if (head.length >= 16 && head.subarray(0, 16).toString('latin1') === SQLITE_HEADER) return 'plain';
  const text = head.toString('utf8');
  // A character cut at the end of the read decodes as one U+FFFD: not counted against it.
  const body = text.endsWith('\uFFFD') ? text.slice(0, -1) : text;
  if (/[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/u.test(body)) return 'other';
  return /^\uFEFF?\s*\{\s*"format"\s*:\s*"caselog-export"/.test(body) ? 'export' : 'text';
}

/**
 * The schema version an unencrypted SQLite file's header holds (PRAGMA user_version, at byte 60),
 * read without opening it; undefined when it is not one.
 */
export function headerVersion(path: string): number | undefined {
  if (lookAtFile(path) !== 'plain') return undefined;
  const head = readHead(path, 100);
  return head && head.length === 100 ? head.readUInt32BE(60) : undefined;
}

/** Up to `bytes` of a file's start; undefined when it cannot be read. */
export function readHead(path: string, bytes: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a copy of a database is whole as far as its first bytes tell, without reading it all (a
 * quick_check of a 300 MB copy takes one to eight seconds, and copies pile up): empty, or shorter than
 * the pages its header counts (a copy cut off while it was written, first page first). An encrypted
 * copy shows no header: only its emptiness can be told.
 */
export function copyState(path: string): 'whole' | 'empty' | 'cut-off' {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return 'cut-off';
  }
  if (size === 0) return 'empty';
  const head = readHead(path, 100);
  if (!head || head.length < 100 || head.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) return lookAtFile(path) === 'other' ? 'whole' : 'cut-off';
  const pageSize = head.readUInt16BE(16) === 1 ? 65536 : head.readUInt16BE(16);
  // The page count is valid when the change counter it was written with is the file's own.
  const counted = head.readUInt32BE(92) === head.readUInt32BE(24) ? head.readUInt32BE(28) : 0;
  return size < Math.max(counted * pageSize, pageSize) || size % pageSize !== 0 ? 'cut-off' : 'whole';
}

/** An empty file with no write-ahead log beside it: no records at all (a 0-byte file with a -wal is a database whose writes are all in the log). */
export function isEmptyFile(path: string): boolean {
  try {
    return statSync(path).size === 0 && (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0) === 0;
  } catch {
    return false;
  }
}

export function isEncryptedFile(path: string): boolean {
  return lookAtFile(path) === 'other';
}

/**
 * Keys a fresh connection. The cipher is named explicitly (SQLCipher 4 settings), so the file opens
 * in SQLCipher tools too and never depends on the library's default cipher.
 */
export function applyKey(db: DB, passphrase: string): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = ${quote(passphrase)}`);
}

/** Spaces alone (or nothing) are no secret: refused whenever a new passphrase is set. */
export function isBlankPassphrase(passphrase: string): boolean {
  return passphrase.trim() === '';
}

export function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}


/**
 * The command that reads an export given as the database (--db exp.json) into a database beside it:
 * "caselog import FILE" would act on the export itself again, as the database it was given.
 */
export function importIntoNew(exportPath: string): string {
  // exp.json beside exp.db; an export named like a database (exp.db) beside exp-imported.db.
  const database = /\.json$/i.test(exportPath) ? exportPath.replace(/\.json$/i, '.db') : `${exportPath.replace(/\.db$/i, '')}-imported.db`;
  return `caselog --db ${shellPath(database)} import ${shellPath(exportPath)}`;
}
