// The benchmark databases, built once and cached under .bench/data/<size>/: the generated export
// file is kept while the generator is unchanged, and the database while the generator and the
// schema are unchanged. The database is always loaded through caselog's own `import`, and that
// load is what the import figures (events per second, peak memory) describe.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.mjs';
import { measurePeak } from './timing.mjs';

export const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const GENERATOR = ['generate.mjs', 'names.mjs', 'texts.mjs', 'random.mjs'].map((f) => `scripts/bench/${f}`);
const schemaFiles = (root) => ['src/store/schema.ts', ...readdirSync(join(root, 'src/store/migrations')).sort().map((f) => `src/store/migrations/${f}`)];

/** A hash of the files' code: comment lines are left out, so rewording one rebuilds nothing. */
function hashOf(root, files, extra) {
  const hash = createHash('sha256').update(String(extra));
  for (const file of files) {
    const code = readFileSync(join(root, file), 'utf8').split('\n').filter((line) => !line.trim().startsWith('//'));
    hash.update(file).update(code.join('\n'));
  }
  return hash.digest('hex').slice(0, 16);
}

function readMeta(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

/** What a cached file was built from: the generator (and size) for the export, plus the schema for the database. */
export function keysFor(root, events) {
  const exportKey = hashOf(root, GENERATOR, events);
  return { exportKey, dbKey: hashOf(root, schemaFiles(root), exportKey) };
}

export function prepareDataset(root, size, { fresh = false, log = () => {} } = {}) {
  const events = SIZES[size];
  const dir = join(root, '.bench', 'data', size);
  mkdirSync(dir, { recursive: true });
  const files = { export: join(dir, 'export.json'), db: join(dir, 'caselog.db'), meta: join(dir, 'meta.json') };
  const { exportKey, dbKey } = keysFor(root, events);
  let meta = readMeta(files.meta);

  if (fresh || meta.exportKey !== exportKey || !existsSync(files.export)) {
    log(`${size}: generating ${events.toLocaleString('en')} events into ${files.export}`);
    const start = performance.now();
    const generated = generate(files.export, events);
    meta = { exportKey, generated, generateSeconds: (performance.now() - start) / 1000, exportBytes: statSync(files.export).size };
  }
  if (fresh || meta.dbKey !== dbKey || !existsSync(files.db)) {
    log(`${size}: importing through caselog (node bin/caselog --db ${files.db} import ${files.export})`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(files.db + suffix, { force: true });
    const run = measurePeak([process.execPath, join(root, 'bin', 'caselog'), '--db', files.db, 'import', files.export], { cwd: root });
    if (run.status !== 0) throw new Error(`import failed (exit ${run.status}): ${run.stderr.trim()}`);
    const seconds = run.ms / 1000;
    meta = {
      ...meta, dbKey,
      import: {
        at: new Date().toISOString(), seconds: round(seconds), eventsPerSecond: Math.round(events / seconds),
        recordsPerSecond: Math.round(countRecords(meta.generated.counts) / seconds), maxRssMiB: mib(run.maxRssKiB), how: run.how,
        dbBytes: statSync(files.db).size,
      },
    };
  }
  writeFileSync(files.meta, `${JSON.stringify(meta, null, 2)}\n`);
  return { size, events, ...files, meta };
}

const countRecords = (c) => c.events + c.people + c.cases + c.deadlines + c.sources;
const round = (x) => Math.round(x * 100) / 100;
export const mib = (kib) => (kib === undefined ? undefined : Math.round(kib / 1024));

/**
 * `export --format json` (or csv) of the whole database to a scratch file (or folder): wall time
 * and peak memory, one run (the CSV export of 1m takes about half a minute).
 */
export function measureExport(root, data, format = 'json') {
  const out = join(root, '.bench', 'data', data.size, format === 'json' ? 'export-check.json' : 'export-check-csv');
  rmSync(out, { recursive: true, force: true });
  const run = measurePeak([process.execPath, join(root, 'bin', 'caselog'), '--db', data.db, 'export', '--format', format, '--out', out], { cwd: root });
  const bytes = !existsSync(out) ? 0 : format === 'json' ? statSync(out).size
    : readdirSync(out).reduce((sum, file) => sum + statSync(join(out, file)).size, 0);
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) return { failed: run.stderr.trim().split('\n')[0] };
  return { seconds: round(run.ms / 1000), maxRssMiB: mib(run.maxRssKiB), bytes, how: run.how };
}
