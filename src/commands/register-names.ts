// Commands about who is who: another name for a person, and merging two records of one person.
// Declared here, loaded only when run.
import type { Command } from 'commander';
import type { Context } from '../context';
import { parentCommand } from './flags';

export function registerNames(program: Command, context: (command: Command) => Context): void {
  const person = parentCommand(program, 'person', "a tracked person's names and records");

  person.command('alias')
    .description('add another name for a person: an older spelling, a transliteration, the name in another script')
    .argument('<who>', 'the person (any of their names, or their id)')
    .argument('<name>', 'the name to add')
    .option('--note <text>', 'where the name comes from, e.g. "spelling in EUR 57/12/98"')
    .option('--force', 'add it even if it closely matches another tracked person')
    .action(async (who, name, opts, cmd: Command) => (await import('./person-alias')).personAlias(context(cmd), who, name, opts));

  person.command('unalias')
    .description("take away one of a person's other names, one added by mistake (undo puts it back)")
    .argument('<who>', 'the person (any of their names, or their id)')
    .argument('<name>', 'the name to take away')
    .action(async (who, name, _opts, cmd: Command) => (await import('./person-alias')).personUnalias(context(cmd), who, name));

  program.command('merge')
    .description('merge two records that turn out to be one person: WHO goes into INTO')
    .argument('<who>', 'the record to merge away (any of its names, or its id)')
    .argument('<into>', 'the record to keep')
    .option('--force', 'merge without asking (required without a terminal)')
    .action(async (who, into, opts, cmd: Command) => (await import('./merge')).merge(context(cmd), who, into, opts));
}
