// The only place that touches the process: argv, environment, terminal, exit code.
import { run } from './program';

const code = await run(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  now: new Date(),
});
process.exitCode = code;
