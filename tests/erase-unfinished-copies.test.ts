// Copies an upgrade, a restore or a new database was writing when it was cut off (NAME.schemaN.bak.partial-PID,
// NAME.partial-PID) hold the records as they were; doctor named them, erase did not, though they may hold
// the person it erased.
import { copyFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });
/** A process id no process has (Linux's pid_max is at most 4194304). */
const GONE = 4194999;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'KZ 2019/12', '--title', 'At risk of return']);
  await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'KZ 2019/12']);
  copyFileSync(db, `${db}.partial-${GONE}`);
  copyFileSync(db, `${db}.schema9.bak.partial-${GONE}`);
});

describe('erase beside unfinished copies of the database', () => {
  it('names them, as doctor does, for they may hold the person', async () => {
    const r = await c(['erase', 'Kaster Musakhanuly', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Warning: unfinished copies left by a cut-off upgrade, restore or new database may still hold them: ${db}.schema9.bak.partial-${GONE}, ${db}.partial-${GONE}; delete them`);
  });

  it('names them after erase --word too', async () => {
    await c(['erase', 'Kaster Musakhanuly', '--force']);
    const r = await c(['erase', '--word', 'Musakhanuly', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`may still hold it: ${db}.schema9.bak.partial-${GONE}, ${db}.partial-${GONE}`);
  });
});
