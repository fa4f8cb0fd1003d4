// Dates in what caselog says, as a person reads them ("on 11 February 1999", "in 1998"), never ISO.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, spawnCaselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '1999-05-05') => caselog(args, { db, today });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 1/99', '--title', 'Fear of torture', '--opened', '1998']);
});

describe('dates in messages', () => {
  it('gives an age on a day, or in a month, and the likelier birth year it implies', async () => {
    await c(['add', 'person', 'Ayla Demir', '--case', 'UA 1/99', '--age', '28']);
    expect((await c(['show', 'Ayla Demir'])).stdout).toContain('aged 28 on 5 May 1999 (born c. 1970)');
    // Aged 28 in February 1999: born between February 1970 and February 1971, mostly in 1970.
    await c(['add', 'person', 'Ilhan Kaya', '--case', 'UA 1/99', '--age', '28', '--age-on', 'Feb 1999']);
    expect((await c(['show', 'Ilhan Kaya'])).stdout).toContain('aged 28 in February 1999 (born c. 1970)');
    // Aged 28 in November 1998: born between November 1969 and November 1970, mostly in 1970.
    await c(['add', 'person', 'Deniz Aksoy', '--case', 'UA 1/99', '--age', '28', '--age-on', 'Nov 1998']);
    expect((await c(['show', 'Deniz Aksoy'])).stdout).toContain('aged 28 in November 1998 (born c. 1970)');
    // An age on a day still to come (November, on 5 May 1999) is refused: no source can have said it yet.
    expect((await c(['add', 'person', 'Ece Kaya', '--age', '28', '--age-on', 'Nov 1999'])).code).toBe(1);
  });

  it('counts the silence since news known only to the year or month from the middle of its time', async () => {
    await c(['add', 'person', 'Ayla Demir', '--case', 'UA 1/99', '--risk', 'torture']);
    await c(['add', 'event', 'Ayla Demir', '--date', '1998', '--type', 'arrest', '--summary', 'arrested']);
    // Not "5 days ago" (the year's end) nor a year (its start): half a year.
    expect((await c(['show', 'Ayla Demir'], '1999-01-05')).stdout).toContain('latest news: 1998 (last year)');
    const [entry] = JSON.parse((await c(['--json', 'at-risk'], '1999-01-05')).stdout) as Array<{ daysSinceNews: number }>;
    expect(entry!.daysSinceNews).toBe(187); // from 2 July 1998
    expect((await c(['show', 'Ayla Demir'], '2006-03-01')).stdout).toContain('latest news: 1998 (about 8 years ago)');
    // Known only to the month, and written in months, never as days it cannot tell.
    await c(['add', 'event', 'Ayla Demir', '--date', 'January 1999', '--type', 'statement', '--summary', 'family statement']);
    expect((await c(['show', 'Ayla Demir'], '1999-01-05')).stdout).toContain('latest news: January 1999 (this month)');
    expect((await c(['at-risk'], '1999-04-20')).stdout).toContain('latest news January 1999 (about 3 months ago)');
    // Years of a month's news counted whole, as for a day: not "about 21" beside "20 years ago".
    expect((await c(['show', 'Ayla Demir'], '2019-12-13')).stdout).toContain('latest news: January 1999 (about 20 years ago)');
  });

  it('says when a deadline was done as a day, not ISO', async () => {
    await c(['add', 'deadline', 'UA 1/99', '--date', '1999-06-01', '--note', 'check']);
    const id = JSON.parse((await c(['--json', 'due'])).stdout)[0].id as string;
    await c(['done', id], '1999-05-20');
    expect((await c(['done', id])).stderr).toBe('Already done on 20 May 1999: check\n');
  });

  it('names an undone event by its date in words, and the change undo stops at by its time', async () => {
    await c(['add', 'person', 'Ayla Demir', '--case', 'UA 1/99']);
    await c(['add', 'event', 'Ayla Demir', '--date', 'during 1998', '--type', 'other', '--summary', 'left home']);
    expect((await c(['undo'])).stderr).toMatch(/^Undid "caselog add event" of \d{4}-\d\d-\d\d \d\d:\d\d: removed other in 1998: left home \[e-\w+\]\n$/);
    await c(['erase', 'Ayla Demir', '--force']);
    expect((await c(['undo'])).stderr).toMatch(/^caselog: undo stops at the erase of \d{4}-\d\d-\d\d \d\d:\d\d: an erase cannot be undone, as what it erased is gone for good; the changes made before it can no longer be undone\n$/);
  });

  it('names the change undo reverses at the local time log shows it at, in any time zone', () => {
    const tz = { CASELOG_DB: db, CASELOG_TODAY: '1999-05-05', TZ: 'Pacific/Kiritimati' };
    expect(spawnCaselog(['add', 'person', 'Ayla Demir', '--case', 'UA 1/99'], tz).code).toBe(0);
    const logged = /^(\d{4}-\d\d-\d\d \d\d:\d\d) /.exec(spawnCaselog(['--no-color', 'log'], tz).stdout)?.[1];
    // Fourteen hours ahead of UTC: the day differs from UTC's for ten hours of every day.
    expect(logged).toBeDefined();
    expect(spawnCaselog(['undo'], tz).stderr).toContain(`of ${logged}: removed`);
  });
});

