// --join-cases where one side closed the case and the other did not: the case here keeps its state,
// and the import says what that does to the file's deadlines (as close says "leaves due"), with the
// command that would give the case the file's state.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const REF = 'MENA 12/26';
const TODAY = '2026-11-24';
const on = (db: string) => (args: string[]) => caselog(args, { db, today: TODAY });

/** A database with the case open, a person at risk on it and a deadline in four days; its export. */
async function openSide(): Promise<{ c: ReturnType<typeof on>; file: string }> {
  const c = on(tempDb());
  await c(['add', 'case', '--ref', REF, '--title', 'mine', '--opened', '2019-02-01']);
  await c(['add', 'person', 'Mona Kamal', '--case', REF, '--risk', 'enforced-disappearance']);
  await c(['add', 'deadline', REF, '--date', '2026-11-28', '--note', 'call the family']);
  return { c, file: fileOf('mine.json', (await c(['export'])).stdout) };
}

/** A database with the case closed long ago, a deadline on it never marked done; its export. */
async function closedSide(): Promise<{ c: ReturnType<typeof on>; file: string }> {
  const c = on(tempDb());
  await c(['add', 'case', '--ref', REF, '--title', 'hers', '--opened', '2019-01-01']);
  await c(['add', 'deadline', REF, '--date', '2020-03-01', '--note', 'ask for news']);
  await c(['close', REF, '--date', '2020-06-01', '--reason', 'handed over']);
  return { c, file: fileOf('hers.json', (await c(['export'])).stdout) };
}

const deadlineId = async (c: ReturnType<typeof on>, note: string) =>
  (JSON.parse((await c(['export'])).stdout).deadlines as Array<{ id: string; note: string }>).find((d) => d.note === note)!.id.slice(0, 10);

describe('--join-cases of a case open in the file and closed here', () => {
  it('keeps it closed and says which of the file\'s deadlines are not in due, with the reopen', async () => {
    const { c: mine, file } = await openSide();
    const id = await deadlineId(mine, 'call the family');
    const { c: hers } = await closedSide();
    const dry = await hers(['import', file, '--join-cases', '--dry-run']);
    expect(dry.stderr).toContain(`note: ${REF} is closed here (since 1 June 2020: handed over) and open in the file; it would stay closed, ` +
      `so the file's 1 open deadline on it would not be in due: call the family \u2014 28 November 2026 (in 4 days) [${id}]. ` +
      `If the case is open again, after the import, caselog reopen "${REF}"`);
    const r = await hers(['import', file, '--join-cases']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`note: ${REF} is closed here (since 1 June 2020: handed over) and open in the file; it stays closed, ` +
      `so the file's 1 open deadline on it is not in due: call the family \u2014 28 November 2026 (in 4 days) [${id}]. If the case is open again, caselog reopen "${REF}"`);
    // As said: the case stays closed, and the command given brings the deadline into due.
    expect((await hers(['due'])).stdout).not.toContain('call the family');
    expect((await hers(['reopen', REF])).code).toBe(0);
    expect((await hers(['due'])).stdout).toContain('call the family');
  });
});

describe('--join-cases of a case closed in the file and open here', () => {
  it('keeps it open, says the file\'s deadlines never done come into due and that its close date and reason are not taken, with done and close', async () => {
    const { c: hers, file } = await closedSide();
    const id = await deadlineId(hers, 'ask for news');
    const { c: mine } = await openSide();
    const r = await mine(['import', file, '--join-cases']);
    expect(r.code).toBe(0);
    const close = `caselog close "${REF}" --date 2020-06-01 --reason "handed over"`;
    expect(r.stderr).toContain(`note: ${REF} is closed in the file (on 1 June 2020: handed over) and open here; it stays open (the file's close date and reason are not taken), ` +
      `so the file's 1 deadline on it never marked done is in due: ask for news \u2014 1 March 2020 (2459 days overdue) [${id}]. ` +
      `If it is done, caselog done ${id}; if the case is closed, ${close}`);
    expect((await mine(['due'])).stdout).toContain('ask for news');
    // The close given takes: the case closed as the file has it, out of due.
    expect((await mine(['close', REF, '--date', '2020-06-01', '--reason', 'handed over'])).stderr).toContain(`Closed ${REF} on 1 June 2020 (handed over)`);
    expect((await mine(['due'])).stdout).not.toContain('ask for news');
    // The close date given is one close takes... except that this case opened after it: then today's.
    const late = on(tempDb());
    await late(['add', 'case', '--ref', REF, '--title', 'late']);
    expect((await late(['import', file, '--join-cases'])).stderr).toContain(`if the case is closed, caselog close "${REF}" --reason "handed over"\n`);
    // Both open: nothing said of the kind.
    const both = await (await openSide()).c(['import', (await openSide()).file, '--join-cases']);
    expect(both).toMatchObject({ code: 0, stderr: expect.not.stringContaining('closed') });
  });
});
