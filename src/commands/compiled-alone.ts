// A command that runs the same few functions for each of thousands of records and then ends
// (at-risk). V8 compiles a function for speed once it has run often, on a background thread, with
// the functions it calls written into it; for at-risk's block of one person that took ~10 ms, which
// ended after the list was written, and Node waits for such work before the process may exit (~7 ms
// of ~100 at 100,000 events, for code never used). Compiled each on its own, the functions are
// ready within the list, and a list long enough to gain from them (a million events) is as fast.
// The flag is set for the command's run and set back after it: the build makes the code cache in
// one run of several commands, and V8 takes a cache only under the flags it was made with.
import { setFlagsFromString } from 'node:v8';

export async function compiledAlone<T>(run: () => Promise<T>): Promise<T> {
  setFlagsFromString('--no-turbo-inlining');
  try {
    return await run();
  } finally {
    setFlagsFromString('--turbo-inlining');
  }
}
