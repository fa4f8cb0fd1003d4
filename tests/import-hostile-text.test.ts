// Import of a file with terminal escape codes: in a date as given, refused as in any other text; in
// a value an error quotes, shown as an escape (\u001b), so that the file cannot clear the screen or
// print a line of its own ("Imported ... 12 added") while the import fails.
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

const ESCAPES = '\u001b[2J\u001b[H\u001b]0;hacked\u0007';
const FAKE = 'Imported events from sheet.csv: 12 added';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let db: string;
const c = (args: string[]) => caselog(args, { db });
const exported = async () => (await c(['export', '--format', 'json'])).stdout;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'Fear of torture'])).code).toBe(0);
});

const saved = (name: string, text: string): string => {
  const file = db.replace(/test\.db$/, name);
  writeFileSync(file, text);
  return file;
};

/** The demo export with the first record whose line starts so changed, and that record's line number. */
function demoWith(start: string, change: (record: Record<string, unknown>) => void): { text: string; line: number; id: string } {
  const lines = readFileSync(DEMO, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(start));
  const record = JSON.parse(lines[at]!.replace(/,$/, '')) as Record<string, unknown>;
  change(record);
  lines[at] = `${JSON.stringify(record)}${lines[at]!.endsWith(',') ? ',' : ''}`;
  return { text: lines.join('\n'), line: at + 1, id: record.id as string };
}

/** Refused with this one message, nothing changed, and no control character reaching the terminal. */
async function refused(file: string, message: string | RegExp): Promise<void> {
  const before = await exported();
  const r = await c(['import', file]);
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(CONTROL);
  if (typeof message === 'string') expect(r.stderr).toBe(`caselog: ${message}\n`);
  else expect(r.stderr).toMatch(message);
  expect(await exported()).toBe(before);
}

describe('a date as given with a control character', () => {
  it.each([
    ['an event', '{"id":"e-', 'date'],
    ['a case', '{"id":"c-', 'opened'],
  ])('is refused in the JSON export of %s, naming the field and the line', async (_what, start, field) => {
    const { text, line, id } = demoWith(start, (r) => { (r[field] as Record<string, unknown>).dateText = `1 Nov${ESCAPES}`; });
    const file = saved('dated.json', text);
    await refused(file, `${file}, line ${line} (${id}): "${field}.dateText" holds a control character (U+001B), which caselog never writes; nothing was imported`);
  });

  it.each([
    ['events', 'date,date_text,type,summary,case\n2020-11-01,"1 Nov\u001b[2J",arrest,Arrested,UA 5/26\n', 'date_text'],
    ['events, given by its text alone', 'date_text,type,summary,case\n"1 Nov 2020\u001b[2J",arrest,Arrested,UA 5/26\n', 'date_text'],
    ['people', 'name,born,born_text\nAli Karimov,1990,"1990\u009b2J"\n', 'born_text'],
  ])('is refused in a CSV sheet of %s, naming the column and the row', async (_what, sheet, column) => {
    const file = saved('dated.csv', sheet);
    await refused(file, `${file}: 1 row cannot be imported, so nothing was imported: row 2, column ${column}: holds a control character (U+${column === 'born_text' ? '009B' : '001B'}), which caselog never writes`);
  });
});

describe('a value with escape codes, quoted in an error', () => {
  it('is shown with its escapes, never printed raw (the clear screen and fake success of a CSV date)', async () => {
    const file = saved('sheet.csv', `date,type,summary,case\n"\u001b[2J\u001b[H${FAKE}\u001b[8m",arrest,x,UA 5/26\n`);
    await refused(file, `${file}: 1 row cannot be imported, so nothing was imported: row 2, column date: "\\u001b[2J\\u001b[H${FAKE}\\u001b[8m" is not a date caselog can read: write it like 1999-02-11, 1999-02, 1999, 11 February 1999, Feb 1999, ~1998`);
  });

  it.each([
    ['type', `date,type,summary,case\n2020-11-01,"arrest\u001b[2J\n${FAKE}",x,UA 5/26\n`, `"arrest\\u001b[2j\\n${FAKE.toLowerCase()}" is not one of arrest,`],
    ['people', `date,type,summary,case,people\n2020-11-01,arrest,x,UA 5/26,"Ali\u001b[2J\n${FAKE}"\n`, `no person with the stored name "Ali\\u001b[2J\\n${FAKE}"`],
    ['born_precision', `name,born,born_precision\nAli Karimov,1990,"day\r${FAKE}"\n`, `says "day\\r${FAKE.toLowerCase()}", but "1990" is known to the year`],
  ])('in a CSV cell of %s, on one line', async (column, sheet, message) => {
    const file = saved('cell.csv', sheet);
    await refused(file, new RegExp(`^caselog: [^\\n]+: 1 row cannot be imported, so nothing was imported: row 2, column ${column}: ${escaped(message)}[^\\n]*\\n$`));
  });

  it.each([
    ['an ISO date', demoWith('{"id":"e-', (r) => { (r.date as Record<string, unknown>).date = `1999${ESCAPES}`; }).text, `"date": "1999\\u001b[2J\\u001b[H\\u001b]0;hacked\\u0007" is not an ISO date`],
    ['an id', demoWith('{"id":"e-', (r) => { r.id = `e-${ESCAPES}\n${FAKE}`; }).text, `("e-\\u001b[2J\\u001b[H\\u001b]0;hacked\\u0007\\n${FAKE}"): "id" is missing`],
    ['a case id', demoWith('{"id":"e-', (r) => { r.case = `c-0\n${FAKE}`; }).text, `refers to an unknown case "c-0\\n${FAKE}"`],
    ['the format', JSON.stringify({ format: `caselog${ESCAPES}`, version: 1 }), `is not a caselog export (format "caselog\\u001b[2J\\u001b[H\\u001b]0;hacked\\u0007")`],
    ['a section name', JSON.stringify({ format: 'caselog-export', version: 1, [`people${ESCAPES}\n${FAKE}`]: [] }), `unknown section "people\\u001b[2J\\u001b[H\\u001b]0;hacked\\u0007\\n${FAKE}"`],
    ['the text around a JSON mistake', `{"format": "caselog-export",\n"version": 1,\n"people":\n${ESCAPES}\n${FAKE}\n}`, 'is not valid JSON: Unexpected token \'\\u001b\', ...""people":\\n\\u001b[2J\\u001b[H\\u001b]0"... is not valid JSON'],
  ])('in a JSON file: %s, on one line', async (_what, text, message) => {
    const file = saved('odd.json', text);
    await refused(file, new RegExp(`^caselog: [^\\n]*${escaped(message)}[^\\n]*\\n$`));
  });
});

describe('a message that quotes a record', () => {
  it('shows its escape codes as escapes, for a database an older caselog let them into', async () => {
    expect((await c(['add', 'deadline', 'UA 5/26', '--date', '2026-12-01', '--note', 'send appeals'])).code).toBe(0);
    const handle = new Database(db);
    const id = handle.prepare('SELECT id FROM deadlines').pluck().get() as string;
    handle.prepare('UPDATE deadlines SET note = ?').run('send appeals\u001b[2J');
    handle.close();
    expect((await c(['done', id])).stderr).toBe(`Done: send appeals\\u001b[2J (1 December 2026, UA 5/26) [${id.slice(0, 10)}]\n`);
  });
});

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
