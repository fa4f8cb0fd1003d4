// Reports vary: an approximate date spans what its words allow. "late 1998", stored as c. October
// 1998 since events read the part of a year, stopped grouping with a report of 20 December 1998 (as
// the bare year it was stored as before, it did).
import { expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

it('shows "late 1998" and "20 December 1998" from two sources as one detention on which reports vary', async () => {
  const db = tempDb();
  const c = async (args: string[]) => {
    const r = await caselog(args, { db, today: '2000-01-01' });
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  await c(['add', 'person', 'Ilyas Zordun']);
  await c(['add', 'source', '--title', 'UA update', '--publisher', 'Amnesty', '--ref', 'EUR 57/12/98', '--date', '1998-12-30']);
  await c(['add', 'source', '--title', 'HRW report', '--publisher', 'HRW', '--date', '1999-01-10']);
  await c(['add', 'event', 'Ilyas Zordun', '--date', 'late 1998', '--type', 'detention', '--summary', 'detained per AI', '--source', 'EUR 57/12/98']);
  await c(['add', 'event', 'Ilyas Zordun', '--date', '20 December 1998', '--type', 'detention', '--summary', 'detained per HRW', '--source', 'HRW report']);
  await c(['add', 'event', 'Ilyas Zordun', '--date', 'March 1997', '--type', 'detention', '--summary', 'an earlier detention', '--source', 'HRW report']);
  const text = (await c(['timeline', 'Ilyas Zordun'])).stdout;
  expect(text).toMatch(/reports vary {2}detention — 2 accounts/);
  const json = JSON.parse((await c(['--json', 'timeline', 'Ilyas Zordun'])).stdout) as { events: Array<{ summary: string; id: string; reportsVaryWith: string[] }> };
  const by = new Map(json.events.map((e) => [e.summary, e]));
  expect(by.get('detained per AI')!.reportsVaryWith).toEqual([by.get('detained per HRW')!.id]);
  expect(by.get('an earlier detention')!.reportsVaryWith).toEqual([]);
});
