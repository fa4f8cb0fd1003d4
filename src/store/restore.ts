// Putting a backup in the database's place. Never a plain copy over the file: a -wal left beside it
// (a crash, a caselog still open) would be replayed onto the copy, damaging it or mixing old changes
// into it. So the backup is copied beside the database (owner-only, checked, its log told of the
// restore, on disk); the database is held alone with its write-ahead log checkpointed into it, kept
// byte for byte under a name of its own, its -wal and -shm removed; and the copy is renamed into
// place. A crash at any moment leaves either the old database (whole: its log is in the file) or
// the new one at the path, and the kept copy beside it.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors';
import { makeFolders, realPath, removeStalePartials } from '../exchange/folders';
import { removeAbandonedPartials } from '../exchange/stale-partials';
import { removeDatabaseFiles } from './database-files';
import { driverAddon } from './driver-addon';
import type { DB } from './open';
import { diskFull } from './open-errors';
import { scrubOldFile, syncFolder } from './trust-crypto';
import { holdAlone, letGo } from './hold-alone';
import { applyKey } from './trust-key';
import { repairChangeLog } from './change-log-repair';
import { carryErases, erasesToCarry, type Carried, type EraseEntry } from './restore-erases';
import { unreadableInRecovery } from './recover';
import { holdings, type Holdings } from './restore-check';
import { asShown } from './plan-shown';
import { passing, UPGRADE_ADVICE, upgradeInPlace } from './upgrade';
import { SCHEMA_VERSION } from './schema';
import { othersSideFilesMessage } from './side-files';

export interface RestorePlan {
  backup: DB;
  /** The backup's passphrase, when it is encrypted: the copy keeps it. */
  passphrase?: string;
  from: string;
  target: string;
  /** The database now, opened; undefined when it cannot be read (kept as its files are) or is missing. */
  current?: DB;
  /** What the user was shown the database now holds, and confirmed replacing: changed since, nothing is restored. */
  shown?: Holdings;
  user: string;
  /** The terminal session the restore's own entry names (migration 12); none said when not given. */
  session?: string | null;
  now: Date;
  warn: (message: string) => void;
  /**
   * Awaited between the long steps, up to the rename: it throws to stop the restore (Ctrl-C, see
   * commands/cancel.ts), which then removes its copies and lets the database go, as any failure does.
   */
  point?: () => Promise<void>;
  /**
   * Called as each long step begins: the backup's copy, its check, and the copy of the database as it
   * was kept beside it (the command says them on a terminal).
   */
  stage?: (step: 'copy' | 'check' | 'keep') => void;
}

/**
 * Where the database as it was is kept (undefined when there was none), the erases carried over from
 * it, and what the restored database holds (the backup's records less the people erased again).
 */
export interface Restored { kept?: string; carried?: Carried; holds: Holdings; /** The backup's older schema, which the restored copy was upgraded from. */ upgradedFrom?: number }

