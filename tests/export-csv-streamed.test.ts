// The CSV export reads each table a range of its order at a time (src/store/in-order.ts) and writes
// its records some hundreds at a call of csv-stringify: a million events took 750 MB as one sort. Its
// bytes must be what they were. Checked against readings that share nothing with it: the file read
// back with csv-parse and written again with csv-stringify as the export wrote it before (the same
// bytes), and its rows against the JSON export (the same records, in the order of their keys as
// SQLite compares text: UTF-8 bytes). On the demo data, and on a database with awkward text, many
// events on one date and more events than one range holds.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, caselog, DEMO, tempDb } from './helpers/cli';

const TODAY = '2026-11-24';
const c = (db: string, args: string[]) => caselog(args, { db, today: TODAY });

/** How the export wrote a record before: csv-stringify with these options. */
const before = (rows: string[][]) => stringify(rows, { record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/ });
/** A cell as stored: the apostrophe that keeps a spreadsheet from running it as a formula taken off. */
const stored = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
/** Text as SQLite orders it (BINARY: UTF-8 bytes), not as JavaScript does (UTF-16 units). */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const inOrder = (keys: string[][]) => keys.every((k, i) => i === 0 || byBytes(keys[i - 1]!.join('\u0000'), k.join('\u0000')) < 0);

interface Dated { date: string; precision: string; approximate: boolean; dateText: string }
interface Exported {
  people: Array<{ id: string; name: string }>;
  events: Array<{ id: string; date: Dated; summary: string; type: string }>;
  deadlines: Array<{ id: string; date: Dated; note: string }>;
}

/** Each table as the export wrote it, read back: its text, header and rows by column name. */
async function exportedCsv(db: string) {
  const out = join(mkdtempSync(join(tmpdir(), 'caselog-streamed-')), 'sheets');
  const r = await c(db, ['export', '--format', 'csv', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const tables: Record<string, { text: string; rows: Array<Record<string, string>> }> = {};
  for (const table of ['people', 'events', 'deadlines']) {
    const text = readFileSync(join(out, `${table}.csv`), 'utf8');
    const [head, ...rows] = parse(text, { bom: true }) as string[][];
    // Byte for byte what csv-stringify wrote of the same cells, the byte-order mark before them.
    expect(text === `\uFEFF${before([head!, ...rows])}`, `${table}.csv is written as before`).toBe(true);
    // On stdout, the same without the mark.
    expect((await c(db, ['export', '--format', 'csv', '--table', table])).stdout === text.slice(1), `--table ${table}`).toBe(true);
    tables[table] = { text, rows: rows.map((row) => Object.fromEntries(head!.map((name, i) => [name, row[i]!]))) };
  }
  return tables;
}

/** The CSV tables hold the JSON export's records, each in the order of its keys. */
async function expectSameRecords(db: string) {
  const json = JSON.parse((await c(db, ['export', '--format', 'json'])).stdout) as Exported;
  const { people, events, deadlines } = await exportedCsv(db);
  const dateCells = (d: Dated) => [d.date, d.precision, String(d.approximate), d.dateText];

  const peopleById = new Map(json.people.map((p) => [p.id, p]));
  expect(people!.rows.map((r) => r.id).sort()).toEqual([...peopleById.keys()].sort());
  for (const row of people!.rows) expect(stored(row.name!)).toBe(peopleById.get(row.id!)!.name);
  expect(inOrder(people!.rows.map((r) => [stored(r.name!), r.id!]))).toBe(true);

  const eventsById = new Map(json.events.map((e) => [e.id, e]));
  expect(events!.rows.map((r) => r.id).sort()).toEqual([...eventsById.keys()].sort());
  for (const row of events!.rows) {
    const e = eventsById.get(row.id!)!;
    expect([stored(row.summary!), row.type, ...['date', 'date_precision', 'date_approximate', 'date_text'].map((k) => stored(row[k]!))])
      .toEqual([e.summary, e.type, ...dateCells(e.date)]);
  }
  expect(inOrder(events!.rows.map((r) => [r.date!, r.id!]))).toBe(true);

  const deadlinesById = new Map(json.deadlines.map((d) => [d.id, d]));
  expect(deadlines!.rows.map((r) => r.id).sort()).toEqual([...deadlinesById.keys()].sort());
  for (const row of deadlines!.rows) {
    const d = deadlinesById.get(row.id!)!;
    // Due on the first day the date can mean: 2020-03 is due on 2020-03-01.
    const due = `${d.date.date}${['', '', '', '', '-01-01', '', '', '-01'][d.date.date.length] ?? ''}`;
    expect([row.due, stored(row.note!), ...['date', 'date_precision', 'date_approximate', 'date_text'].map((k) => stored(row[k]!))])
      .toEqual([due, d.note, ...dateCells(d.date)]);
  }
  expect(inOrder(deadlines!.rows.map((r) => [r.due!, r.id!]))).toBe(true);
  return { json, events: events!.text };
}

const AWKWARD = [
  'Zoë, "the elder"', ' leading space', 'trailing space ', '\tTabbed', '=SUM(A1:A9)', '-5 days', '+44 20', '@handle',
  "'=already quoted", '"quoted" at the start', 'two\nlines', 'carriage\rreturn', 'crlf\r\nline', 'semi; colon', 'comma, comma',
  'Ержан Қуанышбекұлы', 'محمد عبد الله', 'יוסף כהן', '王小明·李', 'Ｚ fullwidth', '𠜎 beyond the basic plane', '🙂 emoji', 'e\u0301 combining',
  '\u00a0no-break space\u00a0', '',
];

/** Events put straight into the file (a colleague's file, a crafted backup: what caselog would refuse at its ways in). */
function awkwardEvents(db: string, count: number, width: number): void {
  const file = new Database(db);
  const dates = [['1998', 0, '~1998'], ['1998-05', 0, 'May 1998'], ['1998-05-02', 0, '2 May 1998'], ['1998-05-02', 1, 'c. 2 May 1998'],
    ['2001', 1, null], ['2020-02-29', 0, '29 February 2020'], ['1890-12', 0, 'December 1890']] as const;
  const insert = file.prepare(`INSERT INTO events (id, type, summary, date, date_approx, date_text, created_at, updated_at)
    VALUES (?, 'report', ?, ?, ?, ?, '2026-11-24T10:00:00.000Z', '2026-11-24T10:00:00.000Z')`);
  const people = file.prepare('SELECT id FROM people ORDER BY id LIMIT 3').pluck().all() as string[];
  const link = file.prepare('INSERT INTO event_people (event_id, person_id) VALUES (?, ?)');
  file.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Ids in an order of their own, not the order the rows are stored in.
      const id = `e-w${String((i * 7919) % 100_003).padStart(6, '0')}`;
      const text = AWKWARD[i % AWKWARD.length]!;
      const summary = `${text}${width > 0 ? ` ${`${i}, "${text}"; `.repeat(Math.ceil(width / (text.length + 12))).slice(0, width)}` : ''}`;
      const [date, approx, dateText] = dates[i % dates.length]!;
      insert.run(id, summary, date, approx, dateText);
      if (i % 3 === 0) link.run(id, people[i % people.length]);
    }
  })();
  file.close();
}

