// Open deadlines as an iCalendar file, read back with ical.js as a calendar program would.
// Run it under other time zones too, e.g. TZ=Pacific/Kiritimati npx vitest run tests/export-ics.test.ts;
// one test also runs the real binary under the two most distant ones.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

/** The case of two men that every test starts from. */
async function twoMen(): Promise<void> {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture / fear of execution']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98']);
}

beforeEach(twoMen);

describe('export --format ics', () => {
  it('writes each open deadline as an all-day entry on its due day, with the case, people and note', async () => {
    const id = await addDeadline('UA 77/98', '15 March 1999', 'check with the International Secretariat', 14);
    const [entry, ...rest] = entries(await ics());
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({ uid: `${id}@caselog`, start: '1999-03-15', isDate: true, summary: 'UA 77/98  Hemit Memet, Kasim Mahpir: check with the International Secretariat' });
    expect(entry!.description).toContain('UA 77/98 — Fear of torture / fear of execution');
    expect(entry!.description).toContain('Hemit Memet, Kasim Mahpir');
    expect(entry!.description).toContain('check with the International Secretariat');
  });

  it('says whose it is in the summary, as due heads it: the people it names, else the case\'s people', async () => {
    await c(['add', 'person', 'Ilyas Zordun']);
    await addDeadline('Kasim Mahpir', '1999-03-15', 'visit in detention');
    await addDeadline('UA 77/98', '1999-03-16', 'check with the International Secretariat');
    await addDeadline('Ilyas Zordun', '1999-03-17', 'ask the family');
    expect(entries(await ics()).map((e) => e.summary)).toEqual([
      'UA 77/98  Kasim Mahpir: visit in detention',
      'UA 77/98  Hemit Memet, Kasim Mahpir: check with the International Secretariat',
      'Ilyas Zordun: ask the family',
    ]);
    const due = (await c(['due', '--within', '30'])).stdout;
    expect(due).toContain('UA 77/98  Kasim Mahpir  d-');
    expect(due).toContain('UA 77/98  Hemit Memet, Kasim Mahpir  d-');
  });

  it('tells two people of one name apart by their ids, as due does', async () => {
    const first = JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout).id as string;
    const second = JSON.parse((await c(['--json', 'add', 'person', 'Hemit Memet', '--new'])).stdout).id as string;
    await addDeadline(first.slice(0, 10), '1999-03-15', 'first');
    await addDeadline(second.slice(0, 10), '1999-03-16', 'second');
    expect(entries(await ics()).map((e) => e.summary)).toEqual([
      `UA 77/98  Hemit Memet [${first.slice(0, 10)}]: first`, `Hemit Memet [${second.slice(0, 10)}]: second`,
    ]);
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

  it('says how a date was given when that tells more, never another way of writing it or a day counted from the day it was typed', async () => {
    await addDeadline('Hemit Memet', 'tomorrow', 'call the lawyer');
    await addDeadline('Hemit Memet', 'in six months', 'ask again');
    await addDeadline('Hemit Memet', 'mid-April 1999', 'hearing');
    // Only another way of writing the date: nothing to add.
    await addDeadline('Hemit Memet', 'March 20, 1999', 'visit');
    const found = entries(await ics());
    expect(found.map((e) => /Due: [^\n]*/.exec(e.description)?.[0])).toEqual([
      'Due: 2 March 1999', 'Due: 20 March 1999', expect.stringMatching(/^Due: c\. 15 April 1999 \(given as "mid-April 1999"\)/), 'Due: 1 September 1999',
    ]);
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
    expect(entries(await ics()).map((e) => e.summary)).toEqual(['UA 77/98  Hemit Memet, Kasim Mahpir: still open']);

    const whole = JSON.parse((await c(['export', '--format', 'json'])).stdout);
    whole.cases[0].closed = { date: '1999-02-28', precision: 'day', approximate: false, dateText: '28 February 1999' };
    const path = join(mkdtempSync(join(tmpdir(), 'caselog-ics-')), 'closed.json');
    writeFileSync(path, JSON.stringify(whole));
    expect((await c(['import', path, '--replace'])).code).toBe(0);
    expect(entries(await ics())).toEqual([]);
  });

  it('writes to a file with --out', async () => {
    await addDeadline('UA 77/98', '1999-03-15', 'to the file');
    const out = join(mkdtempSync(join(tmpdir(), 'caselog-ics-')), 'deadlines.ics');
    const r = await c(['export', '--format', 'ics', '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(entries(readFileSync(out, 'utf8'))[0]!.summary).toBe('UA 77/98  Hemit Memet, Kasim Mahpir: to the file');
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

describe('export --format ics: the file as a calendar program reads it', () => {
  it('ends every line with CRLF, the last one too, on stdout and in the --out file', async () => {
    await addDeadline('UA 77/98', '1999-03-15', 'a note long enough that its summary and description are folded over several lines', 14);
    const out = join(mkdtempSync(join(tmpdir(), 'caselog-ics-')), 'deadlines.ics');
    expect((await c(['export', '--format', 'ics', '--out', out])).code).toBe(0);
    for (const file of [await ics(), readFileSync(out, 'utf8')]) {
      expect(file.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(file.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    }
  });

  it('folds long lines at 75 octets between whole characters, Cyrillic, Chinese and emoji included, and leaves TextEncoder as it was', async () => {
    const note = 'Проверить, подана ли апелляция Қастера Мұсаханұлы; 陈晓宇的律师 📞 звонить адвокату до слушания, '.repeat(3).trim();
    await addDeadline('UA 77/98', '1999-03-15', note, 14);
    const Before = globalThis.TextEncoder;
    const file = await ics();
    expect(globalThis.TextEncoder).toBe(Before);
    expect(new TextEncoder().encode('é')).toEqual(new Uint8Array([0xc3, 0xa9]));
    const lines = file.split('\r\n');
    expect(lines.filter((l) => Buffer.byteLength(l) > 60).length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(entries(file)[0]!.description).toContain(note);
  });

  it('ends with CRLF when there is no open deadline', async () => {
    const file = await ics();
    expect(file.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(entries(file)).toEqual([]);
  });
});

describe('export --format ics: a changed entry replaces its older copy in a calendar', () => {
  // Only Date is faked: the store stamps changes with the real time, which the tests set here.
  const at = (iso: string) => vi.setSystemTime(new Date(iso));
  // Made again before the times the tests set: made at the real time, the records were changed later
  // than the tests' changes, as by a clock that ran ahead.
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-11-19T10:00:00Z');
    await twoMen();
  });
  afterEach(() => { vi.useRealTimers(); });

  interface Revision { uid: string; start: string; description: string; sequence: number; lastModified: string; stamp: string }
  const revisions = (file: string): Revision[] => new ICAL.Component(ICAL.parse(file)).getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toString(),
    description: String(vevent.getFirstPropertyValue('description')),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    lastModified: String(vevent.getFirstPropertyValue('last-modified')),
    stamp: String(vevent.getFirstPropertyValue('dtstamp')),
  }));
  const ok = async (...args: string[]) => expect((await c(args)).code).toBe(0);

  it('raises SEQUENCE and moves DTSTAMP and LAST-MODIFIED (UTC) with any change to what an entry shows', async () => {
    at('2026-11-20T10:00:00Z');
    const id = await addDeadline('UA 77/98', '1999-03-15', 'check before', 14);
    let [last] = revisions(await ics());
    expect(last).toMatchObject({ uid: `${id}@caselog`, start: '1999-03-15', lastModified: '2026-11-20T10:00:00Z', stamp: '2026-11-20T10:00:00Z' });
    // The deadline itself; its case's title; a person's name; a person erased: each is shown by the entry.
    const changes: Array<[string, string[], (r: Revision) => void]> = [
      ['2026-11-21T09:30:15Z', ['edit', id, '--date', '1999-03-20'], (r) => expect(r.start).toBe('1999-03-20')],
      ['2026-11-22T08:00:00Z', ['edit', 'UA 77/98', '--title', 'Fear of torture'], (r) => expect(r.description).toContain('UA 77/98 — Fear of torture\n')],
      ['2026-11-23T08:00:00Z', ['edit', 'Hemit Memet', '--name', 'Hemit Memet Ali'], (r) => expect(r.description).toContain('Hemit Memet Ali')],
      ['2026-11-24T08:00:00Z', ['erase', 'Kasim Mahpir', '--force'], (r) => expect(r.description).not.toContain('Kasim')],
    ];
    for (const [time, args, shows] of changes) {
      at(time);
      await ok(...args);
      const [now] = revisions(await ics());
      expect(now!.uid, args.join(' ')).toBe(`${id}@caselog`);
      expect(now!.sequence, args.join(' ')).toBeGreaterThan(last!.sequence);
      expect(now).toMatchObject({ lastModified: time, stamp: time });
      shows(now!);
      last = now;
    }
  });

  it('raises SEQUENCE for a change made after the clock, which ran ahead, was put right', async () => {
    at('2027-06-01T09:00:00Z');
    const id = await addDeadline('UA 77/98', '1999-03-15', 'hearing');
    const [ahead] = revisions(await ics());
    at('2026-11-21T10:00:00Z');
    await ok('edit', id, '--date', '1999-03-10');
    const [righted] = revisions(await ics());
    expect(righted).toMatchObject({ uid: `${id}@caselog`, start: '1999-03-10' });
    expect(righted!.sequence).toBeGreaterThan(ahead!.sequence);
    // Unchanged, the same file again.
    expect(revisions(await ics())[0]!.sequence).toBe(righted!.sequence);
  });

  it('raises SEQUENCE when an edit is undone, so the calendar takes the earlier version back', async () => {
    at('2026-11-20T10:00:00Z');
    const id = await addDeadline('UA 77/98', '1999-03-15', 'check before');
    at('2026-11-21T10:00:00Z');
    await ok('edit', id, '--date', '1999-03-20');
    const [edited] = revisions(await ics());
    at('2026-11-22T10:00:00Z');
    await ok('undo');
    const [undone] = revisions(await ics());
    expect(undone).toMatchObject({ uid: `${id}@caselog`, start: '1999-03-15', lastModified: '2026-11-22T10:00:00Z', stamp: '2026-11-22T10:00:00Z' });
    expect(undone!.sequence).toBeGreaterThan(edited!.sequence);
  });

  it('raises SEQUENCE when a newer export of the deadline is imported, and dates it from the import', async () => {
    at('2026-11-20T10:00:00Z');
    const id = await addDeadline('UA 77/98', '1999-03-15', 'check before');
    const [before] = revisions(await ics());
    const whole = JSON.parse((await c(['export', '--format', 'json'])).stdout);
    whole.deadlines[0].note = 'check before, as a colleague corrected it';
    const path = join(mkdtempSync(join(tmpdir(), 'caselog-ics-')), 'newer.json');
    writeFileSync(path, JSON.stringify(whole));
    at('2026-11-21T10:00:00Z');
    await ok('import', path, '--replace');
    const [after] = revisions(await ics());
    expect(after).toMatchObject({ uid: `${id}@caselog`, lastModified: '2026-11-21T10:00:00Z', stamp: '2026-11-21T10:00:00Z' });
    expect(after!.sequence).toBeGreaterThan(before!.sequence);
  });

  it('raises SEQUENCE for a deadline changed in another database after an export of this one was imported there', async () => {
    at('2026-11-20T10:00:00Z');
    const id = await addDeadline('UA 77/98', '1999-03-15', 'check before');
    for (let i = 0; i < 8; i++) await ok('edit', id, '--note', `check before (${i})`);
    const [here] = revisions(await ics());
    const path = join(mkdtempSync(join(tmpdir(), 'caselog-ics-')), 'moved.json');
    writeFileSync(path, (await c(['export', '--format', 'json'])).stdout);
    // A new machine, or a colleague: fewer changes in its log, all of them later.
    const there = tempDb();
    at('2026-11-21T10:00:00Z');
    expect((await caselog(['import', path], { db: there, today: '2026-11-21' })).code).toBe(0);
    expect((await caselog(['edit', id, '--date', '1999-03-20'], { db: there, today: '2026-11-21' })).code).toBe(0);
    const [moved] = revisions((await caselog(['export', '--format', 'ics'], { db: there, today: '2026-11-21' })).stdout);
    expect(moved).toMatchObject({ uid: `${id}@caselog`, start: '1999-03-20' });
    expect(moved!.sequence).toBeGreaterThan(here!.sequence);
  });

  it('writes the same file, byte for byte, from an unchanged database at another time', async () => {
    at('2026-11-20T10:00:00Z');
    const id = await addDeadline('UA 77/98', '1999-03-15', 'check before', 14);
    await addDeadline('Hemit Memet', 'April 1999', 'check on him');
    await ok('edit', id, '--note', 'check well before');
    at('2026-11-21T10:00:00.500Z');
    const first = await ics();
    at('2026-12-25T23:59:59Z');
    expect(await ics()).toBe(first);
  });
});

describe('--json with another format', () => {
  it('is a usage error: stdout would hold ICS, not JSON', async () => {
    const r = await c(['--json', 'export', '--format', 'ics']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('--json goes with --format json; --format ics writes ICS, so leave --json out');
  });
});
