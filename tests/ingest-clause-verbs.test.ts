// Each clause of a sentence tells its own happening: its verb gives its event's type ("detained on
// 1 December and released three days later": a detention, then a release).
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const proposed = async (body: string) => {
  const r = await caselog(['--json', 'ingest', fileOf('doc.txt', `Statement, 10 June 2021\n\n${body}\n`), '--dry-run'], { db: tempDb(), today: '2021-06-11' });
  const p = JSON.parse(r.stdout) as { candidates: Array<{ kind: string; date?: string; type?: string; people: Array<{ name: string }> }> };
  return p.candidates.filter((x) => x.kind === 'event').map((x) => `${x.date} ${x.type} ${x.people.map((q) => q.name).join(', ')}`);
};

describe('two dated verbs in one sentence', () => {
  it('"detained by police on X and released N days later" is a detention and a release', async () => {
    expect(await proposed('Aidos Serikov was detained by police on 1 December 2020 and released three days later.'))
      .toEqual(['2020-12-01 detention Aidos Serikov', '2020-12-04 release Aidos Serikov']);
  });

  it('"detained in a city on X and charged N days later" is a detention and a charge', async () => {
    expect(await proposed('Arman Abenov was detained in Almaty on 2 February 2021 and charged two days later.'))
      .toEqual(['2021-02-02 detention Arman Abenov', '2021-02-04 charge Arman Abenov']);
  });

  it('a date before both verbs still takes the nearer one', async () => {
    expect(await proposed('On 5 May 2021 Aidos Serikov was charged and detained.')).toEqual(['2021-05-05 charge Aidos Serikov']);
  });
});

describe('two people in two clauses of one sentence', () => {
  it('each clause\'s facts and risks go to the person who is its subject', async () => {
    const db = tempDb();
    const doc = 'Statement, 10 June 2021\n\nZhou Bin was beaten by guards, while his cellmate Sun Wei was released on 7 June 2021.\n';
    expect((await caselog(['ingest', fileOf('two.txt', doc), '--yes'], { db, today: '2021-06-11' })).code).toBe(0);
    const list = (await caselog(['list', 'people'], { db, today: '2021-06-11' })).stdout;
    expect(list).toMatch(/^Sun Wei +released +7 Jun 2021$/m);
    expect(list).toMatch(/^Zhou Bin +unknown +ill-treatment$/m);
  });

  it('a list of people before one verb is still one clause', async () => {
    expect(await proposed('Aidos Serikov, Bolat Bekov and Arman Abenov were arrested on 5 May 2021, but Nurlan Ospanov was not.'))
      .toEqual(['2021-05-05 arrest Aidos Serikov, Bolat Bekov, Arman Abenov']);
  });
});
