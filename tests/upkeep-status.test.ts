// status, risk, close and reopen: what a caseworker sees change in show, timeline, due and at-risk.
import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '2020-02-01') => caselog(args, { db, today });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
const atRisk = async () => (await json(['at-risk'])) as Array<{ name: string; status: string; risks: string[] }>;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('status', () => {
  it('records the change as a status event dated today, shown in the timeline, and at-risk follows', async () => {
    const r = await c(['status', 'Kaster Musakhanuly', 'released', '--note', 'Released after the appeal court quashed the sentence']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Recorded Kaster Musakhanuly: released on 1 February 2020 \(was imprisoned\) \[e-[0-9a-z]{8}\]/);
    const timeline = (await c(['timeline', 'Kaster Musakhanuly'])).stdout;
    expect(timeline).toMatch(/1 February 2020 {2}status → released/);
    expect(timeline).toContain('Released after the appeal court quashed the sentence');
    expect((await c(['timeline', 'KZ 2019/12'])).stdout).toContain('status → released');
    const kaster = (await atRisk()).find((p) => p.name === 'Kaster Musakhanuly');
    expect(kaster?.status).toBe('released');
    expect((await c(['show', 'Kaster Musakhanuly'])).stdout).toContain('status: released since 1 February 2020, set by a status change');
  });

  it('says so when a status recorded later, when the person was added, still decides, and shows that day in words', async () => {
    await c(['add', 'person', 'Anna Testova', '--status', 'protected'], '2025-06-01');
    const r = await c(['status', 'Anna Testova', 'detained', '--date', '2025-01-01'], '2025-06-02');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Note: Anna Testova's status stays protected, as recorded on 1 June 2025, later than this; if protected was out of date when recorded: caselog status \"Anna Testova\" detained --date 2025-01-01 --replace\n");
    expect((await c(['show', 'Anna Testova'], '2025-06-02')).stdout).toContain('status: protected, as recorded on 1 June 2025');
  });

  it('records one event about several people at once, on the case they share, and undo takes it back whole', async () => {
    const before = (await c(['export'])).stdout;
    const r = await c(['status', 'Kaster Musakhanuly', 'Murager Alimuly', 'released', '--note', 'Both freed on appeal']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Recorded Kaster Musakhanuly: released on 1 February 2020 \(was imprisoned\) \[(e-[0-9a-z]{8})\]\nRecorded Murager Alimuly: released on 1 February 2020 \(was imprisoned\) \[\1\]\n$/);
    expect((await json(['show', 'Murager Alimuly'])).status).toBe('released');
    const events = (await json(['timeline', 'KZ 2019/12'])).events as Array<{ summary: string; people: Array<{ name: string }> }>;
    expect(events.filter((e) => e.summary === 'Both freed on appeal').map((e) => e.people.map((p) => p.name))).toEqual([['Kaster Musakhanuly', 'Murager Alimuly']]);
    expect((await c(['undo'])).code).toBe(0);
    expect((await c(['export'])).stdout).toBe(before);
    expect((await c(['status', 'Kaster Musakhanuly', 'Murager Alimuly'])).code).toBe(2);
    const one = await json(['status', 'Kaster Musakhanuly', 'released']);
    expect(one.person.name).toBe('Kaster Musakhanuly');
    expect(one.people.map((p: { name: string }) => p.name)).toEqual(['Kaster Musakhanuly']);
  });

  it('takes someone out of at-risk when they are protected', async () => {
    expect((await atRisk()).map((p) => p.name)).toContain('Murager Alimuly');
    await c(['status', 'Murager Alimuly', 'protected', '--date', '2020-01-30', '--note', 'Resettled']);
    expect((await atRisk()).map((p) => p.name)).not.toContain('Murager Alimuly');
  });

  it('an event that would move a status says so when something later still decides it', async () => {
    await c(['add', 'person', 'Bagashar Malikuli', '--status', 'released'], '2026-11-23');
    const rearrest = await c(['add', 'event', 'Bagashar Malikuli', '--date', '2026-11-20', '--type', 'arrest', '--summary', 'Re-arrested at home'], '2026-11-23');
    expect(rearrest.code).toBe(0);
    expect(rearrest.stderr).toContain("Note: Bagashar Malikuli's status stays released, as recorded on 23 November 2026, later than this; if released was out of date when recorded: caselog status \"Bagashar Malikuli\" detained --date 2026-11-20 --replace");
    const older = await c(['add', 'event', 'Murager Alimuly', '--date', '2019-11-01', '--type', 'release', '--summary', 'Freed on bail']);
    expect(older.stderr).toContain("Note: a later event still decides Murager Alimuly's status, which stays imprisoned: sentence");
    // The same day: a status recorded that day wins over an event of that day, and says so.
    await c(['add', 'person', 'Dana Sapar', '--status', 'released'], '2026-11-23');
    const sameDay = await c(['add', 'event', 'Dana Sapar', '--date', '2026-11-23', '--type', 'arrest', '--summary', 'Detained again'], '2026-11-23');
    expect(sameDay.stderr).toContain("Note: Dana Sapar's status stays released, as recorded on 23 November 2026, the same day, where it wins over an event;");
    // An explicit status and an event of the same date: the status wins, and the note says "same date";
    // a year is not the same date as its first day.
    await c(['add', 'person', 'Erlan Nur'], '2026-11-23');
    await c(['status', 'Erlan Nur', 'in-hiding', '--date', '2026-11-21'], '2026-11-23');
    const sameDate = await c(['add', 'event', 'Erlan Nur', '--date', '2026-11-21', '--type', 'arrest', '--summary', 'Held that day'], '2026-11-23');
    expect(sameDate.stderr).toContain("Note: an event of the same date still decides Erlan Nur's status, which stays in-hiding");
    const year = await c(['add', 'event', 'Erlan Nur', '--date', '2026', '--type', 'release', '--summary', 'Freed that year'], '2026-11-23');
    expect(year.stderr).toContain("Note: a later event still decides Erlan Nur's status, which stays in-hiding");
    // An event that decides, or one of a type that moves no status, adds no note.
    const decides = await c(['add', 'event', 'Murager Alimuly', '--date', '2020-01-30', '--type', 'release', '--summary', 'Released']);
    const statement = await c(['add', 'event', 'Murager Alimuly', '--date', '2019-11-02', '--type', 'statement', '--summary', 'Said he was well']);
    expect([decides.code, statement.code]).toEqual([0, 0]);
    expect(decides.stderr + statement.stderr).not.toMatch(/note:/i);
  });

  it('wins over an event of the same date, and loses to a later one (and says so)', async () => {
    await c(['status', 'Kaster Musakhanuly', 'in-hiding', '--date', '21 January 2020']);
    expect((await json(['show', 'Kaster Musakhanuly'])).status).toBe('in-hiding');
    const older = await c(['status', 'Murager Alimuly', 'released', '--date', '2019-11-01']);
    expect(older.code).toBe(0);
    expect(older.stderr).toContain("a later event still decides Murager Alimuly's status, which stays imprisoned");
    expect((await json(['show', 'Murager Alimuly'])).status).toBe('imprisoned');
  });

  it('takes a partial or approximate date and a name in another script, and refuses an ambiguous date', async () => {
    const month = await c(['status', 'Murager Alimuly', 'in-hiding', '--date', 'Feb 2020']);
    expect(month.stderr).toMatch(/Recorded Murager Alimuly: in-hiding in February 2020 \(was imprisoned\)/);
    expect((await json(['show', 'Murager Alimuly'])).statusSince).toEqual({ date: '2020-02', precision: 'month', approximate: false, dateText: 'Feb 2020' });
    const cyrillic = await c(['status', 'Қастер Мұсаханұлы', 'released', '--date', 'c. 2020']);
    expect(cyrillic.code).toBe(0);
    expect(cyrillic.stderr).toContain('Recorded Kaster Musakhanuly: released in c. 2020');
    const before = (await c(['export'])).stdout;
    const ambiguous = await c(['status', 'Kaster Musakhanuly', 'detained', '--date', '03/04/2020']);
    expect(ambiguous).toMatchObject({ code: 1, stderr: 'caselog: "03/04/2020" is ambiguous: write it as 2020-04-03 or 2020-03-04 (ISO: year-month-day)\n' });
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('refuses a status that does not exist (exit 2), a case (exit 1) and a bad date (exit 1)', async () => {
    expect((await c(['status', 'Kaster Musakhanuly', 'free'])).code).toBe(2);
    const onCase = await c(['status', 'KZ 2019/12', 'released']);
    expect(onCase).toMatchObject({ code: 1, stderr: expect.stringContaining('a status belongs to a person') });
    expect((await c(['status', 'Kaster Musakhanuly', 'released', '--date', '2020-02-30'])).code).toBe(1);
    expect((await json(['show', 'Kaster Musakhanuly'])).status).toBe('imprisoned');
  });

  it('asks on a terminal before using a name that is not stored, and refuses without one', async () => {
    const refused = await c(['status', 'Kaster', 'released']);
    expect(refused.code).toBe(1);
    const prompter = scriptedPrompter([true]);
    const r = await caselog(['status', 'Kaster', 'released'], { db, today: '2020-02-01', tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked[0]).toMatch(/"Kaster" is not a stored name; the nearest is Kaster Musakhanuly \[p-\w+\] \(.*\), who may be someone else\. Record this for Kaster Musakhanuly \[p-/);
    expect((await json(['show', 'Kaster Musakhanuly'])).status).toBe('released');
  });
});

describe('risk', () => {
  it('adds and removes risks, says the result, and at-risk --risk follows', async () => {
    const r = await c(['risk', 'Hemit Memet', '--add', 'health', '--remove', 'unfair-trial']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Recorded Hemit Memet: risks now death-penalty, torture, arbitrary-detention, health \(added health; removed unfair-trial\) on 1 February 2020 \[e-[0-9a-z]{8}\]\n$/);
    const withHealth = await json(['at-risk', '--risk', 'health']);
    expect(withHealth.map((p: { name: string }) => p.name)).toEqual(['Hemit Memet']);
    expect((await c(['risk', 'Hemit Memet'])).stdout).toBe('Hemit Memet: death-penalty, torture, arbitrary-detention, health\n');
  });

  it('records the change as an event on the timeline, with its date and note, that undo takes back with the change', async () => {
    const before = (await c(['export'])).stdout;
    const r = await c(['risk', 'Kasim Mahpir', '--add', 'health', '--date', '11 February 1999', '--note', 'reported beaten in detention']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(added health) on 11 February 1999');
    const person = (await c(['timeline', 'Kasim Mahpir'])).stdout;
    expect(person).toMatch(/11 February 1999 {2}other {2}e-[0-9a-z]{8}\n {2}risks: added health — reported beaten in detention\n/);
    expect((await c(['timeline', 'UA 77/98'])).stdout).toContain('risks: added health — reported beaten in detention');
    const events = (await json(['timeline', 'Kasim Mahpir'])).events as Array<{ summary: string; date: string; people: Array<{ name: string }> }>;
    const change = events.find((e) => e.summary.startsWith('risks:'));
    expect(change).toMatchObject({ date: '1999-02-11', people: [{ name: 'Kasim Mahpir' }] });
    const undone = await c(['undo']);
    expect(undone.stderr).toMatch(/: put back Kasim Mahpir \[p-[0-9a-z]{8}\] as before; removed other on 11 February 1999: risks: added health — reported beaten in detention \[e-[0-9a-z]{8}\]\n$/);
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('is news, as a status change is, while edit --risk corrects the record without an event', async () => {
    const news = async (name: string) => (await json(['show', name])).latestNews?.date as string | undefined;
    await c(['edit', 'Hemit Memet', '--risk', 'torture', '--risk', 'health']);
    expect(await news('Hemit Memet')).toBe('1999-02-11');
    expect((await c(['timeline', 'Hemit Memet'])).stdout).not.toContain('risks:');
    await c(['risk', 'Hemit Memet', '--add', 'refoulement', '--date', '2000-03-01']);
    expect(await news('Hemit Memet')).toBe('2000-03-01');
  });

  it('refuses a change dated after today, which would take effect at once, offering the deadline; a deleted change leaves the risks as they are', async () => {
    const before = (await c(['export'])).stdout;
    const early = await c(['risk', 'Murager Alimuly', '--remove', 'torture', '--date', '2020-03-15']);
    expect(early).toMatchObject({ code: 1, stderr: 'caselog: 15 March 2020 is after today, and a change in risks takes effect when it is recorded: record it on the day; until then, a deadline: caselog add deadline "Murager Alimuly" --date 2020-03-15 --note "check: risks: removed torture"\n' });
    // Nor a part of a month or year still to come ("late 2020" on 1 February 2020).
    for (const later of ['late 2020', 'end of 2020', 'late February 2020']) {
      expect(await c(['risk', 'Murager Alimuly', '--remove', 'torture', '--date', later])).toMatchObject({
        code: 1, stderr: expect.stringMatching(new RegExp(`^caselog: "${later}" is after today, and a change in risks`)),
      });
    }
    expect((await c(['export'])).stdout).toBe(before);
    expect((await json(['show', 'Murager Alimuly'])).risks).toContain('torture');
    const status = await c(['status', 'Murager Alimuly', 'released', '--date', '2020-03-15']);
    expect(status.stderr).toContain('note: 15 March 2020 is after today');
    const later = await c(['risk', 'Murager Alimuly', '--add', 'health']);
    const id = /\[(e-[0-9a-z]{8})\]/.exec(later.stderr)![1]!;
    const gone = await c(['delete', id, '--force']);
    expect(gone.code).toBe(0);
    expect(gone.stderr).toContain("Note: Murager Alimuly's risks stay as they are (torture, refoulement, arbitrary-detention, health, unfair-trial): change them with caselog risk");
    const plain = await c(['add', 'event', 'Murager Alimuly', '--date', '2020-01-30', '--type', 'statement', '--summary', 'Family statement']);
    expect((await c(['delete', /\[(e-[0-9a-z]{8})\]/.exec(plain.stderr)![1]!, '--force'])).stderr).not.toContain('risks stay');
  });

  it('knows a risk change by its words after an export and import, which do not carry the change log', async () => {
    const added = await c(['risk', 'Murager Alimuly', '--add', 'health', '--note', 'ill in detention']);
    const id = /\[(e-[0-9a-z]{8})\]/.exec(added.stderr)![1]!;
    const exported = (await c(['export'])).stdout;
    db = tempDb();
    const file = `${db}.json`;
    writeFileSync(file, exported);
    expect((await c(['import', file])).code).toBe(0);
    expect((await c(['delete', id, '--force'])).stderr).toContain("Note: Murager Alimuly's risks stay as they are");
  });

  it('keeps a note of several lines to its indent in the timeline, and names the risk when at-risk --risk finds nobody', async () => {
    await c(['risk', 'Kasim Mahpir', '--add', 'health', '--date', '1999-02-12', '--note', 'diabetic\nno insulin given']);
    expect((await c(['timeline', 'Kasim Mahpir'])).stdout).toContain('  risks: added health — diabetic\n  no insulin given\n');
    expect((await c(['at-risk', '--risk', 'enforced-disappearance'])).stdout).toBe('Nobody with an open risk of enforced-disappearance.\n');
  });

  it('records nothing when nothing changes, and refuses --date or --note without a change', async () => {
    const before = (await c(['export'])).stdout;
    expect((await c(['risk', 'Hemit Memet', '--add', 'torture', '--remove', 'health'])).stderr).toContain('Nothing changed');
    expect((await c(['risk', 'Hemit Memet', '--note', 'why'])).code).toBe(2);
    expect((await c(['risk', 'Hemit Memet', '--add', 'health', '--date', '03/04/1999'])).code).toBe(1);
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('says nothing changed when it did not, and refuses an unknown risk or one both added and removed', async () => {
    expect((await c(['risk', 'Hemit Memet', '--add', 'torture'])).stderr).toContain('Nothing changed');
    expect((await c(['risk', 'Hemit Memet', '--add', 'bad-luck'])).code).toBe(2);
    const both = await c(['risk', 'Hemit Memet', '--add', 'health', '--remove', 'health']);
    expect(both).toMatchObject({ code: 2, stderr: expect.stringContaining('both added and removed') });
  });

  it('takes someone with no risks left out of at-risk', async () => {
    await c(['risk', 'Murager Alimuly', '--remove', 'arbitrary-detention', '--remove', 'refoulement', '--remove', 'torture', '--remove', 'unfair-trial']);
    expect((await atRisk()).map((p) => p.name)).not.toContain('Murager Alimuly');
  });
});

describe('close and reopen', () => {
  it('takes a closed case out of due and at-risk, and keeps it in timeline and show', async () => {
    expect((await c(['due'])).stdout).toContain('KZ 2019/12');
    const r = await c(['close', 'KZ 2019/12', '--reason', 'both men released']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Closed KZ 2019/12 on 1 February 2020 (both men released)');
    expect((await c(['due', '--within', '365'])).stdout).not.toContain('KZ 2019/12');
    expect((await atRisk()).map((p) => p.name)).not.toContain('Kaster Musakhanuly');
    expect((await c(['timeline', 'KZ 2019/12'])).stdout).toContain('[closed]');
    expect((await c(['show', 'KZ 2019/12'])).stdout).toContain('closed 1 February 2020 (both men released)');
    expect((await c(['reopen', 'KZ 2019/12'])).stderr).toContain('Reopened KZ 2019/12');
    expect((await c(['due'])).stdout).toContain('KZ 2019/12');
  });

  it('refuses to close a case before it opened, or a person; says when it is already closed', async () => {
    const early = await c(['close', 'KZ 2019/12', '--date', '2019-01-01']);
    expect(early).toMatchObject({ code: 1, stderr: expect.stringContaining('before it opened on 12 December 2019') });
    expect((await c(['close', 'Kaster Musakhanuly'])).stderr).toContain('is a person');
    await c(['close', 'KZ 2019/12', '--date', '2020-01-25']);
    const again = await c(['close', 'KZ 2019/12']);
    expect(again).toMatchObject({ code: 0, stderr: expect.stringContaining('already closed, since 25 January 2020') });
  });
});

describe('on a terminal', () => {
  it.each([
    [['risk', 'Hemit Memet', '--add', 'health'], /Hemit Memet: risks now/],
    [['close', 'UA 77/98', '--date', '2000-01-01'], /Closed UA 77\/98 on 1 January 2000/],
    [['status', 'Hemit Memet', 'deceased', '--date', '2001-05-01'], /Recorded Hemit Memet: deceased on 1 May 2001/],
    [['undo'], /Undid "caselog import"|undo stops at the import/],
  ])('%j asks nothing when everything is given', async (args, said) => {
    const prompter = scriptedPrompter([]);
    const r = await caselog(args as string[], { db, today: '2020-02-01', tty: true, prompter });
    expect(prompter.asked).toEqual([]);
    expect(r.stderr).toMatch(said as RegExp);
  });
});
