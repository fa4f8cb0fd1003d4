// Two people of one name in one case, a father and his son: every list to pick from shows what tells
// them apart, and every line saying what was recorded, and the case's timeline and dossier, their ids.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
let father: string;
let son: string;
const today = '2026-11-24';
const c = (args: string[]) => caselog(args, { db, today });
const onTerminal = (args: string[], answers: unknown[]) => {
  const prompter = scriptedPrompter(answers);
  return { prompter, result: caselog(args, { db, today, tty: true, prompter }) };
};
const short = (id: string) => id.slice(0, 10);
const addedId = async (args: string[]) => JSON.parse((await c(['--json', 'add', 'person', ...args])).stdout).id as string;
const eventsOf = async (id: string) => JSON.parse((await c(['--json', 'timeline', id])).stdout).events as Array<{ summary: string }>;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
  father = await addedId(['Ilyas Zordun', '--case', 'UA 77/98', '--born', '1950', '--status', 'detained']);
  son = await addedId(['Ilyas Zordun', '--case', 'UA 77/98', '--born', '1978', '--new']);
  await addedId(['Hemit Memet', '--case', 'UA 77/98']);
});

const fatherLine = () => `Ilyas Zordun [${short(father)}] (born 1950, status detained, UA 77/98)`;
const sonLine = () => `Ilyas Zordun [${short(son)}] (born 1978, status unknown, UA 77/98)`;
/** The two in either order (by id), nothing else. */
// A write's list ends with choosing none of them (Enter's choice there).
const people = (choices: Array<{ name: string; value?: unknown }>) => choices.filter((ch) => ch.value !== '');
const bothListed = (choices: Array<{ name: string; value?: unknown }>) => expect(people(choices).map((ch) => ch.name).sort()).toEqual([fatherLine(), sonLine()].sort());

describe('picking one of two people of one name', () => {
  it('shows each with id, birth year, status and case, and says whom the event was recorded for', async () => {
    const { prompter, result } = onTerminal(['add', 'event', 'Ilyas Zordun', '--date', '2020-03-01', '--type', 'release', '--summary', 'Son released'], [son]);
    const r = await result;
    expect(r.code).toBe(0);
    bothListed(prompter.choices[0]!);
    expect(r.stderr).toMatch(new RegExp(`^Recorded release on 1 March 2020 for Ilyas Zordun \\[${short(son)}\\] \\[e-\\w+\\]\\n`));
    expect((await eventsOf(son)).map((e) => e.summary)).toEqual(['Son released']);
    expect(await eventsOf(father)).toEqual([]);
  });

  it('names the person with their id in the line for an event or status given by id, and not someone of a name of their own', async () => {
    const event = await c(['add', 'event', short(father), 'Hemit Memet', '--date', '2020-02-01', '--type', 'arrest', '--summary', 'Arrested together']);
    expect(event.stderr).toMatch(new RegExp(`^Recorded arrest on 1 February 2020 for Ilyas Zordun \\[${short(father)}\\], Hemit Memet \\[e-\\w+\\]\\n`));
    const status = await c(['status', short(son), 'released']);
    expect(status.stderr).toMatch(new RegExp(`^Recorded Ilyas Zordun \\[${short(son)}\\]: released on 24 November 2026 \\(was unknown\\) \\[e-\\w+\\]\\n`));
  });

  it('shows the same in the merge and erase pickers', async () => {
    const merge = onTerminal(['merge', 'Ilyas Zordun', 'Hemit Memet'], [son, false]);
    expect((await merge.result).stderr).toContain('nothing merged');
    bothListed(merge.prompter.choices[0]!);
    const erase = onTerminal(['erase', 'Ilyas Zordun'], [son, 'someone else']);
    expect((await erase.result).stderr).toContain('nothing erased');
    bothListed(erase.prompter.choices[0]!);
  });

  it('asks merge of one name twice for two things: the duplicate, then the one it goes into, without the first pick', async () => {
    const grandson = await addedId(['Ilyas Zordun', '--case', 'UA 77/98', '--born', '2001', '--new']);
    const three = onTerminal(['merge', 'Ilyas Zordun', 'Ilyas Zordun'], [grandson, son, false]);
    expect((await three.result).stderr).toContain('nothing merged');
    expect(three.prompter.asked.slice(0, 2)).toEqual(['Which Ilyas Zordun is the duplicate to merge away?', 'Which Ilyas Zordun should it go into?']);
    expect(people(three.prompter.choices[0]!).map((ch) => ch.value)).toHaveLength(3);
    expect(people(three.prompter.choices[1]!).map((ch) => ch.value).sort()).toEqual([father, son].sort());
    // Of two, the one not picked is the only one it can go into: not asked.
    expect((await c(['merge', grandson, son, '--force'])).code).toBe(0);
    const two = onTerminal(['merge', 'Ilyas Zordun', 'Ilyas Zordun'], [son, true]);
    const r = await two.result;
    // Which goes and which stays, by their ids: "Merge Ilyas Zordun into Ilyas Zordun?" said neither.
    expect(two.prompter.asked).toEqual(['Which Ilyas Zordun is the duplicate to merge away?', `Merge Ilyas Zordun [${short(son)}] into Ilyas Zordun [${short(father)}]?`]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining(`Merged Ilyas Zordun [${short(son)}] into Ilyas Zordun [${short(father)}]`) });
  });

  it('shows the same in the guided add\'s list to tick, others by their name alone', async () => {
    const caseId = JSON.parse((await c(['--json', 'show', 'UA 77/98'])).stdout).id as string;
    const { prompter, result } = onTerminal(['add'], ['event', caseId, [father], '2 March 2000', 'arrest', 'Arrested at home', '', '', '']);
    const r = await result;
    expect(r.code).toBe(0);
    const names = prompter.choices[2]!.map((ch) => ch.name);
    bothListed(prompter.choices[2]!.slice(0, 2));
    expect(names.slice(2)).toEqual(['Hemit Memet', 'Someone new', 'The whole case']);
    expect(r.stderr).toMatch(new RegExp(`^Recorded arrest on 2 March 2000 for Ilyas Zordun \\[${short(father)}\\] \\[e-\\w+\\]\\n`));
  });
});

describe("the case's timeline and dossier", () => {
  beforeEach(async () => {
    await c(['add', 'event', short(father), 'Hemit Memet', '--date', '2020-02-01', '--type', 'arrest', '--summary', 'Arrested together']);
    await c(['add', 'event', short(son), '--date', '2020-03-01', '--type', 'release', '--summary', 'Son released']);
  });

  it("write each event's people with their id where two share a name, Hemit Memet as he is", async () => {
    const timeline = (await c(['timeline', 'UA 77/98'])).stdout;
    expect(timeline).toContain(`  Arrested together\n  Ilyas Zordun [${short(father)}], Hemit Memet\n`);
    expect(timeline).toContain(`  Son released\n  Ilyas Zordun [${short(son)}]\n`);
    const dossier = (await c(['export', '--format', 'md', 'UA 77/98'])).stdout;
    expect(dossier).toContain(`Arrested together (Ilyas Zordun \\[${short(father)}\\], Hemit Memet)`);
    expect(dossier).toContain(`Son released (Ilyas Zordun \\[${short(son)}\\])`);
    expect(dossier).toContain(`### Ilyas Zordun \\[${short(son)}\\]\n`);
    expect(dossier).toContain('### Hemit Memet\n');
  });
});
