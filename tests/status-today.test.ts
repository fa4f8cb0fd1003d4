// A person's status and latest news as they stand on today (or --today): an event dated after it
// (a release expected, or a look back with --today in the past) has not happened yet, so it neither
// sets their status nor counts as news, and cannot take them off the at-risk list.
import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '2024-05-10') => caselog(args, { db, today });
const json = async (args: string[], today?: string) => {
  const r = await c(['--json', ...args], today);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Array<Record<string, unknown>> & Record<string, unknown>;
};
const statusIn = (rows: Array<Record<string, unknown>>, name: string) => rows.find((p) => p.name === name)?.status;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 12/24', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 12/24', '--risk', 'torture']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 12/24', '--risk', 'refoulement']);
  await c(['add', 'event', 'Hemit Memet', 'Kasim Mahpir', '--date', '2024-03-02', '--type', 'arrest', '--summary', 'Arrested in Almaty']);
  // Recorded ahead of time, despite the note: a release the lawyer expects, an asylum decision hoped for.
  await c(['add', 'event', 'Hemit Memet', '--date', '2024-09-01', '--type', 'release', '--summary', 'Release expected']);
  await c(['add', 'event', 'Kasim Mahpir', '--date', '2024-08', '--type', 'status', '--status', 'protected', '--summary', 'Asylum expected']);
});

