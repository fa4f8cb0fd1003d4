// caselog ingest without --case: another copy of a document (forwarded, saved again: other bytes)
// sets none of its deadlines again, as it records none of its events again; a deadline of other
// people, or on another day, is still set.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
beforeEach(() => { db = tempDb(); });
const c = (args: string[]) => caselog(args, { db, today: '2021-06-20' });

const UA = 'URGENT ACTION\n\nUA 45/21 Index: EUR 49/4567/2021 Belarus Date: 18 June 2021\n\nTRADE UNIONIST SENTENCED, LAWYER DETAINED\n\n'
  + 'At a hearing on 2 June 2021 the Hrodna Regional Court sentenced Aliaksandra Dzmitryeva to three years in a penal colony. '
  + 'Ihar Lutsko remains in pre-trial detention; his hearing was postponed to 12 July.\n\n'
  + 'PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 30 July 2021\n';

const deadlineRows = async () => {
  const x = JSON.parse((await c(['export', '--format', 'json'])).stdout) as { deadlines: Array<{ date: { date: string }; note: string }> };
  return x.deadlines.map((d) => `${d.date.date} ${d.note}`).sort();
};

describe('the same Urgent Action ingested twice, the second time forwarded', () => {
  it('sets its deadlines once, and says the copy\'s are already set', async () => {
    expect((await c(['ingest', fileOf('ua.txt', UA), '--yes'])).code).toBe(0);
    const first = await deadlineRows();
    expect(first.length).toBeGreaterThanOrEqual(2);
    const again = await c(['ingest', fileOf('fwd.txt', `Fwd: UA 45/21\n\n${UA}`), '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout + again.stderr).toContain(`${first.length} deadlines already set`);
    expect(await deadlineRows()).toEqual(first);
    expect((await c(['due'])).stdout.match(/check before 12 July 2021/g)).toHaveLength(1);
  });

  it('still sets a deadline on another day', async () => {
    await c(['ingest', fileOf('ua.txt', UA), '--yes']);
    await c(['ingest', fileOf('fwd.txt', `Fwd: UA 45/21\n\n${UA.replace('12 July', '19 July')}`), '--yes']);
    expect((await deadlineRows()).filter((d) => /hearing/.test(d))).toEqual(['2021-07-12 hearing (source: UA 45/21)', '2021-07-19 hearing (source: UA 45/21)']);
  });
});
