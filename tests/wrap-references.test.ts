// A reference ("UA 77/98", "EUR 57/12/98") is never broken at its space on a terminal: "UA" at a
// line's end and "77/98" under it read as two things, and a search for the reference misses it.
import { beforeAll, describe, expect, it } from 'vitest';
import { wrapText } from '../src/render/wrap';
import { caselog, DEMO, tempDb } from './helpers/cli';

describe('wrapText', () => {
  it('moves a whole reference to the next line rather than break it at its space', () => {
    expect(wrapText('Further information on UA 77/98 about three men', 26)).toBe('Further information on\n  UA 77/98 about three men');
    expect(wrapText('  source: Amnesty (EUR 57/12/98, 15 October 1998)', 30)).toBe('  source: Amnesty\n    (EUR 57/12/98,\n    15 October 1998)');
    expect(wrapText('see the statement ASA 19/3/2022 of March', 22)).toBe('see the statement\n  ASA 19/3/2022 of\n  March');
  });

  it('moves a whole date to the next line: "1 December 2" over "026" reads as another year', () => {
    expect(wrapText('  call the lawyer — check before 1 December 2026 (in 7 days)', 44)).toBe('  call the lawyer — check before\n    1 December 2026 (in 7 days)');
    expect(wrapText('arrested 12 December 2019 (Kaster', 22)).toBe('arrested\n  12 December 2019\n  (Kaster');
    expect(wrapText('news from March 1999, then c. 1998 again', 16)).toBe('news from\n  March 1999,\n  then c. 1998\n  again');
    expect(wrapText('on 11 Feb 1999 deported', 12)).toBe('on\n  11 Feb 1999\n  deported');
    expect(wrapText('check before c. 15 April 2027 (in 142 days)', 24)).toBe('check before\n  c. 15 April 2027 (in\n  142 days)');
  });

  it('still breaks between other words: a capitalised word, a long run of capitals, a number after two spaces', () => {
    expect(wrapText('Hemit Memet 28 years', 12)).toBe('Hemit Memet\n  28 years');
    expect(wrapText('President TOKAYEV 2019', 18)).toBe('President TOKAYEV\n  2019');
    expect(wrapText('case UA  77/98', 8)).toBe('case UA\n  77/98');
  });

  it('keeps every word of a line pasted with tabs, no-break or ideographic spaces, none glued to the next', () => {
    expect(wrapText('Arrested\tin Minsk\u00a0city by the police', 20)).toBe('Arrested in\n  Minsk\u00a0city by the\n  police');
    expect(wrapText('\u674e\u5a01\u3000\u88ab\u6355 in Urumqi today', 14)).toBe('\u674e\u5a01\u3000\u88ab\u6355 in\n  Urumqi today');
  });
});

describe('on a terminal of any width', () => {
  let db: string;
  beforeAll(async () => {
    db = tempDb();
    expect((await caselog(['import', DEMO], { db, today: '2020-02-01' })).code).toBe(0);
  });

  it.each([['show', 'UA 77/98'], ['show', 'Kaster Musakhanuly'], ['timeline', 'UA 77/98'], ['timeline', 'KZ 2019/12'], ['log']].map((args) => ({ args })))(
    '$args keeps every reference on one line, so that it is seen and found whole', async ({ args }) => {
      const references = ['UA 77/98', 'KZ 2019/12', 'EUR 57/12/98', 'EUR 57/1572/2019', 'EXTRA 77/98'];
      const piped = (await caselog(args, { db, today: '2020-02-01' })).stdout;
      const times = (text: string, ref: string) => text.split(ref).length - 1;
      expect(references.some((ref) => times(piped, ref) > 0)).toBe(true);
      const split: string[] = [];
      for (let columns = 24; columns <= 100; columns++) {
        const shown = (await caselog(args, { db, today: '2020-02-01', tty: true, columns })).stdout.replace(/\u001b\[[0-9;]*m/g, '');
        for (const ref of references) if (times(shown, ref) !== times(piped, ref)) split.push(`${columns}: ${ref}`);
      }
      expect(split).toEqual([]);
    },
  );
});
