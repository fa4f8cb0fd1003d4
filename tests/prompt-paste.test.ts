// Several lines pasted into a question typed into are kept whole: a summary keeps its lines (as
// --summary stores and timeline shows them), any other answer has them joined with spaces. Only a
// line break nothing follows at once is Enter. The real prompts, through a terminal's bytes.
import { stripVTControlCharacters } from 'node:util';
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

/** Answers each question with Enter, but those given, until the command ends. */
async function answer(term: Awaited<ReturnType<typeof fakeTerminal>>, questions: Array<[string, string | string[]]>) {
  for (const [question, keys] of questions) {
    await term.question(question);
    for (const [i, read] of [keys].flat().entries()) {
      if (i > 0) await pause(4);
      term.send(read);
    }
  }
}

describe('Enter pressed twice at once', () => {
  // The second Enter, read with the first (one send-keys) or a few ms after it, was taken for a paste's
  // line break: the answer " " was no empty answer, the current value not kept, and " " trimmed cleared it.
  it.each([['in one read', '\r\r'], ['in two reads a few ms apart', ['\r', '\r']]])('keeps the current value at an edit question, %s, and answers no other question', async (_, keys) => {
    await caselog(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'arrest', '--summary', 'Held', '--place', 'Ghulja', '--actor', 'police'], { db, today });
    const term = await fakeTerminal();
    const run = caselog(['edit', (await events())[0]!.id], { db, today, tty: true, prompter: term.prompter });
    await answer(term, [['Date:', '\r'], ['Type', '\r'], ['What happened:', '\r'], ['Where (- to clear): (Ghulja)', keys]]);
    // The second Enter is dropped: this question waits for its own answer.
    await term.question('Who did it (- to clear): (police)');
    await pause(60);
    term.send('state security\r');
    expect((await run).code).toBe(0);
    expect((await events())[0]).toMatchObject({ place: 'Ghulja', actor: 'state security' });
    expect((await caselog(['log'], { db })).stdout).not.toContain('Ghulja \u2192');
  });

  it("keeps a deadline's warning and a case's countries", async () => {
    await caselog(['add', 'deadline', 'UA 77/98', '--date', '2026-12-24', '--note', 'call the family', '--warn', '3'], { db, today });
    await caselog(['edit', 'UA 77/98', '--country', 'China', '--country', 'Kazakhstan'], { db, today });
    const [{ id }] = JSON.parse((await caselog(['--json', 'due'], { db, today })).stdout);
    let term = await fakeTerminal();
    let run = caselog(['edit', id], { db, today, tty: true, prompter: term.prompter });
    await answer(term, [['By when:', '\r'], ['What must be checked or done:', '\r'], ['Remind how many days before (- to clear): (3)', '\r\r']]);
    expect((await run).code).toBe(0);
    expect(JSON.parse((await caselog(['--json', 'due'], { db, today })).stdout)[0]).toMatchObject({ note: 'call the family', warn: 3 });
    term = await fakeTerminal();
    run = caselog(['edit', 'UA 77/98'], { db, today, tty: true, prompter: term.prompter });
    await answer(term, [['Reference:', '\r'], ['Title:', '\r'], ['Countries (comma-separated): (China, Kazakhstan)', '\r\r']]);
    await term.question('Opened on');
    await pause(60);
    term.send('1 March 2026\r');
    await answer(term, [['Summary:', '\r']]);
    expect((await run).code).toBe(0);
    expect(JSON.parse((await caselog(['--json', 'show', 'UA 77/98'], { db })).stdout)).toMatchObject({ countries: ['China', 'Kazakhstan'], opened: { date: '2026-03-01' } });
  });
});

