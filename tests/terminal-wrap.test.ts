// On a narrow terminal, long lines are broken between words, never inside a word or an id, and go on
// under their indent; into a pipe, each item stays on its one line.
import { beforeAll, describe, expect, it } from 'vitest';
import { caselog, DEMO, fileOf, tempDb } from './helpers/cli';

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
  const target = ['add', 'target', 'Kasymzhomart TOKAYEV', '--title', 'President of the Republic of Kazakhstan', '--address', 'Akorda, Nur-Sultan 010000, Kazakhstan'];
  expect((await caselog(target, { db, today: TODAY })).code).toBe(0);
  const plan = ['appeal', 'plan', 'KZ 2019/12', '--target', 'Kasymzhomart TOKAYEV', '--action', 'urging the authorities not to return Kaster Musakhanuly and Murager Alimuly to China'];
  expect((await caselog(plan, { db, today: TODAY })).code).toBe(0);
});

/** A short Urgent Action to read with ingest --dry-run. */
const UA = fileOf('ua.txt', 'Further information on UA 31/26 (ASA 17/0001/2026, 2 February 2026)\n\nGulnara Bazhkenova was arrested on 28 January 2026 in Almaty and is held incommunicado at an unknown place of detention.\n');

describe('a 40-column terminal', () => {
  it.each([['due'], ['at-risk'], ['timeline', 'UA 77/98'], ['show', 'Kaster Musakhanuly'], ['show', 'UA 77/98'], ['list', 'sources'],
    ['doctor'], ['risk', 'Hemit Memet'], ['list', 'targets'], ['appeal', 'plan', 'KZ 2019/12'],
    ['ingest', UA, '--dry-run']].map((args) => ({ args })))(
    '$args: every line fits, and the words are those written into a pipe, none split', async ({ args }) => {
      const shown = await onTerminal(args);
      const plain = await piped(args);
      expect(plain.split('\n').some((line) => [...line].length > 40)).toBe(true);
      for (const line of shown.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(40);
      expect(words(shown)).toEqual(words(plain));
    },
  );

  it.each([['at-risk'], ['list', 'sources']].map((args) => ({ args })))('$args: the answer that there is nothing to list is broken between words too', async ({ args }) => {
    const closed = tempDb();
    const on = (args: string[], opts = {}) => caselog(args, { db: closed, today: TODAY, ...opts });
    await on(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture / fear of execution']);
    for (const name of ['Hemit Memet', 'Ilyas Zordun', 'Kasim Mahpir']) await on(['add', 'person', name, '--case', 'UA 77/98', '--risk', 'torture', '--new']);
    expect((await on(['close', 'UA 77/98'])).code).toBe(0);
    const plain = (await on(args, { env: { COLUMNS: '40' } })).stdout;
    const shown = (await on(args, { tty: true, columns: 40 })).stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toMatch(/^(Nobody at risk in open cases; .* only in closed cases: Hemit Memet \(UA 77\/98\)|No sources yet: add one with caselog add source --title TEXT)/);
    for (const line of shown.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(40);
    expect(words(shown)).toEqual(words(plain));
  });

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
