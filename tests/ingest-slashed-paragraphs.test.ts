// caselog ingest: a paragraph with several " / " is an appeal's address only when it reads as one; a
// paragraph telling dated facts (names in two scripts, "Aktobe / Atyrau") is read like any other.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

const DOC = 'Urumqi, 1 March 2022\n\n'
  + 'Ilham Tohti (伊力哈木·土赫提 / Ilham Toxti) was sentenced to life imprisonment on 23 September 2014. '
  + 'Perhat Tursun (帕尔哈提·吐尔逊 / Perhat Tursun) was detained on 10 January 2018.\n\n'
  + 'Askar Nurlanov was arrested on 7 June 2021 in Aktobe / Atyrau after he criticised the President / the governor online.\n\n'
  + 'APPEALS TO\n\n'
  + 'Minister of Justice Marat Beketayev / ul. Orynbor 8 / g. Astana 010000 / Kazakhstan\n';

interface Proposals { candidates: Array<{ kind: string; date?: string; type?: string; name?: string }> }

describe('a paragraph with slashes', () => {
  it('telling dated facts gives its events and people; an address block still gives none', async () => {
    const r = await c(['--json', 'ingest', fileOf('tohti.txt', DOC), '--dry-run']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as Proposals;
    expect(p.candidates.filter((x) => x.kind === 'event').map((x) => `${x.date} ${x.type}`)).toEqual([
      '2014-09-23 sentence', '2018-01-10 detention', '2021-06-07 arrest',
    ]);
    expect(p.candidates.filter((x) => x.kind === 'person').map((x) => x.name)).toEqual(['Ilham Tohti', 'Perhat Tursun', 'Askar Nurlanov']);
  });

  it('--yes records them', async () => {
    expect((await c(['ingest', fileOf('tohti.txt', DOC), '--yes'])).code).toBe(0);
    const shown = await c(['timeline', 'Perhat Tursun']);
    expect(shown.stdout).toContain('10 January 2018');
    expect((await c(['timeline', 'Ilham Tohti'])).stdout).toContain('23 September 2014');
  });
});
