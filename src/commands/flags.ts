// Parsers for repeatable flags, and the shared parent commands, for every register-*.ts.
import { InvalidArgumentError, type Command } from 'commander';
import { readWord } from '../domain/vocabulary';

/** The command `name` (add, list, person) that several register-*.ts hang subcommands on: made once, in whichever comes first. */
export function parentCommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** `--country A --country B` → ['A', 'B']. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** What a word of the vocabulary is called in a message. */
const CALLED: Record<string, string> = { status: 'status', risk: 'risk', type: 'event type' };

/**
 * The word of `choices` typed (capitals and spaces aside), or a usage error naming the one most likely
 * meant ("deported": returned) and the list.
 */
export function choiceOf<T extends string>(typed: string, choices: readonly T[], kind?: string): T {
  const read = readWord(typed, choices, kind);
  if ('word' in read) return read.word;
  const named = choices.filter((c) => c !== '').join(', ');
  const called = kind ? CALLED[kind] : undefined;
  const what = called ? `${/^[aeiou]/.test(called) ? 'an' : 'a'} ${called} caselog knows` : 'one of the choices';
  const meant = read.meant !== undefined ? `: did you mean ${read.meant}?` : '';
  throw new InvalidArgumentError(`"${typed.trim()}" is not ${what}${meant} (one of ${named}${choices.includes('' as T) ? ', or "" for none' : ''})`);
}

/** One of the choices, given once: a second --risk would otherwise replace the first without a word. */
export function oneChoice<T extends string>(choices: readonly T[], flag: string, kind?: string) {
  return (value: string, previous?: string): T => {
    if (previous !== undefined) throw new InvalidArgumentError(`${flag} takes one value: "${previous}" and "${value}" were both given`);
    return choiceOf(value, choices, kind);
  };
}

/** The same as collect, refusing a value outside the list (a usage error, exit 2). */
export function collectChoice<T extends string>(choices: readonly T[], kind?: string) {
  return (value: string, previous: T[] = []): T[] => [...previous, choiceOf(value, choices, kind)];
}
