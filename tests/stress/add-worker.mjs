// One worker process of the concurrency test: caselog's own run(), called once per event exactly as
// bin/caselog calls it (each call opens the database, writes in its own transaction, and closes it),
// so many OS processes contend for one file through caselog's store code, without paying node's
// start-up 2,000 times on a 2-core machine.
// Usage: node add-worker.mjs PROGRAM_JS DB NAME COUNT
import process from 'node:process';

const [program, db, name, count] = process.argv.slice(2);
const { run } = await import(program);

const failures = [];
const proc = (out) => ({
  env: { CASELOG_TODAY: '1999-03-01' },
  stdout: { write: () => true },
  stderr: { write: (s) => { out.push(s); return true; } },
  stdinIsTTY: false,
  stdoutIsTTY: false,
  now: new Date(),
});

async function caselog(args) {
  const err = [];
  const code = await run(['--db', db, ...args], proc(err));
  if (code !== 0) failures.push({ args: args.slice(0, 3), code, stderr: err.join('') });
}

await caselog(['add', 'person', name, '--new']);
for (let i = 0; i < Number(count); i++) {
  await caselog(['add', 'event', name, '--date', '1999-02-11', '--type', 'report', '--summary', `${name} event ${i}`]);
}
process.stdout.write(JSON.stringify({ name, failures }));
