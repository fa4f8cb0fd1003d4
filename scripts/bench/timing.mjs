// Whole-process timings and peak memory. Every command and its baselines run interleaved, round
// after round, so that a busy neighbour on a shared machine slows them alike; ratios are taken
// between medians of the same session.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAXRSS = fileURLToPath(new URL('./maxrss.mjs', import.meta.url));
const HAS_GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).status === 0;

/** Runs one process to completion; returns wall milliseconds, exit status and output. */
export function runOnce(argv, { env = {}, cwd } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * jobs: [{ key, argv, env?, expect?(result) -> string | undefined }]. One untimed warm-up each
 * (the file's pages into the OS cache, as on a machine used every day), then `runs` rounds.
 * A job whose warm-up fails is reported as failed and left out of the rounds.
 */
export function timeJobs(jobs, runs, log = () => {}) {
  const samples = new Map(jobs.map((j) => [j.key, []]));
  const failed = new Map();
  for (const job of jobs) {
    const r = runOnce(job.argv, job);
    const problem = r.status !== 0 ? `exit ${r.status}: ${(r.stderr || String(r.error ?? '')).trim().split('\n')[0]}` : job.expect?.(r);
    if (problem) failed.set(job.key, problem);
  }
  const live = jobs.filter((j) => !failed.has(j.key));
  for (let round = 0; round < runs; round++) {
    // Rotate the order each round so no job always follows the same neighbour.
    for (let i = 0; i < live.length; i++) {
      const job = live[(i + round) % live.length];
      samples.get(job.key).push(runOnce(job.argv, job).ms);
    }
    log(`  round ${round + 1}/${runs}`);
  }
  const stats = {};
  for (const job of jobs) {
    const xs = samples.get(job.key);
    stats[job.key] = failed.has(job.key)
      ? { failed: failed.get(job.key) }
      : { median: round1(median(xs)), min: round1(Math.min(...xs)), max: round1(Math.max(...xs)), runs: xs.length };
  }
  return stats;
}

const round1 = (x) => Math.round(x * 10) / 10;

/** Wall time and peak resident memory (KiB) of one run: GNU time when present, else the child's own report. */
export function measurePeak(argv, opts = {}) {
  if (HAS_GNU_TIME) {
    const r = runOnce(['/usr/bin/time', '-v', ...argv], opts);
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    return { ...r, maxRssKiB: m ? Number(m[1]) : undefined, how: '/usr/bin/time -v' };
  }
  const [node, script, ...args] = argv;
  const r = runOnce([node, MAXRSS, script, ...args], opts);
  const m = /BENCH_MAXRSS_KIB=(\d+)/.exec(r.stderr);
  return { ...r, maxRssKiB: m ? Number(m[1]) : undefined, how: 'process.resourceUsage().maxRSS' };
}
