// Parsers for repeatable flags, and the shared parent commands, for every register-*.ts.
import { InvalidArgumentError, type Command } from 'commander';

/** The command `name` (add, list, person) that several register-*.ts hang subcommands on: made once, in whichever comes first. */
export function parentCommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** `--country A --country B` → ['A', 'B']. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** One of the choices, given once: a second --risk would otherwise replace the first without a word. */
export function oneChoice(choices: readonly string[], flag: string) {
  return (value: string, previous?: string) => {
    if (previous !== undefined) throw new InvalidArgumentError(`${flag} takes one value: "${previous}" and "${value}" were both given`);
    if (!choices.includes(value)) throw new InvalidArgumentError(`"${value}" is not one of ${choices.join(', ')}`);
    return value;
  };
}

/** The same as collect, refusing a value outside the list (a usage error, exit 2). */
export function collectChoice(choices: readonly string[]) {
  return (value: string, previous: string[] = []) => {
    if (!choices.includes(value)) {
      const named = choices.filter((c) => c !== '').join(', ');
      throw new InvalidArgumentError(`"${value}" is not one of ${named}${choices.includes('') ? ' (or "" for none)' : ''}`);
    }
    return [...previous, value];
  };
}
