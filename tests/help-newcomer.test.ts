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
});
