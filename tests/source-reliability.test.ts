// How far each source can be trusted, wherever sources are cited: a timeline where reports vary, the
// table of sources and a lawyer's dossier say it (in words), and nothing when it is not known.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
  // The demo's sources: the first Urgent Action, HRW's update, and AI's 2019 statement (known not to be known).
  for (const [id, reliability] of [['s-pndsxwry', 'highly-reliable'], ['s-amt38hsb', 'fairly-reliable'], ['s-70svrfdm', 'unknown']]) {
    expect((await c(['edit', id!, '--reliability', reliability!])).code).toBe(0);
  }
});

describe('timeline', () => {
  it('writes the reliability beside each source where it is known, also inside "reports vary"', async () => {
    const kz = (await c(['timeline', 'Kaster Musakhanuly'])).stdout;
    expect(kz).toContain('\nreports vary  statement — 2 accounts\n');
    expect(kz).toContain('    source: Human Rights Watch, HRW 2020-01 KZ, "Kazakhstan: don\'t return asylum seekers to China (updated 21 January 2020)", January 2020 (fairly reliable)\n');
    // "unknown" says nothing, as no reliability at all.
    expect(kz).toContain('    source: Amnesty International, EUR 57/1572/2019, "Kazakhstan must not return asylum-seekers to Xinjiang Uighur Autonomous Region (XUAR)", 12 December 2019\n');
    const ua = (await c(['timeline', 'UA 77/98'])).stdout;
    expect(ua).toContain('  source: Amnesty International, EUR 57/12/98, "EXTRA 77/98 Fear of torture / fear of execution", 15 October 1998 (highly reliable)\n');
    expect(ua).toContain('  source: Amnesty International, EXTRA 77/98 FI, "Further information on EXTRA 77/98 (EUR 57/12/98, 15 October 1998)", February 1999\n');
  });

  it('says it of another account named beside a happening', async () => {
    await c(['add', 'source', '--title', 'Other outlet', '--ref', 'X1', '--reliability', 'unreliable']);
    await c(['add', 'source', '--title', 'Third outlet', '--ref', 'X2']);
    for (const [date, source] of [['1999-02-01', 'EUR 57/12/98'], ['1999-02-06', 'X1'], ['1999-02-11', 'X2']]) {
      await c(['add', 'event', 'Kasim Mahpir', '--date', date!, '--type', 'release', '--summary', `release ${date}`, '--source', source!]);
    }
    const text = (await c(['timeline', 'Kasim Mahpir'])).stdout;
    expect(text).toMatch(/\n {2}reports vary: 6 February 1999 in another account \(X1, "Other outlet", unreliable\) {2}e-\w{8}\n/);
    expect(text).toMatch(/\n {2}reports vary: 11 February 1999 in another account \(X2, "Third outlet"\)/);
  });
});
