// One arrest read from a sheet once per spelling of a name is, after the merge of the spellings,
// the same event three times on one timeline: the merge names such events, with the deletes that
// keep one, rather than saying only "1 event" moved. It deletes none itself, and undo still puts
// everything back.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], tty = false, answers?: unknown[]) =>
  caselog(args, { db, today: '2020-02-01', tty, prompter: answers ? scriptedPrompter(answers) : undefined });
const timeline = async (who: string) =>
  JSON.parse((await c(['--json', 'timeline', who])).stdout).events as Array<{ id: string; summary: string; place: string | null }>;

const PEOPLE = 'name,risks\nSerikzhan Bilash,arbitrary-detention\nSerikjan Bilash,arbitrary-detention\nСерікжан Білаш,\n';
const row = (date: string, who: string, place = 'Almaty') => `${date},arrest,Detained in Almaty,${place},${who}`;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', fileOf('people.csv', PEOPLE), '--new'])).code).toBe(0);
});

async function eventsOf(rows: string[]) {
  expect((await c(['import', fileOf('events.csv', ['date,type,summary,place,people', ...rows].join('\n'))])).code).toBe(0);
}

describe('a merge that leaves a person with the same event more than once', () => {
  beforeEach(() => eventsOf([row('2019-03-10', 'Serikzhan Bilash'), row('2019-03-10', 'Serikjan Bilash'), row('10 March 2019', 'Серікжан Білаш')]));

  it('names the events and the deletes that keep one; run, they leave it once', async () => {
    const [kept] = (await timeline('Serikzhan Bilash')).map((e) => e.id);
    const first = await c(['merge', 'Serikjan Bilash', 'Serikzhan Bilash', '--force']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Serikzhan Bilash now has the same event twice: 10 March 2019 arrest: Detained in Almaty \[e-\w{8}, e-\w{8}\]; to keep one: caselog delete e-\w{8} --force\n/);
    const second = await c(['merge', 'Серікжан Білаш', 'Serikzhan Bilash', '--force']);
    const note = /the same event 3 times: 10 March 2019 arrest: Detained in Almaty \[(e-\w{8}), e-\w{8}, e-\w{8}\]; to keep one: caselog delete (e-\w{8}) --force; caselog delete (e-\w{8}) --force\n/.exec(second.stderr);
    expect(note).not.toBeNull();
    // The one Serikzhan Bilash had before the merges is the one kept.
    expect(note![1]).toBe(kept!.slice(0, 10));
    for (const copy of [note![2]!, note![3]!]) expect((await c(['delete', copy, '--force'])).code).toBe(0);
    expect((await timeline('Serikzhan Bilash')).map((e) => e.id)).toEqual([kept]);
  });

  it('lists them under --json with their full ids, the one to keep apart from its copies', async () => {
    const before = (await timeline('Serikzhan Bilash')).map((e) => e.id);
    const r = await c(['--json', 'merge', 'Serikjan Bilash', 'Serikzhan Bilash', '--force']);
    const moved = JSON.parse(r.stdout);
    expect(moved.sameEvents).toEqual([{
      kept: before[0], copies: moved.moved.events, type: 'arrest', summary: 'Detained in Almaty',
      date: '2019-03-10', precision: 'day', approximate: false, dateText: '2019-03-10',
    }]);
  });

  it('says so on the terminal before the merge is confirmed', async () => {
    const r = await c(['merge', 'Serikjan Bilash', 'Serikzhan Bilash'], true, [false]);
    expect(r.stderr).toMatch(/then the same event twice: 10 March 2019 arrest: Detained in Almaty \[e-\w{8}, e-\w{8}\]/);
    expect(await timeline('Serikjan Bilash')).toHaveLength(1);
  });

  it('deletes none of them: undo of each merge puts every record back as it was', async () => {
    const before = (await c(['export'])).stdout;
    await c(['merge', 'Serikjan Bilash', 'Serikzhan Bilash', '--force']);
    expect((await c(['merge', 'Серікжан Білаш', 'Serikzhan Bilash', '--force'])).stderr).toContain('the same event 3 times');
    expect(await timeline('Serikzhan Bilash')).toHaveLength(3);
    expect((await c(['undo'])).code).toBe(0);
    expect((await c(['undo'])).code).toBe(0);
    expect((await c(['export'])).stdout).toBe(before);
  });
});

describe('a merge whose events differ in something', () => {
  it('says nothing of events told apart by their place', async () => {
    await eventsOf([row('2019-03-10', 'Serikzhan Bilash'), row('2019-03-10', 'Serikjan Bilash', 'Almaty airport')]);
    const r = await c(['merge', 'Serikjan Bilash', 'Serikzhan Bilash', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('the same event');
    expect(JSON.parse((await c(['--json', 'merge', 'Серікжан Білаш', 'Serikzhan Bilash', '--force'])).stdout).sameEvents).toEqual([]);
  });

  it('says nothing of copies the person had before the merge', async () => {
    await c(['add', 'event', 'Serikzhan Bilash', '--date', '2019-03-10', '--type', 'arrest', '--summary', 'Detained in Almaty']);
    await c(['add', 'event', 'Serikzhan Bilash', '--date', '2019-03-10', '--type', 'arrest', '--summary', 'Detained in Almaty']);
    const r = await c(['--json', 'merge', 'Serikjan Bilash', 'Serikzhan Bilash', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('the same event');
    expect(JSON.parse(r.stdout).sameEvents).toEqual([]);
  });
});
