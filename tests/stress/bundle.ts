// The stress tests run caselog as separate OS processes. They bundle the current sources the way
// scripts/build.mjs does (keep the options in step), so they never test a stale dist/, into
// node_modules/.cache, where the bundle still finds the SQLite driver: cli.js is what bin/caselog
// runs, program.js exports run() for worker processes that call it many times.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli';

export interface Bundle { cli: string; program: string; dispose(): void }

export async function bundleCaselog(): Promise<Bundle> {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, 'caselog-stress-'));
  const dispose = () => rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { cli: join(ROOT, 'src', 'cli.ts'), program: join(ROOT, 'src', 'program.ts') },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // As scripts/build.mjs: pure-JavaScript packages bundled in, the native SQLite driver left outside.
    external: ['better-sqlite3-multiple-ciphers'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  }).catch((error: unknown) => {
    dispose();
    throw error;
  });
  return { cli: join(outdir, 'cli.js'), program: join(outdir, 'program.js'), dispose };
}
