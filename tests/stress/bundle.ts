// The stress tests run caselog as separate OS processes. They bundle the current sources with the
// build's own code (scripts/build-lib.mjs), so they never test a stale dist/, into
// node_modules/.cache, where the bundle still finds the SQLite driver: cli is what bin/caselog
// runs, program (the bundled core) exports run() for worker processes that call it many times.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCaselog } from '../../scripts/build-lib.mjs';
import { ROOT } from '../helpers/cli';

export interface Bundle { cli: string; program: string; dispose(): void }

export async function bundleCaselog(): Promise<Bundle> {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, 'caselog-stress-'));
  const dispose = () => rmSync(outdir, { recursive: true, force: true });
  try {
    const { cli, core } = await buildCaselog(outdir, { codeCache: false });
    return { cli, program: core, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
