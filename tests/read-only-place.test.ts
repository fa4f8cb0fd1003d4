// An archived database opened where caselog may only read: a write-protected evidence copy, a folder
// the caseworker may only read, a read-only USB stick. Reading commands refused it ("... is read-only:
// run: chmod 600"), since SQLite reads a database in WAL mode only with its -wal and -shm beside it.
// Now they read it (from a copy in memory where nothing can be made beside it), every write is
// refused in one line naming the file, folder or disk, nothing is changed, and doctor reports.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, caselog, DEMO, type Result } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';
import { actor, sharedFolder } from './helpers/other-user';

const TODAY = '2026-11-25';
const READS = [
  ['timeline', 'Hemit Memet'], ['due'], ['show', 'UA 77/98'], ['export'], ['search', 'Ghulja'], ['log', 'UA 77/98'], ['at-risk'],
];
const WRITES = [
  ['close', 'UA 77/98'], ['done', 'd-nagd0tg4'], ['edit', 'Hemit Memet', '--gender', 'male'],
  ['add', 'event', 'Hemit Memet', '--date', '2020', '--type', 'other', '--summary', 'seen in Ghulja'],
];

const reopen: string[] = [];
afterEach(() => {
  for (const folder of reopen.splice(0)) chmodSync(folder, 0o700);
});

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A folder holding the demo database, and what each reading command says of it while it is writable. */
async function archive(): Promise<{ box: string; db: string; said: Map<string, string> }> {
  const box = join(sharedFolder(), 'archive');
  mkdirSync(box, { mode: 0o700 });
  const db = join(box, 'cases.db');
  expect((await caselog(['import', DEMO], { db })).code).toBe(0);
  const said = new Map<string, string>();
  for (const args of READS) {
    const r = await caselog(args, { db, today: TODAY });
    expect(r.code).toBe(0);
    said.set(args.join(' '), r.stdout);
  }
  return { box, db, said };
}

/** Every reading command says what it said of the writable file; nothing is left beside the file when nothing can be. */
function readsAsBefore(run: (args: string[]) => Result, said: Map<string, string>): void {
  for (const args of READS) {
    const r = run(args);
    expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: '' });
    expect(r.stdout).toBe(said.get(args.join(' ')));
  }
}

/**
 * The archive made the acting user's (setpriv's "nobody" under root, whom permissions bind), the file
 * read-only, and its folder too when `folderToo`; every reading command run as them reads it as before.
 */
async function readOnlyArchive(ctx: { skip: () => void }, folderToo: boolean) {
  const as = actor(ctx);
  if (!as) return undefined;
  const { box, db, said } = await archive();
  as.own(box);
  as.own(db);
  chmodSync(db, 0o400);
  if (folderToo) {
    chmodSync(box, 0o500);
    reopen.push(box);
  }
  const before = digest(db);
  const run = (args: string[]) => as.run(['--db', db, '--today', TODAY, ...args]);
  readsAsBefore(run, said);
  return { box, db, run, before };
}

describe('a database in a folder the caseworker may only read, the file read-only too', () => {
  it('is read by every reading command; every write is refused in one line naming both; doctor reports', async (ctx) => {
    const archived = await readOnlyArchive(ctx, true);
    if (!archived) return;
    const { box, db, run, before } = archived;
    for (const args of WRITES) {
      expectOneClearLine(run(args), new RegExp(`^caselog: ${esc(db)} and the folder ${esc(box)} are read-only, and caselog keeps its -wal and -shm files beside ${esc(db)}: `
        + `nothing was changed; run: chmod 700 "${esc(box)}" && chmod 600 "${esc(db)}"\n$`));
    }
    const doctor = run(['doctor']);
    expect(doctor).toMatchObject({ code: 0, stderr: '' });
    expect(doctor.stdout).toContain('ok integrity: every page and index is sound\n');
    expect(doctor.stdout).toContain('ok journal: write-ahead log');
    expect(doctor.stdout).toContain(`ok read-only: ${db} and the folder ${box} are read-only, and caselog keeps its -wal and -shm files beside ${db}: every change is refused; to change it: chmod 700 "${box}" && chmod 600 "${db}"\n`);
    expect(doctor.stdout).toContain(`${db} is healthy.`);
    expect(digest(db)).toBe(before);
    expect(readdirSync(box)).toEqual(['cases.db']);
  });
});

