// caselog export --format csv (--out DIR | --table NAME): people, events and deadlines as
// RFC 4180 CSV in UTF-8. The files begin with a byte-order mark, which spreadsheet programs need to
// read UTF-8 (Excel shows Cyrillic or Chinese names garbled without it); a table on stdout does not,
// as it goes to another program (the mark would stick to the first column's name).
import { makeFolders, removeEmptyFolders } from '../exchange/folders';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Context } from '../context';
import { UsageError } from '../errors';
import { COLUMNS, CSV_TABLES, deadlineRow, eventRow, guardFormula, personRow, type CsvTable } from '../exchange/csv-columns';
import { isDamage } from '../store/export';
import { saidTables } from '../store/schema-check';
import { allDeadlines, allEvents, allPeople } from '../store/export-tables';
import type { SqliteStore } from '../store/sqlite-store';
import { damagedExport, type ExportOptions } from './export';
import { writeTo } from './write-out';

const BOM = '\uFEFF';

/** The usage errors of --format csv, said before the database is opened. */
export function checkCsvOptions(opts: ExportOptions): void {
  if (opts.table !== undefined) {
    if (opts.out) throw new UsageError('--table writes one table on stdout; use --out DIR alone to write every table as files');
    if (!CSV_TABLES.includes(opts.table.trim().toLowerCase() as CsvTable)) throw new UsageError(`unknown --table "${opts.table}": use ${CSV_TABLES.join(', ')}`);
  } else if (!opts.out) {
    throw new UsageError('--format csv needs --out DIR (people.csv, events.csv, deadlines.csv) or --table NAME (one table on stdout)');
  }
}

/** After checkCsvOptions (the command checks them before opening the database). */
export async function exportCsv(ctx: Context, store: SqliteStore, opts: ExportOptions, missing: string[] = []): Promise<void> {
  if (opts.table !== undefined) {
    await writeTo(ctx, undefined, csvLines(store, opts.table.trim().toLowerCase() as CsvTable, ''));
    return;
  }
  const out = opts.out!;
  const made = makeFolders(out, `${out} is not a folder: --out takes a folder for CSV`);
  const unread: CsvTable[] = [];
  const written: string[] = [];
  for (const table of CSV_TABLES) {
    // Its table gone from the database: an empty file would replace what an earlier export wrote.
    if (missing.includes(table)) {
      unread.push(table);
      continue;
    }
    try {
      await writeTo(ctx, join(out, `${table}.csv`), csvLines(store, table, BOM));
      written.push(join(out, `${table}.csv`));
    } catch (error) {
      // The other tables may still be whole: saved, and this one named.
      if (isDamage(error)) {
        unread.push(table);
        continue;
      }
      // A full disk, say: a folder this export made holds only its own files, half of an export
      // (or none, an empty folder): removed with them, as if it had never run.
      if (made.length > 0) {
        for (const file of written) rmSync(file, { force: true });
        removeEmptyFolders(made);
      }
      throw error;
    }
  }
  if (unread.length > 0) {
    const files = unread.map((t) => `${t}.csv`).join(', ');
    const older = unread.some((t) => existsSync(join(out, `${t}.csv`))) ? ' (one there is from an earlier export)' : '';
    const lacking = missing.length > 0 ? `; ${saidTables(missing)} ${missing.length === 1 ? 'is' : 'are'} missing from it` : '';
    throw damagedExport(`could not read the ${unread.join(', ')}, so ${files} ${unread.length === 1 ? 'was' : 'were'} not written${older}; the other files hold what could be read${lacking}`);
  }
}

/** The table as CSV text in pieces: a header, then one record a row (CRLF line ends, as RFC 4180 has them). */
function* csvLines(store: SqliteStore, table: CsvTable, start: string): Generator<string> {
  const line = (cells: readonly string[]) => stringify([cells.map(guardFormula)], { record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/ });
  yield start + line(COLUMNS[table]);
  for (const cells of rowsOf(store, table)) yield line(cells);
}

function* rowsOf(store: SqliteStore, table: CsvTable): Generator<string[]> {
  switch (table) {
    case 'people':
      for (const p of allPeople(store)) yield personRow(p);
      return;
    case 'events':
      for (const e of allEvents(store)) yield eventRow(e);
      return;
    case 'deadlines':
      for (const d of allDeadlines(store)) yield deadlineRow(d);
  }
}

