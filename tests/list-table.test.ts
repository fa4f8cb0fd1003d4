// The table under list: as wide as it is told, never wider, with references, ids, dates and status whole;
// one block a record when that cannot be.
import { describe, expect, it } from 'vitest';
import { columnWidths, renderTable, type Column } from '../src/render/list-table';
import { style } from '../src/render/style';

const plain = style(false);
/** Columns a terminal gives the text, counted here apart from the code under test: CJK characters take two. */
const columnsTaken = (line: string) => [...line].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
const columns: Column[] = [{ header: 'NAME', min: 16, kind: 'name' }, { header: 'STATUS' }, { header: 'CASES' },
  { header: 'RISKS (gravest first)', min: 13, kind: 'free-text' }, { header: 'LATEST NEWS' }];
const rows = [
  ['Kaster Musakhanuly', 'imprisoned', 'KZ 2019/12', 'torture, refoulement, arbitrary-detention, unfair-trial', '21 Jan 2020'],
  ['Ilham Tohti 伊力哈木·土赫提', 'imprisoned', 'ASA 17/0001/2014, UA 12/14', 'torture, unfair-trial', '2014'],
];

describe('columnWidths', () => {
  it('at any width from 20 columns to 200, is a table that fits with every reference, status and date whole, or one block a record', () => {
    const problems: string[] = [];
    for (let width = 20; width <= 200; width++) {
      const text = renderTable(columns, rows, width, plain);
      const lines = text.split('\n');
      if (lines[0]!.startsWith('NAME')) {
        for (const line of lines) if (columnsTaken(line) > width) problems.push(`${width}: too wide: ${line}`);
      } else if (lines[0] !== 'Kaster Musakhanuly') problems.push(`${width}: neither a table nor blocks: ${lines[0]}`);
      for (const row of rows) {
        for (const key of row.slice(1, 3)) if (!text.includes(key)) problems.push(`${width}: ${key} cut`);
        if (!text.includes(row[4]!)) problems.push(`${width}: ${row[4]} cut`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('below the columns\' own minimums, cuts the longest list first and leaves a short one whole', () => {
    const widths = columnWidths(columns, rows.slice(0, 1), 60);
    expect(widths).toEqual([16, 10, 10, 5, 11]);
  });

  it('where the minimums fit, free text and names give way to them, and a list of references leaves some out rather than cut one', () => {
    const listed = rows.map((r) => [r[0]!, r[1]!, r[2]!.split(', '), r[3]!, r[4]!]);
    // The list takes 19 columns for 22 given (whole references only): the name has the three back.
    expect(columnWidths(columns, listed, 80)).toEqual([19, 10, 19, 13, 11]);
    expect(renderTable(columns, listed, 80, plain).split('\n').slice(1)).toEqual([
      'Kaster Musakhanuly   imprisoned  KZ 2019/12           torture, ref…  21 Jan 2020',
      'Ilham Tohti 伊力哈…  imprisoned  ASA 17/0001/2014 +1  torture, unf…  2014',
    ]);
  });
});

describe('a narrow table never cuts references, dates and status', () => {
  // The demo's cases and people, as list draws them.
  const caseColumns: Column[] = [{ header: 'REF' }, { header: 'TITLE', min: 12, kind: 'free-text' }, { header: 'PEOPLE' },
    { header: 'EVENTS' }, { header: 'OPENED' }, { header: 'STATE' }];
  const cases = [
    ['KZ 2019/12', 'Asylum-seekers prosecuted, at risk of return to China', '2', '7', '12 Dec 2019', 'open'],
    ['UA 77/98', 'Fear of torture / fear of execution', '3', '6', '15 Oct 1998', 'closed 10 Jan 2000'],
  ];
  const people = [
    ['Hemit Memet', 'returned', ['UA 77/98'], 'death-penalty, torture, arbitrary-detention, unfair-trial', '11 Feb 1999'],
    ['Kaster Musakhanuly', 'imprisoned', ['KZ 2019/12'], 'torture, refoulement, arbitrary-detention, unfair-trial', '21 Jan 2020'],
    ['Sayragul Sauytbai', 'protected', [], 'refoulement', '2018'],
  ];
  const draw = (cols: Column[], cells: Array<Array<string | string[]>>, width: number) => renderTable(cols, cells, width, plain).split('\n');

  it('at 70 columns cuts the title; at 50 leaves it out rather than cut a reference, a date or a state', () => {
    expect(draw(caseColumns, cases, 70)).toEqual([
      'REF         TITLE      PEOPLE  EVENTS  OPENED       STATE',
      'KZ 2019/12  Asylum-s\u2026  2       7       12 Dec 2019  open',
      'UA 77/98    Fear of \u2026  3       6       15 Oct 1998  closed 10 Jan 2000',
    ]);
    const open = cases.map((r) => [...r.slice(0, 5), 'open']);
    expect(draw(caseColumns, open, 50)).toEqual([
      'REF         PEOPLE  EVENTS  OPENED       STATE',
      'KZ 2019/12  2       7       12 Dec 2019  open',
      'UA 77/98    3       6       15 Oct 1998  open',
    ]);
  });

  it('at 50 columns, leaves out risks and cuts names after their start, not a reference, a status or a date', () => {
    expect(draw(columns, people, 50)).toEqual([
      'NAME           STATUS      CASES       LATEST NEWS',
      'Hemit Memet    returned    UA 77/98    11 Feb 1999',
      'Kaster Musak\u2026  imprisoned  KZ 2019/12  21 Jan 2020',
      'Sayragul Sau\u2026  protected               2018',
    ]);
  });

  it('too narrow for that, writes one block a record with every cell whole, as at-risk does', () => {
    expect(draw(columns, people, 40)).toEqual([
      'Hemit Memet', '  status: returned', '  cases: UA 77/98', '  risks (gravest first): death-penalty, torture, arbitrary-detention, unfair-trial',
      '  latest news: 11 Feb 1999', '',
      'Kaster Musakhanuly', '  status: imprisoned', '  cases: KZ 2019/12', '  risks (gravest first): torture, refoulement, arbitrary-detention, unfair-trial',
      '  latest news: 21 Jan 2020', '',
      'Sayragul Sauytbai', '  status: protected', '  risks (gravest first): refoulement', '  latest news: 2018',
    ]);
  });

  it('leaves out references rather than cut one: "AB 1/20 +4"', () => {
    const many = [['Kaster Musakhanuly', 'imprisoned', ['AB 1/20', 'CD 2/20', 'KZ 2019/12', 'MN 3/20', 'ZA 4/20'], 'torture, refoulement', '21 Jan 2020']];
    expect(draw(columns, many, 80)[1]).toBe('Kaster Musakhanuly  imprisoned  AB 1/20, CD 2/20 +3  torture, refo\u2026  21 Jan 2020');
    expect(draw(columns, many, 60)[1]).toBe('Kaster Musakhan\u2026  imprisoned  AB 1/20 +4  tort\u2026  21 Jan 2020');
    expect(draw(columns, many, 50)[1]).toBe('Kaster Musak\u2026  imprisoned  AB 1/20 +4  21 Jan 2020');
    // Too narrow for one reference and the count: a block, with all of them.
    expect(draw(columns, many, 40)[2]).toBe('  cases: AB 1/20, CD 2/20, KZ 2019/12, MN 3/20, ZA 4/20');
  });

  it('lays out a list longer than a function call takes arguments: 200,000 people, into a file or on a terminal', () => {
    // The widest cell of a column was Math.max(...cells): past ~120,000 rows, a stack overflow.
    const many = Array.from({ length: 200_000 }, (_, i) => [`Person ${i}`, 'detained', ['UA 1/20', 'UA 2/20'], 'torture', '2020']);
    for (const width of [Number.POSITIVE_INFINITY, 60]) {
      const lines = draw(columns, many, width);
      expect(lines[0]).toMatch(/^NAME/);
      expect(lines).toHaveLength(200_001);
      expect(lines[200_000]).toMatch(/^Person 199999 +detained +UA 1\/20/);
    }
  });
});
