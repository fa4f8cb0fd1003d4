// How far each source can be trusted, wherever sources are cited: a timeline where reports vary, the
// table of sources and a lawyer's dossier say it (in words), and nothing when it is not known.
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/program';
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

/** list sources as a terminal of that many columns shows it, without colour. */
async function tableAt(columns: number): Promise<string[]> {
  let stdout = '';
  await run(['--db', db, '--today', '2020-02-01', 'list', 'sources'], {
    env: {}, stdout: { write: (s: string) => { stdout += s; return true; } }, stderr: { write: () => true },
    stdinIsTTY: true, stdoutIsTTY: true, stdoutColumns: columns, now: new Date(2020, 1, 1, 12),
  });
  return stdout.replace(/\u001b\[[0-9;]*m/g, '').trimEnd().split('\n');
}

describe('list sources', () => {
  it('has a RELIABILITY column, in words, blank where not known', async () => {
    const lines = (await c(['list', 'sources'])).stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REF {2,}TITLE {2,}PUBLISHER {2,}RELIABILITY {6}DATE {9}EVENTS {2}ID$/);
    expect(lines.slice(1).map((l) => l.replace(/ {2,}/g, ' | '))).toEqual([
      'EUR 57/12/98 | EXTRA 77/98 Fear of torture / fear of execution | Amnesty International | highly reliable | 15 Oct 1998 | 1 | s-pndsxwry',
      'EXTRA 77/98 FI | Further information on EXTRA 77/98 (EUR 57/12/98, 15 October 1998) | Amnesty International | Feb 1999 | 5 | s-f3kdn8wq',
      'EUR 57/1572/2019 | Kazakhstan must not return asylum-seekers to Xinjiang Uighur Autonomous Region (XUAR) | Amnesty International | 12 Dec 2019 | 3 | s-70svrfdm',
      "HRW 2020-01 KZ | Kazakhstan: don't return asylum seekers to China (updated 21 January 2020) | Human Rights Watch | fairly reliable | Jan 2020 | 5 | s-amt38hsb",
    ]);
  });

  it('gives way first on a narrow terminal: cut before the publisher, left out before a reference, date or id is cut', async () => {
    const at80 = await tableAt(80);
    expect(Math.max(...at80.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(at80[0]).toMatch(/^REF {15}TITLE {2,}PUBLISH\u2026 {2}RELI\u2026 {2}DATE {9}EVENTS {2}ID$/);
    expect(at80[1]).toMatch(/^EUR 57\/12\/98 {6}.+ {2}high\u2026 {2}15 Oct 1998 {2}1 {7}s-pndsxwry$/);
    expect(at80[4]).toMatch(/^HRW 2020-01 KZ {4}.+ {2}fair\u2026 {2}Jan 2020 {5}5 {7}s-amt38hsb$/);
    // Narrower than a title's start beside the reference, date and id: a block a source, the
    // reliability written whole in it.
    const at60 = await tableAt(60);
    expect(at60.slice(0, 2)).toEqual(['EUR 57/12/98', '  title: EXTRA 77/98 Fear of torture / fear of execution']);
    expect(at60).toContain('  reliability: highly reliable');
  });
});

describe('show SOURCE', () => {
  it('says the reliability in the same words as the timeline and the list', async () => {
    const card = (await c(['show', 's-pndsxwry'])).stdout;
    expect(card).toContain('  reliability: highly reliable\n');
    expect(card).not.toContain('highly-reliable');
  });
});

describe('export --format md', () => {
  it("says in the dossier's source list how far each source can be trusted, in words", async () => {
    const kz = (await c(['export', '--format', 'md', 'Kaster Musakhanuly'])).stdout;
    expect(kz.slice(kz.indexOf('## Sources')).trimEnd().split('\n')).toEqual([
      '## Sources',
      '',
      '1. Amnesty International, EUR 57/1572/2019, *Kazakhstan must not return asylum-seekers to Xinjiang Uighur Autonomous Region (XUAR)*, 12 December 2019',
      "2. Human Rights Watch, HRW 2020-01 KZ, *Kazakhstan: don't return asylum seekers to China (updated 21 January 2020)*, January 2020 — reliability: fairly reliable",
    ]);
    const ua = (await c(['export', '--format', 'md', 'UA 77/98'])).stdout;
    expect(ua).toContain('\n2. Amnesty International, EUR 57/12/98, *EXTRA 77/98 Fear of torture / fear of execution*, 15 October 1998 — reliability: highly reliable\n');
  });
});
