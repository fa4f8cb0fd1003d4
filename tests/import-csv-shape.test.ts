// A sheet as a spreadsheet saves it, with the shapes a hand or a spreadsheet program gives it:
// cells of several lines, rows short of cells, empty columns at the end of the header. Its problems
// are named by the row the spreadsheet shows.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'person', 'Aibek Omarov']);
});

const imported = async (sheet: string) => {
  const before = (await c(['export'])).stdout;
  const r = await c(['import', sheet]);
  return { ...r, unchanged: (await c(['export'])).stdout === before };
};

describe('a refused row below cells of several lines', () => {
  const crlf = (rows: string[]) => `${rows.join('\r\n')}\r\n`;

  it('is named by its row as a spreadsheet numbers it, and by the line of the file where the two differ', async () => {
    const sheet = fileOf('f3.csv', crlf([
      'date,type,summary,people',
      '2019-02-01,arrest,"Taken at night.\r\nFamily told nothing.\r\nLawyer denied access.",Aibek Omarov',
      '2019-02-02,hearing,"Hearing:\r\njudge absent",Aibek Omarov',
      '2019-02-03,,Missing type row,Aibek Omarov',
      '2019-02-04,charge,Fine row,Aibek Omarov',
    ]));
    const r = await imported(sheet);
    expect(r).toMatchObject({ code: 1, unchanged: true });
    expect(r.stderr).toContain(': 1 row cannot be imported, so nothing was imported: row 4 (line 7), column type: is required');
  });

  it('names an earlier row it refers to the same way, and a row above them as its row alone', async () => {
    const sheet = fileOf('twice.csv', crlf([
      'date,type,summary,people',
      '2019-02-01,arrest,,Aibek Omarov',
      '2019-02-02,hearing,"Hearing:\r\njudge absent",Aibek Omarov',
      '2019-02-02,hearing,"Hearing:\r\njudge absent",Aibek Omarov',
    ]));
    const r = await imported(sheet);
    expect(r).toMatchObject({ code: 1, unchanged: true });
    expect(r.stderr).toContain('2 rows cannot be imported, so nothing was imported: row 2, column summary: is required; row 4 (line 5): the same event as row 3: give it once');
  });

  it('takes an empty line for the empty row a spreadsheet shows for it', async () => {
    const r = await imported(fileOf('gap.csv', 'date,type,summary,people\n\n2019-02-03,,No type,Aibek Omarov\n'));
    expect(r.stderr).toContain('row 3, column type: is required');
  });

  it('puts the id of a refused record into the same parenthesis', async () => {
    const sheet = fileOf('ids.csv', [
      'id,date,type,summary,people',
      ',2019-02-01,arrest,"Taken at night.\nFamily told nothing.",Aibek Omarov',
      'e-abcd1234,2019-02-02,hearing,"Judge\u001b absent",Aibek Omarov',
    ].join('\n'));
    const r = await imported(sheet);
    expect(r).toMatchObject({ code: 1, unchanged: true });
    expect(r.stderr).toBe(`caselog: ${sheet}, row 3 (line 4, e-abcd1234): "summary" holds a control character (U+001B), which caselog never writes; nothing was imported\n`);
  });
});
