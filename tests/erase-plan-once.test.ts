// erase on a large database: the refusal comes before the long search for the name, the terminal is
// told of the search before it starts, and the plan confirmed is the one carried out unless the
// database changed meanwhile.
import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as plans from '../src/store/erase-plan';
import type { Prompter } from '../src/prompter';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';

vi.mock('../src/store/erase-plan', async (original) => {
  const real = await original<typeof import('../src/store/erase-plan')>();
  return { ...real, planEraseSteps: vi.fn(real.planEraseSteps) };
});
const planned = vi.mocked(plans.planEraseSteps);

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });
const onDisk = (text: string): boolean =>
  ['', '-wal', '-journal'].filter((s) => existsSync(db + s)).some((s) => readFileSync(db + s).includes(Buffer.from(text, 'utf8')));

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
  await c(['add', 'person', 'Zebulon Quixotica', '--new']);
  await c(['add', 'event', 'Hemit Memet', '--date', '2019-05-05', '--type', 'arrest', '--summary', 'Seen with Zebulon Quixotica']);
  planned.mockClear();
});

describe('erase on a large database', () => {
  it('refuses for want of --force without looking for the name first', async () => {
    const r = await c(['erase', 'Zebulon Quixotica']);
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: erasing Zebulon Quixotica cannot be undone and needs confirmation: use --force\n' });
    expect(planned).not.toHaveBeenCalled();
  });

  it('on a terminal, says it is looking through the records, and that Ctrl-C is safe, before the warning', async () => {
    const r = await caselog(['erase', 'Zebulon Quixotica'], { db, today: '2020-02-01', tty: true, prompter: scriptedPrompter(['zebulon quixotica']) });
    expect(r.code).toBe(0);
    const looking = r.stderr.indexOf('Looking through the records for their names; on a large database this takes a while. Ctrl-C stops it safely: nothing is erased before you confirm.');
    expect(looking).toBe(0);
    expect(r.stderr.indexOf('This erases Zebulon Quixotica for good')).toBeGreaterThan(looking);
    // Without a terminal nothing is asked and nothing said of it.
    await c(['add', 'person', 'Murat', '--new']);
    expect((await c(['erase', 'Murat', '--force'])).stderr).not.toContain('Looking through');
  });

  it('looks for the name once, not again inside the erase', async () => {
    const r = await c(['erase', 'Zebulon Quixotica', '--force']);
    expect(r.stderr).toContain('Their name was replaced by [erased] in records that stay: event');
    expect(planned).toHaveBeenCalledTimes(1);
    expect(onDisk('Zebulon Quixotica')).toBe(false);
  });

  it('looks again when another caselog wrote while the confirmation waited, asks again with what it found, and leaves no mention behind', async () => {
    let asked = 0;
    const confirmingLate: Prompter = {
      ...scriptedPrompter([]),
      input: async () => {
        if (asked++ === 0) expect((await c(['add', 'event', 'Hemit Memet', '--date', '2019-06-01', '--type', 'hearing', '--summary', 'Hearing of Zebulon Quixotica'])).code).toBe(0);
        return 'Zebulon Quixotica';
      },
    };
    const r = await caselog(['erase', 'Zebulon Quixotica'], { db, today: '2020-02-01', tty: true, prompter: confirmingLate });
    expect(r.code).toBe(0);
    expect(asked).toBe(2);
    // Once before the question, once inside the write that found the change; the second write carries out what was shown again.
    expect(planned).toHaveBeenCalledTimes(2);
    const [before, after] = r.stderr.split('What this erases changed after it was shown (another caselog wrote meanwhile); nothing was erased. Now:\n');
    expect((before!.match(/These stay, with their name replaced by \[erased\]: ([^\n]*)/)![1]!.match(/event e-/g) ?? []).length).toBe(1);
    expect((after!.match(/These stay, with their name replaced by \[erased\]: ([^\n]*)/)![1]!.match(/event e-/g) ?? []).length).toBe(2);
    expect(onDisk('Zebulon Quixotica')).toBe(false);
    const summaries = JSON.parse((await c(['--json', 'timeline', 'Hemit Memet'])).stdout).events.map((e: { summary: string }) => e.summary);
    expect(summaries).toEqual(expect.arrayContaining(['Seen with [erased]', 'Hearing of [erased]']));
  });
});
