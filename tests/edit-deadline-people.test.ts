// edit DEADLINE --person: whom a deadline names changes under its own id (delete and add gave a new
// one, and a calendar a second entry), named as add names them, logged and undone like any edit.
import Database from 'better-sqlite3-multiple-ciphers';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], answers?: unknown[]) =>
  caselog(args, { db, today: '2020-01-21', tty: answers !== undefined, prompter: answers ? scriptedPrompter(answers) : undefined });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
/** The people the deadline names in the database file itself. */
const named = (id: string): string[] => {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare('SELECT p.name FROM deadline_people dp JOIN people p ON p.id = dp.person_id WHERE dp.deadline_id = ? ORDER BY p.name').all(id) as Array<{ name: string }>)
      .map((r) => r.name);
  } finally { conn.close(); }
};

let deadline: string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'KZ-1', '--title', 'Musakhanuly & Alimuly']);
  await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'KZ-1']);
  await c(['add', 'person', 'Murager Alimuly', '--case', 'KZ-1']);
  deadline = (await json(['add', 'deadline', 'Kaster Musakhanuly', 'Murager Alimuly', '--date', 'in six months', '--warn', '14', '--note', 'Eligible for release'])).id;
});

describe('edit --person on a deadline', () => {
  it('replaces the people it names, keeping its id (and so its calendar UID), says who went, and undo puts them back', async () => {
    const before = await exported();
    const r = await c(['edit', deadline.slice(0, 10), '--person', 'Kaster Musakhanuly']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toMatch(/^Edited deadline 21 July 2020: Eligible for release \(KZ-1\) \[d-\w+\] \(about: removed Murager Alimuly\)\n$/);
    expect(named(deadline)).toEqual(['Kaster Musakhanuly']);
    expect((await c(['due', '--within', '400'])).stdout).toContain('KZ-1  Kaster Musakhanuly  d-');
    const ics = (await c(['export', '--format', 'ics'])).stdout;
    const [entry, ...rest] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(rest).toHaveLength(0);
    expect(entry!.getFirstPropertyValue('uid')).toBe(`${deadline}@caselog`);
    expect(entry!.getFirstPropertyValue('summary')).toBe('KZ-1  Kaster Musakhanuly: Eligible for release');

    const conn = new Database(db, { readonly: true });
    const logged = conn.prepare("SELECT action, kind, record_id AS id, before, after FROM changes ORDER BY seq DESC LIMIT 1").get() as Record<string, string>;
    conn.close();
    expect(logged).toMatchObject({ action: 'edit', kind: 'deadlines', id: deadline });
    expect([JSON.parse(logged.before!).people.length, JSON.parse(logged.after!).people.length]).toEqual([2, 1]);
    expect((await c(['undo'])).code).toBe(0);
    expect(named(deadline)).toEqual(['Kaster Musakhanuly', 'Murager Alimuly']);
    expect(await exported()).toBe(before);
  });

  it('names nobody with --person "" (the case\'s people, as add deadline CASE), and is refused so on no case', async () => {
    const whole = await c(['edit', deadline, '--person', '']);
    expect(whole.stderr).toMatch(/\(about: removed Kaster Musakhanuly, Murager Alimuly\)\n$/);
    expect(named(deadline)).toEqual([]);
    expect((await json(['show', deadline])).people.map((p: { name: string }) => p.name)).toEqual(['Kaster Musakhanuly', 'Murager Alimuly']);

    await c(['add', 'person', 'Ali Baisal']);
    const alone = (await json(['add', 'deadline', 'Ali Baisal', '--date', '2020-03-01', '--note', 'call'])).id as string;
    const before = await exported();
    expect(await c(['edit', alone, '--person', ''])).toMatchObject({ code: 1, stderr: 'caselog: a deadline on no case must name someone: give --person NAME\n' });
    expect(await exported()).toBe(before);
  });

  it('takes a loose spelling only when confirmed on a terminal, and says someone outside the case as add does', async () => {
    const before = await exported();
    const refused = await c(['edit', deadline, '--person', 'Murager Alimuli']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/"Murager Alimuli" is not a stored name; it looks like Murager Alimuly \[p-/);
    expect(await c(['edit', deadline, '--person', 'Nobody Known'])).toMatchObject({ code: 1 });
    expect(await c(['edit', deadline, '--person', 'KZ-1'])).toMatchObject({ code: 1, stderr: 'caselog: "KZ-1" is the case KZ-1: name a person\n' });
    expect(await exported()).toBe(before);

    expect((await c(['edit', deadline, '--person', 'Murager Alimuli'], [true])).code).toBe(0);
    expect(named(deadline)).toEqual(['Murager Alimuly']);

    await c(['add', 'person', 'Lazzat Akhat']);
    const outside = await c(['edit', deadline, '--person', 'Lazzat Akhat', '--person', 'Murager Alimuly']);
    expect(outside.code).toBe(0);
    expect(outside.stderr).toContain('note: Lazzat Akhat is not in KZ-1; to add them to it: caselog edit "Lazzat Akhat" --case KZ-1');
    expect(named(deadline)).toEqual(['Lazzat Akhat', 'Murager Alimuly']);
  });

  it('says the same people given again changed nothing, and --help names --person for deadlines', async () => {
    const r = await c(['edit', deadline, '--person', 'Murager Alimuly', '--person', 'Kaster Musakhanuly']);
    expect(r.stderr).toMatch(/^Nothing changed: deadline 21 July 2020/);
    expect((await c(['edit', '--help'])).stdout).toMatch(/--person <name>\s+event or deadline: the people it is about/);
  });
});
