// A refused first command leaves no database behind (spec: a refused command changes nothing): a
// mistyped path would otherwise become an empty database, and later commands would read it as one
// instead of saying there is no caselog database there.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { caselog } from './helpers/cli';

it.each([
  [['add', 'person', 'X Y', '--case', 'NOPE'], 'no case with reference "NOPE"'],
  [['add', 'person', 'X Y', '--alias-of', 'Nobody'], 'no case or person matches "Nobody"'],
  [['add', 'person', 'X Y', '--date-of-birth', '1990'], 'unknown option'],
])('caselog %j on a new path: refused, no file or folder left', async (args, said) => {
  const dir = mkdtempSync(join(tmpdir(), 'caselog-refused-'));
  const db = join(dir, 'cases', 'mine.db');
  const r = await caselog(args, { db, today: '2026-11-24' });
  expect(r.code).toBeGreaterThan(0);
  expect(r.stderr).toContain(said);
  expect(existsSync(db)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
  const after = await caselog(['due'], { db, today: '2026-11-24' });
  expect(after.code).toBe(1);
  expect(after.stderr).toContain('no caselog database at');
});

it('keeps a database that already held records when a later command is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caselog-refused-'));
  const db = join(dir, 'mine.db');
  expect((await caselog(['add', 'person', 'Hemit Memet'], { db })).code).toBe(0);
  expect((await caselog(['add', 'person', 'X Y', '--case', 'NOPE'], { db })).code).toBe(1);
  expect((await caselog(['--json', 'list', 'people'], { db })).stdout).toContain('Hemit Memet');
});
