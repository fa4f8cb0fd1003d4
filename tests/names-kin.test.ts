// Relatives' names (a wife's, a father's, a brother's, a sister's) are not spellings of one name:
// a reading command given one answers "no one matches; nearest: …", never with the relative's
// record, and add person takes them as new people.
import { beforeEach, describe, expect, it } from 'vitest';
import { CLEAR_MATCH, PLAUSIBLE_MATCH, resolveName, scoreName } from '../src/domain/names';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const nobody = (typed: string, nearest: string) => new RegExp(`^caselog: no case or person matches "${typed}"; nearest: ${nearest}[,\\n]`);
const found = (a: string, b: string) => (scoreName(a, b)?.score ?? 0) >= PLAUSIBLE_MATCH;
const clear = (a: string, b: string) => (scoreName(a, b)?.score ?? 0) >= CLEAR_MATCH;

beforeEach(() => {
  db = tempDb();
});

/** Each pair's first name, typed, against the second, stored: in both directions. */
const neverFound = (pairs: Array<[string, string]>) => pairs.filter(([a, b]) => found(a, b) || found(b, a)).map((p) => p.join(' / '));
const alwaysClear = (pairs: Array<[string, string]>) => pairs.filter(([a, b]) => !clear(a, b) || !clear(b, a)).map((p) => p.join(' / '));

describe('male and female forms', () => {
  it('are two people, in a family name, a patronymic or a given name; one gender\'s spellings are one name', () => {
    expect(neverFound([
      ['Aziza Kurbanova', 'Aziz Kurbanov'],
      ['Ali Kurbanov', 'Ali Kurbanova'],
      ['Dariga Nazarbayeva', 'Dariga Nazarbayev'],
      ['Aidos Bolatuly', 'Aidos Bolatkyzy'],
      ['Anna Sergeevna', 'Anna Sergeevich'],
      ['Ruslan Askarov', 'Ruslana Askarov'],
      ['Yevgeniy Zhovtis', 'Yevgeniya Zhovtis'],
    ])).toEqual([]);
    // The spellings of one gender, and a name with its ending left out, are one name.
    expect(alwaysClear([
      ['Ainur Bolatkyzy', 'Ainur Bolatova'],
      ['Kaster Musakhanuly', 'Kaster Musakhanov'],
      ['Kaster Musakhanuly', 'Kaster Musakhan'],
      ['Gulshan Abbas', 'Gulshan Abbasova'],
      ['Nursultan Nazarbayev', 'Nursultan Nazarbaev'],
    ])).toEqual([]);
  });

  it('answer a reading command with the nearest names, not the husband\'s timeline; add person takes the wife', async () => {
    await c(['add', 'person', 'Aziz Kurbanov']);
    const r = await c(['timeline', 'Aziza Kurbanova']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(nobody('Aziza Kurbanova', 'Aziz Kurbanov'));
    expect((await c(['add', 'person', 'Ali Kurbanov'])).code).toBe(0);
    expect(await c(['add', 'person', 'Ali Kurbanova'])).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Added Ali Kurbanova \[p-/) });
  });
});

describe('a female ending on a family name the stored name has without one', () => {
  const exported = async () => (await c(['export', '--format', 'json'])).stdout;

  it('does not reach a man, or someone whose gender is not recorded: reading and writing commands say no one matches', async () => {
    expect((await c(['add', 'person', 'Hemit Memet'])).code).toBe(0);
    expect((await c(['add', 'person', 'Ilyas Zordun', '--gender', 'male'])).code).toBe(0);
    for (const [typed, stored] of [['Hemit Memetova', 'Hemit Memet'], ['Ilyas Zordunova', 'Ilyas Zordun'], ['Zordunova', 'Ilyas Zordun']]) {
      const r = await c(['timeline', typed!]);
      expect(r, typed).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr).toMatch(nobody(typed!, stored!));
    }
    const before = await exported();
    const written = await c(['add', 'event', 'Hemit Memetova', '--date', '2020-05-01', '--type', 'arrest', '--summary', 'Arrested in Ghulja']);
    expect(written).toMatchObject({ code: 1, stderr: expect.stringMatching(nobody('Hemit Memetova', 'Hemit Memet')) });
    expect(await exported()).toBe(before);
  });

  it('reaches a woman written without it (Gulshan Abbas), and the men\'s own spellings still reach them', async () => {
    expect((await c(['add', 'person', 'Gulshan Abbas', '--gender', 'female'])).code).toBe(0);
    expect((await c(['add', 'person', 'Hemit Memet'])).code).toBe(0);
    expect((await c(['add', 'person', 'Kaster Musakhanuly'])).code).toBe(0);
    expect(await c(['timeline', 'Gulshan Abbasova'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Gulshan Abbas — /) });
    expect(await c(['timeline', 'Memet Hemit'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Hemit Memet — /) });
    expect(await c(['timeline', 'Qaster Musakhan'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Kaster Musakhanuly — /) });
    expect(await c(['timeline', 'Hemit Memetov'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Hemit Memet — /) });
  });

  it('in a document, is someone new, not the man tracked', async () => {
    expect((await c(['add', 'person', 'Hemit Memet', '--gender', 'male'])).code).toBe(0);
    const doc = fileOf('ua.txt', 'China: Uyghur woman detained\n\nHemit Memetova, a teacher, was arrested in Ghulja on 1 May 2020.\n');
    expect((await c(['ingest', doc, '--yes'])).stderr).toContain('1 new person, 1 event');
    expect((await c(['timeline', 'Hemit Memet'])).stdout).toContain('no events recorded yet');
  });
});

