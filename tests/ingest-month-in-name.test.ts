// caselog ingest: a month word that ends a name ("Li Jun", "Liu May") is no date; "In May," and
// "9 June" still are.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
beforeEach(() => { db = tempDb(); });

const events = async (text: string) => {
  const r = await caselog(['--json', 'ingest', fileOf('st.txt', text), '--dry-run'], { db, today: '2021-06-11' });
  expect(r.code).toBe(0);
  const p = JSON.parse(r.stdout) as { candidates: Array<{ kind: string; date?: string; type?: string }> };
  return p.candidates.filter((c) => c.kind === 'event').map((c) => `${c.date} ${c.type}`);
};

describe('a month word in a name', () => {
  it('"Li Jun (...), was released on bail on August 2, 2020" is one release, none in June', async () => {
    expect(await events('Statement\n15 September 2020\n\nAnother detained blogger, Li Jun (\u674e\u519b), was released on bail on August 2, 2020.\n'))
      .toEqual(['2020-08-02 release']);
  });

  it('leaves months that follow a word leading to them', async () => {
    expect(await events('Statement\n15 September 2020\n\nIn May, Li Wei was arrested in Wuhan. Early June saw Li Wei released.\n'))
      .toEqual(['2020-05 arrest', '2020-06 release']);
  });
});
