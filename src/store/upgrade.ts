// Bringing an older database to this caselog's schema, once however many caselogs open it at once:
// the write lock is taken first, the version read again under it, and only then is the copy made
// and the migrations run, all before the lock is let go. Commands started together used to copy the
// whole file each (c.db.schema5.bak, -2, -3, ...), though only the first one then migrated it.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors';
import { realPath, removeStalePartials } from '../exchange/folders';
import { refreshPeople } from './derived';
import { removeDatabaseFiles } from './database-files';
import { driverAddon } from './driver-addon';
import type { DB } from './open';
import { MIGRATIONS, runMigration, SCHEMA_VERSION } from './schema';
import { syncFile } from './restore';
import { syncFolder } from './trust-crypto';
import { applyKey } from './trust-key';

export interface Upgrade {
  path: string;
  /** The file held records before this open (a new file gets no copy). */
  existed: boolean;
  passphrase?: string;
  warn?: (message: string) => void;
}

/** Upgrades the schema, keeping a copy of the file as it was beside it; nothing when another caselog did it meanwhile. */
export function upgradeSchema(db: DB, { path, existed, passphrase, warn }: Upgrade): void {
  let copy: string | undefined;
  let from = 0;
  let migrating = false;
  try {
    db.transaction(() => {
      // Read under the lock: another caselog may have upgraded it while this one waited.
      from = db.pragma('user_version', { simple: true }) as number;
      if (from >= SCHEMA_VERSION) return;
      if (existed && from > 0) copy = keepCopy(path, from, logState(db), passphrase, warn ?? (() => {}));
      migrating = true;
      migrate(db, from);
    }).immediate();
  } catch (error) {
    // Rolled back: the file is as it was, and the next attempt makes its own copy. Each failed
    // attempt used to leave one more whole copy beside it (91 of them).
    if (copy) rmSync(copy, { force: true });
    if (migrating && !passing(error)) throw new UserError(`${path} could not be upgraded from schema ${from} to ${SCHEMA_VERSION} (${(error as Error).message}); the file was not changed: ${UPGRADE_ADVICE}`);
    throw error;
  }
  // Said once, when it happens: the file changed under the user's feet, and a copy sits beside it.
  if (copy) warn?.(`${path} was upgraded to this caselog's format (schema ${from} to ${SCHEMA_VERSION}); a copy as it was is ${copy}: remove it once all is well`);
}

/**
 * What to do with a database this caselog cannot upgrade (one made by a development version whose
 * earlier migrations were placeholders, say): its own caselog can still read it all out.
 */
export const UPGRADE_ADVICE = 'export it with the caselog version that made it ("caselog export --out FILE"), then import that into a new database with this one ("caselog --db NEW.db import FILE"); or report it to caselog\'s maintainers';

/** A failure of the moment or of the machine (busy, disk full, read-only, damaged), not of the migration: said as such by open. */
export function passing(error: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|NOMEM|INTERRUPT|CORRUPT|NOTADB)/.test((error as { code?: string }).code ?? '');
}

/**
 * Why the migrations fail on this database, tried in a transaction that is rolled back (and with no
 * page written to the file before the end, even outside WAL mode); undefined when they run, or when
 * they cannot be tried now (another caselog holds the file, a read-only folder). For doctor.
 */
export function upgradeProblem(path: string, passphrase: string | undefined): string | undefined {
  const rollBack = new Error('tried');
  let db: DB | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 15000, nativeBinding: driverAddon() });
    if (passphrase) applyKey(db, passphrase);
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_spill = OFF');
    const open = db;
    open.transaction(() => {
      const from = open.pragma('user_version', { simple: true }) as number;
      if (from < SCHEMA_VERSION) migrate(open, from);
      throw rollBack;
    }).immediate();
    return undefined;
  } catch (error) {
    return error === rollBack || passing(error) ? undefined : (error as Error).message;
  } finally {
    db?.close();
  }
}

/** A copy being written (a restore's, of an older backup) upgraded where it is: the backup it was made from is its copy as it was. */
export function upgradeInPlace(db: DB): void {
  db.transaction(() => {
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from < SCHEMA_VERSION) migrate(db, from);
  }).immediate();
}

/** Runs the migrations after `from` and marks the schema the newest; inside the caller's transaction. */
function migrate(db: DB, from: number): void {
  const refresh = new Set<string>();
  for (let v = from; v < MIGRATIONS.length; v++) {
    for (const id of runMigration(db, MIGRATIONS[v]!)) refresh.add(id);
  }
  if (refresh.size > 0) refreshPeople(db, refresh);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/**
 * A copy of the database as it was, beside it, owner-only from the start (and encrypted if it is).
 * It is written whole under a temporary name (NAME.schemaN.bak.partial-PID), put on disk, and only
 * then given its name: a copy cut off (a kill, a crash) is never taken for the database as it was
 * (doctor said so of one of 75 MB of 120, and restore called it "encrypted"). What one cut off left
 * is removed here. VACUUM INTO cannot run inside a transaction, so a second connection makes it,
 * from the state the held lock keeps.
 */
function keepCopy(given: string, version: number, state: string, passphrase: string | undefined, warn: (message: string) => void): string {
  // Beside the real file, through any link (as restore keeps its copy): where the database's own folder
  // protects it (an encrypted volume), and where doctor and erase look whichever path is given.
  const path = realPath(given);
  const name = `${path}.schema${version}.bak`;
  removeStalePartials(name);
  // Under the write lock no other caselog names a copy of this database: the first free name is ours.
  let copy = name;
  let last: string | undefined;
  for (let n = 2; existsSync(copy); n++) [last, copy] = [copy, `${path}.schema${version}-${n}.bak`];
  // An upgrade killed after its copy (its migrations rolled back) left the file as that copy holds it:
  // that copy serves again. Each killed attempt on a large database left one more whole copy.
  if (last && copyState(last, passphrase) === state) return last;
  const partial = `${name}.partial-${process.pid}`;
  try {
    closeSync(openSync(partial, 'wx', 0o600));
    copyInto(path, partial, passphrase);
    syncFile(partial);
    renameSync(partial, copy);
    syncFolder(dirname(path), warn);
    return copy;
  } finally {
    removeDatabaseFiles(partial);
  }
}

/**
 * Where a database's change log stands: every change caselog makes is logged, so two files of one
 * schema whose logs end alike hold the same records (the copy was made from this file, unchanged since).
 */
function logState(db: DB): string {
  return JSON.stringify(db.prepare('SELECT count(*) AS n, max(seq) AS last, max(at) AS at FROM changes').get());
}

/** The change log's state in a copy kept earlier; undefined when it cannot be read (damaged, another key). */
function copyState(copy: string, passphrase: string | undefined): string | undefined {
  let reader: DB | undefined;
  try {
    reader = new Database(copy, { readonly: true, fileMustExist: true, nativeBinding: driverAddon() });
    if (passphrase) applyKey(reader, passphrase);
    return logState(reader);
  } catch {
    return undefined;
  } finally {
    reader?.close();
  }
}

function copyInto(path: string, copy: string, passphrase: string | undefined): void {
  const reader = new Database(path, { readonly: true, fileMustExist: true, timeout: 15000, nativeBinding: driverAddon() });
  try {
    if (passphrase) applyKey(reader, passphrase);
    reader.prepare('VACUUM INTO ?').run(copy);
  } finally {
    reader.close();
  }
}