describe('a patronymic', () => {
  it('is not the father\'s given name', () => {
    expect(neverFound([
      ['Serik Nurlanovich Askarov', 'Nurlan Askarov'],
      ['Ivan Petrovich Sidorov', 'Petr Sidorov'],
    ])).toEqual([]);
    expect(clear('Ivan Petrovich Sidorov', 'Ivan Sidorov')).toBe(true);
  });
});

describe('a father\'s and a son\'s names', () => {
  const LONG = 'Ahmad bin Muhammad bin Abdullah bin Ibrahim bin Khalid bin Saud al-Harbi';

  it('are two people, though each holds the other\'s given name; a name with its words swapped is still one', () => {
    expect(neverFound([
      ['Serik Nurlanovich Askarov', 'Nurlan Serikovich Askarov'],
      ['Kaster Musakhanuly', 'Musakhan Kasteruly'],
      ['Kaster Musakhanuly', 'Kasteruly Musakhan'],
      ['Ahmed bin Salman', 'Salman bin Ahmed'],
      ['Khalid bin Muhammad al-Harbi', 'Mohammed al-Harbi'],
      ['Muhammad bin Ahmad al-Harbi', LONG],
      // Kaster Musakhanuly family name first, or Musakhan, Kaster's son: a suggestion, not his record.
      ['Musakhan Kaster', 'Kaster Musakhanuly'],
      ['Kaster Musakhan', 'Musakhan Kasteruly'],
      // The father's given name where the son's stands, the son's own left out (Kazakh "son of").
      ['Serik Abenov', 'Nurlan Serikuly Abenov'],
      ['Musakhan', 'Kaster Musakhanuly'],
      ['Alim', 'Murager Alimuly'],
    ])).toEqual([]);
    expect(alwaysClear([
      ['Kaster Musakhan', 'Kaster Musakhanuly'],
      ['Musakhanuly Kaster', 'Kaster Musakhanuly'],
      ['Nurlan Abenov', 'Nurlan Serikuly Abenov'],
      ['Salman Ahmed', 'Salman bin Ahmed'],
      ['Osama bin Laden', 'Usama bin Ladin'],
    ])).toEqual([]);
    expect(found('Ahmad bin Saud al-Harbi', LONG)).toBe(true);
  });

  it('answer a reading command with the nearest names, not the son\'s or father\'s record', async () => {
    for (const name of ['Salman bin Ahmed', 'Kaster Musakhanuly', 'Mohammed al-Harbi']) await c(['add', 'person', name]);
    for (const [typed, stored] of [['Ahmed bin Salman', 'Salman bin Ahmed'], ['Musakhan Kasteruly', 'Kaster Musakhanuly'], ['Khalid bin Muhammad al-Harbi', 'Mohammed al-Harbi']]) {
      const r = await c(['show', typed!]);
      expect(r.code, typed).toBe(1);
      expect(r.stderr).toMatch(nobody(typed!, stored!));
    }
  });
});

