// A database named with --db (or CASELOG_DB) in a folder that is not there (a stick not mounted, a
// mistyped folder) is refused, not made with its folders: records written there would be found by no
// one. Where a new database is made, caselog says so once.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caselog } from './helpers/cli';

const scratch = () => mkdtempSync(join(tmpdir(), 'caselog-newfile-'));

describe('a database file that is not there yet', () => {
  it('in a folder that is not there either is refused, by --db and by CASELOG_DB, and nothing is made', async () => {
    const dir = scratch();
    const path = join(dir, 'usbstick', 'caselog.db');
    for (const r of [
      await caselog(['--db', path, 'add', 'person', 'Ana Lopez']),
      await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Detained'], { env: { CASELOG_DB: path } }),
    ]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`caselog: there is no folder ${join(dir, 'usbstick')}, so no database ${path}: if it is on a disk or stick, connect it; to start a new database there, make the folder first (mkdir -p ${join(dir, 'usbstick')}); nothing was created\n`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('in caselog\'s own place is made with its folders', async () => {
    const home = scratch();
    const r = await caselog(['add', 'person', 'Ana Lopez'], { env: { XDG_DATA_HOME: join(home, 'data'), HOME: home } });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(home, 'data', 'caselog', 'caselog.db'))).toBe(true);
  });

  it('is said to be new once, when the first record goes into it, and not when the command is refused', async () => {
    const dir = scratch();
    const path = join(dir, 'caselgo.db');
    const refused = await caselog(['--db', path, 'add', 'person', 'Ana Lopez', '--case', 'UA 9/99']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toContain('new database');
    const first = await caselog(['--db', path, 'add', 'person', 'Ana Lopez']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Added Ana Lopez \[p-\w+\]\ncaselog: started a new database at (.*)\n$/);
    expect(first.stderr).toContain(`started a new database at ${path}\n`);
    const second = await caselog(['--db', path, 'add', 'person', 'Ben Lopez']);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('new database');
  });
});
