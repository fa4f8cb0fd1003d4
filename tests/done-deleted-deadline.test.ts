// A record another caselog took away a moment ago (a colleague's delete on a shared database, an undo)
// is said to be gone, when, by whom, and where its log is: "no deadline d-nagd: caselog due shows
// the open deadlines" sent the user looking for it.
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const when = `on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d by ${esc(userInfo().username)}`;

async function withDeadline(db: string): Promise<string> {
  expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
  const added = await caselog(['add', 'deadline', 'UA 1/26', '--date', '2026-12-01', '--note', 'Check with the lawyer'], { db, today: '2026-11-22' });
  return /\[(d-[0-9a-z]+)\]/.exec(added.stdout + added.stderr)![1]!;
}

describe('a deadline deleted meanwhile', () => {
  it('done, reopen, show and edit say it was deleted, when and by whom', async () => {
    const db = tempDb();
    const id = await withDeadline(db);
    expect((await caselog(['delete', id, '--force'], { db })).code).toBe(0);
    const gone = new RegExp(`^caselog: deadline ${id} was deleted ${when}: "caselog log ${id}" shows what it held\\n$`);
    for (const args of [['done', id.slice(0, 6)], ['reopen', id], ['show', id], ['edit', id, '--note', 'x']]) {
      const r = await caselog(args, { db });
      expectOneClearLine(r, gone);
    }
    expect((await caselog(['log', id], { db })).stdout).toContain('Check with the lawyer');
  });

  it('taken back by undo is said so; an id never used is still "no deadline"', async () => {
    const db = tempDb();
    const id = await withDeadline(db);
    expect((await caselog(['undo'], { db })).code).toBe(0);
    expectOneClearLine(await caselog(['done', id], { db }), new RegExp(`^caselog: deadline ${id} was taken back by undo ${when}:`));
    expectOneClearLine(await caselog(['done', 'd-zzzz'], { db }), /^caselog: no deadline d-zzzz: "caselog due" shows the open deadlines with their ids\n$/);
  });
});
