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
    expect(r.stderr).toBe(`caselog: ${sheet}: 1 row cannot be imported, so nothing was imported: row 3 (line 4), column summary: holds a control character (U+001B), which caselog never writes\n`);
  });
});

describe('a row with fewer or more cells than the header', () => {
  it('reads the cells a row leaves off at its end as empty, as a spreadsheet shows them', async () => {
    const sheet = fileOf('short.csv', 'name,citizenship,gender,ethnicity\r\nDana Seitova,Kazakhstan\r\nErlan Abenov,Kazakhstan,male,Kazakh\r\n');
    const r = await imported(sheet);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('2 added, 0 updated, 0 unchanged') });
    expect(JSON.parse((await c(['--json', 'show', 'Dana Seitova'])).stdout)).toMatchObject({ citizenship: 'Kazakhstan', gender: null, ethnicity: null });
  });

  it('refuses a row with more, in plain words, naming the first and counting the others', async () => {
    const rows = ['name,citizenship', '"Dana\nSeitova",Kazakhstan', 'Erlan Abenov,Astana, Kazakhstan', 'Nurlan Abenov,Kazakhstan', 'Ali, Veli,Turkey,x'];
    const sheet = fileOf('long.csv', `${rows.join('\n')}\n`);
    const r = await imported(sheet);
    expect(r).toMatchObject({ code: 1, unchanged: true });
    expect(r.stderr).toBe(`caselog: ${sheet}: row 3 (line 4) has 3 cells, the header 2 (and 1 more row has more cells than the header): ` +
      'a comma inside a cell moves every cell after it one column on: put such a cell in double quotes, or remove the comma too many; nothing was imported\n');
    const semicolons = fileOf('long-semicolons.csv', 'name;citizenship\nErlan Abenov;Astana; Kazakhstan\n');
    expect((await imported(semicolons)).stderr).toContain(`${semicolons}: row 2 has 3 cells, the header 2: a semicolon inside a cell moves`);
  });
});

describe('a sheet whose quotes the parser cannot read', () => {
  it.each([
    ['a quote never closed', 'name,citizenship\nDana Seitova,Kazakhstan\n"Erlan Abenov,Kazakhstan\nAli Veli,Turkey\n',
      'row 3, column name: a cell opens with a double quote that is never closed, so the rest of the file would be read into it: add the closing quote, or remove the opening one'],
    ['a quote inside a cell', 'name,citizenship\n"Dana\nSeitova",Kazakhstan\nErlan "the lawyer" Abenov,Kazakhstan\n',
      'row 3 (line 4), column name: a double quote in the middle of a cell (after "Erlan "): put the whole cell in double quotes and write each quote inside it twice, as a spreadsheet saves it'],
    ['text after a closing quote', 'name,citizenship\nDana Seitova,"Kazakhstan" (dual)\n',
      'row 2, column citizenship: a cell in double quotes goes on after its closing quote: put the whole cell in double quotes and write each quote inside it twice, as a spreadsheet saves it'],
    ['a quote inside a header cell', 'name,citizen"ship\nDana Seitova,Kazakhstan\n',
      'row 1, column 2: a double quote in the middle of a cell (after "citizen"): put the whole cell in double quotes and write each quote inside it twice, as a spreadsheet saves it'],
  ])('is refused for %s, naming the row and column', async (_what, text, message) => {
    const sheet = fileOf('quotes.csv', text);
    const r = await imported(sheet);
    expect(r).toMatchObject({ code: 1, unchanged: true });
    expect(r.stderr).toBe(`caselog: ${sheet}, ${message}; nothing was imported\n`);
  });
});

describe('a header with columns of no name', () => {
  it('leaves them out when their cells are empty, as Excel writes them after formatted cells', async () => {
    const sheet = fileOf('trailing.csv', 'name,citizenship,,\r\nDana Seitova,Kazakhstan,,\r\nErlan Abenov,Kazakhstan\r\n');
    expect(await imported(sheet)).toMatchObject({ code: 0, stderr: expect.stringContaining('2 added, 0 updated, 0 unchanged') });
    expect(JSON.parse((await c(['--json', 'show', 'Dana Seitova'])).stdout)).toMatchObject({ citizenship: 'Kazakhstan' });
    const between = fileOf('between.csv', 'name;;citizenship\nAli Veli;;Turkey\n');
    expect(await imported(between)).toMatchObject({ code: 0, stderr: expect.stringContaining('1 added') });
    expect(JSON.parse((await c(['--json', 'show', 'Ali Veli'])).stdout)).toMatchObject({ citizenship: 'Turkey' });
  });

  it('refuses one that holds something, naming the column and the first row that fills it', async () => {
    const sheet = fileOf('filled.csv', 'name,citizenship,,\nDana Seitova,Kazakhstan,,\n"Erlan\nAbenov",Kazakhstan,,see notes\n');
    const r = await imported(sheet);
    expect(r).toMatchObject({ code: 1, unchanged: true });
    expect(r.stderr).toBe(`caselog: ${sheet}: column 4 (D) has no header but holds data (row 3): name it or delete it; nothing was imported\n`);
  });
});
