// A confirmed delete, merge or erase does what the confirmation showed, no more: when another caselog
// writes while the question waits (the prompt holds no lock), nothing changes, and the plan as it is
// now is shown and asked again.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Prompter } from '../src/prompter';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-03-01' });
const summaries = async (who: string): Promise<string[]> =>
  JSON.parse((await c(['--json', 'timeline', who])).stdout).events.map((e: { summary: string }) => e.summary);

/**
 * A terminal whose user answers `answers` in turn, a colleague running `meanwhile` (another caselog)
 * before the first answer is given; the questions asked are recorded.
 */
function colleagueWrites(meanwhile: string[][], answers: unknown[]): Prompter & { asked: string[] } {
  const script = scriptedPrompter(answers);
  let pending = meanwhile;
  const first = async () => {
    for (const args of pending) expect((await c(args)).code).toBe(0);
    pending = [];
  };
  return {
    ...script,
    input: async (message, opts) => { await first(); return script.input(message, opts); },
    confirm: async (message, initial) => { await first(); return script.confirm(message, initial); },
  };
}

const onTerminal = (args: string[], prompter: Prompter) => caselog(args, { db, today: '2026-03-01', tty: true, prompter });

beforeEach(async () => {
  db = tempDb();
  for (const args of [
    ['add', 'case', '--ref', 'R 1', '--title', 't'],
    ['add', 'person', 'Ana Lima', '--case', 'R 1'],
    ['add', 'event', 'Ana Lima', '--date', '2026-01-01', '--type', 'arrest', '--summary', 'first'],
  ]) expect((await c(args)).code).toBe(0);
});

const secondEvent = ['add', 'event', 'Ana Lima', '--date', '2026-02-01', '--type', 'release', '--summary', 'second, added by a colleague'];

describe('delete on a terminal', () => {
  it('deletes nothing when an event naming the person was added while the question waited, and shows and asks again', async () => {
    const prompter = colleagueWrites([secondEvent, ['add', 'deadline', 'Ana Lima', '--date', '2026-04-01', '--note', 'call the lawyer']], ['Ana Lima', 'Ana Lima']);
    const r = await onTerminal(['delete', 'Ana Lima'], prompter);
    expect(r.code).toBe(0);
    expect(prompter.asked).toHaveLength(2);
    const [before, after] = r.stderr.split('What this deletes changed after it was shown (another caselog wrote meanwhile); nothing was deleted. Now:\n');
    expect(before).toContain('and 1 event that name only them:');
    expect(after).toContain('and 2 events that name only them:');
    expect(after).toContain('second, added by a colleague');
    expect(after).toContain('and 1 deadline that name only them:');
    expect(r.stdout + r.stderr).toMatch(/Deleted Ana Lima \[p-\w+\], with 2 events and 1 deadline\./);
  });

  it('leaves everything as it was when the answer to the second question is not the name', async () => {
    const r = await onTerminal(['delete', 'Ana Lima'], colleagueWrites([secondEvent], ['Ana Lima', 'no']));
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('caselog: nothing deleted: "no" is not "Ana Lima"') });
    expect(await summaries('Ana Lima')).toEqual(['first', 'second, added by a colleague']);
  });

  it('deletes a case as shown when nothing it holds changed meanwhile, another record added elsewhere or not', async () => {
    const prompter = colleagueWrites([['add', 'person', 'Rui Costa']], ['R 1']);
    const r = await onTerminal(['delete', 'R 1'], prompter);
    expect(r.code).toBe(0);
    expect(prompter.asked).toHaveLength(1);
    expect(r.stdout + r.stderr).toMatch(/Deleted case R 1 .*\. "caselog undo"/);
    expect(r.stdout + r.stderr).not.toContain('changed after it was shown');
  });

  it('asks again for a case that gained an event meanwhile', async () => {
    const prompter = colleagueWrites([['add', 'event', 'R 1', '--date', '2026-02-02', '--type', 'hearing', '--summary', 'case hearing']], ['R 1', 'R 1']);
    const r = await onTerminal(['delete', 'R 1'], prompter);
    expect(r.code).toBe(0);
    expect(prompter.asked).toHaveLength(2);
    expect(r.stderr).toContain('What this deletes changed after it was shown (another caselog wrote meanwhile); nothing was deleted. Now:\nThis deletes case R 1');
    expect(r.stdout + r.stderr).toContain('with 2 events; 1 record unlinked.');
  });
  it('names, asked again, the people who joined the case meanwhile among those who stay', async () => {
    const prompter = colleagueWrites([['add', 'person', 'Rui Costa', '--case', 'R 1']], ['R 1', 'R 1']);
    const r = await onTerminal(['delete', 'R 1'], prompter);
    expect(r.code).toBe(0);
    const [before, after] = r.stderr.split('What this deletes changed after it was shown (another caselog wrote meanwhile); nothing was deleted. Now:\n');
    expect(before).toContain('  its people stay, no longer in R 1: Ana Lima\n');
    expect(after).toContain('  its people stay, no longer in R 1: Ana Lima, Rui Costa\n');
    expect(r.stdout + r.stderr).toContain('with 1 event; 2 records unlinked.');
  });
});

