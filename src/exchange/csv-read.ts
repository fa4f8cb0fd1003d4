// Reading a CSV sheet before any record is touched: which table its header names, and typed
// access to a row's cells that collects every problem.
import { DateInputError, figuresReadAs, formatDate, parseDate, precisionOf, textNamesAnotherDate } from '../domain/dates';
import type { PartialDate } from '../domain/types';
import { controlCharacter, unpadded } from '../domain/text';
import { COLUMNS, DERIVED_COLUMNS, listItems, unguardFormula, type CsvTable } from './csv-columns';

/** A problem of the row that starts on `line` of the file (SheetPlaces names it as the sheet's row). */
export interface Problem { line: number; column?: string; message: string }

/** The table a header belongs to, or a message saying why it fits none. */
export function detectTable(header: string[]): { table: CsvTable } | { error: string } {
  const names = header.map((h) => h.trim().toLowerCase());
  const table: CsvTable | undefined = names.includes('note') ? 'deadlines'
    : names.includes('type') || names.includes('summary') ? 'events'
      : names.includes('name') ? 'people' : undefined;
  if (!table) {
    return { error: 'the header names no known table: people need a "name" column, events "date", "type" and "summary"' };
  }
  if (table === 'deadlines') return { error: 'deadlines cannot be imported from CSV; use a JSON export (caselog export --format json)' };
  const unknown = names.filter((n) => !COLUMNS[table].includes(n));
  if (unknown.length > 0) {
    return { error: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')} for ${table}; known: ${COLUMNS[table].join(', ')}` };
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) return { error: `the column ${JSON.stringify(twice)} appears twice` };
  return { table };
}

/**
 * What Excel, Google Sheets and LibreOffice show in a cell whose formula failed (#NAME?, #REF!, and
 * LibreOffice's Err:502): saved as CSV, the cell's content is lost and the error is all it holds.
 */
const SPREADSHEET_ERROR = /^(#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!|GETTING_DATA)|Err:\d{3})$/;

const lostValue = (value: string, orElse: string) => `${JSON.stringify(value)} is a spreadsheet's error value: what the cell held was lost ` +
  `in the spreadsheet (a formula that failed, or a cell it referred to deleted); put back what it held, or ${orElse}`;

/** One row's cells by column name, and the problems found reading them. */
export class Cells {
  readonly problems: Problem[] = [];
  /** The cells of columns caselog works out itself: not read, only compared with what it works out. */
  readonly derived = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  /** Columns whose cell held a spreadsheet's error value, reported once. */
  private readonly lost = new Set<string>();

  constructor(header: string[], row: string[], readonly line: number) {
    header.forEach((h, i) => {
      const name = h.trim().toLowerCase();
      // One form for the same letters (a spreadsheet may write "ë" as e and a combining mark), as typed
      // names are; and one line break, as caselog stores it, for a cell of several lines that a
      // spreadsheet on Windows wrote with CRLF (it was refused as holding a control character).
      const value = unguardFormula(row[i] ?? '').replace(/\r\n/g, '\n').normalize('NFC');
      if (DERIVED_COLUMNS.has(name)) {
        this.derived.set(name, value);
      } else if (SPREADSHEET_ERROR.test(value.trim())) {
        this.problem(name, lostValue(value.trim(), 'empty the cell'));
        this.lost.add(name);
        this.byName.set(name, '');
      } else {
        this.byName.set(name, value);
      }
    });
  }

  /** A problem of the row; none more of a cell that held an error value (it is empty, not "required"). */
  problem(column: string | undefined, message: string): void {
    if (column !== undefined && this.lost.has(column)) return;
    this.problems.push({ line: this.line, column, message });
  }

  /** Whether the sheet has this column at all. */
  has(column: string): boolean {
    return this.byName.has(column);
  }

  isBlank(): boolean {
    return this.lost.size === 0 && [...this.byName.values()].every((v) => !v.trim());
  }

  /**
   * Free text without the spaces at its ends, which no one sees and a spreadsheet saved again may drop
   * (undefined when blank); `required` reports a blank cell.
   */
  text(column: string, required = false): string | undefined {
    const value = unpadded(this.byName.get(column) ?? '');
    if (value) return value;
    if (required) this.problem(column, 'is required');
    return undefined;
  }

  /** Free text a record keeps (a summary, a place): one holding a control character is reported, as its record would be refused. */
  plainText(column: string, required = false): string | undefined {
    const value = this.text(column, required);
    const control = value === undefined ? undefined : controlCharacter(value);
    if (control) this.problem(column, `holds a control character (${control}), which caselog never writes`);
    return value;
  }

  word(column: string): string | undefined {
    return this.text(column)?.trim();
  }

  /** The items of a list cell ("a; b"); one that is a spreadsheet's error value is reported, not taken as a name or risk. */
  list(column: string): string[] {
    const items = listItems(this.byName.get(column) ?? '');
    const lost = items.filter((item) => SPREADSHEET_ERROR.test(item.trim()));
    if (lost.length === 0) return items;
    for (const item of lost) this.problem(column, lostValue(item.trim(), 'take it out of the list'));
    return items.filter((item) => !lost.includes(item));
  }

  oneOf<T extends string>(column: string, values: readonly T[], required = false): T | undefined {
    const value = this.word(column)?.toLowerCase();
    if (value === undefined) {
      if (required) this.problem(column, `is required (one of ${values.join(', ')})`);
      return undefined;
    }
    if (values.includes(value as T)) return value as T;
    this.problem(column, `${JSON.stringify(value)} is not one of ${values.join(', ')}`);
    return undefined;
  }

  wholeNumber(column: string): number | undefined {
    const value = this.word(column);
    if (value === undefined) return undefined;
    if (/^\d+$/.test(value)) return Number(value);
    this.problem(column, `${JSON.stringify(value)} is not a whole number`);
    return undefined;
  }

  /** An ISO day such as 1999-02-11, for the days caselog itself records. */
  day(column: string): string | undefined {
    const value = this.word(column);
    if (value === undefined) return undefined;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    this.problem(column, `${JSON.stringify(value)} is not a day written as YYYY-MM-DD`);
    return undefined;
  }

  /** A date from its four columns: the ISO (or any written form parseDate reads), precision, approximate, text. */
  date(prefix: string, required = false): PartialDate | undefined {
    const written = this.word(prefix);
    const asGiven = this.text(`${prefix}_text`)?.trim();
    // Printed as given ("date as given: ...") in timelines and exports, as every other text is.
    const control = asGiven === undefined ? undefined : controlCharacter(asGiven);
    if (control) {
      this.problem(`${prefix}_text`, `holds a control character (${control}), which caselog never writes`);
      return undefined;
    }
    if (!written && !asGiven) {
      if (required) this.problem(prefix, 'is required');
      return undefined;
    }
    const source = written ?? asGiven!;
    let parsed: PartialDate;
    try {
      parsed = parseDate(source);
    } catch (error) {
      if (!(error instanceof DateInputError)) throw error;
      this.problem(written ? prefix : `${prefix}_text`, error.message);
      return undefined;
    }
    const approximate = this.flag(`${prefix}_approximate`);
    const precision = this.word(`${prefix}_precision`)?.toLowerCase();
    if (precision && precision !== precisionOf(parsed)) {
      this.problem(`${prefix}_precision`, `says ${JSON.stringify(precision)}, but ${JSON.stringify(source)} is known to the ${precisionOf(parsed)}`);
    }
    const date = { ...parsed, approximate: parsed.approximate || approximate, text: asGiven ?? parsed.text };
    // The readable column corrected and the ISO one not (or the other way round): which is meant is not ours to guess.
    if (written && asGiven && textNamesAnotherDate(date)) {
      this.problem(`${prefix}_text`, `${JSON.stringify(asGiven)}${figuresReadAs(asGiven)} is not ${formatDate(date)}, the date in the ${prefix} column: correct both, or empty one of them`);
    }
    return date;
  }

  flag(column: string): boolean {
    const value = this.word(column)?.toLowerCase();
    if (value === undefined || ['false', 'no', 'n', '0'].includes(value)) return false;
    if (['true', 'yes', 'y', '1', 'x'].includes(value)) return true;
    this.problem(column, `${JSON.stringify(value)} is not true or false`);
    return false;
  }
}