describe('a patronymic in its Russian and its Turkic form', () => {
  it('is one father\'s: Nurlanovich is Nurlanuly, Nurlan uulu, Nurlan o\'g\'li; a daughter\'s and a son\'s stay apart', () => {
    expect(alwaysClear([
      ['Serik Nurlanuly Abenov', 'Serik Nurlanovich Abenov'],
      ['Серік Нұрланұлы Әбенов', 'Serik Nurlanovich Abenov'],
      ['Serik Nurlan uly Abenov', 'Serik Nurlanovich Abenov'],
      ['Azamat Nurlan uulu', 'Azamat Nurlanovich'],
      ["Dilmurod Nurlan o'g'li", 'Dilmurod Nurlanovich'],
      ['Aigul Nurlankyzy', 'Aigul Nurlanovna'],
      ['Aigul Nurlan qizi', 'Aigul Nurlanovna'],
    ])).toEqual([]);
    expect(neverFound([
      ['Nurlan Serikuly Abenov', 'Serik Nurlanovich Abenov'],
      ['Serik Nurlanuly Abenov', 'Nurlan Serikovich Abenov'],
      ['Aigul Nurlankyzy', 'Aigul Nurlanovich'],
      ['Serik Nurlanuly Abenov', 'Serik Nurlanovna Abenov'],
    ])).toEqual([]);
  });

  it('reaches the person by a reading command, said as a loose match; a writing command asks first; the son is not the father', async () => {
    expect((await c(['add', 'person', 'Serik Nurlanovich Abenov', '--born', '1985'])).code).toBe(0);
    for (const typed of ['Serik Nurlanuly Abenov', 'Серік Нұрланұлы Әбенов']) {
      const r = await c(['timeline', typed]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Serik Nurlanovich Abenov — unknown/);
      expect(r.stderr).toMatch(new RegExp(`^${typed} → Serik Nurlanovich Abenov \\(spelling variant \\(-uly, -ovich\\)`));
    }
    const written = await c(['add', 'event', 'Serik Nurlanuly Abenov', '--date', '2026-11-01', '--type', 'arrest', '--summary', 'x']);
    expect(written.code).toBe(1);
    expect(written.stderr).toContain('"Serik Nurlanuly Abenov" is not a stored name; it looks like Serik Nurlanovich Abenov [p-');
    const son = await c(['timeline', 'Nurlan Serikuly Abenov']);
    expect(son).toMatchObject({ code: 1, stdout: '' });
    expect(son.stderr).toMatch(nobody('Nurlan Serikuly Abenov', 'Serik Nurlanovich Abenov'));
  });
});

describe('one-syllable Chinese names', () => {
  it('differing in a vowel, or in F and P, are other names; Wade-Giles\'s spellings are not', () => {
    expect(neverFound([
      ['Li Wan', 'Li Wen'],
      ['Zhou Peng', 'Zhou Feng'],
      ['Wang Li', 'Wang Lei'],
      ['Li Jie', 'Li Jia'],
      ['Wan Li', 'Wang Li'],
      ['Jiang Qing', 'Jiang Qin'],
    ])).toEqual([]);
    // One name across Wade-Giles and pinyin; longer words keep their vowel and F/P variants.
    expect(alwaysClear([
      ['Ma Chien', 'Ma Jian'],
      ['Teng Hsiao-ping', 'Deng Xiaoping'],
      ['Wang Tan', 'Wang Dan'],
      ['Chou En-lai', 'Zhou Enlai'],
      ['Feng Zhou', 'Zhou Feng'],
      ['Hemit Memet', 'Khamit Memet'],
      ['Memet Hemit', 'Hemit Memet'],
      ['Yusup Alim', 'Yusuf Alim'],
      ['Hamit Mamat', 'Hemit Memet'],
    ])).toEqual([]);
  });

  it('answer a reading command with the nearest names, and add person takes the other as new', async () => {
    await c(['add', 'person', 'Li Wen']);
    await c(['add', 'person', 'Zhou Feng']);
    for (const [typed, stored] of [['Li Wan', 'Li Wen'], ['Zhou Peng', 'Zhou Feng']]) {
      const r = await c(['timeline', typed!]);
      expect(r.code, typed).toBe(1);
      expect(r.stderr).toMatch(nobody(typed!, stored!));
    }
    expect(await c(['add', 'person', 'Zhou Peng'])).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Added Zhou Peng \[p-/) });
  });
});

