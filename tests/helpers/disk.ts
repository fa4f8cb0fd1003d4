// Disks a test can break without harm (root only: small tmpfs mounts of its own, read-only or full),
// and the one clear line a user must get when a command is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const isRoot = process.getuid?.() === 0;
const mounts: string[] = [];

/** A tmpfs of this size, owner-only; undefined when not root (the test then skips that part). */
export function tmpfs(size: string): string | undefined {
  if (!isRoot) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'caselog-mount-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

/** tmpfs(size), or the test skipped with why on the log when no mount can be made here. */
export function tmpfsOrSkip(ctx: { skip: () => void }, size: string, why: string): string | undefined {
  const dir = tmpfs(size);
  if (!dir) {
    console.log(`skipped: ${why}`);
    ctx.skip();
  }
  return dir;
}

export const remount = (dir: string, mode: 'ro' | 'rw') => expect(spawnSync('mount', ['-o', `remount,${mode}`, dir]).status).toBe(0);

/** Unmounts and removes every tmpfs made so far: for afterEach. */
export function unmountAll(): void {
  for (const dir of mounts.splice(0)) {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Exit 1 and one plain line on stderr matching the message: no stack, no "unexpected error". */
export function expectOneClearLine(r: { code: number; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
}
