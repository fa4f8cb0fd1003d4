// caselog export --format json|csv|ics|md [WHO] [--out PATH] [--table NAME]
import { closeSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { makeFolders } from '../exchange/folders';
import type { Context } from '../context';
import { say, writeStream } from '../context';
import { UsageError, UserError } from '../errors';
import { exportLines } from '../store/export';
import { keepMemorySteady } from './steady-memory';

export interface ExportOptions { format: string; out?: string; table?: string }

export async function exportCommand(ctx: Context, who: string | undefined, opts: ExportOptions) {
  // --json promises JSON and nothing else on stdout: an ICS, CSV or Markdown export would break it.
  if (!FORMATS.includes(opts.format)) throw new UsageError(`unknown --format "${opts.format}": use ${FORMATS.join(', ')}`);
  if (ctx.json && opts.format !== 'json') throw new UsageError(`--json goes with --format json; --format ${opts.format} writes ${opts.format.toUpperCase()}, so leave --json out`);
  // Usage first, before the database: a flag that would be ignored is a mistake to say.
  if (opts.format === 'md' && !who) throw new UsageError('--format md needs WHO: a person or a case reference');
  if (opts.format !== 'md' && who) throw new UsageError(`--format ${opts.format} exports ${opts.format === 'ics' ? 'every open deadline' : 'everything'}; use --format md WHO for one person or case`);
  if (opts.format !== 'csv' && opts.table !== undefined) throw new UsageError('--table goes with --format csv (one table on stdout)');
  if (opts.format === 'csv') (await import('./export-csv')).checkCsvOptions(opts);
  const store = await ctx.openStore({ create: false });
  switch (opts.format) {
    case 'json':
      keepMemorySteady();
      await writeTo(ctx, opts.out, exportLines(store));
      return;
    case 'csv':
      return (await import('./export-csv')).exportCsv(ctx, store, opts);
    case 'ics':
      return (await import('./export-ics')).exportIcs(ctx, store, opts);
    default:
      return (await import('./export-md')).exportMarkdown(ctx, store, who!, opts);
  }
}

const FORMATS = ['json', 'csv', 'ics', 'md'];

/**
 * Writes to --out or to stdout. A file is written owner-only beside itself and put in place whole
 * only when complete (through a symbolic link, to the file it points to); a device or a named pipe
 * (/dev/stdout, a FIFO a script reads) is written to as it is; a folder is refused.
 */
export async function writeTo(ctx: Context, out: string | undefined, pieces: Iterable<string>): Promise<void> {
  if (!out || out === '-') {
    await writeStream(ctx.stdout, pieces);
    return;
  }
  const found = statSync(out, { throwIfNoEntry: false });
  if (found?.isDirectory()) throw new UserError(`cannot write ${out}: it is a folder; --out takes a file name`);
  if (found && !found.isFile()) {
    writeWhole(out, openOut(out, out, 'w'), pieces, out);
    say(ctx, `Wrote ${out}`);
    return;
  }
  const file = found ? realpathSync(out) : resolve(out);
  if (!found) makeFolders(dirname(file));
  // A name of its own: a file the user keeps as NAME.partial is never written over.
  const partial = `${file}.${process.pid}.partial`;
  writeWhole(partial, openOut(partial, out, 'wx'), pieces, out);
  try {
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw cannotWrite(out, error);
  }
  say(ctx, `Wrote ${out}`);
}

function openOut(path: string, out: string, flags: string): number {
  try {
    return openSync(path, flags, 0o600);
  } catch (error) {
    throw cannotWrite(out, error);
  }
}

/** Writes the pieces and closes; a file left half-written (a full disk) is removed when it was a copy. */
function writeWhole(path: string, fd: number, pieces: Iterable<string>, out: string): void {
  try {
    let chunk = '';
    for (const piece of pieces) {
      chunk += piece;
      if (chunk.length >= 1 << 16) { writeSync(fd, chunk); chunk = ''; }
    }
    if (chunk) writeSync(fd, chunk);
  } catch (error) {
    closeSync(fd);
    if (path !== out) rmSync(path, { force: true });
    throw cannotWrite(out, error);
  }
  closeSync(fd);
}

function cannotWrite(out: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error as Error;
  const why: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the disk is read-only', ENOSPC: 'the disk is full',
    EISDIR: 'it is a folder', ENOENT: 'its folder does not exist', ENOTDIR: 'a part of the path is a file, not a folder',
  };
  return new UserError(`cannot write ${out}: ${why[code] ?? code}; nothing was written there`);
}
