// Messages a newcomer meets on the first day, each saying what to do next.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, caselog, tempDb } from './helpers/cli';

describe('first steps', () => {
  it('an event before any database says which command makes one', async () => {
    const db = tempDb();
    const r = await caselog(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'arrest', '--summary', 'x'], { db });
    expect(r).toMatchObject({ code: 1, stderr: `caselog: no caselog database at ${db}: the first "caselog add case" or "caselog add person" (or "caselog import FILE") makes it; or give another file with --db\n` });
    expect(existsSync(db)).toBe(false);
  });

  it('a device given as the database is refused as no file, never advised to be deleted', async () => {
    const r = await caselog(['due'], { db: '/dev/null' });
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: /dev/null is not a file, so not a caselog database: give a file path with --db\n' });
  });

  it('a deadline id that is not there points to where ids are shown', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 77/98', '--title', 'T'], { db })).code).toBe(0);
    expect(await caselog(['done', 'd-7k3m'], { db })).toMatchObject({ code: 1, stderr: 'caselog: no deadline d-7k3m: "caselog due" shows the open deadlines with their ids\n' });
  });

  it.each([
    ['0', 'Nothing due today, and nothing overdue.\n'],
    ['1', 'Nothing due today or tomorrow, and nothing overdue.\n'],
    ['2', 'Nothing due in the next 2 days, and nothing overdue.\n'],
  ])('nothing due with --within %s names the days it looked at, today included', async (within, said) => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 77/98', '--title', 'T'], { db })).code).toBe(0);
    expect((await caselog(['due', '--within', within], { db })).stdout).toBe(said);
  });
});

describe('the default database with HOME unusable', () => {
  it.each([['', 'HOME is empty'], ['rel', 'HOME is "rel", not a full path']])('refuses HOME=%j rather than making a database under the folder caselog ran in', (home, said) => {
    const cwd = mkdtempSync(join(tmpdir(), 'caselog-home-'));
    const r = spawnSync(process.execPath, [BIN, 'add', 'case', '--ref', 'UA 1/26', '--title', 'T'], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home } });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`caselog: ${said}: set it to your home folder, or give the database with --db or CASELOG_DB\n`);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
