// doctor changes nothing, not even the files beside the database: its read-only look left a -wal and
// a -shm there (which a read-only connection may not remove), on a newer caselog's file too. Those of
// a caselog still using the database are left to it.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

const beside = (db: string) => readdirSync(dirname(db)).filter((f) => f.startsWith(basename(db))).sort();

describe('doctor and the files beside the database', () => {
  it('leaves none behind, on a database of this caselog or of a newer one', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
    expect(beside(db)).toEqual(['test.db']);
    expect((await caselog(['doctor'], { db })).code).toBe(0);
    expect(beside(db)).toEqual(['test.db']);
    const newer = new Database(db);
    newer.pragma('user_version = 99');
    newer.close();
    expect((await caselog(['doctor'], { db })).stdout).toContain('written by a newer caselog');
    expect(beside(db)).toEqual(['test.db']);
  });

  it('leaves none it made, but those of a caselog using the database, whose changes stay', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
    expect((await caselog(['doctor'], { db })).code).toBe(0);
    expect(beside(db)).toEqual(['test.db']);
    const other = new Database(db);
    other.prepare('SELECT count(*) FROM cases').get();
    expect((await caselog(['doctor'], { db })).code).toBe(0);
    expect(existsSync(`${db}-wal`) && existsSync(`${db}-shm`)).toBe(true);
    other.prepare("UPDATE cases SET title = 'Changed while doctor ran'").run();
    other.close();
    expect((await caselog(['show', 'UA 1/26'], { db })).stdout).toContain('Changed while doctor ran');
  });
});
