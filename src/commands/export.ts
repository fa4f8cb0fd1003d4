// caselog export --format json|csv|ics|md [WHO] [--out PATH] [--table NAME]
import type { Context } from '../context';
import { printJson } from '../context';
import { DamagedDatabaseError, UsageError, UserError } from '../errors';
import { beginRead, endRead, exportLines } from '../store/export';
import { saidTables, standInForMissingTables } from '../store/schema-check';
import type { SqliteStore } from '../store/sqlite-store';
import { keepMemorySteady } from './steady-memory';
import { passphraseToOpen } from './encrypt';
import { writeTo } from './write-out';

export interface ExportOptions { format: string; out?: string; table?: string; cancelled?: boolean }

export async function exportCommand(ctx: Context, who: string | undefined, opts: ExportOptions) {
  // --json promises JSON and nothing else on stdout: an ICS, CSV or Markdown export would break it.
  if (!FORMATS.includes(opts.format)) throw new UsageError(`unknown --format "${opts.format}": use ${FORMATS.join(', ')}`);
  if (ctx.json && opts.format !== 'json') throw new UsageError(`--json goes with --format json; --format ${opts.format} writes ${opts.format.toUpperCase()}, so leave --json out`);
  // Usage first, before the database: a flag that would be ignored is a mistake to say.
  if (opts.format === 'md' && !who) throw new UsageError('--format md needs WHO: a person or a case reference');
  if (opts.format !== 'md' && who) throw new UsageError(`--format ${opts.format} exports ${opts.format === 'ics' ? 'every open deadline' : 'everything'}; use --format md WHO for one person or case`);
  if (opts.format !== 'csv' && opts.table !== undefined) throw new UsageError('--table goes with --format csv (one table on stdout)');
  if (opts.format !== 'ics' && opts.cancelled) throw new UsageError('--cancelled goes with --format ics (entries that take deadlines no longer open off a calendar)');
  if (opts.format === 'csv') (await import('./export-csv')).checkCsvOptions(opts);
  let store: SqliteStore;
  try {
    store = await ctx.openStore({ create: false });
  } catch (error) {
    // A schema that does not parse stops every command at the open: the JSON export can still save what the tables hold.
    if (error instanceof DamagedDatabaseError && opts.format === 'json') return recoverExport(ctx, opts);
    throw error;
  }
  // One read transaction: every section, table and query of an export sees the database as it was at
  // one moment, while another caselog may write meanwhile (statement by statement, a person merged
  // away between the people and the deadlines gave an export whose deadlines named nobody stored).
  // A table dropped from the file: the others are saved, and the missing ones named (schema-check.ts).
  const missing = standInForMissingTables(store.db);
  beginRead(store.db);
  try {
    await exportFormat(ctx, store, who, opts, missing);
  } finally {
    endRead(store.db);
  }
  if (missing.length > 0) throw damagedExport(`${saidTables(missing)} ${missing.length === 1 ? 'is' : 'are'} missing from it, so the export holds what the others hold`);
  // --json with --out (the JSON format alone takes both): what was written, as backup says it.
  if (ctx.json && opts.out && opts.out !== '-') printJson(ctx, { path: opts.out, format: opts.format });
}

async function exportFormat(ctx: Context, store: SqliteStore, who: string | undefined, opts: ExportOptions, missing: string[]): Promise<void> {
  switch (opts.format) {
    case 'json': {
      keepMemorySteady();
      const unread: string[] = [];
      await writeTo(ctx, opts.out, exportLines(store, (section) => unread.push(section)));
      const lacking = missing.length > 0 ? `; ${saidTables(missing)} ${missing.length === 1 ? 'is' : 'are'} missing from it` : '';
      if (unread.length > 0) throw damagedExport(`the export holds what could be read, but not all of: ${unread.join(', ')}${lacking}`);
      return;
    }
    case 'csv':
      return (await import('./export-csv')).exportCsv(ctx, store, opts, missing);
    case 'ics':
      return (await import('./export-ics')).exportIcs(ctx, store, opts);
    default:
      return (await import('./export-md')).exportMarkdown(ctx, store, who!, opts);
  }
}

const FORMATS = ['json', 'csv', 'ics', 'md'];

/** An export that saved what a damaged database still let it read: said, and exit 1. */
export function damagedExport(what: string): UserError {
  return new UserError(`the database is damaged: ${what}; restore the latest backup if there is one (caselog restore FILE)`);
}

/** The JSON export of a database whose schema is damaged (store/recover.ts): what can be read, then exit 1. */
async function recoverExport(ctx: Context, opts: ExportOptions): Promise<void> {
  const { openToRecover, unreadableInRecovery } = await import('../store/recover');
  const db = openToRecover(ctx.dbPath, await passphraseToOpen(ctx, ctx.dbPath));
  const unread: string[] = [];
  try {
    keepMemorySteady();
    beginRead(db);
    await writeTo(ctx, opts.out, exportLines({ db }, (section) => unread.push(section), unreadableInRecovery));
  } finally {
    db.close();
  }
  throw damagedExport(`its schema could not be read whole, so the export holds what could be read${unread.length ? `, but not all of: ${unread.join(', ')}` : ''}`);
}
