// A table that fits the terminal (the caller says how wide it is): the widest columns give way
// first, and a cell too long for its column ends in "…".
import type { Style } from './style';
import { monthName } from '../domain/dates-calendar';
import type { PartialDate } from '../domain/types';
import { oneLine } from './lines';

/** flex: gives way before the other columns do (long lists such as risks, not names or dates). */
export interface Column { header: string; min?: number; flex?: boolean }

const GAP = 2;
/** No column gives way below this: four characters and "…" still say something. */
const NARROWEST = 5;

/**
 * Drawn over the letter before or not at all: combining marks of every script (Arabic vowel signs,
 * Thai and Devanagari vowels above and below, accents) and format characters (zero-width space,
 * joiners, direction marks), as a terminal's wcwidth counts them. Spacing marks (Devanagari's
 * vowel sign aa) take their column.
 */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** Terminal columns a character takes: wide East Asian characters two, combining marks none. */
function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x300) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)) return 2;
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** The text cut to a width, ending in "…" when something was left out. */
export function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/**
 * Column widths that fit: the widest flexible column gives way first, one column at a time, then the
 * others, each down to its own minimum. A terminal narrower than those minimums add up to takes
 * them on down to NARROWEST: first the flexible column with the most to say (a long list of risks
 * is cut further rather than a short list of case references cut at all), then the widest other.
 */
export function columnWidths(columns: Column[], rows: string[][], width: number): number[] {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const whole = [...widths];
  const stages = [
    { floor: columns.map((c, i) => Math.min(widths[i]!, c.min ?? Math.max(4, displayWidth(c.header)))), flexBy: widths },
    { floor: widths.map((w) => Math.min(w, NARROWEST)), flexBy: whole },
  ];
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (columns.length - 1);
  const widest = (flex: boolean, floor: number[], by: number[]) => {
    let found = -1;
    widths.forEach((w, i) => {
      if (Boolean(columns[i]!.flex) === flex && w > floor[i]! && (found < 0 || by[i]! > by[found]!)) found = i;
    });
    return found;
  };
  for (const { floor, flexBy } of stages) {
    while (total() > width) {
      const flexible = widest(true, floor, flexBy);
      const column = flexible >= 0 ? flexible : widest(false, floor, widths);
      if (column < 0) break;
      widths[column]!--;
    }
  }
  return widths;
}

export function renderTable(columns: Column[], cells: string[][], width: number, c: Style): string {
  // A row is one line: a title holding a line break would begin a row of its own.
  const rows = cells.map((r) => r.map((cell) => oneLine(cell)));
  const widths = columnWidths(columns, rows, width);
  const line = (cells: string[], paint: (s: string, i: number) => string) =>
    cells.map((cell, i) => {
      const text = fit(cell, widths[i]!);
      const padded = i === cells.length - 1 ? text : text + ' '.repeat(widths[i]! - displayWidth(text));
      return paint(padded, i);
    }).join(' '.repeat(GAP)).trimEnd();
  return [line(columns.map((col) => col.header), (s) => c.bold(s)), ...rows.map((r) => line(r, (s) => s))].join('\n');
}

/** A date in a table cell: "11 Feb 1999", "Feb 1999", "1998", "c. 1998". */
export function shortDate(d: PartialDate): string {
  const parts = [d.day, d.month ? monthName(d.month).slice(0, 3) : undefined, d.year].filter((x) => x !== undefined);
  return `${d.approximate ? 'c. ' : ''}${parts.join(' ')}`;
}
