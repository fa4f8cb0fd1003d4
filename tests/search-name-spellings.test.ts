// A person's name typed in another spelling than the records write it: search finds those records,
// as timeline finds the person, by looking for the names stored for them as well. A plain word that
// only looks like someone's name is searched for as before.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
type Hit = { kind: string; id: string; summary?: string; name?: string; via?: { name: string; detail: string } };
const search = async (...words: string[]) => JSON.parse((await c(['--json', 'search', ...words])).stdout) as Hit[];
const summaries = async (...words: string[]) => (await search(...words)).filter((h) => h.kind === 'event').map((h) => h.summary).sort();
const added = async (args: string[]) => (JSON.parse((await c(['--json', 'add', 'event', ...args])).stdout) as { id: string }).id;

beforeEach(() => {
  db = tempDb();
});

describe('a name typed in another spelling', () => {
  it('finds the records that write any of the person\'s stored names, as their stored name does', async () => {
    await c(['add', 'case', '--ref', 'KZ-2019-01', '--title', 'Asylum-seekers facing return']);
    await c(['add', 'person', 'Kaster Musakhanuly', '--alias', 'Қастер Мұсаханұлы', '--alias', 'Qaster Musakhan', '--case', 'KZ-2019-01']);
    await added(['Kaster Musakhanuly', '--date', '2020-07-21', '--type', 'release', '--summary', 'Kaster Musakhanuly released from the Zaysan colony']);
    await added(['Kaster Musakhanuly', '--date', '2020-08-01', '--type', 'statement', '--summary', 'Қастер Мұсаханұлы Алматыда баспана сұрады']);
    await added(['Kaster Musakhanuly', '--date', '2019-12-12', '--type', 'statement', '--summary', 'Qaster Musakhan told Amnesty he feared return']);
    await added(['KZ-2019-01', '--date', '2019-12-20', '--type', 'report', '--summary', 'Zaysan colony visited by lawyers']);
    const all = ['Kaster Musakhanuly released from the Zaysan colony', 'Qaster Musakhan told Amnesty he feared return', 'Қастер Мұсаханұлы Алматыда баспана сұрады'];
    expect(await summaries('Kaster Musakhanuly')).toEqual(all);
    // Not a stored name: a spelling timeline takes for him.
    expect((await c(['timeline', 'Qaster Musakhanuly'])).stderr).toContain('→ Kaster Musakhanuly');
    expect(await summaries('Qaster Musakhanuly')).toEqual(all);
    expect(await summaries('Kaster Musakanuly')).toEqual(all);
    // With a word more, the records that write his name and that word.
    expect(await summaries('Qaster Musakhanuly', 'Zaysan')).toEqual(['Kaster Musakhanuly released from the Zaysan colony']);
    // The person comes first, and says how the name matched, as before.
    const [person] = await search('Qaster Musakhanuly');
    expect(person).toMatchObject({ kind: 'person', name: 'Kaster Musakhanuly', via: { name: 'Қастер Мұсаханұлы' } });
    const text = await c(['search', 'Qaster Musakhanuly']);
    expect(text.stdout).toContain('[Kaster] [Musakhanuly] released from the Zaysan colony');
  });

  it('finds them by vowels and letters spelled otherwise (Hamit for Hemit, Kasym for Kasim)', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
    await c(['add', 'person', 'Hemit Memet', '--alias', 'Khamit Memet', '--case', 'UA 77/98']);
    await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98']);
    await added(['Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Hemit Memet handed over at the border']);
    await added(['Kasim Mahpir', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Kasim Mahpir handed over at the border']);
    expect(await summaries('Hamit Memet')).toEqual(['Hemit Memet handed over at the border']);
    expect(await summaries('Kasym Mahpir')).toEqual(['Kasim Mahpir handed over at the border']);
    const [person] = await search('Kasym Mahpir');
    expect(person).toMatchObject({ kind: 'person', name: 'Kasim Mahpir', via: { name: 'Kasim Mahpir', detail: expect.stringContaining('Y/I') } });
  });

  it('leaves a plain word as it was: "Evin" does not find Ervin, whose name it is close to', async () => {
    await c(['add', 'person', 'Ervin Sadiku']);
    await added(['Ervin Sadiku', '--date', '2021-03-03', '--type', 'arrest', '--summary', 'Ervin Sadiku arrested at his home']);
    await added(['Ervin Sadiku', '--date', '2021-03-04', '--type', 'detention', '--summary', 'Taken to Evin Prison']);
    expect(await summaries('Evin')).toEqual(['Taken to Evin Prison']);
  });
});
