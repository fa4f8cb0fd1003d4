// caselog search: accents, scripts and spellings of names; words only an ingested document holds;
// input that would be FTS5 syntax; the index following every write (edit, delete, import, migration).
import Database from 'better-sqlite3-multiple-ciphers';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foundation } from '../src/store/migrations/001-foundation';
import { searchRanking } from '../src/store/search';
import { caselog, tempDb } from './helpers/cli';

const HRW = new URL('../../shared/samples/hrw-kazakhstan-asylum-seekers-2020.txt', import.meta.url).pathname;

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-07-10' });
const search = async (...words: string[]) => JSON.parse((await c(['--json', 'search', ...words])).stdout) as Array<Record<string, unknown>>;

beforeEach(() => {
  db = tempDb();
});

describe('names', () => {
  it('finds an accented name typed without accents, in any case', async () => {
    await c(['add', 'person', 'José Núñez']);
    const r = await c(['search', 'jose', 'NUNEZ']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^person {2}José Núñez {2}p-\w+\n {2}\[José\] \[Núñez\]\n$/);
  });

  it('finds a name stored in Cyrillic typed in Latin: its transliteration, and a spelling variant of it', async () => {
    await c(['add', 'case', '--ref', 'UA 12/20', '--title', 'Fear of return']);
    await c(['add', 'person', 'Қастер Мұсаханұлы', '--case', 'UA 12/20']);
    const [byFold] = await search('Musakhanuly');
    expect(byFold).toMatchObject({ kind: 'person', name: 'Қастер Мұсаханұлы', case: { ref: 'UA 12/20' } });
    const variant = await c(['search', 'Kaster']);
    expect(variant.stdout).toContain('person  Қастер Мұсаханұлы');
    expect(variant.stdout).toContain('UA 12/20');
  });

  it('finds a person once, however many of their names match', async () => {
    await c(['add', 'person', 'Hemit Memet', '--alias', 'Khamit Memet', '--alias', 'Memet Hemit']);
    expect((await search('Memet')).filter((h) => h.kind === 'person')).toHaveLength(1);
  });
});

describe('records and documents', () => {
  it('finds a word that is only in an ingested document, with the matched word in brackets', async () => {
    expect((await c(['ingest', HRW, '--yes'])).code).toBe(0);
    const hits = await search('treaty');
    expect(hits.map((h) => h.kind)).toEqual(['source']);
    expect(hits[0]).toMatchObject({ title: 'hrw kazakhstan asylum seekers 2020', publisher: 'Human Rights Watch', snippet: expect.stringContaining('[treaty]') });
    expect(hits[0]!.people).toContainEqual(expect.objectContaining({ name: 'Kaster Musakhanuly' }));
  });

  it('finds event summaries and deadline notes with their case and people, ranked and limited', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
    await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98']);
    await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Handed over at the Khorgos border crossing']);
    await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-15', '--note', 'ask the border post at Khorgos again, Khorgos being the last place seen']);
    const hits = await search('khorgos');
    expect(hits.map((h) => h.kind)).toEqual(['deadline', 'event']);
    expect(hits[1]).toMatchObject({ type: 'deportation', date: '1999-02-11', precision: 'day', case: { ref: 'UA 77/98' }, people: [expect.objectContaining({ name: 'Kasim Mahpir' })] });
    // The spec's field names: an event's whole summary, a deadline's note, beside the snippet.
    expect(hits[1]).toMatchObject({ summary: 'Handed over at the Khorgos border crossing' });
    expect(hits[0]).toMatchObject({ note: 'ask the border post at Khorgos again, Khorgos being the last place seen' });
    expect(await search('khorgos', '--limit', '1')).toHaveLength(1);
    const text = await c(['search', 'border', 'crossing']);
    expect(text.stdout).toContain('Handed over at the Khorgos [border] [crossing]');
    expect(text.stdout).toContain('UA 77/98 · Kasim Mahpir');
  });

  it('says so when nothing matches', async () => {
    await c(['add', 'person', 'Ilyas Zordun']);
    const r = await c(['search', 'Ghulja']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Nothing matches "Ghulja".\n');
  });
});

