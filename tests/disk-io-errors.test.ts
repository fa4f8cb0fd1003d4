// A disk that fails a read or a write (a disk I/O error; here a file grown past `ulimit -f`, which
// gives the same error) is said in one line that says nothing was changed and what to do, never
// "unexpected error: disk I/O error".
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, caselog, fileOf, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';
import { machineProblem } from '../src/machine-errors';

const DISK_ERROR = 'the disk reported an error (disk I/O error): nothing was changed; check that the disk is still there and has room (a USB stick, a network folder), then run "caselog doctor"';

/** The real caselog with files limited to `blocks` (ulimit -f): a write past it fails as a disk error does. */
function limited(blocks: number, args: string[]) {
  const r = spawnSync('sh', ['-c', `ulimit -f ${blocks} && exec "$0" "$@"`, process.execPath, BIN, ...args],
    { encoding: 'utf8', input: '', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('a disk I/O error', () => {
  it('during an import: one line, nothing imported, and the import works once the disk does', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
    const sheet = fileOf('people.csv', `name,cases\n${Array.from({ length: 3000 }, (_, i) => `Person ${i} Someone,UA 1/26`).join('\n')}\n`);
    const r = limited(1000, ['--db', db, 'import', sheet, '--new']);
    expectOneClearLine(r, /./);
    expect(r.stderr).toBe(`caselog: ${DISK_ERROR.replace('caselog doctor', `caselog --db ${db} doctor`)}\n`);
    expect((await caselog(['list', 'people'], { db })).stdout).not.toContain('Person 0 Someone');
    expect((await caselog(['import', sheet, '--new'], { db })).code).toBe(0);
    // An export that grows past the limit: said in words, not as a code (EFBIG).
    const out = `${db}.json`;
    const exported = limited(1000, ['--db', db, 'export', '--out', out]);
    expectOneClearLine(exported, /./);
    expect(exported.stderr).toBe(`caselog: cannot write ${out}: the file would pass the largest size this system allows; nothing was written there\n`);
  });

  it('as the database is opened: one line naming it', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
    // Not even the -shm file caselog keeps beside the database can be made.
    const r = limited(0, ['--db', db, 'due']);
    expectOneClearLine(r, /./);
    expect(r.stderr).toBe(`caselog: cannot open ${db}: ${DISK_ERROR.replace('caselog doctor', `caselog --db ${db} doctor`)}\n`);
  });

  it('or a file the system refuses, reaching the top unexplained, is said in words', () => {
    const error = (code: string, syscall: string) => Object.assign(new Error(`${code}: x, ${syscall} '/x/y'`), { code, syscall, path: '/x/y' });
    expect(machineProblem(error('EIO', 'read'))).toBe(DISK_ERROR);
    expect(machineProblem(error('EACCES', 'open'))).toBe('cannot read /x/y: permission denied');
    expect(machineProblem(error('EROFS', 'rename'))).toBe('cannot write /x/y: read-only file system');
    expect(machineProblem(new Error('something of caselog\'s own'))).toBeUndefined();
  });
});
