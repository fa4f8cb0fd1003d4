// Help as a newcomer reads it: choices and defaults in plain words, and `help add event` for a
// subcommand (commander's help command takes one word and showed the help of `add`).
import type { Command, Option } from 'commander';

/** `help add event` → `add event --help`; anything else as it is. */
export function helpArgv(argv: string[]): string[] {
  const at = argv.indexOf('help');
  const words = at >= 0 ? argv.slice(at + 1) : [];
  if (at < 0 || words.length < 2 || words.some((w) => w.startsWith('-'))) return argv;
  return [...argv.slice(0, at), ...words, '--help'];
}

/**
 * An option's description with its choices as "one of: a, b" and a default only where it says
 * something (not the empty list a repeatable flag starts from), without the quotes of JSON.
 */
export function configureHelp(program: Command): void {
  program.configureHelp({
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`one of: ${option.argChoices.filter((c) => c !== '').join(', ')}`);
      const value = option.defaultValue as unknown;
      const said = option.defaultValueDescription ?? (Array.isArray(value) ? (value.length > 0 ? value.join(', ') : undefined) : typeof value === 'string' ? value : undefined);
      if (said !== undefined && (option.required || option.optional)) extra.push(`default: ${said}`);
      if (extra.length === 0) return option.description;
      return `${option.description} (${extra.join('; ')})`;
    },
  });
}

