// An undo in the change log reads as the rest of the log: whose change it undid, which command, when
// (local time with its offset, as every line) and what it put back or removed; not its batch number,
// which the log shows nowhere else. The changes an undo reversed are marked so, as no longer standing.
import { basename } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

/** Who runs caselog: the OS user the change log records. */
let osUser = 'aigerim';
vi.mock('node:os', async (original) => {
  const os = await original<typeof import('node:os')>();
  return { ...os, userInfo: () => ({ ...os.userInfo(), username: osUser }) };
});

let db: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2026-11-24' });
const TIME = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d [+-]\\d\\d:\\d\\d';
const heads = (stdout: string) => stdout.split('\n').filter((l) => l && !l.startsWith(' '));
let theCase: string;

beforeEach(async () => {
  db = tempDb();
  osUser = 'aigerim';
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98']);
  await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned to China']);
  theCase = (JSON.parse((await c(['--json', 'show', 'UA 77/98'])).stdout) as { id: string }).id;
});

describe("an undo's entry in the log", () => {
  it('says whose command it undid, when, and what it put back, with no batch number', async () => {
    expect((await c(['delete', 'UA 77/98', '--force'])).code).toBe(0);
    expect((await c(['undo'])).code).toBe(0);
    const r = await c(['log', '--limit', '0']);
    const [undo, summary] = r.stdout.split('\n');
    expect(undo).toMatch(new RegExp(`^${TIME} {2}aigerim {2}undo$`));
    expect(summary).toMatch(new RegExp(`^ {4}undid aigerim's "delete" of ${TIME}: put back case ${theCase.slice(0, 10)} "UA 77/98" and 2 other records as before$`));
    expect(r.stdout).not.toMatch(/batch|\d{4}-\d\d-\d\dT/);
  });

  it('says what an undone add removed, and an import by its file', async () => {
    await c(['add', 'deadline', 'UA 77/98', '--date', '2027-01-10', '--note', 'hearing']);
    await c(['undo']);
    expect((await c(['log', '--limit', '1'])).stdout).toMatch(new RegExp(`^${TIME} {2}aigerim {2}undo\\n {4}undid aigerim's "add deadline" of ${TIME}: removed deadline d-\\w{8} "hearing"\\n`));
    // Its records are others than these.
    db = tempDb();
    await c(['import', DEMO]);
    await c(['undo']);
    expect((await c(['log', '--limit', '1'])).stdout).toMatch(new RegExp(`^ {4}undid aigerim's "import" \\(\\S*${basename(DEMO)}\\) of ${TIME}: removed case c-\\w{8} "[^"]+" and \\d+ other records$`, 'm'));
  });
});

describe('changes an undo reversed', () => {
  it('are marked undone, with when, and by whom when not by who made them; those that stand are not', async () => {
    await c(['delete', 'UA 77/98', '--force']);
    osUser = 'berik';
    await c(['undo', '--force']);
    const lines = heads((await c(['log', '--limit', '0'])).stdout);
    const undone = lines.filter((l) => l.includes('(undone'));
    expect(undone).toHaveLength(3);
    for (const line of undone) expect(line).toMatch(new RegExp(`^${TIME} {2}aigerim {2}delete .* \\(undone ${TIME} by berik\\)$`));
    expect(lines.filter((l) => / {2}add /.test(l) || / {2}undo/.test(l)).some((l) => l.includes('undone'))).toBe(false);
    // The undoer's own change undone: no "by".
    osUser = 'aigerim';
    await c(['edit', 'Hemit Memet', '--citizenship', 'China']);
    await c(['undo']);
    expect(heads((await c(['log', '--limit', '3'])).stdout)[2]).toMatch(new RegExp(`  edit  person p-\\w{8} "Hemit Memet" \\(undone ${TIME}\\)$`));
  });

  it('carry in --json when and by whom, beside the fields as they were', async () => {
    await c(['delete', 'UA 77/98', '--force']);
    await c(['undo']);
    const entries = JSON.parse((await c(['--json', 'log', '--limit', '0'])).stdout) as Array<Record<string, unknown>>;
    const deleted = entries.filter((e) => e.command === 'delete');
    expect(deleted).toHaveLength(3);
    for (const e of deleted) expect(e.undone).toEqual({ at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), user: 'aigerim' });
    expect(entries.filter((e) => e.command !== 'delete').some((e) => 'undone' in e)).toBe(false);
    expect(entries[0]).toMatchObject({ action: 'undo', kind: 'batch', id: null, after: { batch: deleted[0]!.batch, action: 'delete', command: 'delete' } });
  });
});
