// Long scans in steps. A query that calls JavaScript for every row (an erase looking for a name in
// every record and every change-log entry) runs for tens of seconds on a large database, in one
// synchronous call where no signal is heard. Read row by row instead, it pauses every tenth of a
// second: the caller may stop between (commands/cancel.ts), or run it through without pausing.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Row } from './rows';

/** Runs work in steps to its end, without pausing. */
export function allSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs work in steps, awaiting `point` between them, where it may throw to stop the work (Ctrl-C,
 * see commands/cancel.ts): the steps are then ended, letting go of a statement they were reading.
 */
export async function stepsStopping<T>(steps: Generator<void, T>, point: () => Promise<void>): Promise<T> {
  try {
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      await point();
    }
  } finally {
    steps.return(undefined as T);
  }
}

/**
 * How long a step reads rows: a signal is heard within about this. By time, not by rows: a row may
 * take a microsecond (an event's summary) or milliseconds (a document's whole text).
 */
const STEP_MS = 100;

/** When the step being read began: what the SQL of `pausing` measures from. */
let stepFrom = Date.now();

/**
 * A condition for a scan's WHERE, true once a step has run for STEP_MS (registered on the
 * connection): a scan that keeps few rows filters in SQL (`WHERE kept OR ${pausing(db)}`), so that
 * only those reach JavaScript, and rowsInSteps still gets a row to pause at as often (its `keep`
 * leaves it out). Every row read into JavaScript only to be dropped cost about a microsecond,
 * seconds on a database of a million events.
 */
export function pausing(db: Database.Database): string {
  db.function('caselog_pause', () => (Date.now() - stepFrom >= STEP_MS ? 1 : 0));
  return 'caselog_pause()';
}

/**
 * The rows of a statement that `keep` keeps, pausing every STEP_MS (a filter in SQL alone would read
 * every row within one step when none is kept: it is given `pausing`'s condition too). One statement
 * read to its end, so one consistent view even outside a transaction; the connection runs nothing
 * else meanwhile (the caller only awaits between steps). Stopped between steps, the statement is
 * let go (a generator's return ends the loop that reads it).
 */
export function* rowsInSteps(statement: Database.Statement, params: unknown[], keep: (row: Row) => boolean = () => true): Generator<void, Row[]> {
  const rows: Row[] = [];
  let since = (stepFrom = Date.now());
  for (const row of statement.iterate(...params) as Iterable<Row>) {
    if (keep(row)) rows.push(row);
    if (Date.now() - since >= STEP_MS) {
      yield;
      since = stepFrom = Date.now();
    }
  }
  return rows;
}

/** Each item through `work`, pausing every STEP_MS: JavaScript work over every name of a large database. */
export function* inSteps<T, R>(items: T[], work: (item: T) => R): Generator<void, R[]> {
  const done: R[] = [];
  let since = Date.now();
  for (const item of items) {
    done.push(work(item));
    if (Date.now() - since >= STEP_MS) {
      yield;
      since = Date.now();
    }
  }
  return done;
}
