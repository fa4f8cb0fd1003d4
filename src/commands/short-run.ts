// A command that runs a few functions for each of thousands of records and then ends (at-risk).
// V8 compiles a function that has run often for speed, on a background thread, and Node waits for
// that work before the process may exit. At 100,000 events the compiles of at-risk's per-person
// functions (~20-30 ms of processor time) mostly ended after the list was written, for code never
// used: waited for at the exit (~7 ms), or taking a processor from the list on a two-processor
// machine. The list runs instead on the code V8 makes without optimizing, which is ready at once:
// 1.21-1.27 of the benchmark's baseline at 100,000 events against 1.38-1.43. At a million events the
// compiled code would pay a little (1.19-1.26 against 1.12-1.25); compiling each function alone
// (--no-turbo-inlining) kept that but left 100,000 events at 1.26-1.44.
// The flag is set back after the command: the build makes the code cache in one run of several
// commands, and V8 takes a cache only under the flags it was made with (the build fails otherwise).
import { setFlagsFromString } from 'node:v8';

export async function asShortRun<T>(run: () => Promise<T>): Promise<T> {
  setFlagsFromString('--no-turbofan');
  try {
    return await run();
  } finally {
    setFlagsFromString('--turbofan');
  }
}
