// Running the real caselog as a user whom file permissions bind. Root reads and writes through any
// mode, so under root the commands run as "nobody" (setpriv), and the files the test makes are
// root's: another user's. Under any other user they run as that user, and the files are its own.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync } from 'node:fs';
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
