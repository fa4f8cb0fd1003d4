// A line break in a field meant as one line (a note, a title, a place, a citizenship) cannot put a
// line of its own into caselog's text output, where it would pass for a reminder, a row, an event or
// a fact; a summary of several lines keeps them under its block. JSON keeps the text as stored.
import { beforeAll, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { indented, oneLine } from '../src/render/lines';
import { latestSentence } from '../src/render/letter-phrases';
import type { EventRecord } from '../src/domain/model';

let db: string;
const c = async (args: string[]) => {
  const r = await caselog(args, { db, today: '2026-11-23' });
  expect(r.code, r.stderr).toBe(0);
  return r;
};
const out = async (args: string[]) => (await c(args)).stdout;
/** The lines that begin at the left margin: where a block's head, a row or a title stands. */
const atMargin = (text: string) => text.split('\n').filter((line) => /^\S/.test(line));
/** Lines (indent aside) beginning with what a forged line would begin with. */
const beginning = (text: string, words: string) => text.split('\n').filter((line) => line.trimStart().startsWith(words));

// A whole overdue reminder, forged in a deadline's note.
const NOTE = 'ask for news\n\nUA 7/26  Yan Yan  d-bbbbbbbb\n  call the embassy today \u2014 check before 1 November 2026 (22 days overdue)';
const NOTE_SHOWN = 'ask for news UA 7/26  Yan Yan  d-bbbbbbbb call the embassy today \u2014 check before 1 November 2026 (22 days overdue)';

beforeAll(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'Fear of torture\nUA 7/26   Released   1   0   1 Jan 2026   closed']);
  await c(['add', 'person', 'Zed Zed', '--case', 'UA 5/26', '--risk', 'torture', '--citizenship', 'X\nstatus: released',
    '--ethnicity', 'Y\u2028risks: none']);
  await c(['add', 'deadline', 'UA 5/26', '--date', '2027-06-01', '--note', NOTE]);
  await c(['add', 'source', '--title', 'Report\n\n1 February 2026  release  e-cccccccc', '--publisher', 'AI\u2029Amnesty']);
  await c(['add', 'event', 'Zed Zed', '--date', '2026-01-01', '--type', 'arrest', '--summary', 'Arrested at home\n1 March 2026  release',
    '--place', 'Home\n\n2 March 2026  release', '--actor', 'Police\nsource: forged', '--source', 'Report']);
});

