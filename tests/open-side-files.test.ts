// A database made writable again after a read-only spell: the -wal and -shm SQLite made then, read-only
// as the database was, are given back their owner's write permission when it is opened to write (a
// user's every write failed as "read-only" though the file and folder were writable).
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writableSideFiles } from '../src/store/open';
import { caselog, tempDb } from './helpers/cli';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('side files left read-only', () => {
  it('are made owner-writable (and owner-only) beside a writable database; a read-only database leaves them be', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'person', 'Hemit Memet'], { db })).code).toBe(0);
    for (const side of ['-wal', '-shm']) {
      writeFileSync(db + side, '');
      chmodSync(db + side, 0o400);
    }
    chmodSync(db, 0o400);
    writableSideFiles(db);
    // As root every file is writable: the database's own mode is what tells a read-only spell here.
    if (process.getuid?.() !== 0) expect(mode(`${db}-shm`)).toBe(0o400);
    chmodSync(db, 0o600);
    writableSideFiles(db);
    expect(mode(`${db}-wal`)).toBe(0o600);
    expect(mode(`${db}-shm`)).toBe(0o600);
    expect((await caselog(['add', 'person', 'Kasim Mahpir'], { db })).code).toBe(0);
  });
});