describe('scripts written without spaces', () => {
  it('finds a word inside a run of Chinese characters, with every word typed, newest first', async () => {
    await c(['add', 'case', '--ref', 'UA 1/24', '--title', 'Detained in Beijing']);
    await c(['add', 'person', '张伟', '--case', 'UA 1/24']);
    await c(['add', 'event', '张伟', '--date', '2024-04-23', '--type', 'detention', '--summary', '被警察拘留在北京市看守所']);
    await c(['add', 'event', '张伟', '--date', '2024-04-25', '--type', 'hearing', '--summary', '北京市法院开庭']);
    expect((await search('北京')).map((h) => h.summary)).toEqual(['北京市法院开庭', '被警察拘留在北京市看守所']);
    expect((await search('看守所', '北京')).map((h) => h.summary)).toEqual(['被警察拘留在北京市看守所']);
    expect((await c(['search', '看守所'])).stdout).toContain('被警察拘留在北京市[看守所]');
    expect(await search('上海')).toEqual([]);
    // Lao, Khmer, Burmese likewise.
    await c(['add', 'event', '张伟', '--date', '2024-04-26', '--type', 'other', '--summary', 'ຖືກຈັບຢູ່ວຽງຈັນເມື່ອວານນີ້']);
    expect((await search('ວຽງຈັນ')).map((h) => h.summary)).toEqual(['ຖືກຈັບຢູ່ວຽງຈັນເມື່ອວານນີ້']);
  });
});

