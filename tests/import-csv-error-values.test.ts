// A cell holding a spreadsheet's error value (#NAME?, #REF!, LibreOffice's Err:502): what it held was
// lost in the spreadsheet, so the row is refused naming the cell, not imported with the error as text.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const LOST = "is a spreadsheet's error value: what the cell held was lost in the spreadsheet (a formula that failed, or a cell it referred to deleted); " +
  'put back what it held, or empty the cell';

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'person', 'Ali Nur']);
});

describe("a sheet's cell holding a spreadsheet's error value", () => {
  it('is refused as a name, even on a row with nothing else, and as an other name', async () => {
    const r = await c(['import', fileOf('people.csv', 'name,other_names\n#NAME?,\nAli Tursun,Err:502\n'), '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`2 rows cannot be imported, so nothing was imported: row 2, column name: "#NAME?" ${LOST}; row 3, column other_names: "Err:502" ${LOST}`);
    expect(r.stderr).not.toContain('is required');
  });

  it("is refused in an events sheet's summary, place, date and people, each named once", async () => {
    const before = (await c(['export'])).stdout;
    const r = await c(['import', fileOf('events.csv', 'date,type,summary,people,place\n2019-01-01,arrest,#REF!,Ali Nur, #N/A \n#VALUE!,arrest,Taken,#DIV/0!,Almaty\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`row 2, column summary: "#REF!" ${LOST}; row 2, column place: "#N/A" ${LOST}; ` +
      `row 3, column date: "#VALUE!" ${LOST}; row 3, column people: "#DIV/0!" ${LOST}`);
    expect(r.stderr.match(/row \d, column/g)).toHaveLength(4);
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('is refused as one item of a list cell, other names or risks, not kept as a name', async () => {
    const sheet = 'name,other_names,risks\nAziz Karimov,Azizbek Karimov; #REF!,torture; #N/A\n';
    const r = await c(['import', fileOf('people.csv', sheet)]);
    expect(r.code).toBe(1);
    const inList = LOST.replace('empty the cell', 'take it out of the list');
    expect(r.stderr).toContain(`row 2, column other_names: "#REF!" ${inList}`);
    expect(r.stderr).toContain(`row 2, column risks: "#N/A" ${inList}`);
    expect(r.stderr).not.toContain('is not one of');
    expect((await c(['search', 'Aziz'])).stdout).toBe('Nothing matches "Aziz".\n');
  });

  it('is told apart from text that only begins like one', async () => {
    const r = await c(['import', fileOf('events.csv', 'date,type,summary,people\n2019-01-01,arrest,#REF! shown in the court file,Ali Nur\n')]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('1 added') });
  });
});
