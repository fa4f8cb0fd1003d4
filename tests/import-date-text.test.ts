// A date's text (date_text in a sheet, dateText in an export) that reads as another date than the
// date beside it is refused: the dossier said '22 July 2020 (given as "25 July 2020")'.
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-11-23' });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 1/20', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Ilyas Zordun', '--case', 'UA 1/20']);
});

const HEADER = 'date,date_text,type,summary,people';
const row = (date: string, text: string) => `${date},"${text}",arrest,Held at a checkpoint,Ilyas Zordun`;

describe('a sheet whose date_text reads as another date than its date', () => {
  it('is refused, naming the row and the column, and nothing is imported', async () => {
    const before = (await c(['export'])).stdout;
    const r = await c(['import', fileOf('events.csv', [HEADER, row('2020-07-20', '20 July 2020'), row('2020-07-22', '25 July 2020')].join('\n'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 3, column date_text: "25 July 2020" is not 22 July 2020, the date in the date column: correct both, or empty one of them');
    expect(r.stderr).not.toContain('row 2');
    expect((await c(['export'])).stdout).toBe(before);
  });

  it.each([
    ['14.10.2019', '"14.10.2019" (read as 14 October 2019)'],
    ['10/14/2019', '"10/14/2019" (read as 14 October 2019)'],
    ['14/10/2019', '"14/10/2019" (read as 14 October 2019)'],
    ['2019/10/14', '"2019/10/14" (read as 14 October 2019)'],
    ['20191014', '"20191014" (read as 14 October 2019)'],
    ['03/10/2019', '"03/10/2019" (read as 3 October 2019 or 10 March 2019)'],
    ['14.10.19', '"14.10.19" (read as 14 October 1919 or 14 October 2019)'],
    ['14 10 2019', '"14 10 2019" (read as 14 October 2019)'],
  ])('is refused when the text in figures, %s, names another day', async (text, said) => {
    const before = (await c(['export'])).stdout;
    const r = await c(['import', fileOf('events.csv', [HEADER, row('2019-10-04', text)].join('\n'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`row 2, column date_text: ${said} is not 4 October 2019, the date in the date column: correct both, or empty one of them`);
    expect((await c(['export'])).stdout).toBe(before);
  });

  it.each([
    ['the same day in other words', '2020-07-22', 'July 22, 2020'],
    ['the same day in figures, day first', '2019-10-04', '04.10.2019'],
    ['the same day in figures, month first', '2019-10-04', '10/04/2019'],
    ['the same day in figures, year first', '2019-10-04', '20191004'],
    ['the same day in figures, a two-digit year', '2019-10-04', '04.10.19'],
    ['the same day with its weekday', '2020-07-22', 'Wednesday 22 July 2020'],
    ['the month around the day', '2020-07-22', 'July 2020'],
    ['a part of the month', '2020-07-22', 'late July 2020'],
    ['words that read as no date', '2020-07-22', 'the day after the hearing'],
    ['a day without its year', '2020-07-22', '25 July'],
  ])('is taken when the text is %s', async (_what, date, text) => {
    const r = await c(['import', fileOf('events.csv', [HEADER, row(date, text)].join('\n'))]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('1 added') });
    expect(JSON.parse((await c(['--json', 'timeline', 'Ilyas Zordun'])).stdout).events[0]).toMatchObject({ date, dateText: text });
  });
});

describe('an export whose dateText reads as another date than its date', () => {
  async function exportWith(edit: (line: string) => string): Promise<string> {
    await c(['add', 'event', 'Ilyas Zordun', '--date', '22 July 2020', '--type', 'arrest', '--summary', 'Held at a checkpoint']);
    await c(['add', 'deadline', 'UA 1/20', '--date', 'in 2 weeks', '--note', 'Check on him']);
    const text = (await c(['export'])).stdout.split('\n').map(edit).join('\n');
    db = tempDb();
    return fileOf('export.json', text);
  }

  it('is refused, naming the line, the record and the field, and nothing is imported', async () => {
    const path = await exportWith((line) => line.replace('"dateText":"22 July 2020"', '"dateText":"25 July 2020"'));
    const r = await c(['import', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/export\.json, line \d+ \(e-\w+\): "date\.dateText" "25 July 2020" is not 22 July 2020, the date in "date\.date": correct both, or leave dateText out; nothing was imported/);
    // Refused into a new database: none is left behind.
    expect(existsSync(db)).toBe(false);
  });

  it.each([
    ['a deadline counted from the day it was typed', '"dateText":"in 2 weeks"', '"dateText":"+14d"'],
    ['a deadline of today', '"dateText":"in 2 weeks"', '"dateText":"today"'],
    ['the same day in other words', '"dateText":"22 July 2020"', '"dateText":"Wed 22 July 2020"'],
    ['words that read as no date', '"dateText":"22 July 2020"', '"dateText":"a few days before the hearing"'],
    ['the same day in figures that read two ways', '"dateText":"22 July 2020"', '"dateText":"07/22/2020"'],
  ])('is taken when the text is %s', async (_what, from, to) => {
    const r = await c(['import', await exportWith((line) => line.replace(from, to))]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('4 added') });
  });

  it('is refused when the text is in figures that name another day, saying what they read as', async () => {
    const r = await c(['import', await exportWith((line) => line.replace('"dateText":"22 July 2020"', '"dateText":"25.07.2020"'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line \d+ \(e-\w+\): "date\.dateText" "25\.07\.2020" \(read as 25 July 2020\) is not 22 July 2020, the date in "date\.date": correct both, or leave dateText out; nothing was imported/);
  });

  it('is taken again unchanged when the database already holds it so (an earlier caselog let it in)', async () => {
    await c(['add', 'event', 'Ilyas Zordun', '--date', '22 July 2020', '--type', 'arrest', '--summary', 'Held at a checkpoint']);
    const sqlite = new Database(db);
    sqlite.prepare("UPDATE events SET date_text = '25 July 2020'").run();
    sqlite.close();
    const exported = fileOf('held.json', (await c(['export'])).stdout);
    expect((await c(['import', exported])).stderr).toContain(': 0 added, 0 updated, 3 unchanged');
    // And undo puts such an event back as it was.
    const [event] = JSON.parse((await c(['--json', 'timeline', 'Ilyas Zordun'])).stdout).events as Array<{ id: string }>;
    await c(['delete', event!.id, '--force']);
    expect((await c(['undo'])).code).toBe(0);
    expect((await c(['export'])).stdout).toBe(readFileSync(exported, 'utf8'));
  });
});
