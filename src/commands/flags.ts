// Parsers for repeatable flags, and the shared parent commands, for every register-*.ts.
import { InvalidArgumentError, type Command } from 'commander';
import { readWord } from '../domain/vocabulary';

/** The command `name` (add, list, person) that several register-*.ts hang subcommands on: made once, in whichever comes first. */
export function parentCommand(program: Command, name: string, description: string): Command {
  const declared = program.commands.find((c) => c.name() === name);
  if (declared) return declared;
  const parent = program.command(name).description(description);
  // "unknown command 'events'" named neither list nor what it takes: `list events` is a natural guess.
  const inherited = parent.configureOutput();
  parent.configureOutput({
    ...inherited,
    outputError: (message, write) => {
      const suggested = message.includes('(Did you mean');
      const said = message.replace(/unknown command '([^']*)'(.*)$/m, (_all, word: string, suggestion: string) => {
        const takes = parent.commands.map((c) => c.name());
        const elsewhere = ELSEWHERE[`${name} ${word.toLowerCase()}`];
        return `unknown command '${name} ${word}'${suggestion}${suggested ? '' : `: ${name} takes ${takes.join(', ')}${elsewhere ? ` (${elsewhere})` : ''}`}`;
      });
      return inherited.outputError ? inherited.outputError(said, write) : write(said);
    },
  });
  return parent;
}

/** Where what a user asked of a parent command is found instead. */
const ELSEWHERE: Record<string, string> = {
  'list events': "a person's or a case's events: caselog timeline WHO; words in any: caselog search WORDS",
  'list deadlines': 'open deadlines: caselog due, or caselog due --within DAYS for further ahead',
  'list names': "a person's names: caselog show NAME",
};

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
