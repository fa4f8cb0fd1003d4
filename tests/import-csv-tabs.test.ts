// A sheet saved by Excel as "Text (Tab delimited)" or "Unicode Text": its cells are parted by tabs,
// and "Unicode Text" is UTF-16 after a byte-order mark. Read as it is, as a sheet with semicolons is.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, newDatabase, tempDb } from './helpers/cli';

const ROWS = 'name\tother_names\tcitizenship\tage\tage_on\r\nK\u00e4sim Mahpir\tQasim Mahpir; Kasim M.\tChinese, Kazakh\t28\t2026-10-01\r\n';

describe('a tab-separated sheet', () => {
  it('is read as a people sheet, a comma in a cell being part of the cell', async () => {
    const db = tempDb();
    const file = fileOf('people.txt', ROWS);
    const r = await caselog(['import', file], { db, today: '2026-11-24' });
    expect(r).toMatchObject({ code: 0, stderr: `Imported people from ${file}: 1 added, 0 updated, 0 unchanged\n${newDatabase(db)}` });
    const show = (await caselog(['show', 'K\u00e4sim Mahpir'], { db })).stdout;
    expect(show).toContain('also known as: Qasim Mahpir, Kasim M.');
    expect(show).toContain('Chinese, Kazakh');
    expect(show).toContain('aged 28 on 1 October 2026');
  });

  it('is read from Excel\'s "Unicode Text" (UTF-16 with its byte-order mark), and a cell too many is said to be a tab', async () => {
    const db = tempDb();
    const file = fileOf('people.txt', '');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROWS, 'utf16le')]));
    expect(await caselog(['import', file], { db, today: '2026-11-24' })).toMatchObject({ code: 0, stderr: expect.stringContaining('1 added') });
    expect((await caselog(['show', 'K\u00e4sim Mahpir'], { db })).stdout).toContain('also known as: Qasim Mahpir, Kasim M.');

    const long = await caselog(['import', fileOf('long.txt', 'name\tage\nAmal Kamal\t3\tx\n')], { db, today: '2026-11-24' });
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('row 2 has 3 cells, the header 2: a tab inside a cell moves every cell after it one column on');
  });

  it('refuses UTF-16 that is not, naming how to save the sheet', async () => {
    const file = fileOf('broken.txt', '');
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8]));
    const r = await caselog(['import', file], { db: tempDb() });
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: ' + file + ' begins as UTF-16 text ("Unicode Text") but is not: save the sheet as CSV UTF-8; nothing was imported\n' });
  });
});
