// The part of a year or month a date of something that happened names ("late 1998", "mid-April",
// "the end of 1998") is read as the date it stands for, as a deadline's is: kept as the bare year,
// "late 1998" sorted before "March 1998" on the timeline and read as if the year were in doubt.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '1999-02-15') => caselog(args, { db, today });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
const dateOf = ({ date, precision, approximate, dateText }: Record<string, unknown>) => ({ date, precision, approximate, dateText });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture', '--opened', '1998-02-01']);
  await c(['add', 'person', 'Ilyas Zordun', '--case', 'UA 77/98']);
});

const event = async (who: string, date: string, type: string, summary: string) => {
  const r = await c(['--json', 'add', 'event', who, '--date', date, '--type', type, '--summary', summary]);
  expect(r.code, r.stderr).toBe(0);
  return { id: JSON.parse(r.stdout).id as string, said: r.stderr };
};
/** Each block's first line (date, type, id) and summary, in the order the timeline gives them. */
const order = async (who: string) => (await c(['timeline', who])).stdout.split('\n\n').slice(1)
  .map((b) => { const [head = '', summary = ''] = b.split('\n'); return `${head.split('  ')[0]}: ${summary.trim()}`; });

describe('a part of a year or month in an event date', () => {
  it('sorts the timeline in date order, showing the date it stands for and the words as given', async () => {
    const late = await event('Ilyas Zordun', 'late 1998', 'arrest', 'Arrested at the border');
    expect(late.said).toContain('Recorded arrest in c. October 1998 for Ilyas Zordun');
    await event('UA 77/98', 'March 1998', 'other', 'Wanted posters distributed');
    await event('UA 77/98', 'early 1998', 'other', 'Warrant issued');
    expect(await order('UA 77/98')).toEqual([
      'c. 1998: Warrant issued', 'March 1998: Wanted posters distributed', 'c. October 1998: Arrested at the border',
    ]);
    const timeline = (await c(['timeline', 'UA 77/98'])).stdout;
    expect(timeline).toContain('c. October 1998  arrest');
    expect(timeline).toContain('  Ilyas Zordun\n  date as given: "late 1998"');
    expect(timeline).not.toContain('c. 1998  arrest');
  });

  it.each([
    ['late 1998', '1998-10', 'month', 'c. October 1998'],
    ['the middle of 1998', '1998-07', 'month', 'c. July 1998'],
    ['mid-April 1998', '1998-04-15', 'day', 'c. 15 April 1998'],
    ['late April 1998', '1998-04-21', 'day', 'c. 21 April 1998'],
    // Not known to the day, unlike a deadline's "by the end of": of a year, its last month.
    ['the end of 1998', '1998-12', 'month', 'c. December 1998'],
    ['end of March 1998', '1998-03-31', 'day', 'c. 31 March 1998'],
    ['early March 1998', '1998-03', 'month', 'c. March 1998'],
    ['late summer 1998', '1998', 'year', 'c. 1998'],
  ])('reads "%s" as %s (%s), approximate, keeping the words', async (typed, iso, precision, shown) => {
    const { id } = await event('Ilyas Zordun', typed, 'statement', 'Family statement');
    expect(dateOf(await json(['show', id]))).toEqual({ date: iso, precision, approximate: true, dateText: typed });
    expect((await c(['show', id])).stdout).toMatch(new RegExp(`^${shown}  statement .*\n.*\n  date as given: "${typed}"\n`));
  });

  it('is read so when an event is edited, asked in the guided add, and in the date column of a sheet', async () => {
    const { id } = await event('Ilyas Zordun', '1998-03-02', 'arrest', 'Arrested at the border');
    expect((await c(['edit', id, '--date', 'mid-April 1998'])).code).toBe(0);
    expect(dateOf(await json(['show', id]))).toMatchObject({ date: '1998-04-15', dateText: 'mid-April 1998' });
    const sheet = ['date,type,summary,case', '"late 1998",hearing,Hearing in Urumqi,UA 77/98'].join('\n');
    expect((await c(['import', fileOf('events.csv', sheet)])).code).toBe(0);
    expect(await order('UA 77/98')).toEqual(['c. 15 April 1998: Arrested at the border', 'c. October 1998: Hearing in Urumqi']);
    db = tempDb();
    await c(['import', DEMO]);
    const ua = await json(['show', 'UA 77/98']);
    const hemit = ua.people.find((p: { name: string }) => p.name === 'Hemit Memet').id as string;
    const prompter = scriptedPrompter(['event', ua.id, [hemit], 'the end of 1998', 'statement', 'Family told', '', '', '']);
    const r = await caselog(['add'], { db, tty: true, today: '1999-02-15', prompter });
    expect(r.stderr).toContain('Recorded statement in c. December 1998 for Hemit Memet');
  });

  it('is kept as stored through an export and import, and a sheet written before keeps its year', async () => {
    await event('Ilyas Zordun', 'late 1998', 'arrest', 'Arrested at the border');
    await event('Ilyas Zordun', 'mid-April 1998', 'statement', 'Family statement');
    const exported = (await c(['export'])).stdout;
    const sheet = (await c(['export', '--format', 'csv', '--table', 'events'])).stdout;
    expect(sheet).toContain(',1998-10,month,true,late 1998,arrest,');
    db = tempDb();
    expect((await c(['import', fileOf('all.json', exported)])).code).toBe(0);
    expect((await c(['export'])).stdout).toBe(exported);
    expect((await c(['import', fileOf('events.csv', sheet)])).stderr).toContain('0 added, 0 updated, 2 unchanged');
    // A row an earlier caselog wrote (the year, with the words) is not read again from its words.
    const old = ['date,date_precision,date_approximate,date_text,type,summary,case', '1998,year,true,"late 1998",other,Warrant issued,UA 77/98'].join('\n');
    expect((await c(['import', fileOf('old.csv', old)])).code).toBe(0);
    expect((await json(['timeline', 'UA 77/98'])).events[0].date).toBe('1998');
  });
});

describe('a part of a year in the other dates of what happened', () => {
  it('orders a status change after the events it follows', async () => {
    await event('Ilyas Zordun', 'March 1998', 'arrest', 'Arrested at the border');
    expect((await c(['status', 'Ilyas Zordun', 'released', '--date', 'late 1998'])).stderr).toContain('released in c. October 1998');
    expect((await json(['show', 'Ilyas Zordun'])).status).toBe('released');
    expect((await order('Ilyas Zordun')).at(-1)).toBe('c. October 1998: status set to released');
  });

  it('closes a case on the date its words stand for, refusing only what they rule out', async () => {
    await c(['add', 'case', '--ref', 'UA 80/98', '--title', 'Detention', '--opened', 'December 1998']);
    // "late 1998" stands for c. October, but may be December: the case opened then may have closed then.
    const r = await c(['close', 'UA 80/98', '--date', 'late 1998']);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('Closed UA 80/98 in c. October 1998') });
    expect((await c(['close', 'UA 77/98', '--date', 'early 1997'])).stderr).toContain('cannot close in c. 1997, before it opened on 1 February 1998');
    expect(dateOf(await json(['add', 'source', '--title', 'Update', '--date', 'mid-1998']))).toMatchObject({ date: '1998-07', precision: 'month' });
  });
});
