// Two colleagues who each set the action's "check before" date hold one deadline under two ids: an
// import takes the file's as the one here (same case, date, note and people), with a note, as it takes
// an event each recorded; never a reminder listed twice by due and twice in the calendar. Done in one
// is done: the check was made.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let ours: string;
let theirs: string;
const c = (args: string[], db = ours) => caselog(args, { db, today: '2026-11-24' });
const json = async (args: string[], db = ours) => JSON.parse((await c(['--json', ...args], db)).stdout);
const NOTE = 'check with the International Secretariat before sending appeals';

beforeEach(async () => {
  ours = tempDb();
  theirs = tempDb();
  for (const db of [ours, theirs]) {
    expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 't'], db)).code).toBe(0);
    expect((await c(['add', 'deadline', 'UA 77/98', '--date', '15 March 2027', '--warn', '14', '--note', NOTE], db)).code).toBe(0);
  }
});

async function theirExport(): Promise<string> {
  const file = join(dirname(theirs), 'theirs.json');
  writeFileSync(file, (await c(['export'], theirs)).stdout);
  return file;
}
const idOf = async (db: string) => ((await json(['export'], db)).deadlines as Array<{ id: string }>)[0]!.id;
const due = async () => (await c(['due', '--within', '200'])).stdout;

describe('import of a deadline that one here says all of', () => {
  it('takes it as the one here, with a note: due and the calendar list it once; again, nothing changes', async () => {
    const [here, there] = [await idOf(ours), await idOf(theirs)];
    const file = await theirExport();
    const r = await c(['import', file, '--join-cases']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toContain(': 0 added, 0 updated, 1 unchanged');
    expect(r.stderr).toContain(`note: deadline ${there.slice(0, 10)} of the file (15 March 2027: ${NOTE}) is deadline ${here.slice(0, 10)} here ` +
      '(the same case, date, note and people): taken as that one, not added again');
    expect((await due()).split(NOTE)).toHaveLength(2);
    expect((await c(['export', '--format', 'ics'])).stdout.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect((await c(['import', file, '--join-cases'])).stderr).toContain(': 0 added, 0 updated, 1 unchanged');
  });

  it('keeps its own advance warning, named; a dry run says it would', async () => {
    expect((await c(['edit', await idOf(theirs), '--warn', '30'], theirs)).code).toBe(0);
    const r = await c(['import', await theirExport(), '--join-cases', '--dry-run']);
    expect(r.stderr).toMatch(/it would be taken as that one, which keeps its own advance warning \(the file's differs\), not added again/);
    expect((await c(['import', await theirExport(), '--join-cases'])).code).toBe(0);
    expect((await json(['export'])).deadlines).toEqual([expect.objectContaining({ warn: 14 })]);
  });

  it('marks the one here done when the colleague did it, saying so; undo opens it again', async () => {
    const here = await idOf(ours);
    expect((await c(['done', await idOf(theirs)], theirs)).code).toBe(0);
    const r = await c(['import', await theirExport(), '--join-cases']);
    expect(r.stderr).toContain(': 0 added, 1 updated, 0 unchanged');
    expect(r.stderr).toContain(`; done there on 24 November 2026, so marked done here too (caselog reopen ${here.slice(0, 10)} if it is not)`);
    expect(await due()).not.toContain(NOTE);
    expect((await json(['export'])).deadlines).toEqual([expect.objectContaining({ id: here, doneOn: '2026-11-24' })]);
    expect((await c(['undo'])).code).toBe(0);
    expect(await due()).toContain(NOTE);
  });

  it('leaves the one here done when it is open in the file', async () => {
    expect((await c(['done', await idOf(ours)])).code).toBe(0);
    const r = await c(['import', await theirExport(), '--join-cases']);
    expect(r.stderr).toContain(': 0 added, 0 updated, 1 unchanged');
    expect(r.stderr).toContain('not added again; it stays done here, though open in the file');
    expect(await due()).not.toContain(NOTE);
  });
});
