// A new database is made whole beside its place and put there only when complete; on a file system
// without hard links (FAT on a USB stick) it is copied in, never over a file already there.
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caselog, spawnCaselog, tempDb } from './helpers/cli';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, linkSync: vi.fn(real.linkSync) };
});

const noHardLinks = () => vi.mocked(fs.linkSync).mockImplementation(() => {
  throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
});

afterEach(() => {
  vi.mocked(fs.linkSync).mockReset();
});

describe('two caselogs starting at once on a new database', () => {
  it('keeps both records when another one creates the database while this one makes its own', async () => {
    const db = tempDb();
    const real = await vi.importActual<typeof import('node:fs')>('node:fs');
    // The moment before this caselog puts its new file in place, another (the real program) records a case there.
    vi.mocked(fs.linkSync).mockImplementationOnce((from, to) => {
      const other = spawnCaselog(['--db', db, 'add', 'case', '--ref', 'UA 2/24', '--title', 'theirs']);
      expect(other.code, other.stderr).toBe(0);
      real.linkSync(from, to);
    });
    const r = await caselog(['add', 'case', '--ref', 'UA 1/24', '--title', 'ours'], { db });
    expect(r.code, r.stderr).toBe(0);
    // The other one did run in that moment, with this one's file still under its temporary name.
    expect(vi.mocked(fs.linkSync)).toHaveBeenCalledTimes(1);
    expect(JSON.parse((await caselog(['--json', 'list', 'cases'], { db })).stdout).map((c: { ref: string }) => c.ref).sort()).toEqual(['UA 1/24', 'UA 2/24']);
    expect(fs.readdirSync(dirname(db)).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});

describe('a new database on a file system without hard links', () => {
  it('is copied into place whole, owner-only, with no copy left beside it', async () => {
    noHardLinks();
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/24', '--title', 'Fear of torture'], { db })).code).toBe(0);
    expect(vi.mocked(fs.linkSync)).toHaveBeenCalled();
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dirname(db)).filter((f) => f.includes('.partial-'))).toEqual([]);
    expect(JSON.parse((await caselog(['--json', 'list', 'cases'], { db })).stdout).map((c: { ref: string }) => c.ref)).toEqual(['UA 1/24']);
  });

  it('is never copied over a database another caselog put there meanwhile', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/24', '--title', 'theirs'], { db })).code).toBe(0);
    const theirs = fs.readFileSync(db);
    // As if the other caselog's file appeared between our look and our copy: the copy finds it there.
    noHardLinks();
    const realExists = fs.existsSync;
    const existsSync = vi.spyOn(fs, 'existsSync').mockImplementation((p) => (p === db ? false : realExists(p)));
    expect((await caselog(['add', 'case', '--ref', 'UA 2/24', '--title', 'ours'], { db })).code).toBe(0);
    existsSync.mockRestore();
    expect(vi.mocked(fs.linkSync)).toHaveBeenCalled();
    expect(fs.readFileSync(db).subarray(0, 100)).toEqual(theirs.subarray(0, 100));
    expect(JSON.parse((await caselog(['--json', 'list', 'cases'], { db })).stdout).map((c: { ref: string }) => c.ref).sort()).toEqual(['UA 1/24', 'UA 2/24']);
  });
});
