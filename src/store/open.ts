// Opening the database file: where it lives, who may read it, pragmas, migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../errors';
import { MIGRATIONS, SCHEMA_VERSION } from './schema';

export type DB = Database.Database;

export function defaultDbPath(env: NodeJS.ProcessEnv): string {
  if (env.CASELOG_DB) return env.CASELOG_DB;
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'caselog', 'caselog.db');
}

export interface OpenOptions {
  path: string;
  /** Create the file when missing (writing commands); reading commands refuse instead. */
  create: boolean;
  passphrase?: string;
  warn?: (message: string) => void;
  readonly?: boolean;
}

export function openDatabase(opts: OpenOptions): DB {
  const { path } = opts;
  const exists = existsSync(path);
  if (exists && statSync(path).isDirectory()) {
    throw new UserError(`${path} is a folder, not a caselog database: give a file path with --db`);
  }
  if (!exists) {
    if (!opts.create) {
      throw new UserError(`no caselog database at ${path}: record something with "caselog add", or give another file with --db`);
    }
    createOwnerOnly(path);
  }
  const readableByOthers = exists && process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0;
  let db: DB;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, timeout: 15000 });
  } catch (error) {
    throw new UserError(`cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    if (opts.passphrase) db.pragma(`key = '${opts.passphrase.replace(/'/g, "''")}'`);
    prepare(db, path, exists);
  } catch (error) {
    db.close();
    throw translateOpenError(error, path, Boolean(opts.passphrase));
  }
  if (readableByOthers) opts.warn?.(`warning: ${path} can be read by other users of this computer; run: chmod 600 "${path}"`);
  return db;
}

function createOwnerOnly(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  }
  try {
    closeSync(openSync(path, 'wx', 0o600));
    chmodSync(path, 0o600);
  } catch (error) {
    throw new UserError(`cannot create ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function prepare(db: DB, path: string, existed: boolean): void {
  db.pragma('busy_timeout = 15000');
  // Reading the version also proves the file is a readable SQLite database (and the key is right).
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      `${path} was written by a newer caselog (schema ${version}, this one knows ${SCHEMA_VERSION}): upgrade caselog; the file was not touched`,
    );
  }
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('synchronous = FULL');
  if (version < SCHEMA_VERSION) {
    if ((db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode = WAL');
    if (existed && version > 0) backupBeforeMigration(db, path, version);
    migrate(db, version);
  }
}

function backupBeforeMigration(db: DB, path: string, version: number): void {
  const copy = `${path}.schema${version}.bak`;
  db.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
  chmodSync(copy, 0o600);
}

function migrate(db: DB, from: number): void {
  const run = db.transaction(() => {
    for (let v = from; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]!);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  run.immediate();
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
  if (code === 'SQLITE_CORRUPT') return new UserError(`${path} is damaged: run "caselog doctor" and restore from a backup`);
  if (code === 'SQLITE_READONLY') return new UserError(`${path} is read-only: caselog cannot update it`);
  if (code === 'SQLITE_FULL') return new UserError(`the disk holding ${path} is full: nothing was changed`);
  if (code === 'SQLITE_BUSY') return new UserError(`${path} is busy in another caselog for too long: try again`);
  return new UserError(`cannot open ${path}: ${(error as Error).message}`);
}
