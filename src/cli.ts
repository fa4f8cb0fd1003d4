// The only place that touches the process: argv, environment, terminal, exit code.
// `--version` alone is answered here, before the program and its dependencies are even loaded:
// scripts call it to check for caselog, and it should cost no more than starting Node.
import { loadCore } from './core-loader';
import { VERSION } from './version';

/** The bundled program's file name in dist/, set by the build (scripts/build-lib.mjs). */
declare const CASELOG_CORE: string;

// A reader that stops early (`caselog export | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function main(argv: string[]): Promise<void> {
  const core = loadCore<typeof import('./program')>(__dirname, CASELOG_CORE);
  process.exitCode = await core.exports.run(argv, {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    now: new Date(),
  });
  // The build runs caselog once with this set, to save the code V8 compiled (never set by users).
  if (process.env.CASELOG_SAVE_CODE_CACHE === '1') core.saveCodeCache();
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  void main(argv);
}
