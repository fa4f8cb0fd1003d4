// A relative named beside someone ("Their mother, X,") who was in touch with them ("last spoke to Y on
// 27 December") tells of them: what happened to "them" is not hers. A happening the sentence dates by
// another day ("the day before their deportation") is not what happened on the day it gives.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const DOC = 'Cairo, 5 January 2021\n\n'
  + 'Two brothers, Mahmoud Abdel Salam and Youssef Abdel Salam, were forcibly returned from Sudan to Egypt on 28 December 2020.\n\n'
  + 'Their mother, Fatma Hassan, last spoke to Youssef Abdel Salam on 27 December 2020, the day before their deportation.\n';

describe('a relative in touch with the people a document is about', () => {
  it('is given none of their deportation, nor its risk, nor a returned status', async () => {
    const db = tempDb();
    const c = (args: string[]) => caselog(args, { db, today: '2021-01-06' });
    expect((await c(['ingest', fileOf('egypt.txt', DOC), '--yes'])).code).toBe(0);
    expect((await c(['list', 'people'])).stdout).toMatch(/^Fatma Hassan +unknown +27 Dec 2020$/m);
    const events = async (who: string) => (JSON.parse((await c(['--json', 'timeline', who])).stdout) as { events: Array<{ date: string; type: string }> }).events;
    expect((await events('Fatma Hassan')).filter((e) => e.type === 'deportation')).toEqual([]);
    // (Which day "the day before" is counted from is the dates' side: only the deportations are looked at.)
    expect((await events('Youssef Abdel Salam')).filter((e) => e.type === 'deportation').map((e) => e.date)).toEqual(['2020-12-28']);
  });
});
