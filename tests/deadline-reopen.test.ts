// A deadline marked done by mistake is opened again with reopen ID, as a case is with reopen REF:
// back in due, logged, and undone by undo without reversing anything done after it.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
let id: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2026-11-24' });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'C-1', '--title', 'asylum appeal']);
  await c(['add', 'person', 'Dawit Kebede', '--case', 'C-1']);
  id = JSON.parse((await c(['--json', 'add', 'deadline', 'C-1', '--date', 'in 3 days', '--note', 'permit renewal interview'])).stdout).id;
  expect((await c(['done', id])).code).toBe(0);
});

describe('reopen of a deadline', () => {
  it('marks it open again, by any unique prefix of its id, and due shows it again', async () => {
    expect((await c(['due'])).stdout).not.toContain('permit renewal interview');
    const r = await c(['reopen', id.slice(0, 6)]);
    expect(r).toMatchObject({
      code: 0, stdout: '',
      stderr: `Reopened deadline: permit renewal interview (27 November 2026, C-1) [${id.slice(0, 10)}], marked done on 24 November 2026\n`,
    });
    expect((await c(['due'])).stdout).toContain('permit renewal interview');
    expect(JSON.parse((await c(['--json', 'show', id])).stdout)).toMatchObject({ done: false, doneOn: null });
  });

  it('says so of a deadline already open, as done says of one done, and changes nothing', async () => {
    await c(['reopen', id]);
    const before = (await c(['export'])).stdout;
    expect(await c(['reopen', id])).toMatchObject({ code: 0, stderr: `Already open: permit renewal interview (27 November 2026, C-1) [${id.slice(0, 10)}]\n` });
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('is logged, and undo reverses it alone', async () => {
    await c(['add', 'deadline', 'C-1', '--date', 'in 9 days', '--note', 'file the appeal']);
    await c(['reopen', id]);
    const log = JSON.parse((await c(['--json', 'log', '--limit', '1'])).stdout);
    expect(log[0]).toMatchObject({ action: 'reopen', kind: 'deadlines', id, changed: [{ field: 'doneOn', before: '2026-11-24', after: null }] });
    expect((await c(['undo'])).stderr).toContain('Undid "caselog reopen"');
    const due = (await c(['due'])).stdout;
    expect(due).not.toContain('permit renewal interview');
    expect(due).toContain('file the appeal');
  });

  it('notes when its case is closed, since due leaves it out still', async () => {
    await c(['close', 'C-1']);
    const r = await c(['reopen', id]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: C-1 is closed: due leaves its deadlines out until it is reopened (caselog reopen C-1)\n');
  });

  it('refuses an id no deadline has, and still reopens a case', async () => {
    expect(await c(['reopen', 'd-zzzz'])).toMatchObject({ code: 1, stderr: 'caselog: no deadline d-zzzz: "caselog due" shows the open deadlines with their ids\n' });
    await c(['close', 'C-1']);
    expect((await c(['reopen', 'C-1'])).stderr).toContain('Reopened C-1');
  });
});
