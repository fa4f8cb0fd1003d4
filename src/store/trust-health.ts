// What "caselog doctor" looks at. It opens the file read-only and never migrates, so it can examine
// a database that other commands refuse, and it never changes anything: of an older schema, it tries
// the upgrade in a transaction it rolls back, to say whether the next command can make it.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCHEMA_VERSION } from './schema';
import { UPGRADE_ADVICE, upgradeProblem } from './upgrade';
import { applyKey, importIntoNew, isEmptyFile, lookAtFile } from './trust-key';
import { driverAddon } from './driver-addon';
import type { DB } from './open';
import { rewriteOwed } from './erase-compact';
import { leftoverChecks } from './trust-leftovers';
import { accessProblem } from './open-access';
import { hasSideFiles, removeSideFilesMade } from './database-files';
import { othersSideFiles } from './side-files';
import { changeLogLacksBatch } from './change-log-repair';
import { missingFromSchema, saidTables } from './schema-check';
import { isForeign } from './open-prepare';
import { cannotWriteBeside, databaseFile, journalOfFile, notReadableInMemory, readFromCopy, readInMemory } from './open-read-only';
import { readOnlyPlace } from './open-errors';

/** A damaged file: a backup put back, else what export can still read (it names what it cannot). */
const DAMAGED_FIX = 'restore the latest backup with: caselog restore FILE; without one, "caselog export --out FILE" may still save what can be read, and names what it could not';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do about it, when not ok. */
  fix?: string;
}

export function checkHealth(path: string, passphrase: string | undefined): Check[] {
  const hadSideFiles = hasSideFiles(path);
  try {
    return healthOf(path, passphrase);
  } finally {
    // Doctor changes nothing: not even the files beside the database its read-only look made.
    if (!hadSideFiles) removeSideFilesMade(path, passphrase);
  }
}

function healthOf(path: string, passphrase: string | undefined): Check[] {
  // Before anything is looked at: a folder closed to this user reads as "no file", another user's file as "read-only".
  const access = accessProblem(path);
  if (access) return [{ name: 'database', ok: false, ...access }];
  const look = lookAtFile(path);
  if (look === 'missing') return [{ name: 'database', ok: false, detail: `there is no database at ${path}`, fix: 'give the right file with --db or CASELOG_DB' }];
  if (look === 'folder') return [{ name: 'database', ok: false, detail: `${path} is a folder`, fix: 'give the database file with --db' }];
  if (look === 'text' || look === 'export') {
    return [{ name: 'database', ok: false, detail: `${path} is ${look === 'export' ? 'a caselog export' : 'a text file'}, not a database`,
      fix: look === 'export' ? `read it into a database with: ${importIntoNew(path)}` : 'give the database file with --db or CASELOG_DB' }];
  }
  if (look === 'empty' && isEmptyFile(path)) {
    return [{ name: 'database', ok: false, detail: `${path} is empty (0 bytes): it holds no records`,
      fix: 'if it was your database, restore it from a backup with: caselog restore FILE; to start a new one there, delete the empty file' }];
  }
  const checks: Check[] = [];
  // Before the file is opened: opening it may remake its -shm with the database's own mode.
  const permissions = checkPermissions(path);
  const erase: Seen = {};
  if (look === 'other' && !passphrase) {
    checks.push({ name: 'database', ok: false, detail: `${path} is encrypted, or is not a SQLite database`, fix: 'set CASELOG_PASSPHRASE (or run on a terminal to be asked); if it is not encrypted, restore it from a backup with: caselog restore FILE' });
  } else {
    checks.push(...checkContents(path, passphrase, erase));
    // Its schema, journal and permissions are its program's business: said as every command says it, and only that.
    if (erase.foreign) return checks;
  }
  // What to do said once: another user's -wal and -shm that stop the reading stop every write too.
  checks.push(...permissions.filter((check) => check.ok || !checks.some((said) => said.fix === check.fix)));
  checks.push(...leftoverChecks(path, look === 'other', erase.last));
  return checks;
}

/** What reading the file found out: when the latest erase happened (a copy made before it may hold the person), whether it is another program's. */
interface Seen { last?: string; foreign?: boolean }

