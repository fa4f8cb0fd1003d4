// The guided `caselog add` about several people: ticked among the case's people (with someone new,
// or the case as a whole instead), written with the event or deadline as one change.
import { describe, expect, it } from 'vitest';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';

/** The demo data, UA 77/98's id and its three men's ids by name. */
async function threeMen() {
  const db = tempDb();
  await caselog(['import', DEMO], { db });
  const ua = JSON.parse((await caselog(['--json', 'show', 'UA 77/98'], { db })).stdout);
  const id = (name: string) => ua.people.find((p: { name: string }) => p.name === name).id as string;
  return { db, caseId: ua.id as string, hemit: id('Hemit Memet'), kasim: id('Kasim Mahpir'), ilyas: id('Ilyas Zordun') };
}

const statuses = async (db: string) => Object.fromEntries(JSON.parse((await caselog(['--json', 'show', 'UA 77/98'], { db })).stdout).people
  .map((p: { name: string; status: string }) => [p.name, p.status]));

describe('guided add about several people', () => {
  it('offers the case\'s people as a list to tick, and records one event about the men ticked, moving their status', async () => {
    const { db, caseId, hemit, kasim, ilyas } = await threeMen();
    const prompter = scriptedPrompter(['event', caseId, [hemit, kasim, ilyas], '2 March 2000', 'release', 'Released from Urumqi prison', '', '', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.choices[2]!.map((c) => c.name)).toEqual(['Hemit Memet', 'Kasim Mahpir', 'Ilyas Zordun', 'Someone new', 'The whole case']);
    expect(r.stderr).toMatch(/^Recorded release on 2 March 2000 for Hemit Memet, Kasim Mahpir, Ilyas Zordun \[e-\w+\]\n/);
    expect(await statuses(db)).toEqual({ 'Hemit Memet': 'released', 'Kasim Mahpir': 'released', 'Ilyas Zordun': 'released' });
  });

  it('refuses ticking nobody, or the whole case with people, and asks again', async () => {
    const { db, caseId, hemit, kasim } = await threeMen();
    const prompter = scriptedPrompter(['event', caseId, [], [hemit, 'whole'], [hemit, kasim], '2 March 2000', 'release', 'Released', '', '', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.refusals).toEqual([
      'tick at least one (space): a person, someone new, or the whole case',
      'the whole case names nobody: untick it, or untick the others',
    ]);
    expect(await statuses(db)).toEqual({ 'Hemit Memet': 'released', 'Kasim Mahpir': 'released', 'Ilyas Zordun': 'returned' });
  });

  it('records an event on the whole case when that alone is ticked', async () => {
    const { db, caseId } = await threeMen();
    const prompter = scriptedPrompter(['event', caseId, ['whole'], '2000', 'report', 'Arrests reported in Ghulja', '', '', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Recorded report in 2000 for case UA 77\/98 \[e-\w+\]\n/);
  });

  it('adds someone new to the case beside the men ticked, all in one change that one undo takes back', async () => {
    const { db, caseId, hemit, kasim } = await threeMen();
    const before = (await caselog(['export'], { db })).stdout;
    const prompter = scriptedPrompter(['event', caseId, [hemit, 'new', kasim], 'Aziz Karimov', 'torture', '', '2 March 2000', 'detention',
      'Held together in Urumqi', '', '', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Added Aziz Karimov \[p-\w+\]\nRecorded detention on 2 March 2000 for Hemit Memet, Kasim Mahpir, Aziz Karimov \[e-\w+\]\n/);
    expect(await statuses(db)).toEqual({ 'Hemit Memet': 'detained', 'Kasim Mahpir': 'detained', 'Ilyas Zordun': 'returned', 'Aziz Karimov': 'detained' });
    expect((await caselog(['undo'], { db })).code).toBe(0);
    expect((await caselog(['export'], { db })).stdout).toBe(before);
  });

  it('names the people ticked in a deadline', async () => {
    const { db, caseId, kasim, ilyas } = await threeMen();
    const prompter = scriptedPrompter(['deadline', caseId, [kasim, ilyas], 'in 2 weeks', 'ask the lawyer about the appeal', '']);
    const r = await caselog(['add'], { db, tty: true, today: '2024-05-01', prompter });
    expect(r.code).toBe(0);
    expect((await caselog(['due'], { db, today: '2024-05-01' })).stdout).toMatch(/UA 77\/98 {2}Kasim Mahpir, Ilyas Zordun {2}d-\w+\n {2}ask the lawyer about the appeal/);
  });

  it('asks about a case with one person with a single choice, no list to tick', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/24', '--title', 'Fear of torture'], { db })).code).toBe(0);
    expect((await caselog(['add', 'person', 'Aziz Karimov', '--case', 'UA 1/24'], { db })).code).toBe(0);
    const ua = JSON.parse((await caselog(['--json', 'show', 'UA 1/24'], { db })).stdout);
    const prompter = scriptedPrompter(['event', ua.id, ua.people[0].id, '2 March 2024', 'arrest', 'Arrested at home', '', '']);
    prompter.checkbox = async () => { throw new Error('a list to tick for one person'); };
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Recorded arrest on 2 March 2024 for Aziz Karimov \[e-\w+\]\n/);
  });
});

describe('guided add: a tracked person\'s name typed as someone new', () => {
  /** Abdullah Rahimi tracked in UA 10/26; UA 11/26 open with nobody in it yet. */
  async function twoCases() {
    const db = tempDb();
    for (const ref of ['UA 10/26', 'UA 11/26']) expect((await caselog(['add', 'case', '--ref', ref, '--title', 'Fear of torture'], { db })).code).toBe(0);
    expect((await caselog(['add', 'person', 'Abdullah Rahimi', '--case', 'UA 10/26'], { db })).code).toBe(0);
    const ua11 = JSON.parse((await caselog(['--json', 'show', 'UA 11/26'], { db })).stdout).id as string;
    return { db, ua11 };
  }
  const cases = async (db: string, name: string) => JSON.parse((await caselog(['--json', 'show', name], { db })).stdout).cases.map((c: { ref: string }) => c.ref);

  it('says they are tracked, in which case, and on yes adds them to this case with the event, as one change', async () => {
    const { db, ua11 } = await twoCases();
    const before = (await caselog(['export'], { db })).stdout;
    const prompter = scriptedPrompter(['event', ua11, 'new', 'abdullah rahimi', true, '2 March 2026', 'arrest', 'Arrested in Kabul', '', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toContain('Abdullah Rahimi is already tracked (in UA 10/26): add them to this case?');
    expect(prompter.asked.some((q) => q.includes('close to someone'))).toBe(false);
    expect(r.stderr).toMatch(/^Added Abdullah Rahimi to UA 11\/26\nRecorded arrest on 2 March 2026 for Abdullah Rahimi \[e-\w+\]\n/);
    expect(await cases(db, 'Abdullah Rahimi')).toEqual(['UA 10/26', 'UA 11/26']);
    expect((await caselog(['undo'], { db })).code).toBe(0);
    expect((await caselog(['export'], { db })).stdout).toBe(before);
  });

  it('names the person whose other name was typed', async () => {
    const db = tempDb();
    await caselog(['import', DEMO], { db });
    const prompter = scriptedPrompter(['person', 'new', 'UA 55/55', 'Fear of torture', 'Khamit Memet', true]);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toContain('"Khamit Memet" (a name of Hemit Memet) is already tracked (in UA 77/98): add them to this case?');
    expect(await cases(db, 'Hemit Memet')).toEqual(['UA 55/55', 'UA 77/98']);
  });

  it('on no, adds someone else of the same name when asked to, and else writes nothing', async () => {
    const { db, ua11 } = await twoCases();
    const before = (await caselog(['export'], { db })).stdout;
    const neither = await caselog(['add'], { db, tty: true, prompter: scriptedPrompter(['event', ua11, 'new', 'Abdullah Rahimi', false, false]) });
    expect(neither.code).toBe(130);
    expect((await caselog(['export'], { db })).stdout).toBe(before);
    const prompter = scriptedPrompter(['event', ua11, 'new', 'Abdullah Rahimi', false, true, '', '', '2 March 2026', 'arrest', 'Arrested in Kabul', '', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toContain('Then add someone else of the same name, "Abdullah Rahimi"?');
    const ua11People = JSON.parse((await caselog(['--json', 'show', 'UA 11/26'], { db })).stdout).people;
    expect(ua11People.map((p: { name: string }) => p.name)).toEqual(['Abdullah Rahimi']);
    expect(await cases(db, ua11People[0].id)).toEqual(['UA 11/26']);
  });
});

describe('guided add: the status of someone new', () => {
  it('says what each status stands for, and stores the status word alone', async () => {
    const db = tempDb();
    const prompter = scriptedPrompter(['person', 'new', 'UA 1/24', 'Fear of refoulement', 'Aziz Karimov', 'refoulement', 'returned']);
    expect((await caselog(['add'], { db, tty: true, prompter })).code).toBe(0);
    const offered = prompter.choices.at(-1)!;
    expect(offered.map((c) => c.name)).toEqual(expect.arrayContaining([
      'returned (forcibly returned, deported or extradited)', 'protected (asylum granted or resettled)', 'in-hiding',
    ]));
    expect(offered.find((c) => c.value === 'returned')!.name).toBe('returned (forcibly returned, deported or extradited)');
    const [person] = JSON.parse((await caselog(['--json', 'at-risk'], { db })).stdout);
    expect(person).toMatchObject({ name: 'Aziz Karimov', status: 'returned' });
  });
});
