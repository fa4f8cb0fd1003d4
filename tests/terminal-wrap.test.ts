// On a narrow terminal, long lines are broken between words, never inside a word or an id, and go on
// under their indent; into a pipe, each item stays on its one line.
import { beforeAll, describe, expect, it } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
const TODAY = '2020-02-01';
/** The text a 40-column terminal shows, colour codes left out. */
const onTerminal = async (args: string[]) =>
  (await caselog(args, { db, today: TODAY, tty: true, columns: 40 })).stdout.replace(/\u001b\[[0-9;]*m/g, '');
const piped = async (args: string[]) => (await caselog(args, { db, today: TODAY, env: { COLUMNS: '40' } })).stdout;
const words = (text: string) => text.split(/\s+/).filter(Boolean);

beforeAll(async () => {
  db = tempDb();
  expect((await caselog(['import', DEMO], { db, today: TODAY })).code).toBe(0);
});

describe('a 40-column terminal', () => {
  it.each([['due'], ['at-risk'], ['timeline', 'UA 77/98'], ['show', 'Kaster Musakhanuly'], ['show', 'UA 77/98'], ['list', 'sources']].map((args) => ({ args })))(
    '$args: every line fits, and the words are those written into a pipe, none split', async ({ args }) => {
      const shown = await onTerminal(args);
      const plain = await piped(args);
      expect(plain.split('\n').some((line) => [...line].length > 40)).toBe(true);
      for (const line of shown.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(40);
      expect(words(shown)).toEqual(words(plain));
    },
  );

  it('goes on under the line\'s indent, two further in, and keeps an id whole on its line', async () => {
    const due = (await onTerminal(['due'])).split('\n');
    for (const [id] of (await piped(['due'])).matchAll(/d-[0-9a-z]{8}/g)) expect(due.some((line) => line.includes(id))).toBe(true);
    // A line of a block (two in) goes on four in; the block's head goes on two in, never at the margin.
    const block = due.slice(0, due.indexOf(''));
    expect(block[0]).toMatch(/^UA 77\/98 {2}Hemit Memet,/);
    expect(block[1]).toMatch(/^ {2}\S/);
    expect(block.slice(2).find((line) => line.startsWith('    '))).toBeDefined();
    expect(block.filter((line) => /^\S/.test(line))).toHaveLength(1);
  });
});

describe('notes on stderr', () => {
  it('are broken between words on a terminal, and stay one line a note into a pipe or a log file', async () => {
    const args = ['add', 'event', 'Kaster Musakhanuly', '--date', '2020-01-30', '--type', 'statement', '--summary', 'Family statement'];
    const terminal = tempDb();
    const pipe = tempDb();
    for (const d of [terminal, pipe]) expect((await caselog(['add', 'person', 'Kaster Musakhanuly'], { db: d, today: TODAY })).code).toBe(0);
    const shown = (await caselog(args, { db: terminal, today: TODAY, tty: true, columns: 40 })).stderr;
    const logged = (await caselog(args, { db: pipe, today: TODAY })).stderr;
    // The note that no source is stored runs past 40 columns written whole.
    expect(logged.split('\n').some((line) => [...line].length > 40)).toBe(true);
    for (const line of shown.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(40);
    expect(words(shown.replace(/e-[0-9a-z]{8}/g, 'ID'))).toEqual(words(logged.replace(/e-[0-9a-z]{8}/g, 'ID')));
  });
});
