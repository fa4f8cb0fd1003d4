// What a writing command prints under --json about a person is the person as show has them, today:
// after the events it recorded (ingest), and as of --today (merge, person alias), not the stored row.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

const HRW = new URL('../../shared/samples/hrw-kazakhstan-asylum-seekers-2020.txt', import.meta.url).pathname;
let db: string;
const c = (args: string[], today: string) => caselog(args, { db, today });
const json = async (args: string[], today: string) => {
  const r = await c(['--json', ...args], today);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const state = (p: { status: string; statusSince?: { date: string }; latestNews?: { date: string } | null }) =>
  ({ status: p.status, since: p.statusSince?.date, news: p.latestNews?.date });

beforeEach(() => {
  db = tempDb();
});

describe('a person in a write command\'s JSON', () => {
  it('ingest --yes: a tracked person updated by the document, with the status its events just set', async () => {
    const today = '2020-01-25';
    await json(['add', 'case', '--ref', 'EUR 57/1572/2019', '--title', 'Asylum-seekers', '--opened', '2019-12-12'], today);
    await json(['add', 'person', 'Kaster Musakhanuly', '--case', 'EUR 57/1572/2019'], today);
    const out = await json(['ingest', HRW, '--yes', '--case', 'EUR 57/1572/2019'], today);
    const kaster = out.updatedPeople.find((p: { name: string }) => p.name === 'Kaster Musakhanuly');
    const shown = await json(['show', 'Kaster Musakhanuly'], today);
    expect(shown.status).not.toBe('unknown');
    expect(state(kaster)).toEqual(state(shown));
  });

  it('merge and person alias: as of --today, as show says', async () => {
    const early = '2020-01-10';
    await json(['add', 'case', '--ref', 'EUR 57/1572/2019', '--title', 't', '--opened', '2019-12-12'], early);
    await json(['add', 'person', 'Kaster Musakhanuly', '--case', 'EUR 57/1572/2019', '--status', 'detained'], early);
    await json(['add', 'person', 'Musakhan Kaster', '--new', '--case', 'EUR 57/1572/2019'], early);
    // Recorded ahead: on 10 January the sentence of the 21st is not yet so.
    await json(['status', 'Kaster Musakhanuly', 'imprisoned', '--date', '2020-01-21'], early);
    const shown = state(await json(['show', 'Kaster Musakhanuly'], early));
    expect(shown.status).toBe('detained');
    const merged = await json(['merge', 'Musakhan Kaster', 'Kaster Musakhanuly', '--force'], early);
    expect(state(merged.into)).toEqual(shown);
    const aliased = await json(['person', 'alias', 'Kaster Musakhanuly', 'Qaster Musakhanuly'], early);
    expect(state(aliased)).toEqual(shown);
  });
});
