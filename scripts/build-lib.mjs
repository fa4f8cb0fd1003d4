// How caselog is bundled; scripts/build.mjs writes dist/ with it, the stress tests a copy of their own.
//
// Start-up is most of a command's time, and on Node 20 most of start-up is loading code: the ES
// module loader pays for every file it resolves, and V8 compiles what it reads each time. So:
// - dist/cli.cjs answers --version by itself and otherwise loads dist/core-HASH.cjs: all of
//   caselog's own code with commander, chalk and the name matching, one CommonJS file (CommonJS
//   loads without the ES module loader's per-file work).
// - V8's compiled code for core is saved beside it at build time (core-HASH.cache) and handed back
//   when it is loaded, so a run compiles next to nothing. The file name carries the hash of the
//   code, so a cache always belongs to the code beside it; V8 rejects a cache made by another V8
//   (after upgrading Node) or under other V8 flags, and then compiles as usual. The build checks
//   that V8 takes the cache it has just made.
// - Packages that only some commands use (prompts, date phrases for ingest, CSV, iCalendar,
//   templates, and any-ascii's 550 KB transliteration table) are each bundled into
//   dist/vendor/NAME.cjs and required when first used.
// - The SQLite driver's JavaScript is bundled into the core too (resolving and compiling its dozen
//   files cost ~3 ms a run); its compiled addon stays where npm built it, and the core is told the
//   way there (src/store/driver-addon.ts).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', metafile: true, absWorkingDir: ROOT };

/** Packages loaded only by the commands that use them, each as dist/vendor/FILE.cjs. */
const VENDOR = {
  'any-ascii': 'any-ascii',
  'chrono-node': 'chrono-node',
  '@inquirer/prompts': 'inquirer-prompts',
  'csv-parse/sync': 'csv-parse-sync',
  'csv-stringify/sync': 'csv-stringify-sync',
  'ical-generator': 'ical-generator',
  eta: 'eta',
  'entities/decode': 'entities-decode',
};
const DEFAULT_EXPORT = new Set(['any-ascii', 'ical-generator']);
/**
 * What the code cache is warmed up with: the commands of a caseworker's morning. No import or
 * export: they change a V8 flag (src/commands/steady-memory.ts), and a cache made after that would
 * not fit a run that does not; the demo data is imported beforehand, in a process of its own.
 */
const WARM_UP = [
  ['due'], ['due', '--json'], ['at-risk'], ['at-risk', '--json'],
  ['timeline', 'Hemit Memet'], ['timeline', 'Khemmit Memet'], ['timeline', 'UA 77/98'], ['timeline', 'Hemit Memet', '--json'],
  ['search', 'deported'], ['show', 'Kasim Mahpir'], ['list', 'people'],
  ['add', 'event', 'Hemit Memet', '--date', '1999-02-20', '--type', 'statement', '--summary', 'Family statement'],
  ['--help'],
];
const vendorPath = (pkg) => `./vendor/${VENDOR[pkg]}.cjs`;

/**
 * Points the vendor packages at their own files, through a small module each (namespace "vendor")
 * that re-exports the file's names: esbuild reads a default export from a CommonJS file the way
 * Node does (the whole exports object) when the importer is one of our ES modules, and the way
 * the package means it from a module outside the package. any-ascii is imported at the top of the
 * name folding that every name lookup uses: it becomes a function that requires the table on its
 * first call (and names in plain ASCII never call it).
 */
const vendorApart = {
  name: 'vendor-apart',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(VENDOR).map((p) => p.replace(/[/@]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'vendor' }));
    b.onResolve({ filter: /^\.\/vendor\//, namespace: 'vendor' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, ({ path: pkg }) => {
      const file = JSON.stringify(vendorPath(pkg));
      const contents = pkg === 'any-ascii'
        ? `let table;\nexport default function anyAscii(text) { return (table ??= require(${file}).default)(text); }`
        : `export * from ${file};${DEFAULT_EXPORT.has(pkg) ? ` export { default } from ${file};` : ''}`;
      return { contents, loader: 'js' };
    });
  },
};

/**
 * commander requires node:child_process when it loads, for subcommands that are programs of their
 * own, which caselog has none of; loading that module cost every run ~2 ms. commander gets it on
 * first use instead.
 */
