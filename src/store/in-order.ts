// A whole table in an order no index gives (events by date, people by name), read a range at a time.
// Asked for in one query, SQLite sorts every row before the first comes out, in memory (temp_store
// is MEMORY, so that nothing unencrypted reaches a temporary file), each row with the links an
// export adds to it as JSON: the CSV export of a million events took 750 MB. Here the order is cut
// into ranges at the sort keys of rows sampled evenly through the table, each about 16 MB of rows,
// and each range is one query sorting only its own rows: memory stays flat whatever the size, at
// one scan of the table a range (so the time grows faster than the table: a million events are two
// dozen scans, a few seconds of the export's), and the rows come out in exactly the order one query
// gives. Tried and slower: sorting only the keys and reading each row by its rowid in that order
// (it jumps about the whole file), and working out a row's links after its range is sorted (the
// links are read out of the order they are stored in).
import type { DB } from './open';
import type { Row } from './rows';

/**
 * The bytes of rows a range's sort holds, about (SQLite's sorter takes half as much again): bounded
 * by bytes, not rows, as a row may hold a page of text. Twice as much means half the scans, for
 * about 13 MB more at the peak (a CSV export of a million events: 102, 115, 141 MB for 8, 16, 32).
 */
const BUDGET = 16 * 2 ** 20;
/** Rows sampled for each range: the more, the closer each range comes to its budget. */
const SAMPLES = 32;
/** Rows sampled to measure how wide a row is. */
const WIDTH_SAMPLES = 64;

export interface Ordered {
  /** The table and the name the query gives it ("events", "e"). */
  table: string;
  as: string;
  /** Columns of the table that are never NULL, the last one unique (the id): what a range's bounds are made of. */
  keys: readonly string[];
  /** The query without WHERE and ORDER BY (SELECT e.*, ... FROM events e LEFT JOIN ...). */
  select: string;
}

/**
 * The rows of `query.select` in the order of its keys. A row is read as the consumer asks for it:
 * nothing else may run on the connection meanwhile.
 */
export function* rowsInOrder(db: DB, query: Ordered, budget = BUDGET): Generator<Row> {
  const keys = query.keys.map((k) => `${query.as}.${k}`).join(', ');
  const marks = query.keys.map(() => '?').join(', ');
  const bounds = boundsOf(db, query, budget);
  const from = (where: string) => db.prepare(`${query.select}${where ? ` WHERE ${where}` : ''} ORDER BY ${keys}`);
  if (bounds.length === 0) {
    yield* from('').iterate() as Iterable<Row>;
    return;
  }
  const first = from(`(${keys}) <= (${marks})`);
  const middle = from(`(${keys}) > (${marks}) AND (${keys}) <= (${marks})`);
  const last = from(`(${keys}) > (${marks})`);
  yield* first.iterate(...bounds[0]!) as Iterable<Row>;
  for (let i = 1; i < bounds.length; i++) yield* middle.iterate(...bounds[i - 1]!, ...bounds[i]!) as Iterable<Row>;
  yield* last.iterate(...bounds[bounds.length - 1]!) as Iterable<Row>;
}

/**
 * Where the ranges end: the keys of sampled rows, as SQLite orders them (so that the ranges follow
 * one another exactly), every so many. None for a table that one range holds.
 */
function boundsOf(db: DB, query: Ordered, budget: number): unknown[][] {
  const { table, as, keys, select } = query;
  // The largest rowid counts the rows closely enough (rows are added at the end): no scan to count.
  const end = (db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
  const next = db.prepare(`SELECT rowid FROM ${table} WHERE rowid >= ? ORDER BY rowid LIMIT 1`).pluck();
  /** Rowids of rows spread evenly through the table. */
  const spread = (count: number) => {
    const rowids = new Set<number>();
    for (let i = 0; i < count; i++) {
      const rowid = next.get(1 + Math.floor((i * end) / count)) as number | undefined;
      if (rowid !== undefined) rowids.add(rowid);
    }
    return JSON.stringify([...rowids]);
  };
  const among = `${as}.rowid IN (SELECT value FROM json_each(?))`;
  const widths = db.prepare(`${select} WHERE ${among}`).raw().all(spread(WIDTH_SAMPLES)) as unknown[][];
  // Never more ranges than rows: a row wider than the budget is a range of its own.
  const ranges = Math.min(end, Math.ceil((end * widthOf(widths)) / budget));
  if (ranges <= 1) return [];
  const list = keys.map((k) => `${as}.${k}`).join(', ');
  const sorted = db.prepare(`SELECT ${list} FROM ${table} ${as} WHERE ${among} ORDER BY ${list}`).raw().all(spread(ranges * SAMPLES)) as unknown[][];
  const bounds: unknown[][] = [];
  for (let i = 1; i < ranges; i++) {
    const at = Math.floor((i * sorted.length) / ranges);
    if (at > 0 && bounds.at(-1) !== sorted[at - 1]) bounds.push(sorted[at - 1]!);
  }
  return bounds;
}

/** The bytes a row takes on average, about: its text and eight for anything else. */
function widthOf(rows: unknown[][]): number {
  let bytes = 0;
  for (const row of rows) for (const value of row) bytes += typeof value === 'string' ? value.length : 8;
  return rows.length === 0 ? 0 : bytes / rows.length;
}
