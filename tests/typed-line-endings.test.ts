// A Windows line ending (CR LF), or a lone CR, typed or pasted into a free-text argument
// (--summary "$(cat note.txt)" of a file saved on Windows) is a line break, as in documents and
// sheets; it was refused as a terminal code. A name, an alias and a reference still refuse it.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

interface Exported {
  cases: Array<{ title: string; summary: string }>; events: Array<{ summary: string; place: string }>; deadlines: Array<{ note: string }>;
}

describe('a Windows line ending in free text', () => {
  it('is a line break in a summary, a title, a place and a note, as --flag X or --flag=X', async () => {
    const db = tempDb();
    const c = (args: string[]) => caselog(args, { db, today: '2026-03-01' });
    expect(await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'Fear of torture\r\nand ill-treatment', '--summary', 'Line one\r\nLine two\rLine three']))
      .toMatchObject({ code: 0, stderr: expect.stringMatching(/^Opened case UA 5\/26 — Fear of torture and ill-treatment \[c-/) });
    expect((await c(['add', 'person', 'Ali Karimov', '--case', 'UA 5/26'])).code).toBe(0);
    expect((await c(['add', 'event', 'Ali Karimov', '--date', '2026-02-11', '--type', 'arrest', '--summary=Arrested\r\nat home', '--place', 'Tashkent\r\n'])).code).toBe(0);
    expect((await c(['add', 'deadline', 'UA 5/26', '--date', '2026-04-01', '--note', 'Check with\r\nthe lawyer'])).code).toBe(0);
    const { cases, events, deadlines } = JSON.parse((await c(['--json', 'export'])).stdout) as Exported;
    expect(cases.map((k) => [k.title, k.summary])).toEqual([['Fear of torture\nand ill-treatment', 'Line one\nLine two\nLine three']]);
    expect(events.map((e) => [e.summary, e.place])).toEqual([['Arrested\nat home', 'Tashkent']]);
    expect(deadlines.map((d) => d.note)).toEqual(['Check with\nthe lawyer']);
  });

  it.each([
    [['add', 'person', 'Ali\r\nKarimov'], '"Ali\\r\\nKarimov"'],
    [['add', 'person', 'Ali Karimov', '--alias', 'Ali\r\nKarimov'], '"Ali\\r\\nKarimov"'],
    [['add', 'case', '--ref', 'UA 5/26\r\n', '--title', 'Fear of torture'], '"UA 5/26\\r\\n"'],
  ])('is still refused in a name or a reference: %j', async (args, quoted) => {
    const db = tempDb();
    expect(await caselog(args, { db })).toEqual({ code: 1, stdout: '', stderr: `caselog: ${quoted} holds a control character (U+000D): give text without terminal codes\n` });
    expect(existsSync(db)).toBe(false);
  });
});
