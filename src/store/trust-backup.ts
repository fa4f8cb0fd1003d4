// A consistent copy of a live database. The copy is written beside its target under a temporary name,
// owner-only from its first byte, checked, and only then renamed into place.
import { chmodSync, closeSync, existsSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors';
import { isDatabaseFile, REASONS, removeStalePartials } from '../exchange/folders';
import { removeAbandonedPartials } from '../exchange/stale-partials';
import { removeDatabaseFiles } from './database-files';
import { markWal, readFromCopy } from './open-read-only';
import type { DB } from './open';
import type { SqliteStore } from './sqlite-store';
import { missingFromSchema, saidTables } from './schema-check';

export interface BackupOptions {
  source: string;
  target: string;
  /** Replace an existing file at the target. */
  force: boolean;
  /** The source is encrypted: the copy must keep its cipher and key. */
  encrypted: boolean;
  /**
   * Awaited between the long steps (copy, check) and before the copy is put in place: it throws to
   * stop the backup (Ctrl-C), which then removes its copy as any failure does.
   */
  point?: () => Promise<void>;
  /** Called as each long step begins: the copy, then its check (the command says them on a terminal). */
  stage?: (step: 'copy' | 'check') => void;
}

export interface BackupResult { path: string; bytes: number }

export async function backupDatabase({ db }: SqliteStore, opts: BackupOptions): Promise<BackupResult> {
  const target = resolve(opts.target);
  // Through links in its folders, or a hard link, a path can still be the database: compared where they lead.
  if (/[\\/]$/.test(opts.target)) throw new UserError(`cannot write ${opts.target}: it names a folder; give a file name for the backup`);
  if (isDatabaseFile(opts.source, target)) throw new UserError('a backup cannot replace the database itself: give another file name');
  if (!existsSync(dirname(target))) throw new UserError(`cannot write ${opts.target}: the folder ${dirname(target)} does not exist`);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new UserError(`${opts.target} is a folder: give a file name for the backup`);
    if (!opts.force) throw new UserError(`${opts.target} already exists: choose another name, or add --force to replace it`);
  }
  removeStalePartials(target);
  removeAbandonedPartials(target);
  const partial = `${target}.partial-${process.pid}`;
  try {
    closeSync(openSync(partial, 'wx', 0o600));
    chmodSync(partial, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UserError(`cannot write ${opts.target}: ${REASONS[code] ?? (code || (error as Error).message)}`);
  }
  try {
    opts.stage?.('copy');
    if (opts.encrypted) {
      // The page-level backup API cannot key its target; VACUUM INTO writes the copy under the
      // source's cipher and key, from one read transaction, while writers carry on (WAL).
      db.prepare('VACUUM INTO ?').run(partial);
    } else {
      // All remaining pages in one step: one read transaction, so the copy is one moment's state
      // and never restarts however busy other writers are.
      await db.backup(partial, { progress: () => 0x7fffffff });
      // Read from a copy in memory (the database is on a read-only disk): in WAL mode, as the database is.
      if (readFromCopy(db)) markWal(partial);
    }
    await opts.point?.();
    opts.stage?.('check');
    checkCopy(db, partial);
    await opts.point?.();
    if (opts.force) for (const side of ['-wal', '-shm', '-journal']) rmSync(`${target}${side}`, { force: true });
    renameSync(partial, target);
  } catch (error) {
    removeDatabaseFiles(partial);
    throw translateBackupError(error, opts.target);
  }
  return { path: target, bytes: statSync(target).size };
}


/** Opens the copy (an attached database shares the connection's key) and checks its pages. */
function checkCopy(db: DB, path: string): void {
  db.prepare('ATTACH ? AS caselog_backup').run(path);
  try {
    const result = db.pragma('caselog_backup.quick_check', { simple: true });
    if (result !== 'ok') throw new UserError(`the copy failed its check (${String(result)}); no backup was written`);
    // Whole page by page, yet a table short: restored, it would be as damaged as the database is now.
    const { tables } = missingFromSchema(db, 'caselog_backup');
    if (tables.length > 0) {
      throw new UserError(`the copy failed its check: ${saidTables(tables)} ${tables.length === 1 ? 'is' : 'are'} missing, as in the database (it is damaged); no backup was written: run "caselog doctor"; "caselog export --out FILE" saves what the database still holds`);
    }
  } finally {
    db.exec('DETACH caselog_backup');
  }
}

function translateBackupError(error: unknown, target: string): Error {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new UserError(`the disk is full: no backup was written to ${target}`);
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS') return new UserError(`cannot write ${target}: permission denied`);
  if (code.startsWith('SQLITE_CANTOPEN')) return new UserError(`cannot write ${target}: check that its folder is writable`);
  return error as Error;
}
