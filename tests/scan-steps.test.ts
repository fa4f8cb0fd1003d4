// An erase's long scans read in steps (src/store/scan-steps.ts), inside a write that can be stopped
// between them (an erase cancelled): stopped while a step holds a statement half read, the write is
// rolled back whole, not refused as "This database connection is busy executing a query".
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/open';
import { rowsInSteps } from '../src/store/scan-steps';
import { SqliteStore } from '../src/store/sqlite-store';
import { caselog, DEMO, tempDb } from './helpers/cli';

describe('a write in steps stopped while a step reads a statement', () => {
  it('is rolled back whole, the connection free again', async () => {
    const db = tempDb();
    expect((await caselog(['import', DEMO], { db })).code).toBe(0);
    const store = new SqliteStore(openDatabase({ path: db, create: false }), { command: 'test', user: 'tester' });
    // A row that takes 30 ms: the read pauses within the statement (every tenth of a second).
    store.db.function('slowly', () => {
      const until = Date.now() + 30;
      while (Date.now() < until);
      return 1;
    });
    const stop = new Error('stopped');
    const made = () => store.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'scratch'").pluck().get();
    await expect(store.writeStopping(function* () {
      store.db.exec('CREATE TABLE scratch (x)');
      return yield* rowsInSteps(store.db.prepare('SELECT slowly() FROM events'), []);
    }, async () => {
      throw stop;
    })).rejects.toBe(stop);
    expect(store.db.inTransaction).toBe(false);
    expect(made()).toBe(0);
    store.db.close();
  });
});
