// Several lines pasted into a question typed into are kept whole: a summary keeps its lines (as
// --summary stores and timeline shows them), any other answer has them joined with spaces. Only a
// line break nothing follows at once is Enter. The real prompts, through a terminal's bytes.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { fakeTerminal, pause } from './helpers/terminal';

let db: string;
const today = '2026-11-24';

beforeEach(async () => {
  db = tempDb();
  await caselog(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], { db, today });
  await caselog(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98'], { db, today });
});

const events = async () => JSON.parse((await caselog(['--json', 'timeline', 'Hemit Memet'], { db })).stdout).events as Array<{ id: string; summary: string; place: string | null }>;

describe('a paste of several lines', () => {
  it('is kept whole, line by line, as the summary of add event', async () => {
    const term = await fakeTerminal();
    const run = caselog(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'arrest'], { db, today, tty: true, prompter: term.prompter });
    await term.question('What happened:');
    // As a terminal sends a paste, or tmux send-keys: one read, a carriage return for each line break.
    term.send('Held at the border\rby the security police,\r\rthen taken to Urumqi\r');
    expect(await run).toMatchObject({ code: 0, stderr: expect.stringContaining('Recorded arrest') });
    expect((await events())[0]!.summary).toBe('Held at the border\nby the security police,\n\nthen taken to Urumqi');
  });

  it('is kept whole when it comes in several reads, or bracketed by the terminal, and Enter then ends it', async () => {
    const term = await fakeTerminal();
    const run = caselog(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'arrest'], { db, today, tty: true, prompter: term.prompter });
    await term.question('What happened:');
    term.send('First line\r');
    term.send('second line, read apart\r');
    term.send('\u001b[200~third line\r\nfourth line\n\u001b[201~');
    // A bracketed paste is never Enter, even ending in a line break: the user presses it.
    await pause(60);
    term.send('\r');
    expect((await run).code).toBe(0);
    expect((await events())[0]!.summary).toBe('First line\nsecond line, read apart\nthird line\nfourth line');
    expect(term.drawn()).toContain('\u001b[?2004h');
  });

  it('replaces the summary at edit\'s "What happened:", whose lines are shown and kept, and each Enter typed answers one question', async () => {
    await caselog(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'arrest', '--summary', 'Held\nat the border'], { db, today });
    const { id } = (await events())[0]!;
    const term = await fakeTerminal();
    const run = caselog(['edit', id], { db, today, tty: true, prompter: term.prompter });
    for (const question of ['Date:', 'Type']) {
      await term.question(question);
      term.send('\r');
    }
    expect(await term.question('What happened:')).toContain('What happened: (Held\u21b5at the border)');
    term.send('Arrested at the border post\rof Khorgos\r');
    await term.question('Where:');
    term.send('Khorgos\r');
    await term.question('Who did it:');
    term.send('\r');
    expect((await run).code).toBe(0);
    expect((await events())[0]).toMatchObject({ summary: 'Arrested at the border post\nof Khorgos', place: 'Khorgos' });
  });

  it('has its line breaks made spaces in an answer of one line', async () => {
    const term = await fakeTerminal();
    const added = caselog(['add', 'deadline', 'UA 77/98', '--date', 'in 2 weeks'], { db, today, tty: true, prompter: term.prompter });
    await term.question('What must be checked or done:');
    term.send('call the family\rand the lawyer\r');
    expect((await added).code).toBe(0);
    const [deadline] = JSON.parse((await caselog(['--json', 'due'], { db, today })).stdout);
    expect(deadline.note).toBe('call the family and the lawyer');
  });
});
