// Creating a folder and the folders above it, owner-only, with an error a user can read.
//
// Not mkdirSync's `recursive`: on Node 20 it spins forever when a parent answers ENOENT for a
// child it cannot hold (a path under /proc), where a caseworker's typo must get one line and exit 1.
// Each missing level is made in turn, from the nearest one that exists.
import { mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'read-only file system', ENOSPC: 'no space left on the disk',
  ENOTDIR: 'a part of the path is a file', EEXIST: 'a file is in the way', ENOENT: 'that place cannot hold folders',
};

/** A path's stat, undefined when nothing is there; a clear UserError when it cannot be looked at. */
function statOf(folder: string, at: string): Stats | undefined {
  try {
    return statSync(at, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UserError(`cannot create the folder ${folder}: ${REASONS[code] ?? (code || (error as Error).message)}`);
  }
}

/**
 * Makes `folder` and any missing folder above it (mode 0700); a clear UserError when it cannot
 * (`whenFile`, when given, is the message for a file where the folder itself should be).
 */
export function makeFolders(folder: string, whenFile?: string): void {
  const missing: string[] = [];
  for (let at = resolve(folder); ; at = dirname(at)) {
    const stat = statOf(folder, at);
    if (stat) {
      if (!stat.isDirectory()) throw new UserError(whenFile && at === resolve(folder) ? whenFile : `cannot create the folder ${folder}: ${at} is a file`);
      break;
    }
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level, { mode: 0o700 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // Another program made it a moment ago: fine, if it is a folder.
      if (code === 'EEXIST' && statOf(folder, level)?.isDirectory()) continue;
      throw new UserError(`cannot create the folder ${folder}: ${REASONS[code] ?? (code || (error as Error).message)}`);
    }
  }
}
