// npm run bench [-- --size 10k|100k|1m[,...]] [--runs N] [--fresh] [--skip-export]
//
// Builds the CLI, builds (once, cached under .bench/data) a synthetic database per size through
// caselog's own import, then times whole-process runs of the everyday commands beside minimal
// baselines in the same session, and prints the medians and ratios (also written to
// .bench/results-<size>.json, and as Markdown to .bench/results.md). It reports; it never fails
// because a target was missed. --fresh regenerates and re-imports (the import figures are those of
// the run that built the database).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchPlan, judge, searchAvailable } from './bench/commands.mjs';
import { measureExport, prepareDataset, SIZES } from './bench/dataset.mjs';
import { growthTable, machine, markdownTable, textTable } from './bench/report.mjs';
import { timeJobs } from './bench/timing.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10k,100k,1m' },
    runs: { type: 'string', default: '11' },
    fresh: { type: 'boolean', default: false },
    'skip-export': { type: 'boolean', default: false },
  },
});
const sizes = values.size.split(',').map((s) => s.trim().toLowerCase());
const runs = Number(values.runs);
for (const size of sizes) if (!SIZES[size]) usage(`unknown size "${size}": use ${Object.keys(SIZES).join(', ')}`);
if (!Number.isInteger(runs) || runs < 1) usage('--runs takes a whole number of at least 1');

const log = (line) => process.stderr.write(`${line}\n`);
const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

mkdirSync(join(ROOT, '.bench'), { recursive: true });
const search = searchAvailable(ROOT);
const results = [];
for (const size of sizes) {
  const data = prepareDataset(ROOT, size, { fresh: values.fresh, log });
  const plan = benchPlan(ROOT, data, { search });
  log(`${size}: timing ${plan.jobs.length} jobs, ${runs} rounds`);
  const stats = timeJobs(plan.jobs, runs, log);
  const result = {
    size, date: new Date().toISOString(), machine: machine(), runs, search, counts: data.meta.generated.counts,
    commands: judge(plan.rows, stats), baselines: stats, import: data.meta.import,
    export: values['skip-export'] ? undefined : measureExport(ROOT, data),
    csvExport: values['skip-export'] ? undefined : measureExport(ROOT, data, 'csv'),
  };
  writeFileSync(join(ROOT, '.bench', `results-${size}.json`), `${JSON.stringify(result, null, 2)}\n`);
  results.push(result);
  process.stdout.write(`\n${textTable(result)}\n`);
}
if (results.length > 1) process.stdout.write(`\nHow cost grows (median ms, ratio to baseline):\n${growthTable(results)}\n`);
const markdown = [`Machine: ${results[0].machine.cpu}, ${results[0].machine.memoryGiB} GiB, Node ${results[0].machine.node}; ${results[0].date.slice(0, 16)} UTC`,
  ...results.map(markdownTable), ...(results.length > 1 ? ['### How cost grows', '', growthTable(results)] : [])].join('\n\n');
writeFileSync(join(ROOT, '.bench', 'results.md'), `${markdown}\n`);

function usage(message) {
  process.stderr.write(`bench: ${message}\nusage: npm run bench -- [--size 10k|100k|1m[,...]] [--runs N] [--fresh] [--skip-export]\n`);
  process.exit(2);
}
