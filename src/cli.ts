// The only place that touches the process: argv, environment, terminal, exit code.
// `--version` alone is answered here, before the program and its dependencies are even loaded:
// scripts call it to check for caselog, and it should cost no more than starting Node.
import { VERSION } from './version';

// A reader that stops early (`caselog export | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { run } = await import('./program');
  process.exitCode = await run(argv, {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    now: new Date(),
  });
}