describe('merge on a terminal', () => {
  it('merges nothing when the duplicate gained an event while the question waited, and shows and asks again', async () => {
    expect((await c(['add', 'person', 'Ana M. Lima', '--new'])).code).toBe(0);
    const meanwhile = ['add', 'event', 'Ana M. Lima', '--date', '2026-02-03', '--type', 'other', '--summary', 'moved, added by a colleague'];
    const prompter = colleagueWrites([meanwhile], [true, false]);
    const r = await onTerminal(['merge', 'Ana M. Lima', 'Ana Lima'], prompter);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('caselog: nothing merged') });
    expect(prompter.asked).toHaveLength(2);
    expect(r.stderr).toContain('What this merges changed after it was shown (another caselog wrote meanwhile); nothing was merged. Now:');
    expect(r.stderr).toContain('events: 1 event moves');
    expect(await summaries('Ana M. Lima')).toEqual(['moved, added by a colleague']);
  });
});

describe('erase on a terminal', () => {
  it('erases nothing when an event naming only them was added while the question waited, and shows and asks again', async () => {
    const prompter = colleagueWrites([secondEvent], ['Ana Lima', 'Ana Lima']);
    const r = await onTerminal(['erase', 'Ana Lima'], prompter);
    expect(r.code).toBe(0);
    expect(prompter.asked).toHaveLength(2);
    const [before, after] = r.stderr.split('What this erases changed after it was shown (another caselog wrote meanwhile); nothing was erased. Now:\n');
    expect(before).toContain('1 event and 0 deadlines about them only');
    expect(after).toContain('2 events and 0 deadlines about them only');
    expect(r.stdout + r.stderr).toContain('Erased one person with 2 events and 0 deadlines');
  });

  it('replaces a word only where it showed, asking again when a record holding it was added meanwhile', async () => {
    expect((await c(['add', 'event', 'Ana Lima', '--date', '2026-01-02', '--type', 'hearing', '--summary', 'Seen with Zebulon'])).code).toBe(0);
    const meanwhile = ['add', 'event', 'Ana Lima', '--date', '2026-01-03', '--type', 'hearing', '--summary', 'Zebulon again'];
    const prompter = colleagueWrites([meanwhile], ['Zebulon', 'no']);
    const r = await onTerminal(['erase', '--word', 'Zebulon'], prompter);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('caselog: nothing erased: "no" is not "Zebulon"') });
    expect(r.stderr).toContain('Where this replaces the word changed after it was shown (another caselog wrote meanwhile); nothing was replaced. Now:\nThis replaces "Zebulon" by [erased], as a whole word written with a capital (in any accents), in 2 records');
    expect(await summaries('Ana Lima')).toEqual(['first', 'Seen with Zebulon', 'Zebulon again']);
  });
});
