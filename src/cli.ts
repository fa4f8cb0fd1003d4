// The only place that touches the process: argv, environment, terminal, exit code.
// `--version` alone is answered here, before the program and its dependencies are even loaded:
// scripts call it to check for caselog, and it should cost no more than starting Node.
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadCore, type LoadedCore } from './core-loader';
import { terminalSession } from './terminal-session';
import { VERSION } from './version';

/** The bundled program's file name in dist/, set by the build (scripts/build-lib.mjs). */
declare const CASELOG_CORE: string;

// A reader that stops early (`caselog export | head`) closes the pipe: that is not an error. Output
// that cannot be written (a full disk) is said in one line, never as a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Notes and errors that cannot be written (stderr to a full disk) leave the command's own exit code:
    // a saved change that exited 1 would be run again by a script, and recorded twice.
    if (stream === process.stderr) return;
    if (stream === process.stdout) outputLost(error);
    process.exit(1);
  });
}

function outputLost(error: NodeJS.ErrnoException): never {
  const why = error.code === 'ENOSPC' ? 'the disk is full' : error.code === 'EFBIG' ? 'the file size limit was reached' : (error.code ?? error.message);
  try {
    // A change the command made is saved all the same: said, so that nobody runs it again.
    process.stderr.write(`caselog: the output could not be written whole (${why}); any change the command made is saved\n`);
  } catch { /* stderr is gone too: the exit code says it */ }
  process.exit(1);
}

/**
 * Standard output redirected to a file (`> dossier.md`): Node writes it with one write a chunk and
 * takes what the disk accepted for all of it, so a filling disk cut a dossier short, silently, and
 * the command exited 0. Here every byte is written, or the loss is said and the exit code is 1.
 */
function stdoutToFile(): { write(text: string): boolean } | undefined {
  try {
    if (!fstatSync(1).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return {
    write(text: string) {
      const bytes = Buffer.from(text);
      try {
        for (let at = 0; at < bytes.length;) {
          const written = writeSync(1, bytes, at, bytes.length - at);
          if (written === 0) throw Object.assign(new Error('no room'), { code: 'ENOSPC' });
          at += written;
        }
      } catch (error) {
        outputLost(error as NodeJS.ErrnoException);
      }
      return true;
    },
  };
}

async function main(argv: string[]): Promise<void> {
  const core = loadCore<typeof import('./program')>(__dirname, CASELOG_CORE);
  const warmUp = process.env.CASELOG_WARM_UP;
  if (warmUp) return warmUpCodeCache(core, JSON.parse(warmUp) as string[][]);
  if (process.env.CASELOG_CHECK_CODE_CACHE === '1') {
    process.stdout.write(core.cacheAccepted ? 'code cache accepted\n' : 'code cache rejected\n');
    process.exitCode = core.cacheAccepted ? 0 : 1;
    return;
  }
  process.exitCode = await core.exports.run(argv, {
    env: process.env,
    stdout: stdoutToFile() ?? process.stdout,
    stderr: process.stderr,
    // Asked only when needed (a run is interactive only when stdout is a terminal too, or "-" was
    // given), and without making process.stdin: that turns standard input non-blocking, and an export
    // piped in slower than caselog read it (another caselog's export, a download) failed as "EAGAIN".
    get stdinIsTTY() { return (createRequire(__filename)('node:tty') as typeof import('node:tty')).isatty(0); },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdoutColumns: process.stdout.columns,
    stderrColumns: process.stderr.isTTY ? process.stderr.columns : undefined,
    now: new Date(),
    session: terminalSession,
    signals: (listener) => {
      // Heard only while a command that stops cleanly listens (commands/cancel.ts); otherwise a
      // signal ends the process at once, as it always has, which leaves every database whole.
      for (const signal of STOPPING) process.on(signal, listener);
      return () => {
        for (const signal of STOPPING) process.off(signal, listener);
      };
    },
  });
}

const STOPPING = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The build runs caselog once with CASELOG_WARM_UP set to a list of command lines (never set by
 * users): they run one after another, quietly, and the code V8 compiled for them is saved. Then
 * it runs it with CASELOG_CHECK_CODE_CACHE=1, which says whether V8 takes that code.
 */
async function warmUpCodeCache(core: LoadedCore<typeof import('./program')>, commands: string[][]): Promise<void> {
  for (const argv of commands) {
    let said = '';
    const stderr = { write: (s: string) => Boolean((said += s)) };
    const code = await core.exports.run(argv, { env: {}, stdout: { write: () => true }, stderr, stdinIsTTY: false, stdoutIsTTY: false, now: new Date() });
    if (code !== 0) throw new Error(`warm-up: caselog ${argv.join(' ')} exited ${code}: ${said}`);
  }
  core.saveCodeCache();
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  main(argv).catch((error: unknown) => {
    process.stderr.write(`caselog: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
