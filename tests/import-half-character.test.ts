// Import of a JSON export holding half a character alone (a lone surrogate, written "\ud800"): no
// text. It was stored as U+FFFD without a word, and the same file imported again was refused as
// "1 record here differs". Refused as a control character is, naming the line, the record and the
// field; a pair that makes one character (an emoji) is text, and imports back unchanged.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

/** The demo export with the first record whose line starts so changed (as JSON text, escapes and all): the file, that line's number and the record's id. */
function demoWith(start: string, change: (line: string) => string): { file: string; line: number; id: string } {
  const lines = readFileSync(DEMO, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(start));
  lines[at] = change(lines[at]!);
  const file = tempDb().replace(/test\.db$/, 'export.json');
  writeFileSync(file, lines.join('\n'));
  return { file, line: at + 1, id: /"id":"([^"]+)"/.exec(lines[at]!)![1]! };
}

describe('half a character alone in an export', () => {
  it.each([
    ['an event\'s summary', '{"id":"e-', /"summary":"/, '"summary":"Held in \\ud800 cell ', 'summary', 'U+D800'],
    ['a date as given', '{"id":"e-', /"dateText":"/, '"dateText":"\\udfff', 'date.dateText', 'U+DFFF'],
    ['a case\'s list of countries', '{"id":"c-', /"countries":\["/, '"countries":["\\udc00', 'countries', 'U+DC00'],
    ['a person\'s name', '{"id":"p-', /"name":"/, '"name":"\\ud83d', 'name', 'U+D83D'],
  ])('is refused in %s, naming the line, record and field; nothing is written', async (_what, start, at, written, field, code) => {
    const { file, line, id } = demoWith(start, (l) => l.replace(at, written));
    const db = tempDb();
    const r = await caselog(['import', file], { db });
    expect(r).toMatchObject({
      code: 1,
      stderr: `caselog: ${file}, line ${line} (${id}): "${field}" holds half a character (${code}, a lone surrogate), which caselog never writes; nothing was imported\n`,
    });
    expect(existsSync(db)).toBe(false);

    // Into a database that has records: none changes.
    const kept = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 5/26', '--title', 'Fear of torture'], { db: kept })).code).toBe(0);
    const before = (await caselog(['export'], { db: kept })).stdout;
    expect((await caselog(['import', file], { db: kept })).code).toBe(1);
    expect((await caselog(['export'], { db: kept })).stdout).toBe(before);
  });

  it('is not a pair that makes one character: written as escapes, it imports, and imports again unchanged', async () => {
    const { file } = demoWith('{"id":"e-', (l) => l.replace(/"summary":"/, '"summary":"Held in \\ud83d\\ude00 cell '));
    const db = tempDb();
    expect((await caselog(['import', file], { db })).code).toBe(0);
    expect((await caselog(['export'], { db })).stdout).toContain('Held in \u{1F600} cell');
    expect(await caselog(['import', file], { db })).toMatchObject({ code: 0, stderr: expect.stringMatching(/: 0 added, 0 updated, 36 unchanged\n$/) });
  });
});