describe('a write-protected copy in a folder the caseworker may write', () => {
  it('is read; a write is refused naming the file, not "the database"', async (ctx) => {
    const archived = await readOnlyArchive(ctx, false);
    if (!archived) return;
    const { db, run, before } = archived;
    for (const args of WRITES) {
      expectOneClearLine(run(args), new RegExp(`^caselog: ${esc(db)} is read-only: nothing was changed; run: chmod 600 "${esc(db)}"\n$`));
    }
    // The -wal and -shm the reads left (read-only, as the file is) are not a problem of their own.
    const doctor = run(['doctor']);
    expect(doctor).toMatchObject({ code: 0, stderr: '' });
    expect(doctor.stdout).toContain(`ok read-only: ${db} is read-only: every change is refused; to change it: chmod 600 "${db}"\n`);
    expect(digest(db)).toBe(before);
  });
});

// A read-only file system (a write-protected USB stick): a read-only bind mount, in a mount namespace
// of its own that goes with the command. Needs root (or the right to make one); skipped otherwise.
const MOUNT = 'mount --bind -o ro "$1" "$2" && shift 2 && exec "$@"';
const onReadOnlyDisk = (from: string, at: string, argv: string[], env: Record<string, string> = {}, input = ''): Result => {
  const r = spawnSync('unshare', ['-m', 'sh', '-c', MOUNT, 'sh', from, at, ...argv],
    { encoding: 'utf8', input, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, timeout: 30_000 });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
};
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const folder = sharedFolder();
  return onReadOnlyDisk(folder, folder, ['true']).code === 0;
})();
const script = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!canMount)('a database on a read-only disk', () => {
  it('is read; a write is refused naming the disk; doctor reports; the guided add refuses before its questions', async () => {
    const { box, db, said } = await archive();
    const stick = sharedFolder();
    const on = join(stick, 'cases.db');
    const run = (args: string[]) => onReadOnlyDisk(box, stick, [process.execPath, BIN, '--db', on, '--today', TODAY, ...args]);
    readsAsBefore(run, said);
    const before = digest(db);
    for (const args of WRITES) {
      expectOneClearLine(run(args), new RegExp(`^caselog: ${esc(on)} is on a read-only disk: nothing was changed; copy it to a writable folder\n$`));
    }
    const doctor = run(['doctor']);
    expect(doctor).toMatchObject({ code: 0, stderr: '' });
    expect(doctor.stdout).toContain(`ok read-only: ${on} is on a read-only disk: every change is refused; to change it: copy it to a writable folder\n`);
    // A backup of it is the database as it is, in WAL mode as it is (read from a copy in memory, marked so).
    const kept = join(sharedFolder(), 'kept.db');
    expect(run(['backup', kept])).toMatchObject({ code: 0, stdout: '' });
    const looked = await caselog(['doctor'], { db: kept });
    expect(looked.stdout).toContain('ok journal: write-ahead log');
    expect(looked.stdout).toContain('ok integrity: every page and index is sound');
    expect((await caselog(['export'], { db: kept, today: TODAY })).stdout).toBe(said.get('export'));
    if (script) {
      // On a terminal: the first question (what to record) is answered, then it stops, before the case is asked.
      const line = `"${process.execPath}" "${BIN}" --db "${on}" add`;
      const guided = onReadOnlyDisk(box, stick, ['script', '-qec', line, '/dev/null'], {}, '\r');
      expect(guided.code).toBe(1);
      expect(guided.stdout.replace(/\r/g, '')).toContain(`caselog: ${on} is on a read-only disk: nothing was changed; copy it to a writable folder\n`);
      expect(guided.stdout).not.toContain('Which case?');
    }
    expect(digest(db)).toBe(before);
    expect(readdirSync(box)).toEqual(['cases.db']);
  });

  it('a backup kept there is restored from it', async () => {
    const { box, said } = await archive();
    const stick = sharedFolder();
    const db = join(sharedFolder(), 'new.db');
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'T'], { db })).code).toBe(0);
    const r = onReadOnlyDisk(box, stick, [process.execPath, BIN, '--db', db, 'restore', join(stick, 'cases.db'), '--force']);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Restored /) });
    expect((await caselog(['export'], { db, today: TODAY })).stdout).toBe(said.get('export'));
  });

  it('an encrypted database there is refused in one line saying why', async () => {
    const box = sharedFolder();
    const db = join(box, 'sealed.db');
    const env = { CASELOG_PASSPHRASE: 'correct horse battery' };
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'T'], { db, env })).code).toBe(0);
    const stick = sharedFolder();
    const on = join(stick, 'sealed.db');
    expectOneClearLine(onReadOnlyDisk(box, stick, [process.execPath, BIN, '--db', on, 'due'], env),
      new RegExp(`^caselog: ${esc(on)} is on a read-only disk, and caselog can read an encrypted database only where it may keep its -wal and -shm files beside it: copy it to a writable folder and use it there\n$`));
  });
});
