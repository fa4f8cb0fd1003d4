// doctor on another program's SQLite file says what every command says of it: not caselog's. It told
// of a schema "version 0" the next command would upgrade and a journal to switch, while every command
// refused the file (and would never touch it).
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

describe('doctor on another program\'s SQLite database', () => {
  it('says it is not a caselog database, and nothing of upgrades or journal modes', async () => {
    const db = tempDb();
    const other = new Database(db);
    other.exec('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)');
    other.close();
    const refused = await caselog(['due'], { db });
    expect(refused.stderr).toContain('is an SQLite database of another program, not caselog\'s');
    const r = await caselog(['doctor'], { db });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`PROBLEM database: ${db} is an SQLite database of another program, not caselog's: caselog commands refuse it, and leave it as it is\n`
      + '    what to do: give the caselog database with --db or CASELOG_DB\n');
    expect(r.stderr).toBe(`caselog: one problem found in ${db}: database\n`);
  });
});
