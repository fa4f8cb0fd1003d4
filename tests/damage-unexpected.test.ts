// Damaged pages that SQLite reads without calling them malformed (a cell pointer out of range reads as
// a record cut short, a field as null) made reading commands fail with an internal error: a failure
// caselog does not expect, on a file that fails SQLite's quick check, is said as the damage it is.
import Database from 'better-sqlite3-multiple-ciphers';
import { openSync, writeSync, closeSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-03-01' });

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
  expect((await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98'])).code).toBe(0);
  expect((await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-15', '--note', 'check before appeals'])).code).toBe(0);
  const look = new Database(db);
  look.pragma('wal_checkpoint(TRUNCATE)');
  const page = look.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_cases_1'").pluck().get() as number;
  const size = look.pragma('page_size', { simple: true }) as number;
  look.close();
  // The first cell pointer of the index of the cases' ids overwritten: the page still opens, and a case read through it reads as nothing.
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.from([0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37]), 0, 12, (page - 1) * size + 8);
  closeSync(fd);
});

describe('a database damaged where SQLite reads on', () => {
  it('due says the database is damaged and points at doctor, in one line', async () => {
    expectOneClearLine(await c(['due']), /^caselog: the database is damaged \(SQLite's check: .+\): run "caselog doctor", and restore the latest backup if there is one \(caselog restore FILE\)\n$/);
  });
});