describe('a different given name', () => {
  it('is another person, however much of the rest is shared; a spelling of the same name is not', () => {
    expect(neverFound([
      ['Ivan Ivanovich Petrov', 'Sergei Ivanovich Petrov'],
      ['Khalid bin Muhammad al-Harbi', 'Abdullah bin Muhammad al-Harbi'],
      ['Jan van der Berg', 'Ruud van der Berg'],
      ['Ivan Petrovich Sidorov', 'Ivan Pavlovich Sidorov'],
    ])).toEqual([]);
    expect(alwaysClear([['Abdullah bin Mohammed al-Harbi', 'Abdullah bin Muhammad al-Harbi']])).toEqual([]);
  });
});

describe('a name typed with more words than the one stored', () => {
  it('does not reach a person stored by one word only (Wu for Wu Gan); one word typed still reaches a longer name', () => {
    expect(scoreName('Wu Gan', 'Wu')).toBeNull();
    expect(scoreName('Ali Kurbanov', 'Ali')).toBeNull();
    expect(found('Wu', 'Wu Gan')).toBe(true);
    expect(found('Zordun', 'Ilyas Zordun')).toBe(true);
  });
});

describe('particles alone', () => {
  it('reach nobody ("van der", "bin", "al", "de la"); with the family name they go with, they do', () => {
    for (const [typed, stored] of [['van der', 'Ruud van der Berg'], ['bin', 'Salman bin Ahmed'], ['al', 'Mohammed al-Harbi'], ['de la', 'Maria de la Cruz']]) {
      expect(scoreName(typed!, stored!), typed).toBeNull();
    }
    expect(found('van der Berg', 'Ruud van der Berg')).toBe(true);
  });
});

describe('the relatives of tracked people, typed to a reading command', () => {
  const TRACKED = ['Sergei Ivanovich Petrov', 'Nurlan Serikovich Askarov', 'Aziz Kurbanov', 'Li Wen', 'Abdullah bin Muhammad al-Harbi',
    'Ruud van der Berg', 'Wu', 'Zhou Feng', 'Salman bin Ahmed'];

  it.each([
    ['timeline', 'Ivan Ivanovich Petrov', 'Sergei Ivanovich Petrov'],
    ['timeline', 'Serik Nurlanovich Askarov', 'Nurlan Serikovich Askarov'],
    ['show', 'Aziza Kurbanova', 'Aziz Kurbanov'],
    ['timeline', 'Li Wan', 'Li Wen'],
    ['export --format md', 'Khalid bin Muhammad al-Harbi', 'Abdullah bin Muhammad al-Harbi'],
    ['timeline', 'Jan van der Berg', 'Ruud van der Berg'],
    ['timeline', 'Wu Gan', 'Wu'],
    ['show', 'Zhou Peng', 'Zhou Feng'],
    ['timeline', 'Ahmed bin Salman', 'Salman bin Ahmed'],
  ])('%s "%s" says no one matches, the nearest being %s, and shows no record', async (command, typed, stored) => {
    for (const name of TRACKED) expect((await c(['add', 'person', name, '--new'])).code).toBe(0);
    const r = await c([...command.split(' '), typed]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(nobody(typed, stored));
  });

  it('takes particles alone for no one, and says no stored name is close', async () => {
    for (const name of TRACKED) await c(['add', 'person', name, '--new']);
    const r = await c(['timeline', 'van der']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^caselog: no case or person matches "van der", and no stored name is close to it .*; nearest, though not close: Ruud van der Berg/);
  });
});

describe('the nearest names to a short name that matches nobody', () => {
  const names = ['Li Wen', 'Mohammed al-Harbi', 'Ruud van der Berg', 'Wu'];

  it('are near only a letter away or sharing a word, never two letters off a word of three (Gan, Wen) or a particle', () => {
    expect(resolveName('Gan', [], names)).toMatchObject({ kind: 'none', close: false });
    expect(resolveName('Wen', [], names)).toMatchObject({ kind: 'none', nearest: ['Li Wen'], close: true });
    expect(resolveName('Wo', [], names)).toMatchObject({ kind: 'none', nearest: ['Wu'], close: true });
    expect(resolveName('Wu Gan', [], names)).toMatchObject({ kind: 'none', nearest: ['Wu'], close: true });
  });

  it('are said to be no close match at all', async () => {
    for (const name of names) await c(['add', 'person', name]);
    const r = await c(['timeline', 'Gan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: no case or person matches "Gan", and no stored name is close to it \(someone new\? caselog add person Gan\); nearest, though not close: /);
  });
});
