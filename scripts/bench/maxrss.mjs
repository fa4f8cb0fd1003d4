// Where GNU time is missing: runs a script in this process and reports its peak resident memory
// on stderr when it exits. Usage: node maxrss.mjs SCRIPT ARGS...
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  process.stderr.write(`BENCH_MAXRSS_KIB=${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(resolve(script)).href);
