// A case is found by its countries and its close reason too; an event's hit in --json carries its
// place and actor (the spec's field names), as timeline --json does.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const search = async (...words: string[]) => JSON.parse((await c(['--json', 'search', ...words])).stdout) as Array<Record<string, unknown>>;

beforeEach(() => {
  db = tempDb();
});

describe('a case', () => {
  it('is found by its countries and, once closed, its close reason; reopened, no longer by that', async () => {
    await c(['add', 'case', '--ref', 'MENA 12/21', '--title', 'Held incommunicado', '--country', 'Iran', '--country', 'Iraq']);
    expect((await search('Iraq')).map((h) => h.ref)).toEqual(['MENA 12/21']);
    expect((await c(['search', 'Iraq'])).stdout).toContain('Iran, [Iraq]');
    expect(await search('resettled')).toEqual([]);
    expect((await c(['close', 'MENA 12/21', '--reason', 'both men resettled in Sweden'])).code).toBe(0);
    expect((await search('resettled')).map((h) => h.ref)).toEqual(['MENA 12/21']);
    expect((await c(['undo', '--force'])).code).toBe(0);
    expect(await search('resettled')).toEqual([]);
  });
});

describe('an event found', () => {
  it('has its place and actor in --json, null where none was recorded', async () => {
    await c(['add', 'person', 'Ahmad Reza Djalali']);
    await c(['add', 'event', 'Ahmad Reza Djalali', '--date', '2021-04', '--type', 'ill-treatment', '--summary', 'Held in solitary confinement', '--place', 'Evin Prison', '--actor', 'Ministry of Intelligence']);
    await c(['add', 'event', 'Ahmad Reza Djalali', '--date', '2021-05', '--type', 'statement', '--summary', 'Solitary confinement said to go on']);
    const events = (await search('solitary')).filter((h) => h.kind === 'event');
    expect(events).toEqual([
      expect.objectContaining({ summary: 'Solitary confinement said to go on', place: null, actor: null }),
      expect.objectContaining({ summary: 'Held in solitary confinement', place: 'Evin Prison', actor: 'Ministry of Intelligence' }),
    ]);
  });
});
