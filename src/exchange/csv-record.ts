// One CSV record as RFC 4180 has it, with CRLF line ends. A cell is quoted when it holds a comma, a
// quote or a line break, or begins or ends with white space (which spreadsheet programs would
// trim); a quote inside is doubled. Written here, not by csv-stringify (whose output this is, byte
// for byte): its sync API sets a whole stringifier up for each call, and an export is a call a row:
// an eighth of its time.
const QUOTED = /[",\r\n]|^\s|\s$/;

export function csvRecord(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (i > 0) line += ',';
    line += QUOTED.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${line}\r\n`;
}
