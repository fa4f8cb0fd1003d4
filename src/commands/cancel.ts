// Ctrl-C, kill or a closed terminal during a command that writes a file beside its target (backup,
// export --out, restore, encrypt, rekey), a long import or an erase. Killed outright, such a command left its
// unfinished copy (hundreds of MB, perhaps holding people erased since) and said nothing, though an
// encrypt cut just after its rename had in fact finished. Here the signal is heard instead, at the
// points the work awaits: JavaScript cannot run while SQLite copies or checks a file, so a signal
// waits for the step under way (seconds on a large file), then the work throws at its next point
// and its own clean-up (the same that a full disk goes through) removes what it had begun, before
// anything was put in place. One line says what became of it. Other commands keep the default: a
// signal ends them at once, and SQLite leaves the database whole.
import type { Context } from '../context';
import { say } from '../context';
import { InterruptedError } from '../errors';

/** A place where the work may stop: a signal heard by then is thrown as InterruptedError. */
export type Point = () => Promise<void>;

/** A run ended by a signal exits as a shell reports one: 128 + the signal's number. */
const EXIT_CODES: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** Lets the event loop turn twice, so that it reads a signal that came meanwhile (its poll phase comes between). */
async function turn(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Runs work that can be stopped at its points. `undone`: what a stop leaves ("no backup was
 * written"), said as "cancelled; ...". `late`: what is said when the signal came after the last
 * point, once the work was done (it was, and the command reports it as usual). Work without `late`
 * changes nothing (a search before a question): a signal after its last point stops it all the same.
 */
export async function cancellable<T>(ctx: Context, said: { undone: string; late?: string }, work: (point: Point) => Promise<T>): Promise<T> {
  if (!ctx.signals) return work(async () => {});
  let heard: string | undefined;
  const stopped = (signal: string) => new InterruptedError(`cancelled; ${said.undone}`, EXIT_CODES[signal] ?? 130);
  const stop = ctx.signals((signal) => {
    heard ??= signal;
  });
  try {
    const result = await work(async () => {
      await turn();
      if (heard) throw stopped(heard);
    });
    await turn();
    if (said.late === undefined) {
      if (heard) throw stopped(heard);
    } else if (heard) {
      say(ctx, `caselog: ${said.late}`);
    } else {
      hearLate(ctx, said.late);
    }
    return result;
  } finally {
    stop();
  }
}

/**
 * Once the work is done, a signal while the command reports it and closes would end the process
 * with a shell's "interrupted" though everything was done: the first is answered with `late`
 * instead (the command ends as usual), a second ends it at once.
 */
function hearLate(ctx: Context, late: string): void {
  const stop = ctx.signals!(() => {
    stop();
    say(ctx, `caselog: ${late}`);
  });
}
