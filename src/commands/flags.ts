// Parsers for repeatable flags, shared by every register-*.ts.
import { InvalidArgumentError } from 'commander';

/** `--country A --country B` → ['A', 'B']. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The same, refusing a value outside the list (a usage error, exit 2). */
export function collectChoice(choices: readonly string[]) {
  return (value: string, previous: string[] = []) => {
    if (!choices.includes(value)) throw new InvalidArgumentError(`"${value}" is not one of ${choices.join(', ')}`);
    return [...previous, value];
  };
}
