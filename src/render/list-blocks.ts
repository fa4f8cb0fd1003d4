// A list too narrow for its table, written one block a record as at-risk writes a person: the first
// column's text on a line of its own (the next one's when it is empty: a source with no reference
// by its title), then each other column's cell, whole, under its header's name. Nothing that tells
// one record from another is cut to make the table fit.
import type { Style } from './style';
import type { Cell } from './list-table';

/** The blocks, one a record, and between two the empty line that parts them: joined by line breaks, the list. */
export function* blockPieces(headers: string[], rows: Cell[][], c: Style): Generator<string> {
  const text = (cell: Cell | undefined) => (typeof cell === 'string' ? cell : (cell ?? []).join(', '));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const head = Math.max(0, row.findIndex((cell) => text(cell) !== ''));
    const fields = headers.flatMap((header, i) => {
      const value = text(row[i]);
      return i !== head && value ? [`  ${header.toLowerCase()}: ${value}`] : [];
    });
    if (r > 0) yield '';
    yield [c.bold(text(row[head])), ...fields].join('\n');
  }
}
