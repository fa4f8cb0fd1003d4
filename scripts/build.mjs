// Bundles the CLI so that start-up reads a few modules, not hundreds. The entry (dist/cli.js) is
// tiny and answers --version by itself; the program and each command are chunks loaded on use.
// Pure-JavaScript packages are bundled in too: finding a package through node_modules (package.json
// lookups, CommonJS export scanning) costs more than its code. The SQLite driver stays a package,
// since it loads a native addon from beside its own files.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const result = await build({
  entryPoints: ['src/cli.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['better-sqlite3-multiple-ciphers'],
  // Bundled CommonJS packages (commander) still require() Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});

// Chunk names carry a hash, so each build leaves the previous one's behind: remove what this build
// did not write (after writing, so that a caselog running meanwhile never finds dist missing).
const written = new Set(Object.keys(result.metafile.outputs).map((f) => relative('dist', f)));
for (const file of readdirSync('dist', { recursive: true, withFileTypes: true })) {
  const path = relative('dist', join(file.parentPath ?? file.path, file.name));
  if (file.isFile() && !written.has(path)) rmSync(join('dist', path));
}
