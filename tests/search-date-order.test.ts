// Of records that match alike, search lists the newest by their own date first (an event's, a
// document's), then the later recorded; so does the bounded look at a common word's newest matches.
// An import stores records in the order of their ids: the newest news went last, behind --limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchRanking } from '../src/store/search';
import { bulkImport } from '../src/store/search-bulk';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], path = db) => caselog(args, { db: path, today: '2026-11-24' });
type Hit = { kind: string; id: string; date?: string; summary?: string };
const search = async (args: string[], path = db) => JSON.parse((await c(['--json', 'search', ...args], path)).stdout) as Hit[];

const newestRanked = searchRanking.newestRanked;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => {
  searchRanking.newestRanked = newestRanked;
  bulkImport.fromBytes = 1024 * 1024;
});

/** An export whose events' ids run against their dates: the newest, an execution, has the lowest. */
async function exportedReports(): Promise<string> {
  const source = tempDb();
  await c(['add', 'case', '--ref', 'IRN 2015-2024', '--title', 'Prisoners of conscience', '--country', 'Iran'], source);
  await c(['add', 'person', 'Ali Shirazi', '--case', 'IRN 2015-2024'], source);
  const exported = JSON.parse((await c(['export', '--format', 'json'], source)).stdout) as { cases: Array<{ id: string }>; events: Array<Record<string, unknown>> };
  const event = (id: string, date: string, summary: string) => ({
    id, case: null, type: 'detention', status: null, date: { date, precision: 'day', approximate: false, dateText: date },
    summary, place: 'Evin Prison, Tehran', actor: null, people: [], sources: [], recorded: '2026-11-20T10:00:00.000Z',
  });
  exported.events = [
    event('e-0000000000000001', '2024-06-30', 'Executed at Evin Prison at dawn'),
    ...Array.from({ length: 30 }, (_, i) => event(`e-${String(i + 10).padStart(16, '0')}`, `20${15 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}`, `Family visit refused at Evin Prison (report ${i})`)),
  ].map((e) => ({ ...e, case: exported.cases[0]!.id }));
  return fileOf('export.json', JSON.stringify(exported));
}

describe('records alike in relevance', () => {
  it.each([['row by row', Infinity], ['in bulk', 0]])('after an import (%s), come newest by date first, and --limit keeps the newest', async (_way, fromBytes) => {
    const file = await exportedReports();
    bulkImport.fromBytes = fromBytes;
    expect((await c(['import', file])).code).toBe(0);
    const hits = await search(['Evin', '--limit', '100']);
    expect(hits).toHaveLength(31);
    expect(hits[0]).toMatchObject({ date: '2024-06-30', summary: 'Executed at Evin Prison at dawn' });
    const dates = hits.map((h) => h.date!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await search(['Evin', '--limit', '3']))[0]!.summary).toBe('Executed at Evin Prison at dawn');
    // Ranked among the newest few only, the newest by date are those ranked.
    searchRanking.newestRanked = 5;
    expect((await search(['Evin', '--limit', '5'])).map((h) => h.date)).toEqual(dates.slice(0, 5));
  });

  it('puts an old event added today after the news, and follows an edit of a date', async () => {
    await c(['add', 'person', 'Ali Shirazi']);
    const add = async (date: string, summary: string) =>
      (JSON.parse((await c(['--json', 'add', 'event', 'Ali Shirazi', '--date', date, '--type', 'detention', '--summary', summary])).stdout) as { id: string }).id;
    const news = await add('2024-05-01', 'Held in Evin Prison ward 209');
    const old = await add('2016-03-01', 'Held in Evin Prison ward 350');
    const year = await add('2024', 'Held in Evin Prison ward 240');
    // A date known to the year comes before the days it holds, as in a timeline: after them, newest first.
    expect((await search(['Evin'])).map((h) => h.id)).toEqual([news, year, old]);
    expect((await c(['edit', old, '--date', '2025-01-10'])).code).toBe(0);
    expect((await search(['Evin'])).map((h) => h.id)).toEqual([old, news, year]);
    // On one date, the later recorded first.
    const again = await add('2025-01-10', 'Held in Evin Prison ward 209');
    expect((await search(['Evin'])).map((h) => h.id)).toEqual([again, old, news, year]);
  });

  it('still puts a record that says the words more often first', async () => {
    await c(['add', 'person', 'Ali Shirazi']);
    for (let i = 1; i <= 5; i++) await c(['add', 'event', 'Ali Shirazi', '--date', `2024-0${i}-01`, '--type', 'detention', '--summary', `Report ${i} on detention`]);
    await c(['add', 'event', 'Ali Shirazi', '--date', '2020-01-01', '--type', 'detention', '--summary', 'Report 6 on detention, detention again']);
    expect((await search(['detention']))[0]!.summary).toBe('Report 6 on detention, detention again');
  });
});

describe('documents', () => {
  it('come by their own date, not by when they were ingested', async () => {
    await c(['add', 'case', '--ref', 'UA 1/24', '--title', 'Detained']);
    const ingest = async (date: string, words: string) => {
      const file = fileOf(`${date}.txt`, `Report of ${date}\n\n${words}, held in Evin Prison.\n`);
      expect((await c(['ingest', file, '--yes', '--date', date, '--case', 'UA 1/24'])).code).toBe(0);
    };
    await ingest('2023-05-01', 'Narges Mohammadi');
    await ingest('2019-05-01', 'Nasrin Sotoudeh');
    const sources = (await search(['Evin'])).filter((h) => h.kind === 'source').map((h) => h.date);
    expect(sources).toEqual(['2023-05-01', '2019-05-01']);
  });
});
