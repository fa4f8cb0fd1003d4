// caselog ingest: "on 27 December, the day before their deportation" dates the deportation a day
// after 27 December; a correction ("we reported ... on 12 May. This was incorrect: ... on 10 May,
// two days before the date we gave") records the right date only, and neither the refuted one nor
// a day counted back from the right one.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
beforeEach(() => { db = tempDb(); });
const c = (args: string[]) => caselog(args, { db, today: '2021-07-20' });

const dated = async (text: string) => {
  const r = await c(['--json', 'ingest', fileOf('doc.txt', text), '--dry-run']);
  expect(r.code).toBe(0);
  const p = JSON.parse(r.stdout) as { candidates: Array<{ kind: string; date?: string; type?: string }> };
  return p.candidates.filter((x) => x.kind === 'event').map((x) => `${x.date} ${x.type}`);
};

describe('"on 27 December, the day before their deportation"', () => {
  it('dates the deportation 28 December, not 26', async () => {
    const events = await dated('PRESS RELEASE\n5 January 2021\n\nEgypt: brothers held after return\n\n'
      + 'Their mother last spoke to Youssef Abdel Salam on 27 December, the day before his deportation.\n');
    expect(events).toContain('2020-12-28 deportation');
    expect(events.filter((e) => e.startsWith('2020-12-26'))).toEqual([]);
  });
});

const FIRST = 'URGENT ACTION\n\nUA 45/21 Index: EUR 49/4567/2021 Belarus Date: 18 June 2021\n\nLAWYER DETAINED\n\n'
  + 'Lawyer Ihar Lutsko was detained on 12 May after he spoke to journalists outside the court.\n';
const CORRECTION = 'URGENT ACTION\n\nFURTHER INFORMATION ON UA 45/21 Belarus Date: 2 July 2021\n\nCORRECTION: LAWYER ARRESTED EARLIER\n\n'
  + 'In UA 45/21 we reported that Ihar Lutsko was detained on 12 May 2021. This was incorrect: he was in fact detained on '
  + '10 May 2021, two days before the date we gave.\n';

describe('a correction of a date reported before', () => {
  it('proposes the right date alone: not the refuted one, nor one counted back from the right one', async () => {
    expect(await dated(CORRECTION)).toEqual(['2021-05-10 detention']);
  });

  it('records it without citing the correction for the refuted event', async () => {
    expect((await c(['ingest', fileOf('ua.txt', FIRST), '--yes'])).code).toBe(0);
    const r = await c(['ingest', fileOf('fi.txt', CORRECTION), '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('already recorded now citing it');
    const timeline = (await c(['timeline', 'Ihar Lutsko'])).stdout;
    expect(timeline).toMatch(/^\s*10 May 2021 +detention/m);
    expect(timeline).not.toMatch(/^\s*8 May 2021/m);
  });

  it('still records what the next sentence does not take back', async () => {
    expect(await dated(CORRECTION.replace('This was incorrect: he', 'Later he'))).toContain('2021-05-12 detention');
  });
});
