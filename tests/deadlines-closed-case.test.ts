// A deadline never goes on a closed case, where due would never show it: refused, with the way out;
// an open case of the person's is taken or asked for; show says what waits in closed cases.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2026-11-24' });
const REFUSAL = 'caselog: C-OLD is closed: its deadlines are not shown by due; reopen it first (caselog reopen C-OLD) or name an open case\n';

beforeEach(async () => {
  db = tempDb();
  for (const args of [
    ['add', 'case', '--ref', 'C-OLD', '--title', 'old asylum case'],
    ['add', 'person', 'Dawit Kebede', '--case', 'C-OLD', '--risk', 'refoulement'],
    ['close', 'C-OLD', '--reason', 'granted'],
  ]) expect((await c(args)).code).toBe(0);
});

describe('a deadline for a closed case', () => {
  it.each([
    [['Dawit Kebede']],
    [['C-OLD']],
    [['C-OLD', 'Dawit Kebede']],
  ])('is refused for %j, and nothing is recorded', async (who) => {
    const before = (await c(['export'])).stdout;
    const r = await c(['add', 'deadline', ...who, '--date', 'in 3 days', '--warn', '2', '--note', 'permit renewal interview']);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: REFUSAL });
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('goes on the open case of someone also in a closed one', async () => {
    await c(['add', 'case', '--ref', 'C-NEW', '--title', 'renewal']);
    await c(['edit', 'Dawit Kebede', '--case', 'C-OLD', '--case', 'C-NEW']);
    const r = await c(['--json', 'add', 'deadline', 'Dawit Kebede', '--date', 'in 3 days', '--note', 'permit renewal interview']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).case).toMatchObject({ ref: 'C-NEW' });
    expect((await c(['due'])).stdout).toContain('permit renewal interview');
  });

  it('names only the open cases when there are several, and asks among them on a terminal', async () => {
    for (const ref of ['C-NEW', 'C-TWO']) await c(['add', 'case', '--ref', ref, '--title', 'renewal']);
    await c(['edit', 'Dawit Kebede', '--case', 'C-OLD', '--case', 'C-NEW', '--case', 'C-TWO']);
    const args = ['add', 'deadline', 'Dawit Kebede', '--date', 'in 3 days', '--note', 'permit renewal interview'];
    expect(await c(args)).toMatchObject({
      code: 1, stderr: 'caselog: Dawit Kebede is in several open cases (C-NEW, C-TWO): name the case too, e.g. caselog add deadline C-NEW "Dawit Kebede" ...\n',
    });
    const two = JSON.parse((await c(['--json', 'show', 'C-TWO'])).stdout).id;
    const prompter = scriptedPrompter([two]);
    const r = await caselog(['--json', ...args], { db, today: '2026-11-24', tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toEqual(['Dawit Kebede is in several open cases: which is the deadline for?']);
    expect(prompter.choices[0]!.map((choice) => choice.name)).toEqual(['C-NEW', 'C-TWO']);
    expect(JSON.parse(r.stdout).case).toMatchObject({ ref: 'C-TWO' });
  });

  // As it was before: pinned, since the refusal above relies on the guided add never reaching it.
  it('is not offered by the guided add', async () => {
    await c(['add', 'case', '--ref', 'C-NEW', '--title', 'renewal']);
    const prompter = scriptedPrompter(['deadline', 'none']);
    await caselog(['add'], { db, today: '2026-11-24', tty: true, prompter }).catch(() => undefined);
    expect(prompter.choices[1]!.map((choice) => choice.name)).toEqual(['C-NEW \u2014 renewal', 'A new case', 'No case']);
  });
});

describe("show of someone whose only deadlines not done are in a closed case", () => {
  it('says they are there, rather than none', async () => {
    expect((await c(['show', 'Dawit Kebede'])).stdout).toContain('  next deadline: none open\n');
    await c(['reopen', 'C-OLD']);
    await c(['add', 'deadline', 'Dawit Kebede', '--date', 'in 3 days', '--note', 'permit renewal interview']);
    expect((await c(['show', 'Dawit Kebede'])).stdout).toContain('  next deadline: permit renewal interview');
    await c(['close', 'C-OLD']);
    expect((await c(['show', 'Dawit Kebede'])).stdout).toContain('  next deadline: none in open cases (1 open in closed C-OLD)\n');
  });
});

describe('show --json of someone with deadlines not done in a closed case', () => {
  it('gives them by case, as the card says "1 open in closed C-OLD", whether or not an open case has a deadline', async () => {
    const inClosed = async () => JSON.parse((await c(['--json', 'show', 'Dawit Kebede'])).stdout).openDeadlinesInClosedCases;
    expect(await inClosed()).toEqual([]);
    await c(['reopen', 'C-OLD']);
    await c(['add', 'deadline', 'Dawit Kebede', '--date', 'in 3 days', '--note', 'permit renewal interview']);
    await c(['close', 'C-OLD']);
    const old = JSON.parse((await c(['--json', 'show', 'C-OLD'])).stdout).id;
    expect(await inClosed()).toEqual([{ case: { id: old, ref: 'C-OLD' }, count: 1 }]);
    // A deadline in an open case is the next one; those waiting in the closed case are still there.
    await c(['add', 'case', '--ref', 'C-NEW', '--title', 'renewal']);
    await c(['edit', 'Dawit Kebede', '--case', 'C-OLD', '--case', 'C-NEW']);
    await c(['add', 'deadline', 'C-NEW', '--date', 'in 5 days', '--note', 'appeal hearing']);
    const shown = JSON.parse((await c(['--json', 'show', 'Dawit Kebede'])).stdout);
    expect(shown.nextDeadline).toMatchObject({ note: 'appeal hearing' });
    expect(shown.openDeadlinesInClosedCases).toEqual([{ case: { id: old, ref: 'C-OLD' }, count: 1 }]);
  });
});
