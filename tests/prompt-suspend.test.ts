// Ctrl-Z at a question stops caselog for the shell, the cursor shown and raw mode off; `fg` draws
// the question again and reads keys as before: the entry goes on, nothing cancelled. The real
// prompts through a terminal's bytes; the test stands in for the shell, catching the stop and
// continuing the process as `fg` does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { caselog, tempDb } from './helpers/cli';
import { fakeTerminal, pause, type FakeTerminal } from './helpers/terminal';

const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';
let db: string;
const today = '2026-11-24';
let stops: Array<{ raw: boolean; drawn: number }>;
let term: FakeTerminal;

// The shell's part: the stop is seen (a listener keeps the test's own process running), then `fg`.
const shell = () => {
  stops.push({ raw: term.raw(), drawn: term.drawn().length });
  setTimeout(() => process.kill(process.pid, 'SIGCONT'), 20);
};

beforeEach(async () => {
  db = tempDb();
  await caselog(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], { db, today });
  await caselog(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98'], { db, today });
  stops = [];
  term = await fakeTerminal();
  process.on('SIGTSTP', shell);
});
afterEach(() => {
  process.removeListener('SIGTSTP', shell);
});

/** What was drawn since the stop, once it holds the text. */
async function drawnAfterStop(text: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const since = stops.length > 0 ? term.drawn().slice(stops[0]!.drawn) : '';
    if (stripVTControlCharacters(since).includes(text)) return since;
    await pause(10);
  }
  throw new Error(`never drawn after the stop: ${text}; all drawn:\n${stripVTControlCharacters(term.drawn())}`);
}

describe('Ctrl-Z at a question, then fg', () => {
  it('comes back to the question typed into, with what was typed, and takes the answer', async () => {
    const run = caselog(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'arrest'], { db, today, tty: true, prompter: term.prompter });
    await term.question('What happened:');
    term.send('Held');
    await pause(30);
    const before = term.drawn().length;
    term.send('\u001a');
    await drawnAfterStop('? What happened: Held');
    expect(stops).toEqual([{ raw: false, drawn: expect.any(Number) }]);
    // Before the stop, for the shell: the cursor shown, pastes no longer marked.
    expect(term.drawn().slice(before, stops[0]!.drawn)).toContain(SHOW_CURSOR);
    expect(term.raw()).toBe(true);
    term.send(' at the border\r');
    expect(await run).toMatchObject({ code: 0, stderr: expect.stringContaining('Recorded arrest') });
    const { events } = JSON.parse((await caselog(['--json', 'timeline', 'Hemit Memet'], { db })).stdout);
    expect(events[0].summary).toBe('Held at the border');
  });

  it('comes back to a list with its cursor hidden again, and the list answers as before', async () => {
    const run = caselog(['add'], { db, today, tty: true, prompter: term.prompter });
    await term.question('What do you want to record?');
    await pause(30);
    const before = term.drawn().length;
    term.send('\u001a');
    const again = await drawnAfterStop('? What do you want to record?');
    expect(term.drawn().slice(before, stops[0]!.drawn)).toContain(SHOW_CURSOR);
    expect(again).toContain(HIDE_CURSOR);
    term.send('\u001b[B\r');
    await term.question('Which case?');
    term.send('\u0003');
    expect((await run).code).toBe(130);
    expect(stripVTControlCharacters(term.drawn())).toContain('What do you want to record? A deadline');
  });
});
