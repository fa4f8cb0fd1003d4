// log of one event, deadline or source by its id, as show takes it: that record's changes, deleted
// records included; log of a person or case as before.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2026-11-24' });
const logged = async (args: string[]) => (JSON.parse((await c(['--json', 'log', ...args])).stdout) as Array<{ action: string; command: string; id: string }>)
  .map((e) => `${e.command} ${e.action} ${e.id.slice(0, 2)}`);
let deadline: string;
let event: string;
let source: string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'C-1', '--title', 'asylum appeal']);
  await c(['add', 'person', 'Dawit Kebede', '--case', 'C-1']);
  source = JSON.parse((await c(['--json', 'add', 'source', '--title', 'Decision letter', '--ref', 'DL-1'])).stdout).id;
  event = JSON.parse((await c(['--json', 'add', 'event', 'Dawit Kebede', '--date', '2026-11-01', '--type', 'asylum-decision', '--summary', 'refused', '--source', 'DL-1'])).stdout).id;
  deadline = JSON.parse((await c(['--json', 'add', 'deadline', 'C-1', '--date', 'in 3 days', '--note', 'permit renewal interview'])).stdout).id;
  await c(['done', deadline]);
});

describe('log ID', () => {
  it("shows a deadline's changes by any unique prefix of its id, and no one else's", async () => {
    const r = await c(['log', deadline.slice(0, 6)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^.* {2}done {2}deadline d-\w{8} "permit renewal interview"\n {4}done on: — → 24 November 2026\n.* {2}add deadline {2}deadline d-\w{8} "permit renewal interview"\n/);
    expect(r.stdout).not.toContain('Dawit Kebede');
    expect(await logged([deadline])).toEqual(['done done d-', 'add deadline add d-']);
  });

  it("shows an event's and a source's (with the events citing it)", async () => {
    expect(await logged([event])).toEqual(['add event add e-']);
    expect(await logged([source])).toEqual(['add event add e-', 'add source add s-']);
  });

  it('shows a deleted deadline\'s changes, the delete first', async () => {
    await c(['delete', deadline, '--force']);
    expect(await logged([deadline.slice(0, 8)])).toEqual(['delete delete d-', 'done done d-', 'add deadline add d-']);
  });

  it('refuses an id nothing has had, and still takes a case', async () => {
    expect(await c(['log', 'd-zzzz'])).toMatchObject({ code: 1, stderr: 'caselog: no deadline has an id starting "d-zzzz": "caselog due" and "caselog search" show deadlines with their ids\n' });
    expect(await logged(['C-1'])).toEqual(['done done d-', 'add deadline add d-', 'add event add e-', 'add person add p-', 'add case add c-']);
  });
});
