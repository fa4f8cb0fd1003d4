// A run declares only its own command's part of the commands (src/commands/register.ts): each
// command must come out exactly as when every command is declared.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { PARTS, registerCommands } from '../src/commands/register';
import { commandWord, run } from '../src/program';

const unused = (): never => {
  throw new Error('no command runs here');
};

function declared(word?: string): Command {
  const program = new Command('caselog');
  registerCommands(program, unused, word);
  return program;
}

/** A command and its subcommands as help shows them: names, arguments, options, descriptions. */
function help(command: Command): string {
  return [command.helpInformation(), ...command.commands.map(help)].join('\n');
}

describe('commands declared for one run', () => {
  const all = declared();

  it('every command belongs to a part that names it', () => {
    const named = new Set(PARTS.flatMap(([words]) => words));
    expect(all.commands.map((c) => c.name()).filter((name) => !named.has(name))).toEqual([]);
  });

  it.each(all.commands.map((c) => c.name()))('%s comes out as when all are declared', (name) => {
    const one = declared(name).commands.find((c) => c.name() === name);
    expect(one && help(one)).toBe(help(all.commands.find((c) => c.name() === name)!));
  });

  it('declares every command when the word is not a command', () => {
    expect(declared('help').commands.length).toBe(all.commands.length);
    expect(declared('timelin').commands.length).toBe(all.commands.length);
  });

  it('finds the command after global options, with their values or not', () => {
    expect(commandWord(['--db', 'x.db', '--today', '1999-03-01', '--json', '--no-color', 'due'])).toBe('due');
    expect(commandWord(['--db=x.db', '--today=1999-03-01', 'at-risk', '--risk', 'torture'])).toBe('at-risk');
    expect(commandWord(['timeline', '--db', 'x.db', 'Hemit Memet'])).toBe('timeline');
    expect(commandWord(['--help'])).toBeUndefined();
    expect(commandWord(['--verbose', 'due'])).toBeUndefined();
    expect(commandWord([])).toBeUndefined();
  });

  it('still suggests a command for a mistyped one, and lists them all in help', async () => {
    const out: string[] = [];
    const proc = {
      env: {}, stdinIsTTY: false, stdoutIsTTY: false, now: new Date(2026, 0, 1),
      stdout: { write: (s: string) => Boolean(out.push(s)) }, stderr: { write: (s: string) => Boolean(out.push(s)) },
    };
    expect(await run(['timelin', 'x'], proc)).toBe(2);
    expect(out.join('')).toBe("caselog: unknown command 'timelin' (Did you mean timeline?)\n");
    out.length = 0;
    expect(await run(['add', 'evnt', '--date', '1999'], proc)).toBe(2);
    expect(out.join('')).toBe("caselog: unknown kind of record 'evnt' for add (Did you mean event?)\n");
    out.length = 0;
    // The kinds themselves still refuse a stray word or option (a name given unquoted, split in two).
    expect(await run(['add', 'person', 'Ayse', 'Yilmaz'], proc)).toBe(2);
    expect(out.join('')).toContain('too many arguments');
    out.length = 0;
    expect(await run(['add', 'source', '--title', 'T', '--bogus'], proc)).toBe(2);
    out.length = 0;
    expect(await run(['--help'], proc)).toBe(0);
    for (const name of ['add', 'timeline', 'due', 'at-risk', 'show', 'search', 'appeal', 'log', 'merge']) expect(out.join('')).toContain(`  ${name}`);
  });

  it('gives the version as JSON with --json', async () => {
    const out: string[] = [];
    const proc = {
      env: {}, stdinIsTTY: false, stdoutIsTTY: false, now: new Date(2026, 0, 1),
      stdout: { write: (s: string) => Boolean(out.push(s)) }, stderr: { write: () => true },
    };
    expect(await run(['--json', '--version'], proc)).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('takes a missing command as a usage error (exit 2), help asked for as success', async () => {
    const proc = {
      env: {}, stdinIsTTY: false, stdoutIsTTY: false, now: new Date(2026, 0, 1),
      stdout: { write: () => true }, stderr: { write: () => true },
    };
    for (const argv of [[], ['list'], ['person'], ['appeal'], ['--db', 'x.db']]) expect(await run(argv, proc), argv.join(' ')).toBe(2);
    for (const argv of [['help'], ['help', 'due'], ['--help'], ['due', '--help'], ['list', '--help']]) expect(await run(argv, proc), argv.join(' ')).toBe(0);
  });
});
