// Bundles the CLI so that start-up reads a few modules, not hundreds.
// - dist/cli.js is built alone and imports nothing: it answers --version by itself (each extra
//   module costs start-up time) and loads dist/program.js for everything else.
// - dist/program.js and the commands are split into chunks that load when a command runs.
// Pure-JavaScript packages are bundled in: finding a package through node_modules (package.json
// lookups, CommonJS export scanning) costs more than its code. The SQLite driver stays a package,
// since it loads a native addon from beside its own files.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', outdir: 'dist', metafile: true, logLevel: 'warning' };

/** cli.ts's `import('./program')` stays a separate file: the program build below writes it. */
const programApart = {
  name: 'program-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/program$/ }, () => ({ path: './program.js', external: true }));
  },
};

const entry = await build({ ...common, entryPoints: ['src/cli.ts'], plugins: [programApart] });
const program = await build({
  ...common,
  entryPoints: ['src/program.ts'],
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['better-sqlite3-multiple-ciphers'],
  // Bundled CommonJS packages (commander) still require() Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// Chunk names carry a hash, so each build leaves the previous one's behind: remove what this build
// did not write (after writing, so that a caselog running meanwhile never finds dist missing).
const written = new Set([entry, program].flatMap((r) => Object.keys(r.metafile.outputs)).map((f) => relative('dist', f)));
for (const file of readdirSync('dist', { recursive: true, withFileTypes: true })) {
  const path = relative('dist', join(file.parentPath ?? file.path, file.name));
  if (file.isFile() && !written.has(path)) rmSync(join('dist', path));
}
