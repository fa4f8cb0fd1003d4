// A name two new rows of one sheet both give, as a name and an other name or as two other names:
// refused naming both rows, as a stored person's name given as an other name is; --new still adds
// two people who share a name on purpose.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const sheet = (...lines: string[]) => fileOf('people.csv', `${lines.join('\n')}\n`);

beforeEach(() => {
  db = tempDb();
});

const refused = async (file: string) => {
  const before = (await c(['export'])).stdout;
  const r = await c(['import', file]);
  expect(r.code).toBe(1);
  expect((await c(['export'])).stdout).toBe(before);
  return r.stderr;
};

describe('a name given by two new rows of one sheet', () => {
  it('is refused when a row gives an earlier row\'s name as an other name, and when two rows give the same other name', async () => {
    const stderr = await refused(sheet('name,other_names', 'Kaster Musakhanuly,\u049a\u0430\u0441\u0442\u0435\u0440 \u041c\u04b1\u0441\u0430\u0445\u0430\u043d\u04b1\u043b\u044b',
      'Murager Alimuly,Kaster Musakhanuly', 'Ayg\u00fcl Tursun,Memet Tursun', '\u4e70\u4e70\u63d0\u00b7\u5410\u5c14\u900a,Memet Tursun'));
    expect(stderr).toContain('2 rows cannot be imported, so nothing was imported: ' +
      'row 3, column other_names: "Kaster Musakhanuly" is the name of the person on row 2: two people would then share it;');
    expect(stderr).toContain('row 5, column other_names: "Memet Tursun" is also one of the other names on row 4 (Ayg\u00fcl Tursun): two people would then share it; ' +
      'take it out of the row it does not belong to, or import with --new if they are two people of that name');
  });

  it('is refused when a later row is named what an earlier row gives as an other name, in other capitals too', async () => {
    const stderr = await refused(sheet('name,other_names', 'Murager Alimuly,Kaster Musakhanuly', 'KASTER MUSAKHANULY,'));
    expect(stderr).toContain('row 3, column name: "KASTER MUSAKHANULY" is already one of the other names on row 2 (Murager Alimuly): two people would then share it; ' +
      'if they are one person, give one row with all their names; if the name was put in that row by mistake, take it out; or import with --new if they are two people');
  });

  it('says a row\'s name is another row\'s other name, not that it is close to it and should be put there', async () => {
    const stderr = await refused(sheet('name,other_names', 'Kaster Musakhanuly,\u049a\u0430\u0441\u0442\u0435\u0440 \u041c\u04b1\u0441\u0430\u0445\u0430\u043d\u04b1\u043b\u044b',
      '\u049a\u0430\u0441\u0442\u0435\u0440 \u041c\u04b1\u0441\u0430\u0445\u0430\u043d\u04b1\u043b\u044b,'));
    expect(stderr).toContain('1 row cannot be imported');
    expect(stderr).toContain('row 3, column name: "\u049a\u0430\u0441\u0442\u0435\u0440 \u041c\u04b1\u0441\u0430\u0445\u0430\u043d\u04b1\u043b\u044b" is already one of the other names on row 2 (Kaster Musakhanuly)');
    expect(stderr).not.toContain('put the other spelling in its other_names');
  });

  it('goes in with --new, two people sharing the name on purpose', async () => {
    const r = await c(['import', sheet('name,other_names', 'Ayg\u00fcl Tursun,Memet Tursun', '\u4e70\u4e70\u63d0\u00b7\u5410\u5c14\u900a,Memet Tursun'), '--new']);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('2 added') });
    expect((await c(['export'])).stdout.match(/"name":"Memet Tursun"/g)).toHaveLength(2);
  });

  it('is not refused between rows that carry ids, people their own database tells apart', async () => {
    const r = await c(['import', sheet('id,name,other_names', 'p-aaaa1111,Ayg\u00fcl Tursun,Memet Tursun', 'p-bbbb2222,\u4e70\u4e70\u63d0\u00b7\u5410\u5c14\u900a,Memet Tursun')]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('2 added') });
  });
});
