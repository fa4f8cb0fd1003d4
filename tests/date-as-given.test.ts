// The words a date was given in are shown beside it (timeline, show, dossier) only when they say more
// than the date as caselog writes it: "October 6, 2019" beside 6 October 2019 is noise in a document
// for a court; "during 1998" or "mid-April 1999" is not.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98']);
});

async function addEvent(date: string, summary: string): Promise<string> {
  const r = await c(['--json', 'add', 'event', 'Hemit Memet', '--date', date, '--type', 'hearing', '--summary', summary]);
  expect(r.code, date).toBe(0);
  return JSON.parse(r.stdout).id as string;
}

/** What each place says of the event's date as given: the dossier's line, the timeline's and show's. */
async function givenAs(id: string, summary: string): Promise<{ dossier: string | undefined; timeline: string | undefined; show: string | undefined }> {
  const dossier = (await c(['export', '--format', 'md', 'Hemit Memet'])).stdout.split('\n').find((l) => l.includes(summary));
  const block = (await c(['timeline', 'Hemit Memet'])).stdout.split('\n\n').find((b) => b.includes(`  ${summary}\n`) || b.endsWith(`  ${summary}`));
  const show = (await c(['show', id])).stdout;
  return {
    dossier: /\(given as "([^"]*)"\)/.exec(dossier ?? '')?.[1],
    timeline: /date as given: "([^"]*)"/.exec(block ?? '')?.[1],
    show: /date as given: "([^"]*)"/.exec(show)?.[1],
  };
}

describe('the date as given', () => {
  it.each([
    ['October 6, 2019'], ['6 Oct 2019'], ['Sunday, 6 October 2019'], ['6th of October 2019'], ['on 6 October 2019'],
    ['Oct 2019'], ['c. Oct 2019'], ['circa 2019'], ['~2019'], ['2019-10-06'], ['c. 21 October 2019'],
  ])('is not shown for "%s", which only writes the date another way', async (date) => {
    const id = await addEvent(date, 'Hearing in Urumqi');
    expect(await givenAs(id, 'Hearing in Urumqi')).toEqual({ dossier: undefined, timeline: undefined, show: undefined });
  });

  it.each([
    ['during 1998', '1998'], ['mid-April 1999', 'c. 15 April 1999'], ['early 1998', 'c. 1998'], ['summer 1998', 'c. 1998'],
    ['late October 2019', 'c. 21 October 2019'], ['sometime in 2019', '2019'], ['late 1998', 'c. October 1998'],
    ['the end of 1998', 'c. December 1998'], ['end of March 1999', 'c. 31 March 1999'],
  ])('is shown for "%s", which says more than %s', async (date, written) => {
    const id = await addEvent(date, 'Hearing in Urumqi');
    expect((await c(['timeline', 'Hemit Memet'])).stdout).toContain(`\n${written}  hearing`);
    expect(await givenAs(id, 'Hearing in Urumqi')).toEqual({ dossier: date, timeline: date, show: date });
  });

  it('is shown for words read from a document and counted from its date, in every place alike', async () => {
    const id = await addEvent('2019-10-06', 'Hearing in Urumqi');
    const whole = JSON.parse((await c(['export', '--format', 'json'])).stdout);
    whole.events[0].date.dateText = 'yesterday';
    expect((await c(['import', fileOf('read.json', JSON.stringify(whole)), '--replace'])).code).toBe(0);
    expect(await givenAs(id, 'Hearing in Urumqi')).toEqual({ dossier: 'yesterday', timeline: 'yesterday', show: 'yesterday' });
  });

  it('is not shown for a source dated in another form of its date', async () => {
    const source = JSON.parse((await c(['--json', 'add', 'source', '--title', 'Update', '--date', 'Feb 1999'])).stdout).id as string;
    const during = JSON.parse((await c(['--json', 'add', 'source', '--title', 'Report', '--date', 'during 1999'])).stdout).id as string;
    expect((await c(['show', source])).stdout).toContain('  date: February 1999\n');
    expect((await c(['show', during])).stdout).toContain('  date: 1999 (date as given: "during 1999")\n');
  });
});
