// The benchmark's tables: plain text for the terminal, Markdown for docs/benchmarks.md.
import { cpus, totalmem } from 'node:os';

const ms = (x) => (x === undefined ? '—' : x.toFixed(0));
const ratio = (x) => (x === undefined ? '—' : `${x.toFixed(2)}×`);

export function machine() {
  const cpu = cpus();
  return { cpu: `${cpu[0]?.model ?? 'unknown'} (${cpu.length} cores)`, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
}

/** One size's result as rows of cells: command, median, min-max, baseline, ratios, target. */
function cells(result) {
  const rows = result.commands.map((c) => c.failed
    ? [c.key, 'failed', c.failed, '', '', '', `≤ ${c.target}×`, '✗']
    : [c.key + (c.note ? ` ${c.note}` : ''), ms(c.median), `${ms(c.min)}–${ms(c.max)}`, `${c.baseline} ${ms(c.baselineMedian)}`,
      ratio(c.ratio), ratio(c.ratioToNode), `≤ ${c.target}×`, c.met ? 'met' : 'MISSED']);
  if (!result.search) rows.push(['caselog search', 'search: not available yet', '', '', '', '', '≤ 1.5×', '']);
  return rows;
}

const HEAD = ['command', 'median ms', 'min–max', 'baseline (median ms)', 'ratio', 'vs node -e', 'target', ''];

export function textTable(result) {
  const rows = [HEAD, ...cells(result)];
  const width = HEAD.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const lines = rows.map((r) => r.map((c, i) => String(c).padEnd(width[i])).join('  ').trimEnd());
  lines.splice(1, 0, width.map((w) => '-'.repeat(w)).join('  '));
  return [`${result.size}: ${describe(result)}`, ...lines, ...extras(result)].join('\n');
}

export function markdownTable(result) {
  const row = (r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [`### ${result.size} — ${describe(result)}`, '', row(HEAD), row(HEAD.map(() => '---')), ...cells(result).map(row), '', ...extras(result).map((l) => `- ${l.trim()}`)].join('\n');
}

function describe(result) {
  const c = result.counts;
  return `${c.events.toLocaleString('en')} events, ${c.people.toLocaleString('en')} people (${c.names.toLocaleString('en')} names), `
    + `${c.cases.toLocaleString('en')} cases, ${c.deadlines.toLocaleString('en')} deadlines, ${c.sources.toLocaleString('en')} sources; ${result.runs} runs`;
}

function extras(result) {
  const lines = [];
  const i = result.import;
  if (i) {
    lines.push(`  import: ${i.seconds} s end to end = ${i.eventsPerSecond.toLocaleString('en')} events/s `
      + `(${i.recordsPerSecond.toLocaleString('en')} records/s), peak RSS ${i.maxRssMiB ?? '?'} MiB, database ${(i.dbBytes / 2 ** 20).toFixed(0)} MiB`
      + ` (target ≥ 100,000 events/s: ${i.eventsPerSecond >= 100_000 ? 'met' : 'MISSED'}; measured ${i.at.slice(0, 16)})`);
  }
  for (const [format, e] of [['json', result.export], ['csv', result.csvExport]]) {
    if (e) lines.push(e.failed ? `  export --format ${format}: failed: ${e.failed}` : `  export --format ${format}: ${e.seconds} s, peak RSS ${e.maxRssMiB ?? '?'} MiB, ${(e.bytes / 2 ** 20).toFixed(0)} MiB written`);
  }
  return lines;
}

/** Peak memory and per-event cost side by side across sizes, to show how cost grows. */
export function growthTable(results) {
  const head = ['size', 'import events/s', 'import peak RSS MiB', 'export peak RSS MiB', 'CSV export peak RSS MiB', ...results[0].commands.map((c) => c.key.replace('caselog ', ''))];
  const rows = results.map((r) => [r.size, r.import?.eventsPerSecond?.toLocaleString('en') ?? '—', r.import?.maxRssMiB ?? '—', r.export?.maxRssMiB ?? '—', r.csvExport?.maxRssMiB ?? '—',
    ...r.commands.map((c) => (c.failed ? 'failed' : `${ms(c.median)} (${ratio(c.ratio)})`))]);
  const row = (r) => `| ${r.join(' | ')} |`;
  return [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
}
