// A list too narrow for its table, written one block a record as at-risk writes a person: the first
// column's text on a line of its own (the next one's when it is empty: a source with no reference
// by its title), then each other column's cell, whole, under its header's name. Nothing that tells
// one record from another is cut to make the table fit.
import type { Style } from './style';
import type { Cell } from './list-table';

export function renderBlocks(headers: string[], rows: Cell[][], c: Style): string {
  const text = (cell: Cell | undefined) => (typeof cell === 'string' ? cell : (cell ?? []).join(', '));
  return rows.map((row) => {
    const head = Math.max(0, row.findIndex((cell) => text(cell) !== ''));
    const fields = headers.flatMap((header, i) => {
      const value = text(row[i]);
      return i !== head && value ? [`  ${header.toLowerCase()}: ${value}`] : [];
    });
    return [c.bold(text(row[head])), ...fields].join('\n');
  }).join('\n\n');
}