function checkContents(path: string, passphrase: string | undefined, erase: Seen): Check[] {
  let db: DB | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 15000, nativeBinding: driverAddon() });
    if (passphrase) applyKey(db, passphrase);
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      // On a read-only disk, or in a folder one may only read: checked from a copy in memory, as commands read it.
      if (!cannotWriteBeside(error, path)) throw error;
      db.close();
      const no = notReadableInMemory(path, passphrase);
      if (no) return [{ name: 'database', ok: false, detail: `cannot be read: ${no.detail}`, fix: `${no.fix} (it is not damaged: do not restore a backup over it)` }];
      db = readInMemory(path, passphrase);
      version = db.pragma('user_version', { simple: true }) as number;
    }
    if (foreign(db, version)) {
      erase.foreign = true;
      return [{ name: 'database', ok: false, detail: `${path} is an SQLite database of another program, not caselog's: caselog commands refuse it, and leave it as it is`,
        fix: 'give the caselog database with --db or CASELOG_DB' }];
    }
    const open = db;
    erase.last = lastErase(open);
    return [
      { name: 'encryption', ok: true, detail: passphrase ? 'encrypted (SQLCipher)' : 'not encrypted; "caselog encrypt" protects it at rest' },
      attempt('integrity', () => integrity(open)),
      attempt('links', () => foreignKeys(open)),
      attempt('schema', () => schema(open, version, passphrase)),
      attempt('journal', () => journal(open, path)),
      ...(rewriteOwed(open) ? [{ name: 'erase', ok: false, detail: 'an erase is still to rewrite the file: pieces of the erased records may stay in it until then',
        fix: 'close other programs using the database, then run any caselog command that writes (caselog done, add, ...): it rewrites the file first' }] : []),
    ];
  } catch (error) {
    return [unreadable(error, path, Boolean(passphrase))];
  } finally {
    db?.close();
  }
}

/** Another program's database; a schema too damaged to tell is for the checks below to say. */
function foreign(db: DB, version: number): boolean {
  try {
    return isForeign(db, version);
  } catch {
    return false;
  }
}

function lastErase(db: DB): string | undefined {
  try {
    const row = db.prepare("SELECT max(at) AS at FROM changes WHERE action = 'erase' AND record_id IS NULL").get() as { at: string | null };
    return row.at ?? undefined;
  } catch {
    // No change log (not a caselog database): the other checks say so.
    return undefined;
  }
}

/** A check that cannot even run (the pages it reads are broken) is itself a finding. */
function attempt(name: string, check: () => Check): Check {
  try {
    return check();
  } catch (error) {
    return { name, ok: false, detail: `the file is damaged: ${(error as Error).message}`,
      fix: DAMAGED_FIX };
  }
}

