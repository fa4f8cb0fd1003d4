// Colour on a terminal only, and never with --no-color or NO_COLOR (chalk does not check it itself).
// chalk is loaded only for a run that may colour (`loadColour`, before the command runs): loading it
// looks at the terminal and the environment, ~1.5 ms that a piped or saved run would pay for nothing.
import type { ChalkInstance } from 'chalk';

type Paint = (text: string) => string;

/** The few styles caselog's output uses; without colour, each gives its text back unchanged. */
export interface Style {
  /** Whether this style colours at all (search puts matched words in brackets when it does not). */
  readonly color: boolean;
  bold: Paint & { yellow: Paint };
  dim: Paint;
  red: Paint & { bold: Paint };
  yellow: Paint;
  green: Paint;
  cyan: Paint;
}

const same: Paint = (text) => text;
const PLAIN: Style = {
  color: false, bold: Object.assign((text: string) => text, { yellow: same }), dim: same,
  red: Object.assign((text: string) => text, { bold: same }), yellow: same, green: same, cyan: same,
};

let coloured: Style | undefined;

/** Loads chalk for a run that will colour; style(true) needs it done. */
export async function loadColour(): Promise<void> {
  if (coloured) return;
  const { Chalk } = await import('chalk');
  const c: ChalkInstance = new Chalk({ level: 1 });
  coloured = { color: true, bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
}

export function style(color: boolean): Style {
  if (!color) return PLAIN;
  if (!coloured) throw new Error('style(true) before loadColour()');
  return coloured;
}

const IN_DANGER = ['disappeared', 'returned', 'detained', 'imprisoned'];

/** A status that means the person is in someone's hands, or gone, stands out in red. */
export function statusText(status: string, c: Style): string {
  return IN_DANGER.includes(status) ? c.red(status) : status;
}

/** Text about a date `days` away: bold red when overdue, yellow within a week. */
export function urgentText(text: string, days: number, c: Style): string {
  return days < 0 ? c.red.bold(text) : days <= 7 ? c.yellow(text) : text;
}

/** "1 event", "3 events", "2 change-log entries". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
