// Help as a newcomer reads it: what to type, with examples, in plain words.
import { describe, expect, it } from 'vitest';
import { caselog } from './helpers/cli';

describe('help', () => {
  it('add event shows the flags it needs in its usage line, examples, and the quoting rule', async () => {
    const r = await caselog(['add', 'event', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: caselog add event WHO\.\.\. --date DATE --type TYPE --summary TEXT \[options\]\n/);
    expect(r.stdout).toContain('\nExamples:\n  caselog add event "Hemit Memet" --date "11 February 1999" --type deportation');
    expect(r.stdout).toContain('A name or case reference of several words goes in quotes.');
  });

  it('writes choices and defaults in plain words, and no empty default of a repeatable flag', async () => {
    const event = (await caselog(['add', 'event', '--help'])).stdout;
    expect(event).toContain('(one of: arrest, detention, charge,');
    expect(event).not.toContain('default: []');
    expect(event).not.toContain('"arrest"');
    expect((await caselog(['due', '--help'])).stdout).toContain('how many days ahead to look (default: 30)');
  });

  it('help of a subcommand: `help add event` is the help of add event', async () => {
    const r = await caselog(['help', 'add', 'event']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await caselog(['add', 'event', '--help'])).stdout);
  });

  it('help of no command says so in one line, with the nearest, instead of the whole help', async () => {
    for (const [args, said] of [
      [['help', 'nosuch'], "caselog: unknown command 'nosuch'\n"],
      [['help', 'timelin'], "caselog: unknown command 'timelin' (Did you mean timeline?)\n"],
      [['help', 'nosuch', 'more'], "caselog: unknown command 'nosuch'\n"],
    ] as const) {
      const r = await caselog([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(said);
      expect(r.stdout).toBe('');
    }
    expect((await caselog(['help', 'due'])).stdout).toBe((await caselog(['due', '--help'])).stdout);
  });
});

describe('a kind that list, person or appeal does not have', () => {
  it('names the command and what it takes, and where the thing asked for is found', async () => {
    const events = await caselog(['list', 'events']);
    expect(events.code).toBe(2);
    expect(events.stderr).toBe("caselog: unknown command 'list events': list takes cases, people, sources, targets (a person's or a case's events: caselog timeline WHO; words in any: caselog search WORDS)\n");
    expect((await caselog(['list', 'deadlines'])).stderr).toContain('(open deadlines: caselog due, or caselog due --within DAYS for further ahead)');
    expect((await caselog(['appeal', 'write'])).stderr).toBe("caselog: unknown command 'appeal write': appeal takes plan, letters, sent, response\n");
    expect((await caselog(['list', 'peple'])).stderr).toBe("caselog: unknown command 'list peple' (Did you mean people?)\n");
  });
});

describe('help as wide as the terminal', () => {
  /** The help above its examples (command lines to copy, left whole), and its widest line. */
  const help = async (opts: { tty?: boolean; columns?: number }) => {
    const text = (await caselog(['add', 'event', '--help'], opts)).stdout;
    const lines = text.slice(0, text.indexOf('\nExamples:')).split('\n');
    return { lines, widest: Math.max(...lines.map((line) => [...line].length)), words: lines.join(' ').split(/\s+/).filter(Boolean) };
  };

  it('uses a wide terminal\'s width and breaks between words on a narrow one; 80 into a pipe', async () => {
    const piped = await help({});
    expect(piped.widest).toBeLessThanOrEqual(80);
    const wide = await help({ tty: true, columns: 120 });
    expect(wide.widest).toBeGreaterThan(100);
    expect(wide.widest).toBeLessThanOrEqual(120);
    const narrow = await help({ tty: true, columns: 50 });
    expect(narrow.widest).toBeLessThanOrEqual(50);
    // The usage line too, and no word split: the same words as in the pipe.
    expect(narrow.lines[0]).toBe('Usage: caselog add event WHO... --date DATE --type');
    expect(narrow.words).toEqual(piped.words);
  });
});
