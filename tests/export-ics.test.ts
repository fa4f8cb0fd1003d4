// Open deadlines as an iCalendar file, read back with ical.js as a calendar program would.
// Run it under other time zones too, e.g. TZ=Pacific/Kiritimati npx vitest run tests/export-ics.test.ts;
// one test also runs the real binary under the two most distant ones.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, spawnCaselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-03-01' });

interface Entry { uid: string; start: string; isDate: boolean; summary: string; description: string; triggers: string[]; alarmSeconds: number[] }

function entries(ics: string): Entry[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const alarms = vevent.getAllSubcomponents('valarm');
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      start: start.toString(),
      isDate: start.isDate,
      summary: String(vevent.getFirstPropertyValue('summary')),
      description: String(vevent.getFirstPropertyValue('description')),
      triggers: alarms.map((a) => a.getFirstProperty('trigger')!.toICALString()),
      alarmSeconds: alarms.map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
    };
  });
}

async function addDeadline(who: string, date: string, note: string, warn?: number): Promise<string> {
  const r = await c(['--json', 'add', 'deadline', who, '--date', date, '--note', note, ...(warn ? ['--warn', String(warn)] : [])]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).id as string;
}

async function ics(): Promise<string> {
  const r = await c(['export', '--format', 'ics']);
  expect(r.code).toBe(0);
  return r.stdout;
}

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture / fear of execution']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98']);
});

describe('export --format ics', () => {
  it('writes each open deadline as an all-day entry on its due day, with the case, people and note', async () => {
    const id = await addDeadline('UA 77/98', '15 March 1999', 'check with the International Secretariat', 14);
    const [entry, ...rest] = entries(await ics());
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({ uid: `${id}@caselog`, start: '1999-03-15', isDate: true, summary: 'UA 77/98: check with the International Secretariat' });
    expect(entry!.description).toContain('UA 77/98 — Fear of torture / fear of execution');
    expect(entry!.description).toContain('Hemit Memet, Kasim Mahpir');
    expect(entry!.description).toContain('check with the International Secretariat');
  });

  it('reminds as many days ahead as the warning, and not at all without one', async () => {
    await addDeadline('UA 77/98', '1999-03-15', 'warned', 14);
    await addDeadline('UA 77/98', '1999-03-20', 'quiet');
    const [warned, quiet] = entries(await ics());
    expect(warned!.triggers).toEqual(['TRIGGER:-P14D']);
    expect(warned!.alarmSeconds).toEqual([-14 * 86400]);
    expect(quiet!.summary).toContain('quiet');
    expect(quiet!.triggers).toEqual([]);
  });

  it('puts a deadline known only to the month on its first day', async () => {
    await addDeadline('Hemit Memet', 'April 1999', 'check on him');
    const [entry] = entries(await ics());
    expect(entry).toMatchObject({ start: '1999-04-01', isDate: true });
    expect(entry!.description).toContain('April 1999');
  });

  it('keeps the same UIDs from one export to the next, so a calendar updates instead of duplicating', async () => {
    await addDeadline('UA 77/98', '1999-03-15', 'first', 3);
    await addDeadline('UA 77/98', '1999-03-10', 'second');
    const once = entries(await ics()).map((e) => e.uid);
    await addDeadline('UA 77/98', '1999-03-12', 'third');
    const twice = entries(await ics()).map((e) => e.uid);
    expect(once).toHaveLength(2);
    expect(twice).toHaveLength(3);
    expect(twice).toEqual(expect.arrayContaining(once));
  });

  it('leaves out deadlines that are done, and those on closed cases', async () => {
    const done = await addDeadline('UA 77/98', '1999-03-15', 'already done');
    await addDeadline('UA 77/98', '1999-03-16', 'still open');
    expect((await c(['done', done])).code).toBe(0);
    expect(entries(await ics()).map((e) => e.summary)).toEqual(['UA 77/98: still open']);

    const whole = JSON.parse((await c(['export', '--format', 'json'])).stdout);
    whole.cases[0].closed = { date: '1999-02-28', precision: 'day', approximate: false, dateText: '28 February 1999' };
    const path = join(mkdtempSync(join(tmpdir(), 'caselog-ics-')), 'closed.json');
    writeFileSync(path, JSON.stringify(whole));
    expect((await c(['import', path])).code).toBe(0);
    expect(entries(await ics())).toEqual([]);
  });

  it('writes to a file with --out', async () => {
    await addDeadline('UA 77/98', '1999-03-15', 'to the file');
    const out = join(mkdtempSync(join(tmpdir(), 'caselog-ics-')), 'deadlines.ics');
    const r = await c(['export', '--format', 'ics', '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(entries(readFileSync(out, 'utf8'))[0]!.summary).toBe('UA 77/98: to the file');
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles'])('writes the same calendar day when the machine is in %s', async (tz) => {
    await addDeadline('UA 77/98', '1999-12-31', 'end of year', 1);
    await addDeadline('UA 77/98', '2000-01-01', 'new year');
    const r = spawnCaselog(['--db', db, 'export', '--format', 'ics'], { TZ: tz });
    expect(r.code).toBe(0);
    expect(entries(r.stdout).map((e) => [e.start, e.isDate])).toEqual([['1999-12-31', true], ['2000-01-01', true]]);
    expect(r.stdout).toContain('DTSTART;VALUE=DATE:19991231');
    expect(r.stdout).toContain('DTEND;VALUE=DATE:20000101');
  });
});
