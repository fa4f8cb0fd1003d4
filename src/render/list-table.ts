// A table that fits the terminal (the caller says how wide it is). When it must shrink, free text
// gives way first, then names; references, ids, dates, status and counts are never cut: a reference
// cut ("UA 20…") no longer tells UA 200/26 from UA 201/26, a date cut loses its year, an id cut
// cannot be typed. Free text that has no room left is left out; a table that cannot fit with those
// whole (and each name's start) is written as one block per record instead (list-blocks.ts). A
// person's risks are a list, as case references are, not free text: "enforced-disappea…" hid the
// torture after it, and a table with no risks column at all hid that anyone was at risk.
import type { Style } from './style';
import { monthName } from '../domain/dates-calendar';
import type { PartialDate } from '../domain/types';
import { oneLine } from './lines';
import { displayWidth, fit, fitList, listFloor } from './cell-width';
import { blockPieces } from './list-blocks';

/**
 * keepsId: a name may end in an id ("Zhang Wei [p-8fgz4h5h]", one of namesakes), which is kept whole
 * and the name before it cut: "Zhang Wei [p-8f…" no longer told the namesakes apart, nor could be typed.
 * kind: what the column holds, which says when it gives way. 'free-text' (a title, a publisher)
 * first, and is left out when even NARROWEST is too wide; 'name' next, never below NAME_START; a
 * column of neither (references, ids, dates, status, counts) is never cut, only its header.
 * min: how far it gives way before the next kind does (free text and names).
 * cap: how wide it is while anything else is cut (a name: one very long name took the room of
 * every row's risks).
 */
export interface Column { header: string; min?: number; kind?: 'free-text' | 'name'; cap?: number; keepsId?: boolean }

/** A cell: text, or a list of items (case references, risks), which is cut between items. */
export type Cell = string | readonly string[];

const GAP = 2;
/** Free text narrower than this says nothing ("F…"): the column is left out instead. */
const NARROWEST = 5;
/** A name is not cut shorter than this: "Kaster Musa…" still tells Kaster Musakhanuly from Kasim Mahpir. */
const NAME_START = 12;

const textOf = (cell: Cell | undefined): string => (typeof cell === 'string' ? cell : (cell ?? []).join(', '));

/** A name's id at its end, as namesakeLabels writes it. */
const ID_END = / \[[a-z]+-[0-9a-z]+\]$/;

/** The id a cell of the column ends in, kept whole when the cell is cut ('' if none). */
const idEnd = (column: Column, cell: Cell | undefined): string =>
  (column.keepsId && typeof cell === 'string' ? ID_END.exec(cell)?.[0] ?? '' : '');

/** A cell cut to a width: a list between items, a name before its id, other text at its end. */
function fitCell(column: Column, cell: Cell, width: number): string {
  if (typeof cell !== 'string') return fitList(cell, width);
  const end = idEnd(column, cell);
  if (end === '' || displayWidth(cell) <= width) return fit(cell, width);
  return fit(cell.slice(0, -end.length), width - end.length) + end;
}

interface Stage {
  gives: (c: Column) => boolean;
  floor: (i: number) => number;
  /** Cut the last such column first, all the way (the publisher before a source's title), rather than the widest now. */
  lastFirst?: boolean;
}

/**
 * The widest of a column's cells (at least `least`). Not Math.max(...widths): a list of more than
 * some 120,000 rows (people, cases) passed as many arguments, and stopped on a stack overflow.
 */
function widest(widths: readonly number[], least = 0): number {
  let most = least;
  for (const w of widths) if (w > most) most = w;
  return most;
}

/**
 * Column widths that fit, taken in stages until the table fits: a column down to its cap, free text
 * down to its minimum, names down to theirs, lists (references, risks) down to one whole item and a
 * count, free text down to NARROWEST, headers wider than their cells, names down to NAME_START; then
 * free text is left out (width 0), the last column first. Undefined when the rest is still too wide.
 */
