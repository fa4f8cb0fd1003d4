// caselog import FILE: all or nothing, idempotent, matched by id.
import type { Context } from '../context';
import { printJson, say } from '../context';
import { UsageError } from '../errors';
import { checkReadable, readExport } from '../exchange/read';
import { importRecords } from '../store/import';
import type { SqliteStore } from '../store/sqlite-store';
import { keepMemorySteady } from './steady-memory';

export async function importCommand(ctx: Context, file: string, opts: { format?: string; new?: boolean }) {
  const format = opts.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
  if (format !== 'json' && format !== 'csv') throw new UsageError(`unknown --format "${format}": use json or csv`);
  // Before the database is opened (and, on first use, created): a refused import leaves no file.
  checkReadable(file);
  keepMemorySteady();
  const store = await ctx.openStore({ create: true });
  try {
    await importInto(ctx, store, file, format, Boolean(opts.new));
  } catch (error) {
    // A database this command created for a file it then refused would be an empty one left behind.
    store.discardIfUnused();
    throw error;
  }
}

async function importInto(ctx: Context, store: SqliteStore, file: string, format: 'json' | 'csv', newPeople: boolean) {
  if (format === 'csv') return (await import('./import-csv')).importCsv(ctx, store, file, { newPeople });
  const progress = ctx.interactive ? (n: number) => ctx.stderr.write(`\r${n.toLocaleString('en')} records…`) : undefined;
  const counts = importRecords(store, readExport(file), file, progress);
  if (progress) ctx.stderr.write('\r');
  if (ctx.json) printJson(ctx, counts);
  say(ctx, `Imported ${file}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`);
}
