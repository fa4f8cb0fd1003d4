// Running the real caselog as a user whom file permissions bind. Root reads and writes through any
// mode, so under root the commands run as "nobody" (setpriv), and the files the test makes are
// root's: another user's. Under any other user they run as that user, and the files are its own.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, type Result } from './cli';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

export interface Actor {
  run(args: string[]): Result;
  /** Makes a file or folder the acting user's own. */
  own(path: string): void;
  /** Whether what the test makes (and does not `own`) belongs to another user than the one acting. */
  othersFiles: boolean;
}

function spawnAs(args: string[]): Result {
  const env = { PATH: process.env.PATH ?? '', HOME: tmpdir() };
  const command = isRoot ? 'setpriv' : process.execPath;
  const argv = isRoot ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, ...args] : [BIN, ...args];
  const result = spawnSync(command, argv, { encoding: 'utf8', input: '', env });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? String(result.error ?? '') };
}

let probed: boolean | undefined;

/** The acting user; undefined (with why on the log) when, as root, no other user can run caselog here. */
export function actor(ctx: { skip: () => void }): Actor | undefined {
  // Under root: setpriv must exist, and the checkout (its bin, dist and node_modules) be readable by others.
  probed ??= !isRoot || spawnAs(['--version']).code === 0;
  if (!probed) {
    console.log('skipped: running as root, and caselog cannot be run as another user here (no setpriv, or the checkout is not readable by other users)');
    ctx.skip();
    return undefined;
  }
  return { run: spawnAs, own: (path) => { if (isRoot) chownSync(path, NOBODY, NOBODY); }, othersFiles: isRoot };
}

/** A temporary folder that the acting user may enter (mkdtemp makes it the owner's alone). */
export function sharedFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'caselog-access-'));
  chmodSync(folder, 0o755);
  return folder;
}

/** A user of this computer the tests may act as (root only), by id, with the name the password file gives it. */
export interface User { uid: number; gid: number; name: string; groups?: number[] }

/** Runs a program as the user (setpriv, under root), with PATH, HOME and env only. */
export function runAs(user: User, argv: string[], env: Record<string, string> = {}): Result {
  const groups = user.groups?.length ? [`--groups=${user.groups.join(',')}`] : ['--clear-groups'];
  const result = spawnSync('setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, ...groups, ...argv],
    { encoding: 'utf8', input: '', env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env } });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? String(result.error ?? '') };
}

/**
 * Two users other than root, both able to run caselog (daemon, 1, and nobody, 65534, as on Debian
 * and most Linux systems); undefined (with why on the log) when not root, or they cannot here.
 */
export function twoUsers(ctx: { skip: () => void }): [User, User] | undefined {
  const names = new Map<number, string>();
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [name, , uid] = line.split(':');
      if (name && uid) names.set(Number(uid), name);
    }
  } catch {
    // No password file: skipped below.
  }
  const users: [User, User] = [{ uid: 1, gid: 1, name: names.get(1) ?? '' }, { uid: NOBODY, gid: NOBODY, name: names.get(NOBODY) ?? '' }];
  const why = !isRoot ? 'acting as two other users needs root (setpriv)'
    : users.some((u) => u.name === '') ? 'no users with ids 1 and 65534 in /etc/passwd'
    : users.some((u) => runAs(u, [process.execPath, BIN, '--version']).code !== 0) ? 'caselog cannot be run as another user here (no setpriv, or the checkout is not readable by other users)'
    : undefined;
  if (why === undefined) return users;
  console.log(`skipped: ${why}`);
  ctx.skip();
  return undefined;
}
