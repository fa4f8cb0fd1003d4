// The -wal, -shm and -journal files beside a database when they are another user's. A colleague who
// may read the database but not write it, and may make files in its folder (a shared folder such as
// /tmp), leaves a -wal and -shm of their own there: SQLite makes them owned by whoever opens the
// file first, with the database's mode, and only a connection that may write the database removes
// them. Every write of the database's owner then fails as "read-only", and in a folder with the
// sticky bit the owner cannot even delete them.
import { readFileSync, statSync, type Stats } from 'node:fs';
import { mayWrite } from './open-access';
import { inSentence as said } from '../domain/text';

/** What stands in the way of writing, and what to do about it. */
export interface SideFilesProblem {
  detail: string;
  fix: string;
  files: string[];
}

/**
 * The side files of the database that belong to another user and that this user cannot write,
 * while it may write the database itself (else that is what to say); undefined when there are none.
 */
export function othersSideFiles(path: string): SideFilesProblem | undefined {
  if (process.platform === 'win32' || process.getuid === undefined || !mayWrite(path)) return undefined;
  const me = process.getuid();
  const found: Array<{ file: string; st: Stats }> = [];
  for (const side of ['-wal', '-shm', '-journal']) {
    const file = `${path}${side}`;
    const st = statSync(file, { throwIfNoEntry: false });
    // An empty -journal is never read (caselog keeps its databases in WAL mode): it is in no one's way.
    if (!st?.isFile() || st.uid === me || (side === '-journal' && st.size === 0) || mayWrite(file)) continue;
    found.push({ file, st });
  }
  if (found.length === 0) return undefined;
  const files = found.map((f) => f.file);
  const owners = [...new Set(found.map((f) => userName(f.st.uid) ?? `the user with id ${f.st.uid}`))];
  const one = files.length === 1;
  // A -wal or -journal with something in it holds changes not yet in the database: never to be removed.
  const holding = found.filter((f) => !f.file.endsWith('-shm') && f.st.size > 0).map((f) => f.file);
  // Its mode lets others (or its group) read it: their caselog reading it is what made them.
  const readBy = (statSync(path).mode & 0o044) !== 0;
  const why = holding.length > 0 ? ` (${said(holding)} ${holding.length === 1 ? 'holds' : 'hold'} changes not yet in the database)`
    : readBy ? ' (left when they read the database)' : '';
  const detail = `${said(files)} ${one ? 'belongs' : 'belong'} to ${said(owners)}${why}, and you cannot write ${one ? 'it' : 'them'}`;
  const quoted = files.map((f) => `"${f}"`).join(' ');
  const give = `an administrator can give ${one ? 'it' : 'them'} to you: chown ${userName(me) ?? me} ${quoted}`;
  const fix = holding.length > 0 ? `do not remove ${one ? 'it' : 'them'}; ${give}`
    : `when no caselog is using the database, ${owners.length === 1 ? 'they' : 'their owners'} (or an administrator) can remove ${one ? 'it' : 'them'}: rm ${quoted}; or ${give}`;
  return { detail, fix, files };
}

/** The refusal of a write that another user's side files stopped: one line, undefined when they did not. */
export function othersSideFilesMessage(path: string): string | undefined {
  const problem = othersSideFiles(path);
  return problem && `${problem.detail}: nothing was changed; ${problem.fix}`;
}

/**
 * Said to a reader who may not write the database of another user: the -wal and -shm their reading
 * left stay (SQLite removes them only through a connection that may write the database), and stop
 * its owner writing. caselog cannot remove them itself: another caselog may be using them, which
 * only SQLite's lock on the database tells, and that lock needs the right to write it.
 */
export function ourSideFilesNote(path: string): string | undefined {
  if (process.platform === 'win32' || process.getuid === undefined || mayWrite(path)) return undefined;
  const me = process.getuid();
  const db = statSync(path, { throwIfNoEntry: false });
  // Root writes through any mode: its own files stop no one.
  if (!db || db.uid === me || db.uid === 0) return undefined;
  const files = ['-wal', '-shm'].map((side) => `${path}${side}`).filter((file) => {
    const st = statSync(file, { throwIfNoEntry: false });
    return st?.isFile() && st.uid === me && (st.mode & 0o002) === 0 && !((st.mode & 0o020) !== 0 && st.gid === db.gid);
  });
  if (files.length === 0) return undefined;
  const owner = userName(db.uid) ?? `the user with id ${db.uid}`;
  return `warning: reading ${path} leaves ${said(files)} of yours beside it, and they stop ${owner}, its owner, from writing to it: `
    + `when no caselog is using the database, remove them: rm ${files.map((f) => `"${f}"`).join(' ')}`;
}

/** The login name of a user id, from the password file; undefined when it is not there. */
function userName(uid: number): string | undefined {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [name, , id] = line.split(':');
      if (name && id === String(uid)) return name;
    }
  } catch {
    // No password file to read: the id is said instead.
  }
  return undefined;
}