describe('a paste whose lines begin with blanks', () => {
  it('is kept whole: a Tab or spaces at the start of a line go on with the paste', async () => {
    const term = await fakeTerminal();
    const run = caselog(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'sentence'], { db, today, tty: true, prompter: term.prompter });
    await term.question('What happened:');
    // tmux send-keys -l, no paste brackets: line breaks as they were copied (here CRLF), then Enter.
    term.send('Statement by the court:\r\n\tthe appeal is rejected\r\n\tsentence upheld\r\nDemands:\r\n  \u2022 release him\r\n\t- allow visits\r\n\t2. a fair trial');
    await pause(60);
    term.send('\r');
    expect((await run).code).toBe(0);
    expect((await events())[0]!.summary).toBe('Statement by the court:\n the appeal is rejected\n sentence upheld\nDemands:\n  \u2022 release him\n - allow visits\n 2. a fair trial');
  });

  it('is one answer of one line where lines are joined, one space for each line break and the blanks after it', async () => {
    const term = await fakeTerminal();
    const added = caselog(['add', 'deadline', 'UA 77/98', '--date', 'in 2 weeks'], { db, today, tty: true, prompter: term.prompter });
    await term.question('What must be checked or done:');
    term.send('call the family\r\tand the lawyer\r\r  before the hearing\r');
    expect((await added).code).toBe(0);
    expect(JSON.parse((await caselog(['--json', 'due'], { db, today })).stdout)[0].note).toBe('call the family and the lawyer before the hearing');
  });

  it('is kept whole when over 4 KB come in several reads, cut anywhere, and is drawn once a read, not once a key', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i % 3 === 0 ? '\t' : ''}${i + 1}. ${'witness statement taken at the detention centre '.repeat(2).trim()}`);
    const paste = lines.join('\r\n');
    expect(paste.length).toBeGreaterThan(4096);
    const term = await fakeTerminal();
    const run = caselog(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'arrest'], { db, today, tty: true, prompter: term.prompter });
    await term.question('What happened:');
    // Reads of 4 KB at most, cut before a Tab that begins a line, between CR and LF, and in a line.
    const cuts = [paste.indexOf('\r\n\t4. ') + 2, paste.indexOf('\r\n', 1500) + 1, 4000, paste.length];
    for (const [i, end] of cuts.entries()) {
      term.send(paste.slice(i === 0 ? 0 : cuts[i - 1], end));
      await pause(2);
    }
    term.send('\r');
    expect((await run).code).toBe(0);
    // The Tab that begins the answer is no part of it.
    expect((await events())[0]!.summary).toBe(lines.map((l) => l.replace('\t', ' ')).join('\n').trimStart());
    // Drawn again for each of 4,800 keys, the question took half a minute to show the paste.
    expect(stripVTControlCharacters(term.drawn()).split('What happened:').length).toBeLessThan(20);
  });
});

describe('blanks at either end of an answer', () => {
  it('are no answer alone: an edit question keeps its current value, shown as kept, and a required one asks nothing again', async () => {
    await caselog(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'arrest', '--summary', 'Held', '--place', 'Ghulja'], { db, today });
    const term = await fakeTerminal();
    const run = caselog(['edit', (await events())[0]!.id], { db, today, tty: true, prompter: term.prompter });
    await answer(term, [['Date:', '\r'], ['Type', '\r'], ['What happened: (Held)', [' ', '\r']], ['Where (- to clear): (Ghulja)', ['  ', '\r']], ['Who did it', '  \r']]);
    expect((await run).code).toBe(0);
    expect((await events())[0]).toMatchObject({ summary: 'Held', place: 'Ghulja', actor: null });
    const screen = stripVTControlCharacters(term.drawn());
    expect(screen).toContain('\u2714 Where (- to clear): Ghulja\n');
    expect(screen).not.toContain('> required');
  });

  it('are left out of what guided add stores: a place, an actor, a deadline\'s note, a case\'s title', async () => {
    let term = await fakeTerminal();
    let run = caselog(['add'], { db, today, tty: true, prompter: term.prompter });
    await answer(term, [['What do you want to record?', '\r'], ['Which case?', '\r'], ['About whom?', '\r'], ['When did it happen?', '1999-02-11\r'],
      ['What kind of event?', '\r'], ['What happened?', 'Held at the border\r'], ['Where? (optional)', [' ', '\r']], ['Who did it? (optional)', ['state security ', '\r']]]);
    expect((await run).code).toBe(0);
    expect((await events())[0]).toMatchObject({ summary: 'Held at the border', place: null, actor: 'state security' });
    term = await fakeTerminal();
    run = caselog(['add'], { db, today, tty: true, prompter: term.prompter });
    await answer(term, [['What do you want to record?', '\u001b[B\r'], ['Which case?', '\r'], ['About whom?', '\r'], ['By when?', 'in 2 weeks\r'],
      ['What must be checked or done?', ['  check that the appeal was filed ', '\r']], ['Remind how many days before?', '\r']]);
    expect((await run).code).toBe(0);
    expect(JSON.parse((await caselog(['--json', 'due'], { db, today })).stdout)[0].note).toBe('check that the appeal was filed');
    term = await fakeTerminal();
    run = caselog(['add'], { db, today, tty: true, prompter: term.prompter });
    await answer(term, [['What do you want to record?', '\u001b[B\u001b[B\u001b[B\r'], ['Case reference', ' UA 5/26 \r'], ['Title:', [' Fear of torture ', '\r']]]);
    expect((await run).code).toBe(0);
    expect(JSON.parse((await caselog(['--json', 'show', 'UA 5/26'], { db })).stdout)).toMatchObject({ ref: 'UA 5/26', title: 'Fear of torture' });
  });
});

describe('a search answered in one burst', () => {
  // The list is looked up after each key and drawn a moment later: Enter read with the text before it
  // took the list of before ("none") while the source it found was drawn as the answer.
  it.each([['typed with Enter at once', 'Kazakh\r'], ['pasted with its line break', 'Kazakh\n'], ['with an arrow and Enter', 'held\u001b[B\r']])('cites the source drawn as picked, %s', async (_, keys) => {
    await caselog(['add', 'source', '--title', 'Kazakhstan: two men held', '--ref', 'EUR 57/1572/2019'], { db, today });
    await caselog(['add', 'source', '--title', 'Uighur men held in Urumqi', '--ref', 'RFA 2000-03'], { db, today });
    const term = await fakeTerminal();
    const run = caselog(['add'], { db, today, tty: true, prompter: term.prompter });
    await answer(term, [['What do you want to record?', '\r'], ['Which case?', '\r'], ['About whom?', '\r'], ['When did it happen?', '1999-02-11\r'],
      ['What kind of event?', '\r'], ['What happened?', 'Held\r'], ['Where? (optional)', '\r'], ['Who did it? (optional)', '\r'], ['Source?', keys]]);
    // "held" finds both, the last recorded first: the arrow moves to the other.
    expect(await term.question('Another source?')).toContain('\u2714 Source? (type to search; Enter: none) EUR 57/1572/2019');
    term.send('\r');
    expect((await run).code).toBe(0);
    const [event] = JSON.parse((await caselog(['--json', 'timeline', 'Hemit Memet'], { db })).stdout).events;
    expect(event.sources.map((s: { ref: string }) => s.ref)).toEqual(['EUR 57/1572/2019']);
  });
});