describe('export --format csv, read a range at a time and written as it goes', () => {
  it('writes the demo data as csv-stringify wrote it, with the JSON export\'s records in order', async () => {
    const db = tempDb();
    expect((await c(db, ['import', DEMO])).code).toBe(0);
    await expectSameRecords(db);
  });

  it('writes awkward text, names in many scripts, partial dates and namesakes as it wrote them', async () => {
    const db = tempDb();
    expect((await c(db, ['import', DEMO])).code).toBe(0);
    for (const name of ['Ержан Қуанышбекұлы', 'محمد عبد الله', 'יוסף כהן', '王小明', 'Zoë O\'Brien', 'Ｚhang Wei', '𠜎 Li', 'Ana Lopez', 'Ana Lopez']) {
      const r = await c(db, ['add', 'person', name, '--new']);
      expect(r.code, r.stderr).toBe(0);
    }
    for (const [date, summary] of [['1998', 'Seen in Ghulja, "alive"'], ['May 1998', 'Moved; no news'], ['~2001', '=HYPERLINK("x")'], ['c. 12 March 2003', ' spaced ']]) {
      const r = await c(db, ['add', 'event', 'Hemit Memet', '--date', date, '--type', 'report', '--summary', summary]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect((await c(db, ['add', 'deadline', 'Hemit Memet', '--date', 'March 2027', '--note', 'ask again, "politely"'])).code).toBe(0);
    awkwardEvents(db, 300, 0);
    const { json } = await expectSameRecords(db);
    expect(json.people.filter((p) => p.name === 'Ana Lopez')).toHaveLength(2);
  });

  it('keeps the order across ranges when the events are more than one range holds (about 36 MB)', async () => {
    const db = tempDb();
    expect((await c(db, ['import', DEMO])).code).toBe(0);
    awkwardEvents(db, 6000, 6000);
    const { json, events } = await expectSameRecords(db);
    expect(json.events.length).toBe(6014);
    expect(events.length).toBeGreaterThan(36_000_000);
  });
});

describe('a CSV export of several ranges while another caselog writes', () => {
  let db: string;
  beforeAll(async () => {
    db = tempDb();
    expect((await c(db, ['import', DEMO])).code).toBe(0);
    awkwardEvents(db, 6000, 6000);
  });

  it('is the database at one moment: an event added while its first range streams is not in its last', async () => {
    const whole = (await c(db, ['export', '--format', 'csv', '--table', 'events'])).stdout;
    const child = spawn(process.execPath, [BIN, '--db', db, '--today', TODAY, 'export', '--format', 'csv', '--table', 'events'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8');
    let text = '';
    // Held on a full pipe after its first rows, in its first range (the years before 1998).
    await new Promise<void>((resolve) => {
      const take = (chunk: string) => {
        text += chunk;
        child.stdout.off('data', take);
        child.stdout.pause();
        resolve();
      };
      child.stdout.on('data', take);
    });
    // Dated after every other: it would come in the last range.
    const added = await c(db, ['add', 'event', 'Hemit Memet', '--date', '2030', '--type', 'report', '--summary', 'Added meanwhile']);
    expect(added.code, added.stderr).toBe(0);
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk: string) => { text += chunk; });
      child.on('close', resolve);
      child.stdout.resume();
    });
    expect(code).toBe(0);
    expect(text === whole).toBe(true);
    expect((await c(db, ['export', '--format', 'csv', '--table', 'events'])).stdout).toContain('Added meanwhile');
  });
});
