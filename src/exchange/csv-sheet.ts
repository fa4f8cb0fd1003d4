// A CSV file read as the rows a spreadsheet shows: the header and the rows below it. What cannot be
// read so is refused in the words of the sheet (its rows, columns and quotes), not the parser's.
import { CsvError, parse } from 'csv-parse/sync';
import type { Options } from 'csv-parse';
import { UserError } from '../errors';
import { detectDelimiter, SheetPlaces } from './csv-places';

export interface Sheet { header: string[]; body: string[][]; places: SheetPlaces }

const options = (text: string): Options => ({
  // Rows ended any way, even mixed in one file: caselog writes CRLF, a row added by echo or an
  // editor ends in LF, Excel's "CSV (Macintosh)" in CR alone. A row may have fewer cells than the
  // header (Excel leaves off a row's empty cells at its end, a hand edit too): they read as empty.
  bom: true, skip_empty_lines: true, relax_column_count: true, delimiter: detectDelimiter(text), record_delimiter: ['\r\n', '\n', '\r'],
});

export function readSheet(file: string, text: string): Sheet {
  const places = new SheetPlaces(text);
  let rows: string[][];
  try {
    rows = parse(text, options(text)) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new UserError(`${file}, ${unreadable(error, text, places)}; nothing was imported`);
    throw error;
  }
  const [header, ...body] = rows;
  if (!header) throw new UserError(`${file} is empty: nothing was imported`);
  refuseLongRows(file, header, body, places, options(text).delimiter as string);
  return { ...namedColumns(file, header, body, places), places };
}

/**
 * Excel writes a column with no name in the header (name,citizenship,,) where cells beyond the data
 * were formatted: left out when all its cells are empty, and refused when one holds something, which
 * no column would be read as.
 */
function namedColumns(file: string, header: string[], body: string[][], places: SheetPlaces): { header: string[]; body: string[][] } {
  const unnamed = new Set(header.flatMap((name, i) => (name.trim() ? [] : [i])));
  if (unnamed.size === 0) return { header, body };
  for (const i of unnamed) {
    const n = body.findIndex((row) => row[i]?.trim());
    if (n >= 0) throw new UserError(`${file}: column ${i + 1} (${columnLetters(i)}) has no header but holds data (${places.ofRecord(n + 1)}): name it or delete it; nothing was imported`);
  }
  const named = (cells: string[]) => cells.filter((_, i) => !unnamed.has(i));
  return { header: named(header), body: body.map(named) };
}

/** A column as a spreadsheet labels it: A for the first, AA after Z. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** More cells than the header has names: a cell's own comma not in quotes, most often, and every cell after it one column on. */
function refuseLongRows(file: string, header: string[], body: string[][], places: SheetPlaces, delimiter: string): void {
  const long = body.flatMap((row, i) => (row.length > header.length ? [{ n: i + 1, cells: row.length }] : []));
  const [first] = long;
  if (!first) return;
  const more = long.length > 1 ? ` (and ${long.length - 1} more ${long.length === 2 ? 'row has' : 'rows have'} more cells than the header)` : '';
  const separator = delimiter === ';' ? 'semicolon' : delimiter === '\t' ? 'tab' : 'comma';
  throw new UserError(`${file}: ${places.ofRecord(first.n)} has ${first.cells} cells, the header ${header.length}${more}: ` +
    `a ${separator} inside a cell moves every cell after it one column on: put such a cell in double quotes, or remove the ${separator} too many; nothing was imported`);
}

/** Where and why the parser stopped, in the sheet's words. */
function unreadable(error: CsvError, text: string, places: SheetPlaces): string {
  const { records = 0, column, field } = error as CsvError & { records?: number; column?: number; field?: string };
  const where = `${places.ofRecord(records)}${column === undefined ? '' : `, column ${columnName(text, records, column)}`}`;
  const asSaved = 'put the whole cell in double quotes and write each quote inside it twice, as a spreadsheet saves it';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${where}: a cell opens with a double quote that is never closed, so the rest of the file would be read into it: add the closing quote, or remove the opening one`;
    case 'INVALID_OPENING_QUOTE':
      return `${where}: a double quote in the middle of a cell${field ? ` (after ${JSON.stringify(field.slice(-40))})` : ''}: ${asSaved}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${where}: a cell in double quotes goes on after its closing quote: ${asSaved}`;
    default:
      return `${places.ofRecord(records)}: not valid CSV (${error.message})`;
  }
}

/** The header's name for a column, or its number where the header is the row that failed or has no name there. */
function columnName(text: string, record: number, column: number): string {
  let name: string | undefined;
  if (record > 0) {
    const [header] = parse(text, { ...options(text), to: 1 }) as string[][];
    name = header?.[column]?.trim();
  }
  return name || String(column + 1);
}
