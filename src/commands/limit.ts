// --limit of the lists (due, list): the first N in the list's usual order, and a line saying how
// many more there are and how to see them.
import type { Context } from '../context';
import { say } from '../context';
import { count } from '../render/style';
import { wholeNumber } from './ask';

/** --limit N: a whole number; 0, as when it is not given, for the whole list. */
export function listLimit(text: string | undefined): number {
  return text === undefined ? 0 : wholeNumber(text, '--limit', Number.MAX_SAFE_INTEGER);
}

/**
 * How many --limit left out, on stderr so that stdout holds only the list (with --json too: a
 * script is told that its array was cut, and asks for all of it with --limit 0).
 * what: the item, one and many ("deadline", "deadlines"); command: the one typed, without --limit.
 */
export function sayLeftOut(ctx: Context, left: number, what: [one: string, many: string], command: string): void {
  if (left > 0) say(ctx, `${count(left, `more ${what[0]}`, `more ${what[1]}`)} not shown: ${command} --limit 0 shows them all`);
}