function integrity(db: DB): Check {
  const rows = (db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  if (rows.length === 1 && rows[0] === 'ok') return { name: 'integrity', ok: true, detail: 'every page and index is sound' };
  return { name: 'integrity', ok: false, detail: `the file is damaged: ${rows.slice(0, 3).join('; ')}${rows.length > 3 ? '; …' : ''}`,
    fix: DAMAGED_FIX };
}

function foreignKeys(db: DB): Check {
  const rows = db.pragma('foreign_key_check') as Array<{ table: string }>;
  if (rows.length === 0) return { name: 'links', ok: true, detail: 'every link points at a record that exists' };
  const tables = [...new Set(rows.map((r) => r.table))].join(', ');
  return { name: 'links', ok: false, detail: `${rows.length} link(s) point at records that do not exist (in ${tables})`,
    fix: 'restore the latest backup with: caselog restore FILE, or export and import into a new database' };
}

function schema(db: DB, version: number, passphrase: string | undefined): Check {
  // An early caselog's change log, without the column undo groups changes by: any command adds it
  // (an upgrade from an older version too, so that note is enough there).
  if (version === SCHEMA_VERSION) {
    const lacking = lacks(db);
    if (lacking) return { name: 'schema', ok: false, detail: `version ${version}, but ${lacking}`, fix: DAMAGED_FIX };
  }
  if (version === SCHEMA_VERSION && changeLogLacksBatch(db)) {
    return { name: 'schema', ok: true, detail: `version ${version}, but its change log, made by an early caselog, lacks the column undo groups changes by: the next caselog command adds it` };
  }
  if (version === SCHEMA_VERSION) return { name: 'schema', ok: true, detail: `version ${version}, current` };
  if (version < SCHEMA_VERSION) {
    const problem = upgradeProblem(databaseFile(db), passphrase);
    if (problem) return { name: 'schema', ok: false, detail: `version ${version}, which this caselog cannot upgrade to ${SCHEMA_VERSION} (${problem}); caselog commands refuse it, and leave it as it is`, fix: UPGRADE_ADVICE };
    return { name: 'schema', ok: true, detail: `version ${version}; the next caselog command upgrades it to ${SCHEMA_VERSION}, keeping a copy beside it first` };
  }
  return { name: 'schema', ok: false, detail: `version ${version} was written by a newer caselog (this one knows ${SCHEMA_VERSION})`, fix: 'upgrade caselog' };
}

/** What the database lacks of its schema, said with what stops working; undefined when nothing. */
function lacks(db: DB): string | undefined {
  const { tables, triggers } = missingFromSchema(db);
  const said: string[] = [];
  if (tables.length > 0) said.push(`${saidTables(tables)} ${tables.length === 1 ? 'is' : 'are'} missing: the records kept there are gone from this file, and commands that read them fail`);
  if (triggers.length > 0) {
    // What each kind of trigger keeps true, which stops with it.
    const effects = [...new Set(triggers.map((t) => (t.startsWith('search_') ? 'search misses records added or changed since' : 'the change log is no longer kept from being rewritten')))];
    said.push(`${triggers.length === 1 ? 'a trigger is' : `${triggers.length} triggers are`} missing (${triggers.join(', ')}): ${effects.join(', and ')}`);
  }
  return said.length > 0 ? said.join('; ') : undefined;
}

function journal(db: DB, path: string): Check {
  const mode = readFromCopy(db) ? journalOfFile(path) : db.pragma('journal_mode', { simple: true }) as string;
  if (mode === 'wal') return { name: 'journal', ok: true, detail: 'write-ahead log (readers and writers do not block each other)' };
  return { name: 'journal', ok: false, detail: `journal mode is ${mode}, not WAL: commands may wait on each other or fail as "busy"`,
    fix: 'run any caselog command that writes, with no other caselog open: it switches the database to WAL' };
}

export function unreadable(error: unknown, path: string, keyed: boolean): Check {
  const code = (error as { code?: string }).code ?? '';
  // Another user's -wal or -shm that we may not write: the file is whole, never to be restored over.
  const others = /^SQLITE_(READONLY|CANTOPEN|PROTOCOL)/.test(code) ? othersSideFiles(path) : undefined;
  if (others) return { name: 'database', ok: false, detail: `cannot be read: ${others.detail}`, fix: others.fix };
  const readOnly = code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY');
  // A passphrase given for a database that has none (a plain backup restored, say): no wrong passphrase.
  if (keyed && code === 'SQLITE_NOTADB' && lookAtFile(path) === 'plain') {
    return { name: 'database', ok: false, detail: `${path} is not encrypted, but CASELOG_PASSPHRASE is set`, fix: 'unset CASELOG_PASSPHRASE, or run "caselog encrypt" to encrypt the database' };
  }
  const detail = code === 'SQLITE_NOTADB'
    ? keyed ? 'cannot be read: wrong passphrase, or not a caselog database' : `${path} is not a SQLite database`
    : code.startsWith('SQLITE_CORRUPT') ? 'the file is damaged'
    : readOnly ? `cannot be opened: ${path} or its folder is read-only, and caselog needs its -wal and -shm files beside it`
    : `cannot be read: ${(error as Error).message}`;
  // A read-only file or folder leaves the database whole: a backup put back would lose what is newer.
  const fix = keyed && code === 'SQLITE_NOTADB' ? 'check CASELOG_PASSPHRASE'
    : readOnly ? 'make the folder writable, or copy the database with its -wal and -shm files to a writable folder (it is not damaged: do not restore a backup over it)' : 'restore the latest backup with: caselog restore FILE';
  return { name: 'database', ok: false, detail, fix };
}

/** The database, its -wal and -shm files and its folder should be the owner's alone, or their group's. */
function checkPermissions(path: string): Check[] {
  if (process.platform === 'win32') return [];
  const open: string[] = [];
  const fixes: string[] = [];
  const shut: string[] = [];
  // Readable by the group only: a file shared with a colleague, not a problem (see openToAll).
  let shared = false;
  // Another user's -wal or -shm: its mode is theirs to change, not ours; said as what stops every write.
  const others = othersSideFiles(path);
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file) || others?.files.includes(file)) continue;
    const mode = statSync(file).mode & 0o777;
    shared ||= (mode & 0o070) !== 0;
    if (mode & 0o007) { open.push(`${file} (mode ${mode.toString(8)})`); fixes.push(`chmod 600 "${file}"`); }
    // A -wal or -shm left read-only (by a run on a read-only database) makes every later write fail.
    if (!(mode & 0o200)) shut.push(file);
  }
  // A database this user cannot write (an archived copy, a read-only disk) is read all the same: said
  // so, with what would let it change. Its read-only -wal and -shm are then its own: made writable with
  // it (open.ts writableSideFiles).
  const place = readOnlyPlace(path);
  const writable: Check[] = place ? [{ name: 'read-only', ok: true, detail: `${place.detail}: every change is refused; to change it: ${place.fix.replace(/^run: /, '')}` }] : [];
  if (shut.length > 0 && !place) writable.push({ name: 'writable', ok: false,
    detail: `not writable by its owner: ${shut.join(', ')}; every change would fail as "read-only"`, fix: `run: ${shut.map((f) => `chmod 600 "${f}"`).join(' && ')}` });
  if (others) writable.push({ name: 'writable', ok: false, detail: `${others.detail}: every change would fail as "read-only"`, fix: others.fix });
  const folder = dirname(path);
  const folderMode = statSync(folder).mode & 0o777;
  if (folderMode & 0o007) { open.push(`the folder ${folder} (mode ${folderMode.toString(8)})`); fixes.push(`chmod 700 "${folder}"`); }
  const whose = shared ? "yours and your group's alone" : 'yours alone';
  if (open.length === 0) return [{ name: 'permissions', ok: true, detail: `the database, its journal files and its folder are ${whose}` }, ...writable];
  return [{ name: 'permissions', ok: false, detail: `other users of this computer can reach ${open.join(', ')}`, fix: `run: ${fixes.join(' && ')}` }, ...writable];
}