export async function restoreDatabase(plan: RestorePlan): Promise<Restored> {
  const target = realPath(plan.target); // a linked database is replaced where it really is
  makeFolders(dirname(target));
  removeStalePartials(target);
  removeAbandonedPartials(target);
  const partial = `${target}.partial-${process.pid}`;
  const erases = plan.current ? erasesOf(plan.current, plan.backup) : undefined;
  const kept = existsSync(target) ? reserveKept(target, plan.now) : undefined;
  if (kept && !erases) {
    plan.warn('warning: the database being replaced could not be read, so no erase it records since the backup was made could be carried over: if someone was erased since, erase them again');
  }
  let old: number | undefined;
  let copied: { carried?: Carried; holds: Holdings; upgradedFrom?: number };
  const point = plan.point ?? (async () => {});
  try {
    copied = await writeCopy(plan, partial, kept, erases ?? [], point);
    await point();
    if (plan.current) {
      await holdAlone(plan.current, plan.target, plan.warn, point);
      // Held alone now: another caselog's write while the question waited (it holds no lock) is seen.
      if (plan.shown) asShown(plan.shown, holdings(plan.current), (h) => h, 'nothing restored');
      // Unasked too (--force): an erase made while the copy was written would not be carried over.
      const erasesNow = erases && erasesOf(plan.current, plan.backup);
      if (erases && erasesNow === undefined) {
        throw new UserError('nothing restored: the database\'s change log could not be read again once held, so the erases made since the backup cannot be carried over; run caselog doctor');
      }
      if (erases && JSON.stringify(erasesNow) !== JSON.stringify(erases)) {
        throw new UserError('nothing restored: someone was erased from the database while the restore was being prepared; run it again, and it carries that erase over');
      }
    }
    if (kept) {
      old = openSync(target, 'r+');
      plan.stage?.('keep');
      await keepAsItWas(old, target, kept, plan.current === undefined, point);
    }
    await point();
    // Only now, with the database's log in the kept copy: a -wal left here would be replayed onto the restored file.
    for (const side of ['-wal', '-shm', '-journal']) rmSync(`${target}${side}`, { force: true });
    renameSync(partial, target);
  } catch (error) {
    removeDatabaseFiles(partial);
    if (kept) removeDatabaseFiles(kept);
    if (old !== undefined) closeSync(old);
    if (plan.current) letGo(plan.current);
    throw restoreError(error, plan.target);
  }
  syncFolder(dirname(target), plan.warn);
  try {
    // Another caselog that opened the old file and waited for our lock finds nothing to read or write in it.
    if (old !== undefined) scrubOldFile(old, plan.target, plan.warn);
  } finally {
    plan.current?.close();
    // After the connection: closing any descriptor of a file drops this process's locks on it.
    if (old !== undefined) closeSync(old);
  }
  return { kept, ...copied };
}

/** The erases to carry over (restore-erases.ts); undefined when the database's log cannot be read (it is damaged). */
function erasesOf(current: DB, backup: DB): EraseEntry[] | undefined {
  try {
    return erasesToCarry(current, backup);
  } catch (error) {
    // Only SQLite's own refusal is a damaged log; any other error is a fault to show, not to pass
    // off as damage while the erases are left uncarried.
    if (unreadableInRecovery(error)) return undefined;
    throw error;
  }
}

