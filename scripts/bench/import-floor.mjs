// What an import could reach at best with caselog's storage layout, measured on this machine:
//
//   node scripts/bench/import-floor.mjs [--db .bench/data/100k/caselog.db] [--rows 100000] [--runs 5]
//
// 1. Rows a stored event takes: every row in the benchmark database (records, links, names and their
//    keys, search text and its full-text entries, the change log) over its number of events.
// 2. The cost of one row, in the same run, two ways: into a bare table of thirteen columns with a text
//    key and nothing else (ids in order, as an export gives them), and into caselog's own events table
//    (its checks and foreign key; its secondary index and search trigger set aside, as a bulk import
//    does). Both in one transaction, median of the runs.
// The ceiling printed is one million over (rows per event × the bare row's microseconds): an import
// that did nothing but insert bare rows could not go faster.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const Database = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers');
const { values } = parseArgs({ options: { db: { type: 'string', default: join(ROOT, '.bench/data/100k/caselog.db') }, rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' } } });
const ROWS = Number(values.rows);
// The layout first: a missing database is said at once, not after minutes of timing.
if (!existsSync(values.db)) {
  console.error(`no benchmark database at ${values.db}: build it with npm run bench -- --size 100k, or give --db`);
  process.exit(1);
}
const layout = rowsPerEvent(values.db);
const dir = mkdtempSync(join(tmpdir(), 'caselog-floor-'));

function rowsPerEvent(file) {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all();
  const count = (t) => db.prepare(`SELECT count(*) AS n FROM "${t}"`).get().n;
  const rows = tables.reduce((sum, { name }) => sum + count(name), 0);
  const events = count('events');
  db.close();
  return { rows, events, perEvent: rows / events };
}

// An empty caselog database, with one case for the events' foreign key.
const template = join(dir, 'template.db');
const made = spawnSync(process.execPath, [join(ROOT, 'bin/caselog'), '--db', template, 'add', 'case', '--ref', 'UA 1/99', '--title', 'floor'], { encoding: 'utf8' });
if (made.status !== 0) throw new Error(made.stderr);
const caseId = (() => {
  const db = new Database(template);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const id = db.prepare('SELECT id FROM cases').get().id;
  db.close();
  return id;
})();

const ids = Array.from({ length: ROWS }, (_, i) => `e-${(36 ** 7 + i * 7919).toString(36)}`).sort();
const COLUMNS = 'id case_id type status summary place actor date date_approx date_text whole_case created_at updated_at'.split(' ');
const valuesOf = (i) => [ids[i], caseId, 'arrest', null, `Detained at the district police station and held incommunicado, report ${i}`,
  'Zhosaly', 'police', '1998-10-14', 0, '14 October 1998', 0, '2026-11-23T05:00:00.000Z', '2026-11-23T05:00:00.000Z'];

function timeInserts(kind) {
  const file = join(dir, `${kind}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  if (kind === 'events') copyFileSync(template, file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -8192');
  if (kind === 'bare') db.exec(`CREATE TABLE bare (id TEXT PRIMARY KEY, ${COLUMNS.slice(1).join(', ')})`);
  else db.exec('DROP INDEX events_case_date; DROP TRIGGER search_events_insert');
  const insert = db.prepare(`INSERT INTO ${kind} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  const start = process.hrtime.bigint();
  db.transaction(() => { for (let i = 0; i < ROWS; i++) insert.run(...valuesOf(i)); })();
  const us = Number(process.hrtime.bigint() - start) / 1000 / ROWS;
  db.close();
  return us;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = { bare: [], events: [] };
for (let run = 0; run < Number(values.runs); run++) for (const kind of ['bare', 'events']) times[kind].push(timeInserts(kind));
rmSync(dir, { recursive: true, force: true });

const bare = median(times.bare);
const events = median(times.events);
console.log(`${values.db}: ${layout.rows.toLocaleString('en')} rows for ${layout.events.toLocaleString('en')} events = ${layout.perEvent.toFixed(1)} rows an event`);
console.log(`one row, median of ${values.runs} runs of ${ROWS.toLocaleString('en')}: bare table ${bare.toFixed(2)} µs (${times.bare.map((t) => t.toFixed(2)).join(', ')}), caselog's events table ${events.toFixed(2)} µs (${times.events.map((t) => t.toFixed(2)).join(', ')})`);
console.log(`ceiling with this layout: ${Math.round(1e6 / (layout.perEvent * bare)).toLocaleString('en')} events/s (every row a bare one, nothing else done)`);