const childProcessOnUse = {
  name: 'child-process-on-use',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer)
      ? { path: 'child_process', namespace: 'on-use' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'on-use' }, () => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });`, loader: 'js',
    }));
  },
};

/**
 * The core in ASCII alone (core-loader.ts reads it as latin1): esbuild escapes other characters in
 * strings but leaves them in regular expressions, and one such character makes V8 hold the whole
 * source at two bytes a character. Written as \u escapes of their UTF-16 code units, they mean the
 * same in a string, a template's value and a regular expression (with the u flag, an escaped
 * surrogate pair is one character), and nothing in a comment; the build checks the core has no
 * String.raw, the one place an escape would read differently.
 */
function asciiOnly(code) {
  if (code.includes('String.raw')) throw new Error('the core uses String.raw: escaping its characters would change it');
  return code.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `import.meta.url` for modules bundled into CommonJS (the templates are found from it). */
const metaUrl = `export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;`;

export async function buildCaselog(dir, { codeCache = true } = {}) {
  const outdir = join(ROOT, dir);
  const written = [];
  const note = (result) => written.push(...Object.keys(result.metafile.outputs).map((f) => relative(outdir, f)));

  for (const [pkg, file] of Object.entries(VENDOR)) {
    note(await build({
      ...common,
      // Re-exported as ES module names, so the core's imports read them as from the package itself.
      stdin: { contents: `export * from ${JSON.stringify(pkg)};${DEFAULT_EXPORT.has(pkg) ? ` export { default } from ${JSON.stringify(pkg)};` : ''}`, resolveDir: ROOT, loader: 'js' },
      outfile: join(outdir, 'vendor', `${file}.cjs`),
    }));
  }

  const coreTmp = join(outdir, 'core.tmp.cjs');
  await build({
    ...common,
    entryPoints: ['src/program.ts'],
    outfile: coreTmp,
    plugins: [vendorApart, childProcessOnUse],
    define: { 'import.meta.url': 'importMetaUrl', CASELOG_DRIVER_ADDON: JSON.stringify(driverAddonFrom(outdir)) },
    inject: [writeInject(outdir)],
  });
  const code = asciiOnly(readFileSync(coreTmp, 'utf8'));
  rmSync(coreTmp);
  rmSync(join(outdir, 'meta-url.mjs'));
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  const core = `core-${hash}.cjs`;
  writeFileSync(join(outdir, core), code);
  written.push(core);

  note(await build({
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: join(outdir, 'cli.cjs'),
    define: { CASELOG_CORE: JSON.stringify(core) },
  }));

  if (codeCache) {
    // caselog runs the everyday commands once, on a copy of the demo data, and saves the code V8
    // compiled for them: a command then finds its own functions already compiled.
    const tmp = mkdtempSync(join(tmpdir(), 'caselog-build-'));
    try {
      const db = ['--db', join(tmp, 'warm-up.db'), '--today', '1999-03-01'];
      const caselog = (args, env = {}) => spawnSync(process.execPath, [join(outdir, 'cli.cjs'), ...args], {
        env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8',
      });
      const demo = caselog([...db, 'import', join(ROOT, 'data', 'demo.json')]);
      if (demo.status !== 0) throw new Error(`warm-up: importing the demo data failed: ${demo.stderr}`);
      const warm = caselog([], { CASELOG_WARM_UP: JSON.stringify(WARM_UP.map((argv) => [...db, ...argv])) });
      if (warm.status !== 0) throw new Error(`making the code cache failed: ${warm.stderr}`);
      const check = caselog([], { CASELOG_CHECK_CODE_CACHE: '1' });
      if (check.status !== 0) throw new Error(`the code cache just made is not taken by V8: ${check.stdout.trim()}`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    written.push(core.replace(/\.cjs$/, '.cache'));
  }

  // Each build's file names differ: remove what this one did not write (after writing, so that a
  // caselog running meanwhile never finds its files missing).
  const keep = new Set(written);
  for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
    const path = relative(outdir, join(entry.parentPath ?? entry.path, entry.name));
    if (entry.isFile() && !keep.has(path)) rmSync(join(outdir, path));
  }
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  return { cli: join(outdir, 'cli.cjs'), core: join(outdir, core) };
}

/** The driver's compiled addon, as a path from the bundle's folder (a URL path: forward slashes). */
function driverAddonFrom(outdir) {
  const main = createRequire(join(ROOT, 'package.json')).resolve('better-sqlite3-multiple-ciphers');
  return relative(outdir, join(dirname(main), '..', 'build', 'Release', 'better_sqlite3.node')).split(sep).join('/');
}

function writeInject(outdir) {
  const file = join(outdir, 'meta-url.mjs');
  writeFileSync(file, metaUrl);
  return file;
}
