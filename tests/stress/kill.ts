// Killing caselog at random moments: a seeded generator of moments, and a run that is killed after
// one of them unless it finishes first. Shared by the crash tests.
import { spawn } from 'node:child_process';

/** The seed of a run's random moments: set CASELOG_STRESS_SEED to repeat a failing run. */
export const SEED = Number(process.env.CASELOG_STRESS_SEED ?? Date.now() % 100_000);

/** A small seeded generator of numbers in [0, 1). */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** killed: ended by the signal itself (not a clean exit of its own after hearing it). */
export interface Run { killed: boolean; code: number | null; ms: number; stderr: string }

/**
 * Runs the bundled caselog (cli) as its own process; kills it with SIGKILL (or `signal`) after
 * `killAfter` ms unless it finishes first. With `env`, the process sees only it (and PATH and
 * HOME), so that a passphrase of the test's own environment cannot leak in.
 */
export function runKilled(cli: string, args: string[], killAfter: number, env?: Record<string, string>, signal: NodeJS.Signals = 'SIGKILL'): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [cli, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: env ? { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env } : process.env,
    });
    let stderr = '';
    child.stderr!.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill(signal), killAfter);
    child.on('exit', (code, ended) => {
      clearTimeout(timer);
      resolve({ killed: ended === signal, code, ms: Date.now() - started, stderr });
    });
  });
}
