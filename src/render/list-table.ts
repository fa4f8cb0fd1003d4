// A table that fits the terminal (the caller says how wide it is). When it must shrink, free text
// gives way first, then names; references, dates, status and counts are kept whole longest: a
// reference cut ("UA 7…") no longer tells UA 77/98 from UA 71/98, and a date cut loses its year.
import type { Style } from './style';
import { monthName } from '../domain/dates-calendar';
import type { PartialDate } from '../domain/types';
import { oneLine } from './lines';
import { displayWidth, fit, fitList, listFloor } from './cell-width';

/**
 * kind: what the column holds, which says when it gives way. 'free-text' (a title, a list of risks)
 * first, 'name' next; a column of neither (references, dates, status, counts) is kept whole longest.
 * min: how far it gives way before the next kind does (free text and names).
 */
export interface Column { header: string; min?: number; kind?: 'free-text' | 'name' }

/** A cell: text, or a list of items (case references), which is cut between items. */
export type Cell = string | readonly string[];

const GAP = 2;
/** No column gives way below this while another can: four characters and "…" still say something. */
const NARROWEST = 5;
/** Free text gives way this far before a reference or a date is cut: a letter and "…". */
const TINY = 2;

const textOf = (cell: Cell | undefined): string => (typeof cell === 'string' ? cell : (cell ?? []).join(', '));

interface Stage {
  gives: (c: Column) => boolean;
  floor: (i: number) => number;
  /** Cut the column with the most to say first, all the way, rather than the widest now. */
  mostFirst?: boolean;
}

/**
 * Column widths that fit, taken in stages until the table fits: free text down to its minimum,
 * names down to theirs, lists of references down to one whole reference and a count, free text down
 * to NARROWEST, headers wider than their cells, free text to TINY, names to NARROWEST, and only then
 * references, dates, status and counts, down to NARROWEST.
 */
export function columnWidths(columns: Column[], rows: Cell[][], width: number): number[] {
  const cells = columns.map((_, i) => Math.max(0, ...rows.map((r) => displayWidth(textOf(r[i])))));
  const whole = columns.map((c, i) => Math.max(displayWidth(c.header), cells[i]!));
  const listed = columns.map((_, i) => Math.max(0, ...rows.map((r) => {
    const cell = r[i];
    return typeof cell === 'string' || cell === undefined ? displayWidth(textOf(cell)) : listFloor(cell);
  })));
  const isList = columns.map((_, i) => rows.some((r) => Array.isArray(r[i])));
  const own = (i: number) => columns[i]!.min ?? Math.max(4, displayWidth(columns[i]!.header));
  const text = (c: Column) => c.kind === 'free-text';
  const name = (c: Column) => c.kind === 'name';
  const kept = (c: Column) => c.kind === undefined;
  const stages: Stage[] = [
    { gives: text, floor: own },
    { gives: name, floor: own },
    { gives: kept, floor: (i) => Math.max(listed[i]!, displayWidth(columns[i]!.header)) },
    { gives: text, floor: () => NARROWEST, mostFirst: true },
    { gives: () => true, floor: (i) => Math.max(cells[i]!, NARROWEST) },
    { gives: text, floor: () => TINY, mostFirst: true },
    { gives: name, floor: () => NARROWEST },
    { gives: kept, floor: () => NARROWEST },
  ];
  const widths = [...whole];
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (columns.length - 1);
  for (const { gives, floor, mostFirst } of stages) {
    const by = mostFirst ? whole : widths;
    while (total() > width) {
      let column = -1;
      widths.forEach((w, i) => {
        if (gives(columns[i]!) && w > floor(i) && (column < 0 || by[i]! > by[column]!)) column = i;
      });
      if (column < 0) break;
      widths[column]!--;
      // A list is drawn in whole items: its column narrows at once to what its cells now take.
      if (isList[column]) widths[column] = drawnWidth(columns[column]!, rows, column, widths[column]!);
    }
  }
  // Room a list left over goes back to what gave way, the columns kept whole longest first.
  for (const gets of [kept, name, text]) {
    columns.forEach((col, i) => {
      while (gets(col) && !isList[i] && widths[i]! < whole[i]! && total() < width) widths[i]!++;
    });
  }
  return widths;
}

/** How wide a list column's cells are drawn at a width (its header cut to it, if need be). */
function drawnWidth(column: Column, rows: Cell[][], i: number, width: number): number {
  const drawn = rows.map((r) => {
    const cell = r[i];
    return displayWidth(typeof cell === 'string' || cell === undefined ? fit(textOf(cell), width) : fitList(cell, width));
  });
  return Math.max(Math.min(width, displayWidth(column.header)), ...drawn);
}

export function renderTable(columns: Column[], cells: Cell[][], width: number, c: Style): string {
  // A row is one line: a title holding a line break would begin a row of its own.
  const rows = cells.map((r) => r.map((cell) => (typeof cell === 'string' ? oneLine(cell) : cell.map((item) => oneLine(item)))));
  const widths = columnWidths(columns, rows, width);
  const line = (texts: Cell[], paint: (s: string, i: number) => string) =>
    texts.map((cell, i) => {
      const text = typeof cell === 'string' ? fit(cell, widths[i]!) : fitList(cell, widths[i]!);
      const padded = i === texts.length - 1 ? text : text + ' '.repeat(widths[i]! - displayWidth(text));
      return paint(padded, i);
    }).join(' '.repeat(GAP)).trimEnd();
  return [line(columns.map((col) => col.header), (s) => c.bold(s)), ...rows.map((r) => line(r, (s) => s))].join('\n');
}

/** A date in a table cell: "11 Feb 1999", "Feb 1999", "1998", "c. 1998". */
export function shortDate(d: PartialDate): string {
  const parts = [d.day, d.month ? monthName(d.month).slice(0, 3) : undefined, d.year].filter((x) => x !== undefined);
  return `${d.approximate ? 'c. ' : ''}${parts.join(' ')}`;
}