describe('status as of today', () => {
  it('at-risk shows the status an event up to today set, and the news up to today', async () => {
    const text = (await c(['at-risk'])).stdout;
    expect(text).toMatch(/Hemit Memet {2}UA 12\/24 {2}detained\n/);
    expect(text).toContain('latest news 2 March 2024 (2 months ago)');
    expect(text).not.toContain('after today');
    const rows = await json(['at-risk']);
    expect(statusIn(rows, 'Hemit Memet')).toBe('detained');
    expect(rows.find((p) => p.name === 'Hemit Memet')).toMatchObject({ statusSince: { date: '2024-03-02' }, latestNews: { date: '2024-03-02' } });
  });

  it('keeps on at-risk someone whom only a later event would put out of danger', async () => {
    expect((await c(['at-risk'])).stdout).toMatch(/Kasim Mahpir {2}UA 12\/24 {2}detained\n/);
    expect(statusIn(await json(['at-risk']), 'Kasim Mahpir')).toBe('detained');
    expect(statusIn(await json(['at-risk', '--risk', 'refoulement']), 'Kasim Mahpir')).toBe('detained');
    // Once the day has come, the event decides, and a protected person leaves the list.
    const later = await json(['at-risk'], '2024-09-02');
    expect(statusIn(later, 'Hemit Memet')).toBe('released');
    expect(statusIn(later, 'Kasim Mahpir')).toBeUndefined();
    expect((await c(['at-risk'], '2024-09-02')).stdout).not.toContain('Kasim Mahpir');
  });

  it('a month counts from its first day, but one out of danger from its last day, as letters count it', async () => {
    // Protected "August 2024": still in danger, for all we know, until the month's last day.
    expect(statusIn(await json(['at-risk'], '2024-07-31'), 'Kasim Mahpir')).toBe('detained');
    expect(statusIn(await json(['at-risk'], '2024-08-15'), 'Kasim Mahpir')).toBe('detained');
    expect((await json(['show', 'Kasim Mahpir'], '2024-08-30')).status).toBe('detained');
    expect(statusIn(await json(['at-risk'], '2024-09-01'), 'Kasim Mahpir')).toBeUndefined();
    // A month of 30 days ends on the 30th; February on the 28th or 29th.
    await c(['add', 'event', 'Hemit Memet', '--date', '2025-06', '--type', 'status', '--status', 'deceased', '--summary', 'Died in custody']);
    expect((await json(['show', 'Hemit Memet'], '2025-06-29')).status).toBe('released');
    expect((await json(['show', 'Hemit Memet'], '2025-06-30')).status).toBe('deceased');
    await c(['add', 'event', 'Kasim Mahpir', '--date', '2025-02', '--type', 'status', '--status', 'deceased', '--summary', 'Reported dead']);
    expect((await json(['show', 'Kasim Mahpir'], '2025-02-27')).status).toBe('protected');
    expect((await json(['show', 'Kasim Mahpir'], '2025-02-28')).status).toBe('deceased');
    expect((await json(['list', 'people', '--status', 'detained'], '2024-08-15')).map((p) => p.name)).toContain('Kasim Mahpir');
    // An arrest "August 2024" counts from its first day.
    await c(['add', 'event', 'Hemit Memet', '--date', '2024-08', '--type', 'arrest', '--summary', 'Re-arrested']);
    expect((await json(['show', 'Hemit Memet'], '2024-08-01')).status).toBe('detained');
  });

  it('show, list and timeline say the same; list --status finds them by it', async () => {
    const show = (await c(['show', 'Hemit Memet'])).stdout;
    expect(show).toContain('status: detained since 2 March 2024, set by arrest');
    expect(show).toContain('latest news: 2 March 2024');
    expect((await c(['timeline', 'Hemit Memet'])).stdout.split('\n')[0]).toContain('— detained');
    expect((await json(['show', 'Hemit Memet'])).status).toBe('detained');
    expect(statusIn(await json(['list', 'people']), 'Kasim Mahpir')).toBe('detained');
    expect((await json(['list', 'people', '--status', 'detained'])).map((p) => p.name)).toEqual(['Hemit Memet', 'Kasim Mahpir']);
    expect(await json(['list', 'people', '--status', 'released'])).toEqual([]);
    expect((await json(['list', 'people', '--status', 'released'], '2024-12-01')).map((p) => p.name)).toEqual(['Hemit Memet']);
    expect((await json(['list', 'cases', '--status', 'released'])).map((k) => k.ref)).toEqual([]);
    expect((await json(['list', 'cases', '--status', 'detained'])).map((k) => k.ref)).toEqual(['UA 12/24']);
    expect((await json(['list', 'cases', '--status', 'released'], '2024-12-01')).map((k) => k.ref)).toEqual(['UA 12/24']);
  });

  it('says of an event after today only that it is after today, not that an earlier one decides', async () => {
    const r = await c(['add', 'event', 'Kasim Mahpir', '--date', '2024-10-01', '--type', 'release', '--summary', 'Release expected']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('still decides');
    expect(r.stderr).toContain('note: 1 October 2024 is after today');
  });

  it('says of a change today that a later event outdates it only as show has it today', async () => {
    // Hemit: arrested 2 March, release expected 1 September. A deportation is feared for October;
    // a release recorded today takes, as of today, whatever is expected later.
    await c(['add', 'event', 'Hemit Memet', '--date', '2024-10-01', '--type', 'deportation', '--summary', 'Deportation feared']);
    const r = await c(['add', 'event', 'Hemit Memet', '--date', '2024-05-01', '--type', 'release', '--summary', 'Released on bail']);
    expect(r.stderr).toMatch(/^Recorded release on 1 May 2024 for Hemit Memet \[e-\w{8}\]\n$/);
    expect((await c(['show', 'Hemit Memet'])).stdout).toContain('status: released since 1 May 2024');
    const s = await c(['status', 'Hemit Memet', 'in-hiding', '--date', '2024-05-09']);
    expect(s.stderr).toMatch(/^Recorded Hemit Memet: in-hiding on 9 May 2024 \(was released\) \[e-\w{8}\]\n$/);
  });

  it('exports the status and news of today in the CSV people table', async () => {
    const csv = (await c(['export', '--format', 'csv', '--table', 'people'])).stdout;
    const [head, ...rows] = csv.trim().split('\r\n').map((l) => l.split(','));
    const hemit = rows.find((r) => r[head!.indexOf('name')] === 'Hemit Memet')!;
    expect(hemit[head!.indexOf('current_status')]).toBe('detained');
    expect(hemit[head!.indexOf('latest_news')]).toBe('2024-03-02');
  });

  it('does not count a status recorded on a day after today', async () => {
    await c(['add', 'person', 'Later Rec', '--case', 'UA 12/24', '--risk', 'torture', '--status', 'protected'], '2025-01-01');
    await c(['add', 'event', 'Later Rec', '--date', '2024-03-01', '--type', 'arrest', '--summary', 'Arrested']);
    expect(statusIn(await json(['at-risk']), 'Later Rec')).toBe('detained');
    expect(statusIn(await json(['at-risk'], '2025-01-02'), 'Later Rec')).toBeUndefined();
  });

  it('says a change out of danger known to a month today is in counts from its last day, not that it is overruled', async () => {
    const r = await c(['status', 'Hemit Memet', 'protected', '--date', 'May 2024']);
    expect(r.stderr).toBe(`Recorded Hemit Memet: protected in May 2024 (was detained) [${/\[(e-\w+)\]/.exec(r.stderr)![1]}]\n`
      + 'note: protected in May 2024 counts from 31 May 2024, its last day (until then Hemit Memet may still be in danger)\n');
    // A year sorts before the days in it: a day-dated event of 2024 outranks "deceased in 2024", which
    // never takes; what decides is said instead.
    const e = await c(['add', 'event', 'Kasim Mahpir', '--date', '2024', '--type', 'status', '--status', 'deceased', '--summary', 'Reported dead']);
    expect(e.stderr).toContain("Note: a later event still decides Kasim Mahpir's status, which stays detained: arrest on 2 March 2024");
    expect(e.stderr).not.toContain('counts from');
    // Of two people, each is told what holds for them.
    await c(['add', 'event', 'Kasim Mahpir', '--date', '2024-05-05', '--type', 'arrest', '--summary', 'Arrested again']);
    const two = await c(['status', 'Hemit Memet', 'Kasim Mahpir', 'protected', '--date', 'May 2024']);
    expect(two.stderr).toContain('note: protected in May 2024 counts from 31 May 2024, its last day (until then Hemit Memet may still be in danger)');
    expect(two.stderr).toContain("Note: a later event still decides Kasim Mahpir's status, which stays detained: arrest on 5 May 2024");
    expect(two.stderr).not.toContain("decides Hemit Memet's");
    await c(['undo']);
    await c(['undo']);
    // The same for a month.
    await c(['add', 'event', 'Kasim Mahpir', '--date', '2024-05-03', '--type', 'arrest', '--summary', 'Re-arrested']);
    const outranked = await c(['status', 'Kasim Mahpir', 'protected', '--date', 'May 2024']);
    expect(outranked.stderr).toContain("Note: a later event still decides Kasim Mahpir's status, which stays detained: arrest on 3 May 2024");
    expect(outranked.stderr).not.toContain('counts from');
  });

  it('looks back with --today before any event: nothing known yet', async () => {
    const hemit = await json(['show', 'Hemit Memet'], '2024-01-01');
    expect(hemit).toMatchObject({ status: 'unknown', latestNews: null });
    expect((await c(['show', 'Hemit Memet'], '2024-01-01')).stdout).toContain('status: unknown (no event up to today has set it)');
    // Nor is their case open yet (opened on 10 May 2024), and nothing about them is dated before:
    // at-risk leaves them out until the arrest of 2 March; from then, they were at risk.
    expect(await json(['at-risk'], '2024-01-01')).toEqual([]);
    expect(statusIn(await json(['at-risk'], '2024-03-05'), 'Hemit Memet')).toBe('detained');
    expect(statusIn(await json(['at-risk'], '2024-05-10'), 'Hemit Memet')).toBe('detained');
  });

  it('counts as news before a case opened what latest news counts: a whole-case event, not one\'s own appeal', async () => {
    await c(['add', 'case', '--ref', 'UA 9/24', '--title', 'Opened later', '--opened', '2024-12-01']);
    await c(['add', 'person', 'Anna Testova', '--case', 'UA 9/24', '--risk', 'torture']);
    await c(['add', 'person', 'Petr Testov', '--case', 'UA 9/24', '--risk', 'torture']);
    await c(['add', 'event', 'UA 9/24', '--date', '2024-10-01', '--type', 'report', '--summary', 'Whole-case report']);
    await c(['add', 'event', 'Anna Testova', '--date', '2024-12-05', '--type', 'arrest', '--summary', 'Arrested']);
    const names = async () => (await json(['at-risk'], '2024-11-15')).map((p) => p.name);
    expect(await names()).toContain('Anna Testova');
    // Before the whole-case report, nothing about them is dated: left out.
    expect((await json(['at-risk'], '2024-09-15')).map((p) => p.name)).not.toContain('Anna Testova');
  });

  it('keeps on at-risk the people of a case whose opening date is not recorded', async () => {
    const exported = JSON.parse((await c(['export'])).stdout) as Record<string, unknown> & { cases: Array<Record<string, unknown>> };
    exported.cases = exported.cases.map((k) => ({ ...k, opened: null }));
    const file = `${db}-undated.json`;
    writeFileSync(file, JSON.stringify(exported));
    db = tempDb();
    expect((await c(['import', file])).code).toBe(0);
    expect(statusIn(await json(['at-risk']), 'Hemit Memet')).toBe('detained');
  });
});
