// caselog export --format csv (--out DIR | --table NAME): people, events and deadlines as
// RFC 4180 CSV in UTF-8. The files begin with a byte-order mark, which spreadsheet programs need to
// read UTF-8 (Excel shows Cyrillic or Chinese names garbled without it); a table on stdout does not,
// as it goes to another program (the mark would stick to the first column's name).
import { makeFolders, refuseOutFolderAbove, removeEmptyFolders } from '../exchange/folders';
import { existsSync } from 'node:fs';
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
import { keepMemorySteady } from './steady-memory';
import { writeFiles, writeTo } from './write-out';

const BOM = '\uFEFF';

/** The usage errors of --format csv, and a --out folder that cannot be made, said before the database is opened. */
export function checkCsvOptions(opts: ExportOptions): void {
  if (opts.table !== undefined) {
    if (opts.out) throw new UsageError('--table writes one table on stdout; use --out DIR alone to write every table as files');
    if (!CSV_TABLES.includes(opts.table.trim().toLowerCase() as CsvTable)) throw new UsageError(`unknown --table "${opts.table}": use ${CSV_TABLES.join(', ')}`);
  } else if (!opts.out) {
    throw new UsageError('--format csv needs --out DIR (people.csv, events.csv, deadlines.csv) or --table NAME (one table on stdout)');
  } else {
    refuseOutFolderAbove(opts.out);
  }
}

/** After checkCsvOptions (the command checks them before opening the database). */
export async function exportCsv(ctx: Context, store: SqliteStore, opts: ExportOptions, missing: string[] = []): Promise<void> {
  keepMemorySteady();
  if (opts.table !== undefined) {
    await writeTo(ctx, undefined, csvLines(store, opts.table.trim().toLowerCase() as CsvTable, ''));
    return;
  }
  const out = opts.out!;
  const made = makeFolders(out, `${out} is not a folder: --out takes a folder for CSV`);
  // Its table gone from the database: an empty file would replace what an earlier export wrote.
  const unread: CsvTable[] = CSV_TABLES.filter((table) => missing.includes(table));
  const files = CSV_TABLES.filter((table) => !unread.includes(table)).map((table) => ({ table, out: join(out, `${table}.csv`), pieces: csvLines(store, table, BOM) }));
  try {
    // The tables are put in place together: a cancel or a full disk leaves every file there as it was.
    await writeFiles(ctx, files, {
      undone: `nothing was written to ${out}`, failed: `nothing was written to ${out}`,
      late: `the files in ${out} were already written when the cancel came: they are complete`,
    }, (error, file) => {
      // The other tables may still be whole: saved, and this one named.
      if (!isDamage(error)) return false;
      unread.push(file.table);
      return true;
    });
  } catch (error) {
    // A folder this export made holds nothing now (or only what another program put there): removed, as if it had never run.
    removeEmptyFolders(made);
    throw error;
  }
  if (unread.length > 0) {
    unread.sort((a, b) => CSV_TABLES.indexOf(a) - CSV_TABLES.indexOf(b));
    const names = unread.map((t) => `${t}.csv`).join(', ');
    const older = unread.some((t) => existsSync(join(out, `${t}.csv`))) ? ' (one there is from an earlier export)' : '';
    const lacking = missing.length > 0 ? `; ${saidTables(missing)} ${missing.length === 1 ? 'is' : 'are'} missing from it` : '';
    throw damagedExport(`could not read the ${unread.join(', ')}, so ${names} ${unread.length === 1 ? 'was' : 'were'} not written${older}; the other files hold what could be read${lacking}`);
  }
}

/**
 * Rows csv-stringify writes at a call: its sync API sets a whole stringifier up for each call, which
 * for a call a row was an eighth of the export's time. More at a call makes larger strings, which V8
 * keeps longer (500: 140 MB peak for the 100k tables, 50: 104 MB, as a call a row).
 */
const ROWS_A_CALL = 50;
/** CRLF line ends, as RFC 4180 has them; a cell beginning or ending with white space quoted, as spreadsheets would trim it. */
const RECORDS = { record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/ } as const;

/** The table as CSV text in pieces: a header, then its records, ROWS_A_CALL a piece. */
function* csvLines(store: SqliteStore, table: CsvTable, start: string): Generator<string> {
  yield start + stringify([COLUMNS[table].map(guardFormula)], RECORDS);
  let rows: string[][] = [];
  for (const cells of rowsOf(store, table)) {
    rows.push(cells.map(guardFormula));
    if (rows.length < ROWS_A_CALL) continue;
    yield stringify(rows, RECORDS);
    rows = [];
  }
  if (rows.length > 0) yield stringify(rows, RECORDS);
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

