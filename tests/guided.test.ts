// The guided `caselog add` on a terminal: the flow with scripted answers, and the real inquirer
// prompt re-asking an invalid date.
import { input } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../src/commands/ask';
import { parseDate } from '../src/domain/dates';
import { CancelledError } from '../src/errors';
import { caselog, DEMO, ENTER, ownLines, scriptedPrompter, tempDb } from './helpers/cli';

/** Answers in order, then the user presses Ctrl-C at the next question. */
function cancelsAfter(answers: unknown[]) {
  const prompter = scriptedPrompter(answers);
  const { select, input: ask } = prompter;
  const cancel = (message: string) => {
    prompter.asked.push(message);
    throw new CancelledError();
  };
  prompter.select = async (message, choices, initial) => (answers.length === 0 ? cancel(message) : select(message, choices, initial));
  prompter.input = async (message, opts) => (answers.length === 0 ? cancel(message) : ask(message, opts));
  return prompter;
}

/** Everything the database holds: the records (as exported) and the change log. */
async function everything(db: string): Promise<string> {
  const records = await caselog(['export'], { db });
  const log = await caselog(['--json', 'log', '--limit', '0'], { db });
  expect([records.code, log.code]).toEqual([0, 0]);
  return records.stdout + log.stdout;
}

/** The demo data, and the ids the prompts offer for UA 77/98 and Hemit Memet. */
async function demo() {
  const db = tempDb();
  await caselog(['import', DEMO], { db });
  const ua = JSON.parse((await caselog(['--json', 'show', 'UA 77/98'], { db })).stdout);
  const hemit = ua.people.find((p: { name: string }) => p.name === 'Hemit Memet');
  return { db, caseId: ua.id as string, hemitId: hemit.id as string };
}

