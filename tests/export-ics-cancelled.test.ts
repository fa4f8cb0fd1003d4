// export --format ics --cancelled: a calendar that imported an earlier file keeps a deadline done,
// deleted or on a closed case (and its alarm) until a file cancels it under the same UID.
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-01-21' });

interface Entry { uid: string; start: string; status: string | null; sequence: number; summary: string; description: string | null; alarms: number }

function entries(ics: string): Entry[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toString(),
    status: vevent.getFirstPropertyValue('status') as string | null,
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    summary: String(vevent.getFirstPropertyValue('summary')),
    description: vevent.getFirstPropertyValue('description') as string | null,
    alarms: vevent.getAllSubcomponents('valarm').length,
  }));
}

async function ok(...args: string[]): Promise<string> {
  const r = await c(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

async function deadline(who: string | string[], date: string, note: string): Promise<string> {
  return JSON.parse(await ok('--json', 'add', 'deadline', ...[who].flat(), '--date', date, '--warn', '3', '--note', note)).id as string;
}

beforeEach(async () => {
  db = tempDb();
  await ok('add', 'case', '--ref', 'KZ-1', '--title', 'Musakhanuly');
  await ok('add', 'case', '--ref', 'FAM-3', '--title', 'Saidov');
  await ok('add', 'person', 'Kaster Musakhanuly', '--case', 'KZ-1');
});

describe('export --format ics --cancelled', () => {
  it('cancels each deadline done, deleted or on a closed case, under its UID, with a higher SEQUENCE and no alarm or note', async () => {
    const appeal = await deadline('KZ-1', '2020-02-05', 'Last day to file appeal');
    const visit = await deadline('KZ-1', '2020-02-10', 'Visit in prison');
    const visa = await deadline('FAM-3', '2020-02-12', 'Visa interview');
    const open = await deadline('KZ-1', '2020-03-01', 'Ask for the file');
    const before = entries(await ok('export', '--format', 'ics'));
    expect(before.map((e) => e.uid)).toEqual([appeal, visit, visa, open].map((id) => `${id}@caselog`));

    await ok('done', appeal);
    await ok('delete', visit, '--force');
    await ok('close', 'FAM-3', '--reason', 'resettled');
    // The spec's file stays as it was: open deadlines only.
    expect(entries(await ok('export', '--format', 'ics')).map((e) => e.uid)).toEqual([`${open}@caselog`]);

    const after = entries(await ok('export', '--format', 'ics', '--cancelled'));
    const byUid = new Map(after.map((e) => [e.uid, e]));
    expect(after).toHaveLength(4);
    expect(byUid.get(`${open}@caselog`)).toMatchObject({ status: null, alarms: 1, summary: 'KZ-1  Kaster Musakhanuly: Ask for the file' });
    for (const [id, start, summary] of [[appeal, '2020-02-05', 'caselog: deadline done'], [visit, '2020-02-10', 'caselog: deadline deleted'],
      [visa, '2020-02-12', 'caselog: case closed']] as const) {
      const entry = byUid.get(`${id}@caselog`);
      expect(entry, summary).toMatchObject({ start, status: 'CANCELLED', alarms: 0, summary, description: null });
      expect(entry!.sequence).toBeGreaterThan(before[0]!.sequence);
    }
  });

  it('takes a deadline whose people were erased off the calendar without a word of theirs, and leaves out their own', async () => {
    await ok('add', 'person', 'Gulnara Tursunova', '--case', 'KZ-1');
    const theirs = await deadline('Gulnara Tursunova', '2020-02-01', 'Call Gulnara Tursunova at the shelter');
    const shared = await deadline(['Gulnara Tursunova', 'Kaster Musakhanuly'], '2020-02-02', 'Visit Gulnara Tursunova and Kaster together');
    const sharedDone = await deadline('KZ-1', '2020-02-03', 'Ask Gulnara Tursunova for her statement');
    await ok('done', sharedDone);
    await ok('delete', shared, '--force');
    await ok('erase', 'Gulnara Tursunova', '--force');

    const file = await ok('export', '--format', 'ics', '--cancelled');
    for (const word of ['Gulnara', 'Tursunova', 'shelter', 'statement', 'together']) expect(file, word).not.toContain(word);
    const found = entries(file);
    // Their own deadline left no trace to cancel it by; the others are cancelled in neutral words.
    expect(found.map((e) => e.uid)).not.toContain(`${theirs}@caselog`);
    expect(found.map((e) => [e.uid, e.status, e.summary])).toEqual([
      [`${shared}@caselog`, 'CANCELLED', 'caselog: deadline deleted'],
      [`${sharedDone}@caselog`, 'CANCELLED', 'caselog: deadline done'],
    ]);
  });

  it('says on stderr, in one line, when the file holds no entry at all', async () => {
    const r = await c(['export', '--format', 'ics']);
    expect(r.code).toBe(0);
    expect(entries(r.stdout)).toEqual([]);
    expect(r.stderr).toBe('note: no open deadlines: the calendar file holds no entries\n');
    const cancelled = await c(['export', '--format', 'ics', '--cancelled']);
    expect(cancelled.stderr).toBe('note: no open deadlines and none to cancel: the calendar file holds no entries\n');
    await deadline('KZ-1', '2020-02-05', 'appeal');
    expect((await c(['export', '--format', 'ics'])).stderr).toBe('');
  });

  it('goes with --format ics alone, and export --help says it', async () => {
    const r = await c(['export', '--format', 'json', '--cancelled']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('--cancelled goes with --format ics');
    expect((await c(['export', '--help'])).stdout).toMatch(/--cancelled\s+for ics: also each deadline done, deleted or on a closed\s+case/);
  });
});
