// caselog import FILE: all or nothing, idempotent, matched by id.
import type { Context } from '../context';
import { printJson, say } from '../context';
import { UsageError } from '../errors';
import { readExport } from '../exchange/read';
import { importRecords } from '../store/import';
import { keepMemorySteady } from './steady-memory';

export async function importCommand(ctx: Context, file: string, opts: { format?: string }) {
  const format = opts.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
  keepMemorySteady();
  const store = await ctx.openStore({ create: true });
  if (format === 'csv') return (await import('./import-csv')).importCsv(ctx, store, file);
  if (format !== 'json') throw new UsageError(`unknown --format "${format}": use json or csv`);
  const progress = ctx.interactive ? (n: number) => ctx.stderr.write(`\r${n.toLocaleString('en')} records…`) : undefined;
  const counts = importRecords(store, readExport(file), file, progress);
  if (progress) ctx.stderr.write('\r');
  if (ctx.json) printJson(ctx, counts);
  say(ctx, `Imported ${file}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`);
}
