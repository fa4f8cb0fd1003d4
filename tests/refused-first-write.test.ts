// A refused first command leaves no database behind (spec: a refused command changes nothing): a
// mistyped path would otherwise become an empty database, and later commands would read it as one
// instead of saying there is no caselog database there.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caselog } from './helpers/cli';

// A path given (CASELOG_DB) needs its folder there already (db-new-file.test.ts); caselog's own place
// ($XDG_DATA_HOME/caselog) is made with its folders, which a refused command removes again.
const places: Array<[string, (dir: string) => { db: string; env?: Record<string, string> }]> = [
  ['a new path', (dir) => ({ db: join(dir, 'mine.db') })],
  ["caselog's own new place", (dir) => ({ db: join(dir, 'data', 'caselog', 'caselog.db'), env: { XDG_DATA_HOME: join(dir, 'data') } })],
];

describe.each(places)('on %s', (_, place) => {
  it.each([
    [['add', 'person', 'X Y', '--case', 'NOPE'], 'no case with reference "NOPE"'],
    [['add', 'person', 'X Y', '--alias-of', 'Nobody'], 'no case or person matches "Nobody"'],
    [['add', 'person', 'X Y', '--date-of-birth', '1990'], 'unknown option'],
  ])('caselog %j: refused, no file or folder left', async (args, said) => {
    const dir = mkdtempSync(join(tmpdir(), 'caselog-refused-'));
    const { db, env } = place(dir);
    const opts = env ? { env, today: '2026-11-24' } : { db, today: '2026-11-24' };
    const r = await caselog(args, opts);
    expect(r.code).toBeGreaterThan(0);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toContain('new database');
    expect(existsSync(db)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    const after = await caselog(['due'], opts);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain(`no caselog database at ${db}`);
  });
});

it('keeps a database that already held records when a later command is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caselog-refused-'));
  const db = join(dir, 'mine.db');
  expect((await caselog(['add', 'person', 'Hemit Memet'], { db })).code).toBe(0);
  expect((await caselog(['add', 'person', 'X Y', '--case', 'NOPE'], { db })).code).toBe(1);
  expect((await caselog(['--json', 'list', 'people'], { db })).stdout).toContain('Hemit Memet');
});