describe('guided add', () => {
  it('picks the case and person, then records the event', async () => {
    const db = tempDb();
    await caselog(['import', DEMO], { db });
    const cases = JSON.parse((await caselog(['--json', 'timeline', 'UA 77/98'], { db })).stdout);
    const hemit = cases.events.find((e: { people: Array<{ name: string; id: string }> }) => e.people.length > 0).people
      .find((p: { name: string }) => p.name === 'Hemit Memet');
    const caseId = cases.case.id;
    const prompter = scriptedPrompter(['event', caseId, [hemit.id], '2 March 1999', 'statement', 'Family says he is held in Urumqi', 'Urumqi', '', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Recorded statement on 2 March 1999');
    const timeline = (await caselog(['timeline', 'Hemit Memet'], { db })).stdout;
    expect(timeline).toContain('Family says he is held in Urumqi');
    expect(prompter.asked[0]).toBe('What do you want to record?');
  });

  it('asks about a date after today before saving anything: No asks the date again, yes records it', async () => {
    const { db, caseId, hemitId } = await demo();
    const when = 'When did it happen? (11 February 1999, Feb 1999, 1998, ~1998)';
    const future = '11 February 2999 is in the future: is that right?';
    const corrected = scriptedPrompter(['event', caseId, [hemitId], '11 February 2999', ENTER, '11 February 1999', 'arrest', 'Held at the border', '', '', '']);
    const r = await caselog(['add'], { db, tty: true, today: '2026-11-24', prompter: corrected });
    expect(corrected.asked.slice(3, 6)).toEqual([when, future, when]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('Recorded arrest on 11 February 1999 for Hemit Memet') });
    expect(r.stderr).not.toContain('2999');
    // A month is in the future from its first day on, as the note after saving counts it.
    const sure = scriptedPrompter(['event', caseId, [hemitId], 'Dec 2026', true, 'hearing', 'Hearing set', '', '', '']);
    expect((await caselog(['add'], { db, tty: true, today: '2026-11-24', prompter: sure })).stderr).toContain('Recorded hearing in December 2026');
    expect(sure.asked[4]).toBe('December 2026 is in the future: is that right?');
    const now = scriptedPrompter(['event', caseId, [hemitId], 'November 2026', 'statement', 'Family told', '', '', '']);
    expect((await caselog(['add'], { db, tty: true, today: '2026-11-24', prompter: now })).code).toBe(0);
    expect(now.asked.filter((q) => q.includes('in the future'))).toEqual([]);
  });

  it("takes a stored name typed in other case as that person's, keeping no second spelling of it", async () => {
    const { db } = await demo();
    const before = JSON.parse((await caselog(['--json', 'show', 'Hemit Memet'], { db })).stdout).names;
    const prompter = scriptedPrompter(['event', 'none', 'new', 'hemit memet', true, '2 March 1999', 'statement', 'Family says he is held in Urumqi', '', '', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toContain('Hemit Memet is already tracked (in UA 77/98): is it them?');
    expect(JSON.parse((await caselog(['--json', 'show', 'Hemit Memet'], { db })).stdout).names).toEqual(before);
    expect((await caselog(['timeline', 'Hemit Memet'], { db })).stdout).toContain('Family says he is held in Urumqi');
  });

  it('creates a new case and person on the way to a deadline', async () => {
    const db = tempDb();
    const prompter = scriptedPrompter(['deadline', 'new', 'UA 12/24', 'Fear of refoulement', 'new', 'Gulzire Awulqanqizi', 'refoulement, Torture', 'detained',
      'in 2 weeks', 'check on the court decision', '3']);
    const r = await caselog(['add'], { db, tty: true, today: '2024-05-01', prompter });
    expect(r.code).toBe(0);
    const due = await caselog(['due'], { db, today: '2024-05-01' });
    expect(due.stdout).toContain('UA 12/24  Gulzire Awulqanqizi');
    expect(due.stdout).toContain('check on the court decision — check before 15 May 2024 (in 14 days)');
    const [person] = JSON.parse((await caselog(['--json', 'at-risk'], { db, today: '2024-05-01' })).stdout);
    expect(person).toMatchObject({ name: 'Gulzire Awulqanqizi', status: 'detained', risks: ['refoulement', 'torture'] });
  });

  it('gives the notes the flags give: a deadline already overdue says so', async () => {
    const db = tempDb();
    const prompter = scriptedPrompter(['deadline', 'new', 'UA 12/24', 'Fear of refoulement', 'new', 'Gulzire Awulqanqizi', '', '',
      '20 April 2024', 'check on the court decision', '3']);
    const r = await caselog(['add'], { db, tty: true, today: '2024-05-01', prompter });
    expect(r.code).toBe(0);
    expect(ownLines(r.stderr, db)).toMatch(/Deadline 20 April 2024: check on the court decision \(UA 12\/24\) \[d-\w{8}\]\nnote: 20 April 2024 is before today, so it is overdue already; if it is done, caselog done d-\w{8}\n$/);
  });

  it('refuses a warning of more than ten years at the prompt as --warn does, and asks again', async () => {
    const db = tempDb();
    const prompter = scriptedPrompter(['deadline', 'new', 'UA 12/24', 'Fear of refoulement', 'new', 'Gulzire Awulqanqizi', '', '',
      'in 2 weeks', 'check on the court decision', '99999999', '3']);
    expect((await caselog(['add'], { db, tty: true, today: '2024-05-01', prompter })).code).toBe(0);
    expect(prompter.refusals).toEqual(['days before takes a whole number up to 3653, not "99999999"']);
    expect(JSON.parse((await caselog(['--json', 'due'], { db, today: '2024-05-01' })).stdout)[0]).toMatchObject({ warn: 3 });
  });

  it('refuses a risk caselog does not know at the prompt, naming the ones it does, and asks again', async () => {
    const db = tempDb();
    const prompter = scriptedPrompter(['person', 'new', 'UA 1/24', 'Test', 'Aziz Karimov', 'torture, danger', 'torture, tortured', 'Torture, death penalty', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    // As --risk reads them: capitals and spaces are spelling; a word of one's own names the one meant.
    expect(prompter.refusals).toEqual([
      expect.stringContaining('"danger" is not a risk caselog knows (one of torture, ill-treatment, death-penalty'),
      expect.stringContaining('"tortured" is not a risk caselog knows: did you mean torture?'),
    ]);
    expect(r.code).toBe(0);
    const [person] = JSON.parse((await caselog(['--json', 'at-risk'], { db })).stdout);
    expect(person).toMatchObject({ name: 'Aziz Karimov', risks: expect.arrayContaining(['torture', 'death-penalty']), status: 'unknown' });
  });

  it('stops with exit 130 when the user cancels, having written nothing', async () => {
    const db = tempDb();
    const prompter = scriptedPrompter([]);
    prompter.select = async () => { throw new (await import('../src/errors')).CancelledError(); };
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(130);
  });
});

describe('guided add asks everything first and writes it at the end, all of it or nothing', () => {
  it.each([
    ['the new case, at the person', ['event', 'new', 'UA 55/55', 'Fear of torture'], 'About whom?'],
    ['the new case and new person, at the date', ['event', 'new', 'UA 55/55', 'Fear of torture', 'new', 'Aziz Karimov', 'torture', 'detained'],
      'When did it happen? (11 February 1999, Feb 1999, 1998, ~1998)'],
    ['the new case and new person, at the last question of a deadline',
      ['deadline', 'new', 'UA 55/55', 'Fear of torture', 'new', 'Aziz Karimov', '', '', 'in 2 weeks', 'call the lawyer'],
      'Remind how many days before? (optional)'],
    ['the new person of a case-less event, at its summary', ['event', 'none', 'new', 'Aziz Karimov', 'torture', '', '1999', 'arrest'], 'What happened?'],
    ['a new person alone, at their status', ['person', 'none', 'Aziz Karimov', 'torture'], 'Their status now?'],
    ['a tracked person typed by name to join the new case, at the date', ['event', 'new', 'UA 55/55', 'Fear of torture', 'new', 'Kasim Mahpir', true],
      'When did it happen? (11 February 1999, Feb 1999, 1998, ~1998)'],
  ])('Ctrl-C after %s: exit 130 and the database as it was', async (_what, answers, cancelledAt) => {
    const { db } = await demo();
    const before = await everything(db);
    const prompter = cancelsAfter([...answers]);
    const r = await caselog(['add'], { db, tty: true, today: '2024-05-01', prompter });
    expect(prompter.asked.at(-1)).toBe(cancelledAt);
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('caselog: cancelled; nothing was changed\n');
    expect(await everything(db)).toBe(before);
  });

  it('Ctrl-C after choosing "another name of" a tracked person: the name is not added, nor the person to the case', async () => {
    const { db, hemitId } = await demo();
    const before = await everything(db);
    const prompter = cancelsAfter(['event', 'new', 'UA 55/55', 'Fear of torture', 'new', 'Hamit Memet', hemitId]);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(prompter.asked).toContain('"Hamit Memet" is close to someone already tracked. What is it?');
    expect(r.code).toBe(130);
    expect(await everything(db)).toBe(before);
    expect(JSON.parse((await caselog(['--json', 'show', 'Hemit Memet'], { db })).stdout).names).not.toContain('Hamit Memet');
  });

  it('leaves no database file behind when cancelled on first use', async () => {
    const db = tempDb();
    const r = await caselog(['add'], { db, tty: true, prompter: cancelsAfter(['case', 'UA 1/24']) });
    expect(r.code).toBe(130);
    expect(existsSync(db)).toBe(false);
  });

  it('writes the new case, the other name and the event together, as one change that one undo takes back', async () => {
    const { db, hemitId } = await demo();
    const before = await caselog(['export'], { db });
    const prompter = scriptedPrompter(['event', 'new', 'UA 55/55', 'Fear of refoulement', 'new', 'Hamit Memet', hemitId,
      '2 March 1999', 'statement', 'Family says he is held in Urumqi', '', '', '']);
    const r = await caselog(['add'], { db, tty: true, today: '1999-03-05', prompter });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Opened case UA 55\/55 \[c-\w+\]\nAdded "Hamit Memet" as another name of Hemit Memet; and Hemit Memet to UA 55\/55\nRecorded statement on 2 March 1999 for Hemit Memet \[e-\w+\]\n$/);
    const card = JSON.parse((await caselog(['--json', 'show', 'Hamit Memet'], { db })).stdout);
    expect(card.names).toContain('Hamit Memet');
    expect(card.cases.map((c: { ref: string }) => c.ref)).toEqual(['UA 55/55', 'UA 77/98']);
    expect((await caselog(['timeline', 'UA 55/55'], { db })).stdout).toContain('Family says he is held in Urumqi');
    expect((await caselog(['undo'], { db })).code).toBe(0);
    expect((await caselog(['export'], { db })).stdout).toBe(before.stdout);
  });

  it('refuses a case reference already in use as it is typed, and asks again before the title', async () => {
    const { db } = await demo();
    const prompter = scriptedPrompter(['case', 'UA 77/98', 'ua  77/98', 'UA 78/98', 'Fear of torture']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.refusals).toEqual([
      'a case UA 77/98 already exists ("Fear of torture / fear of execution"): give another reference',
      'a case UA 77/98 already exists ("Fear of torture / fear of execution"): give another reference',
    ]);
    expect(prompter.asked).toEqual(['What do you want to record?', 'Case reference (e.g. UA 77/98):', 'Case reference (e.g. UA 77/98):',
      'Case reference (e.g. UA 77/98):', 'Title:']);
    expect(r.stderr).toMatch(/^Opened case UA 78\/98 \[c-\w+\]\n$/);
  });

  it('refuses a tracked person\'s own name typed as someone new when there is nothing to add, changing nothing', async () => {
    const { db } = await demo();
    const before = await everything(db);
    const r = await caselog(['add'], { db, tty: true, prompter: scriptedPrompter(['person', 'none', 'Hemit Memet', true]) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('caselog: "Hemit Memet" is already a name of Hemit Memet: nothing to add\n');
    expect(await everything(db)).toBe(before);
  });
});

describe('the real date prompt', () => {
  it('refuses an ambiguous date with the ISO form to type, then accepts a good one', async () => {
    const { answer, events, getScreen } = await render(input, { message: 'When did it happen?', validate: validatorFor(parseDate) });
    events.type('03/04/1999');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 20));
    expect(getScreen()).toContain('1999-04-03');
    for (let i = 0; i < 10; i++) events.keypress('backspace');
    events.type('11 February 1999');
    events.keypress('enter');
    await expect(answer).resolves.toBe('11 February 1999');
  });
});