/** `<db>.before-restore-<UTC time>`, created empty and owner-only so that no other run takes the name. */
function reserveKept(target: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  for (let n = 1; ; n++) {
    const name = `${target}.before-restore-${stamp}${n > 1 ? `-${n}` : ''}`;
    try {
      closeSync(openSync(name, 'wx', 0o600));
      chmodSync(name, 0o600);
      return name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** The backup as one consistent copy (VACUUM INTO keeps its cipher and key), checked, in WAL mode, with the erases since carried over and the restore logged. */
async function writeCopy(plan: RestorePlan, partial: string, kept: string | undefined, erases: EraseEntry[], point: () => Promise<void>): Promise<{ carried?: Carried; holds: Holdings; upgradedFrom?: number }> {
  closeSync(openSync(partial, 'wx', 0o600));
  chmodSync(partial, 0o600);
  plan.stage?.('copy');
  plan.backup.prepare('VACUUM INTO ?').run(partial);
  await point();
  const version = plan.backup.pragma('user_version', { simple: true }) as number;
  const copy = new Database(partial, { fileMustExist: true, timeout: 15000, nativeBinding: driverAddon() });
  let carried: Carried | undefined;
  let holds: Holdings;
  try {
    if (plan.passphrase) applyKey(copy, plan.passphrase);
    plan.stage?.('check');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok' || copy.pragma('user_version', { simple: true }) !== version) throw new UserError(`the copy of ${plan.from} failed its check (${String(check)}); nothing was changed`);
    await point();
    copy.pragma('journal_mode = WAL');
    // A backup from an early caselog has no batch column to log the restore with: given it first.
    repairChangeLog(copy);
    // An older backup is upgraded here, in the copy (the backup file is its copy as it was): one this
    // caselog cannot upgrade is refused now, not found unusable by every command after the swap.
    if (version < SCHEMA_VERSION) upgradeCopy(copy, plan.from, version);
    carried = erases.length > 0 ? await carryErases(copy, erases, plan.user, plan.now) : undefined;
    // Counted before the restore's own entry: its last change is the backup's, or an erase carried over.
    holds = holdings(copy);
    copy.prepare(`INSERT INTO changes (batch, at, os_user, session, command, action, kind, record_id, before, after)
      VALUES ((SELECT coalesce(max(batch), 0) + 1 FROM changes), ?, ?, ?, 'restore', 'restore', 'file', NULL, NULL, ?)`)
      .run(plan.now.toISOString(), plan.user, plan.session ?? null, JSON.stringify({ from: realPath(plan.from), kept: kept ?? null, ...(carried ? { erasesCarried: carried.entries } : {}) }));
    copy.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    copy.close();
  }
  syncFile(partial);
  return { ...(carried ? { carried } : {}), holds, ...(version < SCHEMA_VERSION ? { upgradedFrom: version } : {}) };
}

function upgradeCopy(copy: DB, from: string, version: number): void {
  try {
    upgradeInPlace(copy);
  } catch (error) {
    if (passing(error)) throw error;
    throw new UserError(`${from} is a backup of schema ${version}, which this caselog cannot upgrade (${(error as Error).message}): nothing was changed; ${UPGRADE_ADVICE}`);
  }
}

/**
 * The database byte for byte, read through `old`, the database's descriptor, which the caller keeps
 * open (closing it would drop the lock held on the file). Held alone, its log is already in the
 * file; one that cannot be opened keeps its -wal and -journal beside the copy, which replays them
 * when it is opened.
 */
async function keepAsItWas(old: number, target: string, kept: string, unopened: boolean, point: () => Promise<void>): Promise<void> {
  await copyBytes(old, kept, point);
  if (!unopened) return;
  for (const side of ['-wal', '-journal']) {
    if ((statSync(`${target}${side}`, { throwIfNoEntry: false })?.size ?? 0) === 0) continue;
    const fd = openSync(`${target}${side}`, 'r');
    try {
      await copyBytes(fd, `${kept}${side}`, point);
    } finally {
      closeSync(fd);
    }
  }
}

/** Between the points at which a cancel is heard: 64 MiB copied. */
const CHUNKS_A_POINT = 64;

async function copyBytes(from: number, to: string, point: () => Promise<void>): Promise<void> {
  const out = openSync(to, 'w', 0o600);
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let at = 0, chunks = 0; ; chunks++) {
      const read = readSync(from, chunk, 0, chunk.length, at);
      if (read === 0) break;
      for (let written = 0; written < read; ) written += writeSync(out, chunk, written, read - written);
      at += read;
      if (chunks % CHUNKS_A_POINT === CHUNKS_A_POINT - 1) await point();
    }
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
}

/** Puts a finished file's bytes on disk before it is renamed into place. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every failure comes before the rename: the database is as it was. */
function restoreError(error: unknown, target: string): Error {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || (/^SQLITE_IOERR/.test(code) && diskFull(target))) {
    return new UserError(`the disk is full: nothing was changed; a restore needs room for the backup and a copy of ${target}`);
  }
  // Another user's -wal or -shm beside it, not the folder, stopped the step that empties the -wal.
  const sideFiles = code.startsWith('SQLITE_READONLY') ? othersSideFilesMessage(target) : undefined;
  if (sideFiles) return new UserError(sideFiles);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || ['EACCES', 'EPERM', 'EROFS'].includes(code)) {
    return new UserError(`cannot write beside ${target} (${code}): its folder must be writable; nothing was changed`);
  }
  return error as Error;
}
