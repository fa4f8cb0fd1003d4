// edit on a terminal offers each date as a person reads it ("24 November 2026", not "2026-11-24"),
// as it offers a deadline's; Enter keeps the stored date exactly: its precision, and the words it
// was typed in.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Prompter } from '../src/prompter';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

const TODAY = '2026-11-24';
let db: string;
const c = (args: string[], prompter?: Prompter) => caselog(args, { db, today: TODAY, tty: Boolean(prompter), prompter });
const exported = async () => (await c(['export', '--format', 'json'])).stdout;

/** Presses Enter on every question, or gives the answer for a question that starts with a key; records what was filled in. */
function enterOnAll(answers: Record<string, string> = {}) {
  const filledIn: Record<string, string | undefined> = {};
  const prompter: Prompter = {
    ...scriptedPrompter([]),
    input: async (message, opts) => {
      filledIn[message] = opts?.default;
      const key = Object.keys(answers).find((k) => message.startsWith(k));
      return key !== undefined ? answers[key]! : opts?.default ?? '';
    },
  };
  return { prompter, filledIn };
}

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
  expect((await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--age', '28', '--age-on', '1999-02-11'])).code).toBe(0);
  expect((await c(['add', 'event', 'Hemit Memet', '--date', '~1998', '--type', 'arrest', '--summary', 'Arrested in Almaty'])).code).toBe(0);
  expect((await c(['add', 'source', '--title', 'Further information', '--date', '1999-02', '--ref', 'EUR 57/12/98'])).code).toBe(0);
});

describe('dates offered by edit on a terminal', () => {
  it('are written as a person reads them, and Enter changes nothing', async () => {
    const before = await exported();
    const event = JSON.parse((await c(['--json', 'timeline', 'Hemit Memet'])).stdout).events[0].id as string;
    const asked: Record<string, string | undefined> = {};
    for (const who of ['UA 77/98', event, 'EUR 57/12/98']) {
      const { prompter, filledIn } = enterOnAll();
      expect((await c(['edit', who], prompter)).stderr).toContain('Nothing changed');
      Object.assign(asked, filledIn);
    }
    expect(asked).toMatchObject({ 'Opened on (- to clear):': '24 November 2026', 'Date:': 'c. 1998', 'Date (- to clear):': 'February 1999' });
    expect(await exported()).toBe(before);
  });

  it('keep the day an age was given on exactly when a new age is given and the day is left as it was', async () => {
    const { prompter, filledIn } = enterOnAll({ 'Age (as reported)': '29' });
    expect((await c(['edit', 'Hemit Memet'], prompter)).code).toBe(0);
    expect(filledIn['Aged that on (date; empty: today):']).toBe('11 February 1999');
    const person = JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout);
    expect(person).toMatchObject({ age: 29, ageOn: { date: '1999-02-11', precision: 'day', dateText: '1999-02-11' } });
  });
});