export function columnWidths(columns: Column[], rows: Cell[][], width: number): number[] | undefined {
  const cells = columns.map((_, i) => widest(rows.map((r) => displayWidth(textOf(r[i])))));
  const whole = columns.map((c, i) => Math.max(displayWidth(c.header), cells[i]!));
  const listed = columns.map((_, i) => widest(rows.map((r) => {
    const cell = r[i];
    return typeof cell === 'string' || cell === undefined ? displayWidth(textOf(cell)) : listFloor(cell);
  })));
  const isList = columns.map((_, i) => rows.some((r) => Array.isArray(r[i])));
  // A name's floors and cap leave room for its id besides.
  const ids = columns.map((c, i) => widest(rows.map((r) => idEnd(c, r[i]).length)));
  const own = (i: number) => (columns[i]!.min ?? Math.max(4, displayWidth(columns[i]!.header))) + ids[i]!;
  const text = (c: Column) => c.kind === 'free-text';
  const name = (c: Column) => c.kind === 'name';
  const kept = (c: Column) => c.kind === undefined;
  const stages: Stage[] = [
    { gives: (c) => c.cap !== undefined, floor: (i) => columns[i]!.cap! + ids[i]! },
    { gives: text, floor: own },
    { gives: name, floor: own },
    { gives: kept, floor: (i) => Math.max(listed[i]!, displayWidth(columns[i]!.header)) },
    { gives: text, floor: () => NARROWEST, lastFirst: true },
    { gives: () => true, floor: (i) => Math.max(isList[i] ? listed[i]! : cells[i]!, NARROWEST) },
    { gives: name, floor: (i) => Math.min(NAME_START + ids[i]!, cells[i]!) },
  ];
  const widths = [...whole];
  const shown = (i: number) => widths[i]! > 0;
  const total = () => widths.reduce((sum, w) => sum + (w > 0 ? w + GAP : 0), 0) - GAP;
  for (const { gives, floor, lastFirst } of stages) {
    while (total() > width) {
      let column = -1;
      widths.forEach((w, i) => {
        if (gives(columns[i]!) && w > floor(i) && (column < 0 || lastFirst || widths[i]! > widths[column]!)) column = i;
      });
      if (column < 0) break;
      widths[column]!--;
      // A list is drawn in whole items: its column narrows at once to what its cells now take.
      if (isList[column]) widths[column] = drawnWidth(columns[column]!, rows, column, widths[column]!);
    }
  }
  for (let i = columns.length - 1; i >= 0 && total() > width; i--) if (text(columns[i]!)) widths[i] = 0;
  if (total() > width) return undefined;
  // Room a list or a column left out left over goes back to what gave way, the columns never cut first.
  for (const gets of [kept, name, text]) {
    columns.forEach((col, i) => {
      while (gets(col) && shown(i) && !isList[i] && widths[i]! < whole[i]! && total() < width) widths[i]!++;
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
  return widest(drawn, Math.min(width, displayWidth(column.header)));
}

export function renderTable(columns: Column[], cells: Cell[][], width: number, c: Style): string {
  return [...tablePieces(columns, cells, width, c)].join('\n');
}

/**
 * renderTable's text a piece at a time (its header, each row, or each block), for a long list
 * written out as it is laid out: joined by line breaks, they are renderTable's.
 */
export function* tablePieces(columns: Column[], cells: Cell[][], width: number, c: Style): Generator<string> {
  // A row is one line: a title holding a line break would begin a row of its own; a tab, which a
  // terminal draws up to its next stop, as a space (counted as one column, it shifted the row).
  const flat = (text: string) => oneLine(text).replace(/\t/g, ' ');
  const rows = cells.map((r) => r.map((cell) => (typeof cell === 'string' ? flat(cell) : cell.map(flat))));
  const widths = columnWidths(columns, rows, width);
  if (!widths) {
    yield* blockPieces(columns.map((col) => col.header), rows, c);
    return;
  }
  const last = widths.reduce((at, w, i) => (w > 0 ? i : at), -1);
  const line = (texts: Cell[], paint: (s: string, i: number) => string) =>
    texts.flatMap((cell, i) => {
      if (widths[i] === 0) return [];
      const text = fitCell(columns[i]!, cell, widths[i]!);
      const padded = i === last ? text : text + ' '.repeat(widths[i]! - displayWidth(text));
      return [paint(padded, i)];
    }).join(' '.repeat(GAP)).trimEnd();
  yield line(columns.map((col) => col.header), (s) => c.bold(s));
  for (const r of rows) yield line(r, (s) => s);
}

/** A date in a table cell: "11 Feb 1999", "Feb 1999", "1998", "c. 1998". */
export function shortDate(d: PartialDate): string {
  const parts = [d.day, d.month ? monthName(d.month).slice(0, 3) : undefined, d.year].filter((x) => x !== undefined);
  return `${d.approximate ? 'c. ' : ''}${parts.join(' ')}`;
}