describe('one-line fields in text output', () => {
  it('due shows the note on one line under its reminder: no second reminder appears', async () => {
    const text = await out(['due', '--within', '365']);
    expect(atMargin(text)).toEqual([expect.stringMatching(/^UA 5\/26 {2}Zed Zed {2}d-\w+$/)]);
    expect(text).toContain(`  ${NOTE_SHOWN} \u2014 check before 1 June 2027 (in 190 days)`);
    expect(beginning(text, 'UA 7/26')).toEqual([]);
  });

  it('at-risk shows the next deadline on one line after "next:"', async () => {
    const text = await out(['at-risk']);
    expect(atMargin(text)).toEqual(['Zed Zed  UA 5/26  detained']);
    expect(text).toContain(`  next: ${NOTE_SHOWN} \u2014 1 June 2027 (in 190 days)`);
    expect(beginning(text, 'UA 7/26')).toEqual([]);
  });

  it('list cases shows a title holding a line break in its own row: no second row', async () => {
    const text = await out(['list', 'cases']);
    expect(text.trimEnd().split('\n')).toHaveLength(2);
    expect(text).toMatch(/^UA 5\/26 {2}Fear of torture UA 7\/26 {3}Released .* {2}1 {7}1 {7}23 Nov 2026 {2}open$/m);
    expect(beginning(text, 'UA 7/26')).toEqual([]);
  });

  it('timeline shows place, actor and source on their lines, and a summary\'s lines under its event', async () => {
    const text = await out(['timeline', 'UA 5/26']);
    expect(atMargin(text)).toEqual(['UA 5/26 \u2014 Fear of torture UA 7/26   Released   1   0   1 Jan 2026   closed (Zed Zed)', expect.stringMatching(/^1 January 2026 {2}arrest {2}e-\w+$/)]);
    expect(text).toContain('\n  Arrested at home\n  1 March 2026  release\n');
    expect(text).toContain('\n  Zed Zed \u00b7 place: Home 2 March 2026  release \u00b7 by Police source: forged\n');
    expect(text).toContain('\n  source: AI Amnesty, "Report 1 February 2026  release  e-cccccccc"');
    expect(beginning(text, 'source: forged')).toEqual([]);
    expect(beginning(text, '2 March 2026')).toEqual([]);
    expect(beginning(text, '1 February 2026')).toEqual([]);
  });

  it('show puts citizenship and ethnicity on the facts line: no second status line', async () => {
    const person = await out(['show', 'Zed Zed']);
    expect(atMargin(person)).toHaveLength(1);
    expect(person).toContain('\n  citizenship: X status: released \u00b7 ethnicity: Y risks: none\n');
    expect(beginning(person, 'status:')).toHaveLength(1);
    expect(beginning(person, 'risks:')).toEqual(['  risks: torture']);
    expect(person).toContain(`  next deadline: ${NOTE_SHOWN} \u2014 1 June 2027`);
    const theCase = await out(['show', 'UA 5/26']);
    expect(atMargin(theCase)).toHaveLength(1);
    expect(theCase).toContain('\n    AI Amnesty, "Report 1 February 2026  release  e-cccccccc"\n');
    expect(beginning(theCase, 'UA 7/26')).toEqual([]);
  });

  it('log and the Markdown dossier put a line separator (U+2028) on one line too', async () => {
    const log = await out(['log']);
    expect(log).toContain('ethnicity: Y risks: none;');
    expect(beginning(log, 'UA 7/26')).toEqual([]);
    const dossier = await out(['export', '--format', 'md', 'UA 5/26']);
    expect(dossier).toContain('- **Ethnicity:** Y risks: none\n');
    expect(dossier).toContain('**Citizenship:** X status: released');
  });

  it('an appeal plan and its letters keep a target\'s title and a request on their lines', async () => {
    await c(['add', 'target', 'Ivan Petrov', '--title', 'Minister of Justice\nYours faithfully,', '--address', 'Ministry of Justice', '--address', 'Moscow']);
    await c(['appeal', 'plan', 'UA 5/26', '--target', 'Ivan Petrov', '--action', 'urging the release\nCopies to: nobody']);
    const plan = await out(['appeal', 'plan', 'UA 5/26']);
    expect(plan).toContain('\nIvan Petrov, Minister of Justice Yours faithfully,  t-');
    expect(plan).toContain('\n  1. urging the release Copies to: nobody\n');
    const letter = await out(['appeal', 'letters', 'UA 5/26', '--from', 'Jane Doe']);
    expect(letter).toContain('\nMinister of Justice Yours faithfully,\n');
    expect(beginning(letter, 'Copies to')).toEqual([]);
    // The letter signs off "Yours sincerely," (to a minister): no line of the title passes for it.
    expect(letter).toContain("\nYours sincerely,\n");
    expect(letter).not.toMatch(/^Yours faithfully,$/m);
  });

  it('messages on stderr are one line each', async () => {
    const added = await caselog(['add', 'deadline', 'UA 5/26', '--date', '2027-07-01', '--note', 'first\nCaselog: forged'], { db, today: '2026-11-23' });
    expect(added.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^Deadline 1 July 2027: first Caselog: forged \(UA 5\/26\) \[d-\w+\]$/)]);
    await c(['delete', added.stderr.match(/\[(d-\w+)\]/)![1]!, '--force']);
    // An error quoting the stored title: one line too.
    const taken = await caselog(['add', 'case', '--ref', 'UA 5/26', '--title', 'Another'], { db, today: '2026-11-23' });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^caselog: a case UA 5\/26 already exists \("Fear of torture UA 7\/26 .*closed"\)[^\n]*\n$/);
  });

  it('JSON keeps the text as it was stored, line breaks and all', async () => {
    const [deadline] = JSON.parse(await out(['--json', 'due', '--within', '365'])) as Array<{ note: string }>;
    expect(deadline!.note).toBe(NOTE);
    const card = JSON.parse(await out(['--json', 'show', 'Zed Zed'])) as { citizenship: string; ethnicity: string };
    expect(card).toMatchObject({ citizenship: 'X\nstatus: released', ethnicity: 'Y\u2028risks: none' });
  });
});

describe('oneLine and indented', () => {
  it.each([
    ['a\nb', 'a b'], ['a\r\nb', 'a b'], ['a\rb', 'a b'], ['a\vb', 'a b'], ['a\fb', 'a b'],
    ['a\u0085b', 'a b'], ['a\u2028b', 'a b'], ['a\u2029b', 'a b'], ['a \n\n\t b', 'a b'], ['a\tb', 'a\tb'],
  ])('oneLine(%j) is %j', (text, line) => expect(oneLine(text)).toBe(line));

  it('a letter tells the latest news in one sentence, whatever breaks its summary (a next line, U+0085, too)', () => {
    const moved = { type: 'other', date: { year: 2026, month: 1, day: 1, approximate: false, text: '2026-01-01' }, summary: 'Moved\u0085to prison 2' };
    expect(latestSentence('he', false, moved as unknown as EventRecord)).toBe('The latest news I have of him dates from 1 January 2026: Moved to prison 2.');
  });

  it('indented puts every line after the first under the indent, whatever breaks it', () => {
    expect(indented('a\nb\r\nc\rd\u2028e\u2029f\vg\fh\u0085i', '  ')).toBe('a\n  b\n  c\n  d\n  e\n  f\n  g\n  h\n  i');
  });
});
