// Loads the bundled program (dist/core-HASH.cjs) with the code V8 compiled for it at build time
// (core-HASH.cache beside it): a run then compiles next to nothing. See scripts/build-lib.mjs.
// V8 checks that a cache fits its own version and flags, and ignores one that does not: the code
// is then compiled as usual, only slower. The cache records the V8 flags of the run that made it,
// so that run must change none (import and export do: see commands/steady-memory.ts).
import Module, { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

export interface LoadedCore<T> {
  exports: T;
  /** Whether V8 took the saved code (false: none, or made by another V8 or with other flags). */
  cacheAccepted: boolean;
  /** Writes V8's code for everything compiled so far (the build calls this after a warm-up run). */
  saveCodeCache(): void;
}

export function loadCore<T>(dir: string, file: string): LoadedCore<T> {
  const path = join(dir, file);
  const cachePath = path.replace(/\.cjs$/, '.cache');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    cachedData = undefined;
  }
  // The build writes the core in ASCII alone, so it is read as latin1: the same text, without UTF-8
  // decoding, and V8 keeps it one byte a character (a single non-ASCII character doubles it).
  const script = new Script(Module.wrap(readFileSync(path, 'latin1')), { filename: path, cachedData });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(path), module, path, dir);
  return {
    exports: module.exports,
    cacheAccepted: cachedData !== undefined && !script.cachedDataRejected,
    saveCodeCache: () => writeFileSync(cachePath, script.createCachedData()),
  };
}
