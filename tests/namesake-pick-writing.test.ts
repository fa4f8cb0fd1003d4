// Two people of one name (a father and his son): a writing command asked on a terminal which one is
// meant takes Enter as none of them, as a loose match's question takes it as No; reading, Enter takes
// the first listed, as before.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ENTER, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const today = '2026-11-24';
const c = (args: string[]) => caselog(args, { db, today });
const exported = async () => (await c(['export'])).stdout;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'Family detained'])).code).toBe(0);
  expect((await c(['add', 'person', 'Ali Hassan', '--case', 'UA 5/26', '--born', '1960'])).code).toBe(0);
  expect((await c(['add', 'person', 'Ali Hassan', '--case', 'UA 5/26', '--born', '1990', '--new'])).code).toBe(0);
});

describe('choosing between namesakes on a terminal', () => {
  it('a write: Enter records nothing, and says so', async () => {
    const before = await exported();
    const prompter = scriptedPrompter([ENTER]);
    const r = await caselog(['add', 'deadline', 'Ali Hassan', '--date', '2026-12-08', '--note', 'ask the lawyer'], { db, today, tty: true, prompter });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('caselog: nothing changed: none of the people called "Ali Hassan" was chosen\n');
    expect(prompter.choices[0]!.at(-1)).toEqual({ name: 'None of these: change nothing', value: '' });
    expect(await exported()).toBe(before);
  });

  it('a write: the one picked gets it', async () => {
    const prompter = scriptedPrompter([ENTER]);
    const probe = await caselog(['timeline', 'Ali Hassan'], { db, today, tty: true, prompter });
    expect(probe.code).toBe(0);
    const son = prompter.choices[0]!.find((ch) => ch.name.includes('born 1990'))!.value as string;
    const r = await caselog(['add', 'deadline', 'Ali Hassan', '--date', '2026-12-08', '--note', 'ask the lawyer'], { db, today, tty: true, prompter: scriptedPrompter([son]) });
    expect(r.code, r.stderr).toBe(0);
    const deadlines = (JSON.parse(await exported()) as { deadlines: Array<{ people: string[] }> }).deadlines;
    expect(deadlines.map((d) => d.people)).toEqual([[son]]);
  });
});

describe('one of two namesakes listed alone', () => {
  it('due and the timeline heading give their id, though the other is not listed; a name of one person has none', async () => {
    const people = JSON.parse((await c(['--json', 'list', 'people'])).stdout) as Array<{ id: string; name: string }>;
    const [one] = people.map((p) => p.id);
    expect((await c(['add', 'deadline', one!, '--date', '2026-12-08', '--note', 'ask the lawyer'])).code).toBe(0);
    expect((await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 5/26'])).code).toBe(0);
    expect((await c(['add', 'deadline', 'Kasim Mahpir', '--date', '2026-12-09', '--note', 'call the family'])).code).toBe(0);
    const due = (await c(['due'])).stdout;
    expect(due).toContain(`UA 5/26  Ali Hassan [${one!.slice(0, 10)}]  d-`);
    expect(due).toMatch(/UA 5\/26 {2}Kasim Mahpir {2}d-/);
    expect((await c(['timeline', one!])).stdout.split('\n')[0]).toMatch(new RegExp(`^Ali Hassan \\[${one!.slice(0, 10)}\\] — `));
  });
});

