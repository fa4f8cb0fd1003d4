// The guided add that opens a case and adds a person on the way, stopped while another caselog keeps
// the database busy: what it would have written is several commands, joined by &&, which run as
// printed record the case, the person and the deadline as they were answered.
import { describe, expect, it } from 'vitest';
import { another } from './helpers/another';
import { commandsIn, SAME, STILL_BUSY, WAITING } from './helpers/busy';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';

const HEMIT = 'p-g238jb05efthtc9a';
const today = '2026-11-23';

/** Asked with the database held by another caselog, stopped at "keep waiting?": the command said. */
async function stopped(db: string, answers: unknown[]): Promise<string> {
  const other = await another(db, 60000);
  const prompter = scriptedPrompter([...answers, false]);
  const r = await caselog(['add'], { db, tty: true, today, prompter });
  await other.end();
  expect(prompter.asked.at(-1)).toBe(STILL_BUSY);
  expect(r.code).toBe(1);
  expect(r.stderr.startsWith(`${WAITING}${SAME}`)).toBe(true);
  expect((await caselog(['list', 'cases'], { db })).stdout).not.toContain('UA 12/26');
  return r.stderr.slice(WAITING.length + SAME.length, -1);
}

/** Runs each command as the shell would pass it; all must succeed. */
async function runAll(db: string, line: string): Promise<void> {
  for (const words of commandsIn(line)) expect((await caselog(words, { db, today })).code).toBe(0);
}

async function exported(db: string) {
  return JSON.parse((await caselog(['export'], { db })).stdout) as {
    cases: Array<{ id: string; ref: string; title: string }>; people: Array<{ id: string; name: string; risks: string[]; cases: string[] }>;
    deadlines: Array<{ note: string; date: { date: string }; warn?: number; case?: string; people: string[] }>;
  };
}

describe('the guided add of a new case, stopped while the database is busy', () => {
  it('gives the case, the new person and the deadline as three commands, which record them as answered', async () => {
    const db = tempDb();
    expect((await caselog(['import', DEMO], { db })).code).toBe(0);
    const command = await stopped(db, ['deadline', 'new', 'UA 12/26', 'Fear of torture', 'new', 'Gulnar Tursun', 'torture', '',
      'in 2 weeks', "call the lawyer's office", '3']);
    expect(command).toBe('caselog add case --ref "UA 12/26" --title "Fear of torture" && caselog add person "Gulnar Tursun" --case "UA 12/26" --risk torture'
      + ` && caselog add deadline "UA 12/26" "Gulnar Tursun" --date "7 December 2026" --note "call the lawyer's office" --warn 3`);
    await runAll(db, command);
    const { cases, people, deadlines } = await exported(db);
    const ua = cases.find((c) => c.ref === 'UA 12/26')!;
    expect(ua.title).toBe('Fear of torture');
    const gulnar = people.find((p) => p.name === 'Gulnar Tursun')!;
    expect(gulnar).toMatchObject({ risks: ['torture'], cases: [ua.id] });
    expect(deadlines.filter((d) => d.note === "call the lawyer's office")).toEqual([expect.objectContaining({ date: expect.objectContaining({ date: '2026-12-07' }), warn: 3, case: ua.id, people: [gulnar.id] })]);
  }, 60000);

  it('a tracked person typed by name joins the case in a command of its own', async () => {
    const db = tempDb();
    expect((await caselog(['import', DEMO], { db })).code).toBe(0);
    const command = await stopped(db, ['event', 'new', 'UA 12/26', 'Fear of torture', 'new', 'Hemit Memet', true, '1 March 2026', 'arrest', 'Held again', '', '', '']);
    expect(command).toBe('caselog add case --ref "UA 12/26" --title "Fear of torture" && caselog add person "Hemit Memet" --alias-of p-g238jb05 --case "UA 12/26"'
      + ' && caselog add event "UA 12/26" "Hemit Memet" --date "1 March 2026" --type arrest --summary "Held again"');
    await runAll(db, command);
    const { cases, people } = await exported(db);
    const ua = cases.find((c) => c.ref === 'UA 12/26')!;
    expect(people.find((p) => p.id === HEMIT)!.cases).toContain(ua.id);
    const events = JSON.parse((await caselog(['--json', 'timeline', 'UA 12/26'], { db })).stdout).events;
    expect(events).toEqual([expect.objectContaining({ type: 'arrest', summary: 'Held again', dateText: '1 March 2026', people: [{ id: HEMIT, name: 'Hemit Memet' }] })]);
  }, 60000);
});
