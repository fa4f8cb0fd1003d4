// The stages of an erase that Ctrl-C, kill or a closed terminal can stop (commands/cancel.ts), and
// what is said of each: looking for their names and erasing them can be stopped with nothing erased;
// the file's rewrite, once the erase is saved, cannot.
import type { Context } from '../context';
import { say } from '../context';
import type { Stopping } from '../store/erase-run';
import { cancellable, type Point } from './cancel';
import { count } from '../render/style';

const LOOKING = 'Looking through the records for their names; on a large database this takes a while. Ctrl-C stops it safely: nothing is erased';
const NOTHING_ERASED = 'nothing was erased';
const REWRITING = 'Erased; now rewriting the file so that nothing of them stays in it (too late to cancel).';

/**
 * The search for their names before anything is erased (before the question, unless --force),
 * heard between its steps; on a terminal, said first.
 */
export async function looking<T>(ctx: Context, forced: boolean, look: (point: Point) => Promise<T>): Promise<T> {
  return cancellable(ctx, { undone: NOTHING_ERASED }, (point) => {
    // Said once it listens: the line promises that Ctrl-C is heard.
    if (ctx.interactive) say(ctx, `${LOOKING} ${forced ? 'yet' : 'before you confirm'}.`);
    return look(point);
  });
}

/**
 * The erase itself, which Ctrl-C or kill stops with nothing erased up to its commit; after it, the
 * file's rewrite runs to its end (seconds: leaving it would leave pieces of them in free pages until
 * the next command), and the cancel is answered as too late. On a terminal each stage is said.
 */
export async function stoppable<T>(ctx: Context, erase: (stopping: Stopping) => Promise<T>): Promise<T> {
  const stage = (line: string) => {
    if (ctx.interactive) say(ctx, line);
  };
  return cancellable(ctx, { undone: NOTHING_ERASED, late: 'the cancel came too late to stop it: the erase was saved, and cannot be undone' }, (point) => {
    stage('Erasing them from the records and the change log; Ctrl-C still stops it with nothing erased.');
    return erase({ point, rewriting: () => stage(REWRITING) });
  });
}

/** The unfinished copies a cut-off upgrade, restore or new database left beside it (doctor names them too). */
export function sayUnfinished(ctx: Context, unfinished: string[], what: string): void {
  if (unfinished.length === 0) return;
  say(ctx, `Warning: unfinished copies left by a cut-off upgrade, restore or new database may still hold ${what}: ${unfinished.join(', ')}; delete them (caselog doctor says how)`);
}

/**
 * Where a word of a name is left as written: in lower case, or where a capital tells nothing (a
 * sentence in capitals, a web address's slug), since a name is often an ordinary word too (an erase
 * of "Said Bek" that replaced every "said" destroyed other people's records), beginning a longer word
 * (a declined form), or in another script's spelling ("Кастер").
 */
export const NOT_REPLACED = 'in lower case or where a capital tells nothing (a sentence in capitals, a web address\'s slug; maybe an ordinary word: "said" for Said; caselog erase --word WORD --any-case replaces one that is not), beginning a longer word, or spelt in another script';

/** Change-log entries (the history of edited or deleted records) still holding a word in lower case, or in capitals where a capital tells nothing. */
export const LOG_LEFT = (n: number, what: string): string =>
  `${count(n, 'change-log entry', 'change-log entries')} still ${n === 1 ? 'holds' : 'hold'} ${what} in lower case or in a sentence in capitals (the change log keeps what records said): `
  + 'caselog erase --word WORD --any-case replaces a word that is no ordinary word everywhere, there too';
