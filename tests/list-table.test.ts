// The table under list: as wide as it is told, never wider while each column keeps a few characters.
import { describe, expect, it } from 'vitest';
import { columnWidths, renderTable, type Column } from '../src/render/list-table';
import { style } from '../src/render/style';

const plain = style(false);
/** Columns a terminal gives the text, counted here apart from the code under test: CJK characters take two. */
const columnsTaken = (line: string) => [...line].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
const columns: Column[] = [{ header: 'NAME', min: 16 }, { header: 'STATUS', min: 11 }, { header: 'CASES', min: 10, flex: true },
  { header: 'RISKS (gravest first)', min: 13, flex: true }, { header: 'LATEST NEWS', min: 11 }];
const rows = [
  ['Kaster Musakhanuly', 'imprisoned', 'KZ 2019/12', 'torture, refoulement, arbitrary-detention, unfair-trial', '21 Jan 2020'],
  ['Ilham Tohti 伊力哈木·土赫提', 'imprisoned', 'ASA 17/0001/2014, UA 12/14', 'torture, unfair-trial', '2014'],
];

describe('columnWidths', () => {
  it('fits any width from 33 columns (five columns of five and their gaps) to 200', () => {
    const tooWide: string[] = [];
    for (let width = 33; width <= 200; width++) {
      for (const line of renderTable(columns, rows, width, plain).split('\n')) {
        if (columnsTaken(line) > width) tooWide.push(`${width}: ${line}`);
      }
    }
    expect(tooWide).toEqual([]);
  });

  it('below the columns\' own minimums, cuts the longest list first and leaves a short one whole', () => {
    const widths = columnWidths(columns, rows.slice(0, 1), 60);
    expect(widths).toEqual([16, 10, 10, 5, 11]);
  });

  it('where the minimums fit, only the flexible columns give way, down to their own minimums', () => {
    expect(columnWidths(columns, rows, 80)).toEqual([27, 10, 11, 13, 11]);
  });
});
