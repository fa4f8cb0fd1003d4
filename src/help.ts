// Help as a newcomer reads it: choices and defaults in plain words, and `help add event` for a
// subcommand (commander's help command takes one word and showed the help of `add`).
import { Help, type Command, type Option } from 'commander';
import { wrapText } from './render/wrap';

/** `help add event` → `add event --help`; anything else as it is. */
export function helpArgv(argv: string[]): string[] {
  const at = argv.indexOf('help');
  const words = at >= 0 ? argv.slice(at + 1) : [];
  if (at < 0 || words.length < 2 || words.some((w) => w.startsWith('-'))) return argv;
  return [...argv.slice(0, at), ...words, '--help'];
}

/**
 * `help nosuch` (given, before helpArgv made `help a b` into `a b --help`): commander printed the whole help on stderr, exit 2, with no word of why. Without
 * `help`, the word is read as the command it is not: commander names it and suggests the nearest.
 */
export function helpOfNoCommand(program: Command, given: string[], command: string | undefined, argv: string[]): string[] {
  const at = command === 'help' ? given.indexOf('help') : -1;
  const topic = at >= 0 ? given[at + 1] : undefined;
  if (topic === undefined || topic.startsWith('-') || program.commands.some((c) => c.name() === topic || c.aliases().includes(topic))) return argv;
  return [...given.slice(0, at), ...given.slice(at + 1)];
}

/**
 * An option's description with its choices as "one of: a, b" and a default only where it says
 * something (not the empty list a repeatable flag starts from), without the quotes of JSON.
 */
export function configureHelp(program: Command): void {
  program.configureHelp({
    // On a narrow terminal too, descriptions are broken between words rather than by the terminal
    // inside one: commander leaves them whole when fewer than 40 columns are left beside the flags.
    minWidthToWrap: 16,
    // The usage line, which commander never breaks, between words too.
    formatHelp(cmd: Command, helper: Help): string {
      return wrapText(Help.prototype.formatHelp.call(this, cmd, helper), helper.helpWidth ?? 80);
    },
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

