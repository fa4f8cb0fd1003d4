// Ctrl-D (end of input) at a question cancels it as Ctrl-C does: exit 130, nothing changed. It froze
// the question before (readline closed, inquirer never answered), with the terminal echoing keys.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { fakeTerminal } from './helpers/terminal';

let db: string;
const today = '2026-11-24';

beforeEach(async () => {
  db = tempDb();
  await caselog(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], { db, today });
  await caselog(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98'], { db, today });
});

const exported = async () => (await caselog(['export'], { db })).stdout;

describe('Ctrl-D at a question', () => {
  it.each([
    ['a question typed into', ['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'arrest'], 'What happened:'],
    ['a list', ['add'], 'What do you want to record?'],
  ])('cancels %s: exit 130, the usual line, nothing written', async (_, args, question) => {
    const before = await exported();
    const term = await fakeTerminal();
    const run = caselog(args, { db, today, tty: true, prompter: term.prompter });
    await term.question(question);
    term.send('Held');
    term.send('\u0004');
    const r = await Promise.race([run, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 3000))]);
    expect(r).not.toBe('hung');
    expect(r).toMatchObject({ code: 130, stderr: expect.stringContaining('cancelled') });
    expect(await exported()).toBe(before);
  });

  it('cancels the question before a delete: nothing deleted', async () => {
    const before = await exported();
    const term = await fakeTerminal();
    const run = caselog(['delete', 'Hemit Memet'], { db, today, tty: true, prompter: term.prompter });
    await term.question('Type the name');
    term.send('\u0004');
    const r = await Promise.race([run, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 3000))]);
    expect(r).toMatchObject({ code: 130 });
    expect(await exported()).toBe(before);
  });
});
