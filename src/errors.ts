// Typed errors; cli.ts turns them into exit codes in one place.

/** A mistake the user can fix: exit 1, one plain line. */
export class UserError extends Error {
  readonly exitCode: number = 1;
}

/** Wrong command line: exit 2. */
export class UsageError extends UserError {
  override readonly exitCode = 2;
}

export class NotFoundError extends UserError {}

/** Another caselog held the database longer than a write waits for it: nothing was changed. */
export class BusyError extends UserError {}

/** A name that fits several people; carries them so a terminal can offer a choice. */
export class AmbiguousNameError extends UserError {
  constructor(message: string, readonly candidates: Array<{ id: string; name: string; detail: string }>) {
    super(message);
  }
}

/** The user pressed Ctrl-C or Esc at a prompt: exit 130. */
export class CancelledError extends UserError {
  override readonly exitCode = 130;
  constructor() {
    super('cancelled');
  }
}

/**
 * A command stopped by a signal (Ctrl-C, kill, a terminal closed) at a point where it could stop
 * cleanly: what it had begun is undone, the message says so, and the exit code is the shell's for
 * that signal (130 for Ctrl-C).
 */
export class InterruptedError extends UserError {
  constructor(message: string, override readonly exitCode: number) {
    super(message);
  }
}

/** A database SQLite finds damaged as it opens it (its schema unreadable): export can still save what it can read. */
export class DamagedDatabaseError extends UserError {}

/**
 * The table a statement found missing ("no such table: deadlines"): a database with a table dropped
 * from it, which SQLite otherwise finds whole. Undefined for any other error.
 */
export function missingTableOf(error: unknown): string | undefined {
  if ((error as { code?: string } | undefined)?.code !== 'SQLITE_ERROR') return undefined;
  return /^no such table: (?:\w+\.)?(\S+)$/.exec((error as Error).message)?.[1];
}

/** What a command that met a missing table says: damage, not a fault of caselog's. */
export function missingTableMessage(table: string): string {
  return `the database is damaged (missing table ${table}): run "caselog doctor"`;
}

/**
 * What a write would do now is not the plan the user was shown and agreed to: another caselog wrote
 * between the question and the write (the prompt holds no lock). Thrown inside the write, so nothing
 * changed; carries the plan as it is now, for a terminal to show and ask again.
 */
export class PlanChanged<P> extends UserError {
  constructor(message: string, readonly plan: P) {
    super(message);
  }
}
