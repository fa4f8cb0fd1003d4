// Where a timeline shows a happening on which reports vary: at its best-known date. Placed by its
// vaguest account, a detention known to October and to the 14th came before a crossing of the 6th.
import { expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

it('places reports that vary at their most precise account, not their vaguest', async () => {
  const db = tempDb();
  const c = async (args: string[]) => {
    const r = await caselog(args, { db, today: '2020-01-20' });
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  await c(['add', 'source', '--title', 'Amnesty statement', '--ref', 'EUR 57/1572/2019', '--date', '2019-12-12']);
  await c(['add', 'source', '--title', 'HRW news release', '--date', '2020-01']);
  await c(['add', 'person', 'Kaster Musakhanuly', '--risk', 'refoulement']);
  await c(['add', 'event', 'Kaster Musakhanuly', '--date', '6 October 2019', '--type', 'other', '--summary', 'Crossed the border from China', '--source', 'EUR 57/1572/2019']);
  await c(['add', 'event', 'Kaster Musakhanuly', '--date', 'Oct 2019', '--type', 'detention', '--summary', 'In pre-trial detention', '--source', 'EUR 57/1572/2019']);
  await c(['add', 'event', 'Kaster Musakhanuly', '--date', '14 October 2019', '--type', 'detention', '--summary', 'Detained in Almaty', '--source', 'HRW news release']);
  const text = (await c(['timeline', 'Kaster Musakhanuly'])).stdout;
  expect(text.indexOf('Crossed the border')).toBeGreaterThan(-1);
  expect(text.indexOf('reports vary')).toBeGreaterThan(text.indexOf('Crossed the border'));
  // Within the happening, its accounts still in date order: the month's first.
  expect(text.indexOf('In pre-trial detention')).toBeGreaterThan(text.indexOf('reports vary'));
  expect(text.indexOf('Detained in Almaty')).toBeGreaterThan(text.indexOf('In pre-trial detention'));
  const md = (await c(['export', '--format', 'md', 'Kaster Musakhanuly'])).stdout;
  expect(md.indexOf('Detained in Almaty')).toBeGreaterThan(md.indexOf('Crossed the border'));
});
