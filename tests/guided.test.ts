// The guided `caselog add` on a terminal: the flow with scripted answers, and the real inquirer
// prompt re-asking an invalid date.
import { input } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../src/commands/ask';
import { parseDate } from '../src/domain/dates';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';

describe('guided add', () => {
  it('picks the case and person, then records the event', async () => {
    const db = tempDb();
    await caselog(['import', DEMO], { db });
    const cases = JSON.parse((await caselog(['--json', 'timeline', 'UA 77/98'], { db })).stdout);
    const hemit = cases.events.find((e: { people: Array<{ name: string; id: string }> }) => e.people.length > 0).people
      .find((p: { name: string }) => p.name === 'Hemit Memet');
    const caseId = cases.case.id;
    const prompter = scriptedPrompter(['event', caseId, hemit.id, '2 March 1999', 'statement', 'Family says he is held in Urumqi', 'Urumqi', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Recorded statement on 2 March 1999');
    const timeline = (await caselog(['timeline', 'Hemit Memet'], { db })).stdout;
    expect(timeline).toContain('Family says he is held in Urumqi');
    expect(prompter.asked[0]).toBe('What do you want to record?');
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

  it('refuses a risk caselog does not know at the prompt, naming the ones it does, and asks again', async () => {
    const db = tempDb();
    const prompter = scriptedPrompter(['person', 'new', 'UA 1/24', 'Test', 'Aziz Karimov', 'torture, danger', 'Torture', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(prompter.refusals).toEqual([expect.stringContaining('not a risk: danger (one of torture, ill-treatment, death-penalty')]);
    expect(r.code).toBe(0);
    const [person] = JSON.parse((await caselog(['--json', 'at-risk'], { db })).stdout);
    expect(person).toMatchObject({ name: 'Aziz Karimov', risks: ['torture'], status: 'unknown' });
  });

  it('stops with exit 130 when the user cancels, having written nothing', async () => {
    const db = tempDb();
    const prompter = scriptedPrompter([]);
    prompter.select = async () => { throw new (await import('../src/errors')).CancelledError(); };
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(130);
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
