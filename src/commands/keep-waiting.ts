// A write that comes after questions (the guided add, edit's prompts) and finds the database still
// busy after the usual wait: a colleague's import can hold it for minutes, and "try again" lost all
// that had been typed. On a terminal the caseworker is asked whether to wait on, and the same write
// is tried again; stopped there (No, Ctrl-C), or with no terminal to ask on, the refusal gives the
// command that does the same with every answer in it, so that nothing must be typed again.
import type { Context } from '../context';
import { BusyError, CancelledError, InterruptedError, UserError } from '../errors';
import { cancellable, type Point } from './cancel';

const STILL_BUSY = 'The database is still busy in another caselog (an import, an erase or a restore can take a while): keep waiting?';

/**
 * Runs `write`; `command` is the command line doing the same, read only when it is needed. Ctrl-C (or
 * kill) while the write waits for the lock is heard at `point`, which a write that waits in slices
 * awaits between them (add-together.ts), or once a wait that blocks has ended: it stops as No does,
 * with the command. Heard once the write was done, it is said to have been done.
 */
export async function writeOrWait<T>(ctx: Context, write: (point: Point) => Promise<T>, command: () => Promise<string>): Promise<T> {
  for (;;) {
    try {
      return await cancellable(ctx, { undone: 'nothing was changed', late: 'the change was already written when the cancel came' }, async (point) => {
        try {
          return await write(point);
        } catch (error) {
          // A signal heard while it waited: the stop, not the "busy" that ended the wait.
          if (error instanceof BusyError) await point();
          throw error;
        }
      });
    } catch (error) {
      if (error instanceof InterruptedError) {
        throw new InterruptedError(`cancelled; nothing was changed; once the database is free, this does the same: ${await command()}`, error.exitCode);
      }
      if (!(error instanceof BusyError)) throw error;
      if (await keepWaiting(ctx)) continue;
      throw new UserError(`the database stayed busy in another caselog: nothing was changed; once it is free, this does the same: ${await command()}`);
    }
  }
}

async function keepWaiting(ctx: Context): Promise<boolean> {
  if (!ctx.interactive) return false;
  try {
    return await (await ctx.prompter()).confirm(STILL_BUSY, true);
  } catch (error) {
    // Ctrl-C or Esc at this question stops waiting, as No does: the command is said all the same.
    if (error instanceof CancelledError) return false;
    throw error;
  }
}
