// Reading a database file's first bytes and keying a connection; shared by open, encrypt, rekey and doctor.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { DB } from './open';

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * How a file looks before we open it. An encrypted file has no readable SQLite header (its first
 * bytes are a random salt), so "other" is either encrypted or not a database at all.
 */
export type FileLook = 'missing' | 'folder' | 'empty' | 'plain' | 'other' | 'unreadable';

export function lookAtFile(path: string): FileLook {
  if (!existsSync(path)) return 'missing';
  let fd: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return 'folder';
    if (stat.size === 0) return 'empty';
    fd = openSync(path, 'r');
  } catch {
    return 'unreadable';
  }
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString('latin1') === SQLITE_HEADER ? 'plain' : 'other';
  } finally {
    closeSync(fd);
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

