// The line saying why a name was taken for a person names the stored name it went through: of names
// that match equally well, the one in the script typed, else the person's own (primary) name; and a
// name in the script typed that matches at all before one in another script that scores higher.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'person', 'Hemit Memet', '--alias', 'Хемит Мемет', '--alias', '艾海提·买买提'])).code).toBe(0);
  expect((await c(['add', 'person', 'Sayragul Sauytbai', '--alias', 'Сайрагүл Сауытбай', '--gender', 'female'])).code).toBe(0);
});

describe('a name typed in Latin letters, matching a Latin name and an alias in another script equally well', () => {
  it('is explained by the Latin name in timeline', async () => {
    expect(await c(['timeline', 'Hemit Memetov'])).toMatchObject({ code: 0, stderr: 'Hemit Memetov → Hemit Memet (spelling variant (-ov), score 0.95)\n' });
    expect(await c(['timeline', 'Sayragul Sauytbayeva'])).toMatchObject({ code: 0, stderr: 'Sayragul Sauytbayeva → Sayragul Sauytbai (close spelling (-yeva), score 0.86)\n' });
  });

  it('is explained by the Latin name when add event or add person refuses it', async () => {
    const event = await c(['add', 'event', 'Hemet Memet', '--date', '2020-01-01', '--type', 'arrest', '--summary', 'x']);
    expect(event.stderr).toMatch(/^caselog: "Hemet Memet" is not a stored name; it looks like Hemit Memet \[p-\w+\] \(spelling variant, score 0\.93\)\. /);
    const person = await c(['add', 'person', 'Hemet Memet']);
    expect(person.stderr).toMatch(/^caselog: "Hemet Memet" is close to someone already tracked: Hemit Memet \[p-\w+\] \(via "Hemit Memet", spelling variant, score 0\.93\)\. /);
  });

  it('is explained by the name in the script typed when that is another', async () => {
    expect((await c(['timeline', 'Хемит Мемету'])).stderr).toBe('Хемит Мемету → Hemit Memet (as "Хемит Мемет": close spelling, score 0.85)\n');
  });
});

describe('a name typed in Latin letters, matching a Latin name and, better, an alias in another script', () => {
  it('is explained by the Latin name that matches, though an alias in another script reads exactly as typed', async () => {
    expect((await c(['add', 'person', 'Kasim Mahpir', '--alias', 'قاسىم ماھپىر'])).code).toBe(0);
    expect(await c(['show', 'Qasim Mahpir'])).toMatchObject({ code: 0, stderr: 'Qasim Mahpir → Kasim Mahpir (spelling variant (K/Q), score 0.95)\n' });
    expect(await c(['timeline', 'Khemit Memet'])).toMatchObject({ code: 0, stderr: 'Khemit Memet → Hemit Memet (spelling variant (Kh/H), score 0.95)\n' });
    const event = await c(['add', 'event', 'Qasim Mahpir', '--date', '2020-01-01', '--type', 'arrest', '--summary', 'x']);
    expect(event.stderr).toMatch(/^caselog: "Qasim Mahpir" is not a stored name; it looks like Kasim Mahpir \[p-\w+\] \(spelling variant \(K\/Q\), score 0\.95\)\. /);
    const person = await c(['add', 'person', 'Qasim Mahpir']);
    expect(person.stderr).toMatch(/^caselog: "Qasim Mahpir" is close to someone already tracked: Kasim Mahpir \[p-\w+\] \(via "Kasim Mahpir", spelling variant \(K\/Q\), score 0\.95\)\. /);
    // Typed in the alias's own script, it is explained by nothing more than the person's name.
    expect(await c(['show', 'قاسىم ماھپىر'])).toMatchObject({ code: 0, stderr: 'قاسىم ماھپىر → Kasim Mahpir\n' });
  });
});

describe('a name whose letters read as a stored one', () => {
  it('is said to differ in spacing, or in letters of the same script, as it does', async () => {
    expect((await c(['add', 'person', 'Қастер Мұсаханұлы'])).code).toBe(0);
    expect((await c(['show', 'Қастер Мусаханулы'])).stderr).toBe('Қастер Мусаханулы → Қастер Мұсаханұлы (spelling variant, score 0.97)\n');
    expect((await c(['show', '艾海提 买买提'])).stderr).toBe('艾海提 买买提 → Hemit Memet (as "艾海提·买买提": same letters ignoring spacing and punctuation, score 0.97)\n');
  });
});
