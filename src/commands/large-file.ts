// A command that reads or copies the whole database (doctor, backup, restore) takes seconds to a
// minute on a large one: it says what it is doing first, else a silent terminal looked hung.
import { statSync } from 'node:fs';
import type { Context } from '../context';
import { say } from '../context';

/** From this size such a command says what it is doing; tests lower it. */
export const largeFile = { fromBytes: 100 * 2 ** 20 };

/** The file's size; 0 where it cannot be seen (what reads it says why, in words). */
export function sizeOf(path: string): number {
  try {
    return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

/** A size as the notices give it: "1317 MiB". */
export const inMiB = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;

/**
 * What says each stage of a backup or restore as it begins: on stderr when it is a terminal, and
 * when the largest of `paths` is large. Into a pipe or a file nothing: a script reads stderr for errors.
 */
export function stagesSaid(ctx: Context, ...paths: string[]): (line: string) => void {
  const said = ctx.noteColumns !== undefined && Math.max(...paths.map(sizeOf)) >= largeFile.fromBytes;
  return (line) => {
    if (said) say(ctx, line);
  };
}