describe('any input', () => {
  it('refuses an unknown option as any command does (exit 2), and searches for a dashed word after --', async () => {
    await c(['add', 'person', 'Hemit Memet']);
    expect(await c(['search', 'Memet', '--case', 'UA 77/98'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining("unknown option '--case'") });
    expect(await c(['search', '-x'])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option '-x'") });
    expect(await c(['search', '--', '-x'])).toMatchObject({ code: 0, stderr: '' });
  });

  it.each(['NEAR(', 'AND', 'a OR b NOT', '"unbalanced', 'body:x', '^start', 'Memet*'])('%j: searched for as words (exit 0)', async (typed) => {
    await c(['add', 'person', 'Hemit Memet']);
    const r = await c(['search', typed]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.each(['', '"', '*', '(', '—'])('%j: nothing to search for (exit 1, one plain line)', async (typed) => {
    await c(['add', 'person', 'Hemit Memet']);
    const r = await c(['search', typed]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('caselog: nothing to search for: type a word or a name\n');
  });
});

describe('the index follows every write', () => {
  it('drops deleted events and people, cascades included, and follows edits', async () => {
    await c(['add', 'person', 'Ilyas Zordun', '--alias', 'Ilyas Zordunov']);
    const added = JSON.parse((await c(['--json', 'add', 'event', 'Ilyas Zordun', '--date', '1999', '--type', 'arrest', '--summary', 'Detained in Ghulja'])).stdout) as { id: string };
    await c(['edit', added.id, '--summary', 'Detained in Urumqi']);
    expect(await search('Ghulja')).toEqual([]);
    expect((await search('Urumqi')).map((h) => h.id)).toEqual([added.id]);
    expect((await c(['delete', added.id, '--force'])).code).toBe(0);
    expect(await search('Urumqi')).toEqual([]);
    expect((await c(['delete', 'Ilyas Zordun', '--force'])).code).toBe(0);
    expect(await search('Zordunov')).toEqual([]);
    // Not only hidden from the results: gone from the index, as an erase for someone's safety needs.
    const file = new Database(db, { readonly: true });
    const left = (word: string) => file.prepare('SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?').get(word) as { n: number };
    expect([left('zordunov').n, left('urumqi').n]).toEqual([0, 0]);
    expect(file.prepare(`SELECT count(*) AS n FROM search_text WHERE body LIKE '%Zordun%' OR body LIKE '%Urumqi%'`).get()).toEqual({ n: 0 });
    file.close();
  });

  it('indexes what import brings, and what a database held before the search migration', async () => {
    const old = new Database(db);
    old.exec(foundation);
    old.prepare("INSERT INTO people (id, name, created_at, updated_at) VALUES ('p-0000000000000000', 'Kasim Mahpir', '2019-01-01T00:00:00.000Z', '2019-01-01T00:00:00.000Z')").run();
    old.prepare("INSERT INTO person_names (id, person_id, name, folded, is_primary) VALUES ('n-0000000000000000', 'p-0000000000000000', 'Kasim Mahpir', 'kasim mahpir', 1)").run();
    old.pragma('user_version = 1');
    old.close();
    expect((await search('mahpir'))[0]).toMatchObject({ kind: 'person', name: 'Kasim Mahpir' });

    const file = `${db}.json`;
    writeFileSync(file, (await c(['export', '--format', 'json'])).stdout);
    db = tempDb();
    expect((await c(['import', file])).code).toBe(0);
    expect((await search('kasim'))[0]).toMatchObject({ kind: 'person', name: 'Kasim Mahpir' });
  });
});

describe('a word in very many records', () => {
  const newestRanked = searchRanking.newestRanked;
  afterEach(() => {
    searchRanking.newestRanked = newestRanked;
  });

  it('is ranked among its newest matches, best first, with every hit shown in full', async () => {
    await c(['add', 'case', '--ref', 'UA 1/20', '--title', 'Detentions']);
    for (let i = 1; i <= 40; i++) {
      // Event 3 and event 35 say it twice: the best of all matches, and the best of the newest.
      const twice = i === 3 || i === 35 ? ' detention again' : '';
      await c(['add', 'event', 'UA 1/20', '--date', `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, '--type', 'report', '--summary', `Report ${i} on detention${twice}`]);
    }
    const all = (await search('detention')).map((h) => h.snippet);
    // The two best, alike: the newer first.
    expect(all[0]).toContain('Report 35 ');
    expect(all[1]).toContain('Report 3 ');
    searchRanking.newestRanked = 30;
    const newest = (await search('detention', '--limit', '6')).map((h) => h.snippet as string);
    expect(newest).toHaveLength(6);
    expect(newest[0]).toContain('Report 35 ');
    expect(newest.map((s) => Number(/Report (\d+)/.exec(s)![1])).every((n) => n > 10)).toBe(true);
    expect(newest.every((s) => s.includes('[detention]'))).toBe(true);
  });

  it('ranks all of them when --limit asks for more than are ranked, so the "more" notice shows what it promises, down to the oldest', async () => {
    await c(['add', 'case', '--ref', 'UA 1/20', '--title', 'Detentions']);
    for (let i = 1; i <= 12; i++) {
      await c(['add', 'event', 'UA 1/20', '--date', `2020-01-${String(i).padStart(2, '0')}`, '--type', 'report', '--summary', `Report ${i} on detention`]);
    }
    searchRanking.newestRanked = 6;
    const cut = await c(['search', 'detention', '--limit', '10']);
    expect(cut.stdout.match(/ e-\w+/g)).toHaveLength(10);
    expect(cut.stderr).toBe('More matches than these 10 are not shown: caselog search detention --limit 100 shows more\n');
    const all = await c(['--json', 'search', 'detention', '--limit', '100']);
    const reports = (JSON.parse(all.stdout) as Array<{ summary: string }>).map((h) => Number(/Report (\d+)/.exec(h.summary)![1]));
    expect(reports.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(all.stderr).toBe('');
  });
});

describe('a name written in another script in the records', () => {
  it('finds, by a person\'s name, the records that write it in the script of another of their names, both ways', async () => {
    await c(['add', 'person', 'Kaster Musakhanuly', '--alias', 'Қастер Мұсаханұлы']);
    await c(['add', 'person', 'Murager Alimuly']);
    await c(['add', 'event', 'Kaster Musakhanuly', '--date', '2020-01-06', '--type', 'hearing', '--summary', 'Суд над Қастер Мұсаханұлы в Зайсане']);
    await c(['add', 'event', 'Murager Alimuly', '--date', '2020-01-07', '--type', 'statement', '--summary', 'Kaster spoke to his lawyer']);
    const found = async (text: string) => (JSON.parse((await c(['--json', 'search', text])).stdout) as Array<{ kind: string; summary?: string }>)
      .filter((h) => h.kind === 'event').map((h) => h.summary);
    expect(await found('Kaster')).toEqual(expect.arrayContaining(['Суд над Қастер Мұсаханұлы в Зайсане', 'Kaster spoke to his lawyer']));
    expect(await found('Musakhanuly')).toEqual(['Суд над Қастер Мұсаханұлы в Зайсане']);
    expect(await found('Қастер')).toEqual(expect.arrayContaining(['Суд над Қастер Мұсаханұлы в Зайсане', 'Kaster spoke to his lawyer']));
    // A word that is nobody's name finds only what holds it.
    expect(await found('lawyer')).toEqual(['Kaster spoke to his lawyer']);
    // A name in a script written without spaces is found inside the text it runs into.
    await c(['add', 'person', 'Liu Xiaobo', '--alias', '刘晓波']);
    await c(['add', 'event', 'Liu Xiaobo', '--date', '2009-12-25', '--type', 'sentence', '--summary', '刘晓波在北京被判处十一年有期徒刑']);
    expect(await found('Xiaobo')).toEqual(['刘晓波在北京被判处十一年有期徒刑']);
  });
});

describe('a search with more matches than it shows', () => {
  it('says on stderr that more are not shown, and how to see them; stdout holds only the matches shown', async () => {
    await c(['add', 'person', 'Alim Yasin']);
    for (let i = 1; i <= 4; i++) await c(['add', 'event', 'Alim Yasin', '--date', '2019', '--type', 'statement', '--summary', `Report ${i} mentions Dabancheng camp`]);
    const cut = await c(['search', 'Dabancheng', '--limit', '3']);
    expect(cut.stdout.match(/ e-\w+/g)).toHaveLength(3);
    expect(cut.stderr).toBe('More matches than these 3 are not shown: caselog search Dabancheng --limit 30 shows more\n');
    const json = await c(['--json', 'search', 'Dabancheng', '--limit', '3']);
    expect(JSON.parse(json.stdout)).toHaveLength(3);
    const all = await c(['search', 'Dabancheng', '--limit', '4']);
    expect(all.stderr).toBe('');
  });
});
