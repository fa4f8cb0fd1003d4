// What is timed at each size: each caselog command beside the baseline that answers the same
// question with the least possible code, and the ratio it must stay under.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_TODAY } from './generate.mjs';

const NODE_E = 'node -e ""';

/** Whether the search command exists yet (it is being written separately). */
export function searchAvailable(root) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'caselog'), 'search', '--help'], { encoding: 'utf8' });
  return r.status === 0;
}

export function benchPlan(root, data, { search }) {
  const node = process.execPath;
  const bin = join(root, 'bin', 'caselog');
  const caselog = (...args) => [node, bin, '--db', data.db, '--today', BENCH_TODAY, ...args];
  const baseline = (...args) => [node, join(root, 'scripts', 'bench', 'baseline.mjs'), data.db, ...args];
  const { target, writer, search: terms } = data.meta.generated;
  const mentions = (text) => (r) => (r.stdout.includes(text) ? undefined : `output does not mention ${text}`);
  const recorded = (r) => (/Recorded/.test(r.stdout + r.stderr) ? undefined : 'no "Recorded" message');

  const jobs = [
    { key: NODE_E, argv: [node, '-e', ''] },
    { key: 'baseline due', argv: baseline('due'), expect: mentions(target.names[0]) },
    { key: 'baseline at-risk', argv: baseline('at-risk'), expect: mentions(target.names[0]) },
    { key: 'baseline timeline', argv: baseline('timeline', target.names[0]), expect: mentions(target.names[0]) },
    { key: 'baseline insert', argv: baseline('insert', writer.names[0]), expect: recorded },
    { key: 'caselog --version', argv: [node, bin, '--version'], expect: (r) => (/^\d+\.\d+\.\d+\n$/.test(r.stdout) ? undefined : 'no version') },
    { key: 'caselog due', argv: caselog('due'), expect: mentions(target.names[0]) },
    { key: 'caselog at-risk', argv: caselog('at-risk'), expect: mentions(target.names[0]) },
    { key: 'caselog timeline NAME', argv: caselog('timeline', target.names[0]), expect: mentions(target.names[0]) },
    { key: 'caselog timeline FUZZY', argv: caselog('timeline', target.fuzzy), expect: mentions(target.names[0]) },
    { key: 'caselog add event', argv: caselog('add', 'event', writer.names[0], '--date', BENCH_TODAY, '--type', 'statement', '--summary', 'Bench: family statement'), expect: recorded },
  ];
  const rows = [
    { key: 'caselog --version', baseline: NODE_E, target: 1.3 },
    { key: 'caselog due', baseline: 'baseline due', target: 1.25 },
    { key: 'caselog at-risk', baseline: 'baseline at-risk', target: 1.25 },
    { key: 'caselog timeline NAME', baseline: 'baseline timeline', target: 1.25, note: `"${target.names[0]}"` },
    { key: 'caselog timeline FUZZY', baseline: 'baseline timeline', target: 1.5, note: `"${target.fuzzy}", not a stored name` },
    { key: 'caselog add event', baseline: 'baseline insert', target: 1.3 },
  ];
  if (search) {
    for (const [kind, term] of Object.entries({ rare: terms.rare, common: terms.common })) {
      jobs.push({ key: `baseline search ${kind}`, argv: baseline('search', term) });
      jobs.push({ key: `caselog search ${kind}`, argv: caselog('search', term) });
      rows.push({ key: `caselog search ${kind}`, baseline: `baseline search ${kind}`, target: 1.5, note: `"${term}"` });
    }
  }
  return { jobs, rows };
}

/** Each row with its median and its ratios to its own baseline and to a bare `node -e ""`. */
export function judge(rows, stats) {
  const bare = stats[NODE_E]?.median;
  return rows.map((row) => {
    const own = stats[row.key];
    const base = stats[row.baseline];
    if (!own || own.failed) return { ...row, failed: own?.failed ?? 'not run' };
    const ratio = base?.median ? own.median / base.median : undefined;
    return {
      ...row, ...own, baselineMedian: base?.median, ratio: r2(ratio), ratioToNode: r2(bare ? own.median / bare : undefined),
      met: ratio === undefined ? undefined : ratio <= row.target,
    };
  });
}

const r2 = (x) => (x === undefined ? undefined : Math.round(x * 100) / 100);
