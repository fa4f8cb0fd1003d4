// A sheet's bad rows named all in one refusal, with the right count: a name with no letter, one
// holding a line break, free text holding a control character, beside rows with other problems,
// not one of them a run as the rows before it are mended.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

describe('a sheet with several bad rows', () => {
  it('names every one of them at once, names without letters and names of two lines among them', async () => {
    const sheet = fileOf('people.csv', 'name,status,age,age_on\nAli Tursun,detained,30,03/04/2019\n-,detained,,\nBolat Nur,jailed,,\n?,,,\n"Dana\nSeitova",,,\nErlan Abenov,,,\n');
    const r = await c(['import', sheet]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(': 5 rows cannot be imported, so nothing was imported: row 2, column age_on: ');
    expect(r.stderr).toContain('; row 3, column name: the name "-" has no letter, which caselog never writes; row 4, column status: "jailed" is not one of');
    expect(r.stderr).toContain('; row 5, column name: the name "?" has no letter, which caselog never writes (its letters were lost as "?"');
    expect(r.stderr).toContain('; row 6, column name: the name "Dana\\nSeitova" holds a line break, tab or control character (U+000A)');
    expect((await c(['export'])).stdout).not.toContain('Erlan Abenov');
  });

  it('names an other name without letters on a row with another problem', async () => {
    const r = await c(['import', fileOf('people.csv', 'name,other_names,status\nAli Tursun,???,jailed\n')]);
    expect(r.stderr).toContain('row 2, column other_names: the name "???" has no letter');
    expect(r.stderr).toContain('row 2, column status: "jailed" is not one of');
  });

  it("names an event's summary holding a control character beside the row's other problems", async () => {
    await c(['add', 'person', 'Ali Nur']);
    const r = await c(['import', fileOf('events.csv', 'date,type,summary,people\n2019-01-01,arest,"Bell\u0007 here",Ali Nur\n2019-01-02,arrest,Fine,Ali Nur\n')]);
    expect(r.stderr).toContain(': 1 row cannot be imported, so nothing was imported: row 2, column type: "arest" is not one of');
    expect(r.stderr).toContain('; row 2, column summary: holds a control character (U+0007), which caselog never writes');
  });
});
