// caselog export --format json|csv|ics|md [WHO] [--out PATH] [--table NAME]
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
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

/** Writes to --out (owner-only, replaced whole only when complete) or to stdout. */
export async function writeTo(ctx: Context, out: string | undefined, pieces: Iterable<string>): Promise<void> {
  if (!out || out === '-') {
    await writeStream(ctx.stdout, pieces);
    return;
  }
  const partial = `${out}.partial`;
  let fd: number;
  try {
    fd = openSync(partial, 'w', 0o600);
  } catch (error) {
    throw new UserError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code}`);
  }
  try {
    let chunk = '';
    for (const piece of pieces) {
      chunk += piece;
      if (chunk.length >= 1 << 16) { writeSync(fd, chunk); chunk = ''; }
    }
    if (chunk) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, out);
  say(ctx, `Wrote ${out}`);
}
