// Colour on a terminal only, and never with --no-color or NO_COLOR (chalk does not check it itself).
import { Chalk, type ChalkInstance } from 'chalk';

export function style(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

const IN_DANGER = ['disappeared', 'returned', 'detained', 'imprisoned'];

/** A status that means the person is in someone's hands, or gone, stands out in red. */
export function statusText(status: string, c: ChalkInstance): string {
  return IN_DANGER.includes(status) ? c.red(status) : status;
}

/** Text about a date `days` away: bold red when overdue, yellow within a week. */
export function urgentText(text: string, days: number, c: ChalkInstance): string {
  return days < 0 ? c.red.bold(text) : days <= 7 ? c.yellow(text) : text;
}

/** "1 event", "3 events", "2 change-log entries". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
