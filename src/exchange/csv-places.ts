// Where a sheet's records stand, as its reader finds them. A spreadsheet numbers rows (the header
// is row 1, an empty line is an empty row); a text editor numbers lines, and a cell of several
// lines makes the two part. Messages name the row, and the line too where they differ: "line 7"
// alone sent a volunteer to the wrong row of the sheet.

/**
 * Excel in many European locales saves CSV with semicolons, and its "Text" and "Unicode Text" with
 * tabs: take whichever the header uses (it was read as one column, "no known table").
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const header = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (header.includes(',')) return ',';
  return header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
}

export class SheetPlaces {
  /** The line each non-empty record starts on, the header's first: one for each record csv-parse reads. */
  readonly starts: number[] = [];
  private readonly rowOfLine = new Map<number, number>();

  constructor(text: string) {
    let line = 1;
    let row = 1;
    let quoted = false;
    let atStart = true;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      // A line ends in LF, CRLF or CR alone; a row where a line ends outside quotes.
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
        line++;
        if (!quoted) {
          row++;
          atStart = true;
        }
        continue;
      }
      if (atStart && ch !== '\r' && ch !== '\uFEFF') {
        this.starts.push(line);
        this.rowOfLine.set(line, row);
        atStart = false;
      }
      if (ch === '"') quoted = !quoted;
    }
  }

  /** "row 4", or "row 4 (line 7)" for the record that starts on line 7 below cells of several lines. */
  of(line: number): string {
    const row = this.rowOfLine.get(line) ?? line;
    return row === line ? `row ${row}` : `row ${row} (line ${line})`;
  }

  /** The place of the nth record csv-parse reads (0 is the header). */
  ofRecord(n: number): string {
    const line = this.starts[n];
    return line === undefined ? `row ${n + 1}` : this.of(line);
  }
}
