// WHO as a newcomer types it: a name of several words without quotes, someone not tracked yet.
import { beforeEach, describe, expect, it } from 'vitest';
import { sameButCase } from '../src/domain/names-case';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-03-01' });
const exported = async () => (await c(['export', '--format', 'json'])).stdout;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('a name or reference of several words typed without quotes', () => {
  it.each([
    [['add', 'event', 'Hemit', 'Memet', '--date', '1999-02-20', '--type', 'statement', '--summary', 'Family statement'], '"Hemit" and "Memet"', '"Hemit Memet"'],
    [['add', 'event', 'Kasim Mahpir', 'UA', '77/98', '--date', '1999-02-20', '--type', 'statement', '--summary', 'x'], '"UA" and "77/98"', '"UA 77/98"'],
    [['add', 'deadline', 'UA', '77/98', '--date', '+3d', '--note', 'Call the lawyer'], '"UA" and "77/98"', '"UA 77/98"'],
    [['status', 'Ilyas', 'Zordun', 'released'], '"Ilyas" and "Zordun"', '"Ilyas Zordun"'],
  ])('is refused with the quoting to use, before anything is read loosely: %j', async (args, words, quoted) => {
    const before = await exported();
    const r = await c(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`caselog: ${words} were read separately: a ${quoted.startsWith('"UA') ? 'case reference' : 'name'} of several words goes in quotes: ${quoted}\n`);
    expect(r.stderr).not.toContain('alias');
    expect(await exported()).toBe(before);
  });

  it('leaves several people named one by one as they are', async () => {
    const r = await c(['add', 'event', 'Hemit Memet', 'Kasim Mahpir', '--date', '1999-02-20', '--type', 'statement', '--summary', 'Joint statement']);
    expect(r.code).toBe(0);
  });

  it('tells a reading command of one WHO how to quote, on a usage error', async () => {
    const r = await c(['timeline', 'Hemit', 'Memet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^caselog: too many arguments for 'timeline'.*goes in quotes, as in caselog timeline "Hemit Memet"\n$/);
    expect((await c(['done', 'a', 'b'])).stderr).not.toContain('quotes');
  });
});

describe('a name that matches nobody', () => {
  it('with no stored name close to it, offers to add the person as well as the nearest names', async () => {
    const r = await c(['add', 'event', 'Hemit Memet', 'Abdullah Rahimi', '--date', '1999-02-20', '--type', 'statement', '--summary', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: no case or person matches "Abdullah Rahimi", and no stored name is close to it \(someone new\? caselog add person "Abdullah Rahimi"\); nearest, though not close: .+\n$/);
  });

  it('with a close one, suggests it alone', async () => {
    const r = await c(['timeline', 'Kasimov Makhmud']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('caselog: no case or person matches "Kasimov Makhmud"; nearest: Kasim Mahpir\n');
  });
});

describe('an id copied where a name is asked', () => {
  it('is said to be an id, with the command that shows it, not offered as a new name', async () => {
    const timeline = await c(['timeline', 'Hemit Memet', '--json']);
    const event = (JSON.parse(timeline.stdout).events[0].id as string).slice(0, 6);
    const before = await exported();
    for (const args of [['timeline', event], ['add', 'event', event, '--date', '1999-02-20', '--type', 'statement', '--summary', 'x']]) {
      const r = await c(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`caselog: "${event}" is an event's id, not a person's name or a case reference: caselog show ${event} shows it\n`);
    }
    expect((await c(['timeline', 'p-zzzz'])).stderr).toBe('caselog: no person has an id starting "p-zzzz", and no one is called so\n');
    expect(await exported()).toBe(before);
  });
});

describe('a name that is not stored but for its accents, spacing or punctuation', () => {
  const write = ['--date', '1999-02-20', '--type', 'statement', '--summary', 'Family statement'];

  it('is read by reading commands, and used by writing ones only after confirmation (spec: Commands)', async () => {
    expect((await c(['add', 'person', 'Şahin Kılıç', '--risk', 'torture'])).code).toBe(0);
    expect((await c(['timeline', 'Sahin Kilic'])).code).toBe(0);
    const before = await exported();
    for (const typed of ['Sahin Kilic', 'ŞahinKılıç', 'Şahin-Kılıç']) {
      const r = await c(['add', 'event', typed, ...write]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`"${typed}" is not a stored name; it looks like Şahin Kılıç [p-`);
      expect(r.stderr).toContain('add this spelling with caselog person alias "Şahin Kılıç" ');
    }
    expect(await exported()).toBe(before);
    const confirmed = await caselog(['add', 'event', 'Sahin Kilic', ...write], { db, today: '1999-03-01', tty: true, prompter: scriptedPrompter([true]) });
    expect(confirmed.code).toBe(0);
    expect(confirmed.stderr).toContain('Recorded statement on 20 February 1999 for Şahin Kılıç');
  });

  it('in other capitals only, is the stored name', async () => {
    expect((await c(['add', 'event', 'HEMIT MEMET', ...write])).code).toBe(0);
  });
});

describe('a name typed in capitals only, in scripts whose capitals are not plain', () => {
  it('takes a Turkish name in capitals, dotless or dotted, as the stored name', async () => {
    expect((await c(['add', 'person', 'Şahin Kılıç'])).code).toBe(0);
    for (const typed of ['ŞAHIN KILIÇ', 'ŞAHİN KILIÇ']) {
      const r = await c(['add', 'event', typed, '--date', '1999-02-20', '--type', 'statement', '--summary', 'x']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('Recorded statement on 20 February 1999 for Şahin Kılıç');
    }
  });
});

describe('a dotless ı typed as i, or i as ı', () => {
  const write = ['--date', '2020-01-01', '--type', 'arrest', '--summary', 'x'];

  it('is another letter: a loose match, confirmed before anything is written, not the stored name', async () => {
    expect((await c(['add', 'person', 'Aydın Altın'])).code).toBe(0);
    expect((await c(['add', 'person', 'Şahin Kılıç'])).code).toBe(0);
    const before = await exported();
    for (const [typed, stored] of [['Aydin Altin', 'Aydın Altın'], ['Şahin Kiliç', 'Şahin Kılıç'], ['Aydin Altın', 'Aydın Altın']]) {
      const r = await c(['add', 'event', typed!, ...write]);
      expect(r.code, typed).toBe(1);
      expect(r.stderr).toContain(`"${typed}" is not a stored name; it looks like ${stored} [p-`);
    }
    expect(await exported()).toBe(before);
  });

  it('leaves a difference of capitals alone, Turkish or not', async () => {
    expect((await c(['add', 'person', 'Aydın Altın'])).code).toBe(0);
    for (const typed of ['AYDIN ALTIN', 'aydın altın', 'Aydın ALTIN']) {
      const r = await c(['add', 'event', typed, ...write]);
      expect(r.code, typed).toBe(0);
      expect(r.stderr).toContain('Recorded arrest on 1 January 2020 for Aydın Altın');
    }
  });

  it('is told from a capital letter by letter, a capital of two letters (ß, SS) matched whole', () => {
    expect(sameButCase('ŞAHIN KILIÇ', 'Şahin Kılıç')).toBe(true);
    expect(sameButCase('ŞAHİN KILIÇ', 'Şahin Kılıç')).toBe(true);
    expect(sameButCase('şahin kılıç', 'Şahin Kılıç')).toBe(true);
    expect(sameButCase('Şahin Kiliç', 'Şahin Kılıç')).toBe(false);
    expect(sameButCase('ŞAHİN', 'ŞAHIN')).toBe(false);
    expect(sameButCase('Weiß', 'WEISS')).toBe(true);
    expect(sameButCase('WEISS', 'Weiß')).toBe(true);
    expect(sameButCase('Weiß', 'Weis')).toBe(false);
    expect(sameButCase('Hemit Memet', 'Hemit Memet Ali')).toBe(false);
  });
});

describe('more commands say how to quote a name of several words', () => {
  it.each([
    [['add', 'person', 'Abdullah', 'Rahimi'], 'caselog add person "Hemit Memet"'],
    [['edit', 'Hemit', 'Memet', '--gender', 'male'], 'caselog edit "Hemit Memet" --gender male'],
    [['delete', 'Hemit', 'Memet'], 'caselog delete "Hemit Memet"'],
  ])('%j', async (args, example) => {
    const r = await c(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`goes in quotes, as in ${example}\n`);
  });

  it('offers add person with -- for a name that begins with a dash', async () => {
    expect((await c(['timeline', '--', '-Ali'])).stderr).toContain('(someone new? caselog add person -- -Ali)');
  });
});
