// Import of a file with terminal escape codes in a date as given: refused, as in any other text.
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

const ESCAPES = '\u001b[2J\u001b[H\u001b]0;hacked\u0007';
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
  ])('is refused in a CSV sheet of %s, naming the column and the line', async (_what, sheet, column) => {
    const file = saved('dated.csv', sheet);
    await refused(file, `${file}: 1 row cannot be imported, so nothing was imported:\n  line 2, column ${column}: holds a control character (U+${column === 'born_text' ? '009B' : '001B'}), which caselog never writes`);
  });
});

