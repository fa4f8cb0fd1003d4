// Declares the commands and their flags; the work is loaded only when a command runs.
import { Command, Option } from 'commander';
import type { Context } from '../context';
import { collect, collectChoice, oneChoice } from './flags';
import { UsageError } from '../errors';
import { EVENT_TYPES, RELIABILITIES, RISKS, STATUSES } from '../domain/types';
import { registerAppeals } from './register-appeals';
import { registerNames } from './register-names';
import { registerSearch } from './register-search';
import { registerTrust } from './register-trust';
import { registerUpkeep } from './register-upkeep';

type ContextFor = (command: Command) => Context;
type Part = (program: Command, context: ContextFor) => void;

/**
 * Each part of the declarations with the top-level commands it declares (a part may add
 * subcommands to another's, as appeals adds `add target`), in the order they are declared.
 * Declaring every command costs ~1.5 ms a run, about 2 % of a quick one; a run declares only the
 * parts of its own command (tests/cli-commands.test.ts checks that this list knows them all).
 */
export const PARTS: Array<[words: string[], part: Part]> = [
  [['add'], registerAdd],
  [['timeline', 'due', 'at-risk', 'done', 'export', 'import'], registerEveryday],
  [['show', 'list', 'edit', 'status', 'risk', 'close', 'reopen', 'delete', 'undo', 'erase'], registerUpkeep],
  [['ingest', 'search'], registerSearch],
  [['add', 'list', 'appeal'], registerAppeals],
  [['log', 'backup', 'restore', 'doctor', 'encrypt', 'rekey'], registerTrust],
  [['person', 'merge'], registerNames],
];

/** Declares the commands: those of `word`'s parts only, when it is a command's name; else all. */
export function registerCommands(program: Command, context: ContextFor, word?: string): void {
  const own = PARTS.filter(([words]) => word !== undefined && words.includes(word));
  for (const [, part] of own.length > 0 ? own : PARTS) part(program, context);
  // Bare add lets through what it then names as a mistyped kind; commander hands the excess-arguments
  // half of that leniency down to the kinds declared after it (add target is declared by another
  // part), which must refuse stray words as every command does. Unknown options are not handed down.
  for (const kind of program.commands.find((c) => c.name() === 'add')?.commands ?? []) kind.allowExcessArguments(false);
}

function registerAdd(program: Command, context: ContextFor): void {
  const add = program.command('add').description('record a case, person, event, deadline or source (bare: a guided prompt)');
  // A mistyped kind (`add evnt "NAME" --date ...`) would otherwise reach the guided prompt's action as
  // "too many arguments", or as an unknown option of bare add.
  add.allowExcessArguments().allowUnknownOption().action(async (_opts, cmd: Command) => {
    const word = cmd.args[0];
    if (word?.startsWith('-')) throw new UsageError(`unknown option '${word}'`);
    if (word !== undefined) throw await unknownKind(word, add.commands.map((c) => c.name()));
    return (await import('./add-guided')).addGuided(context(cmd));
  });

  add.command('case')
    .description('open a case')
    .usage('--ref REF --title TEXT [options]')
    .addHelpText('after', `\nExample:\n  caselog add case --ref "UA 77/98" --title "Fear of torture / fear of execution" --country China --opened "15 October 1998"\n`)
    .option('--ref <ref>', 'the case reference, e.g. "UA 77/98"')
    .option('--title <text>', 'the title, e.g. "Fear of torture"')
    .option('--country <country>', 'a country (repeatable)', collect, [])
    .option('--opened <date>', 'the date it was opened (default: today)')
    .option('--summary <text>', 'a short summary')
    .action(async (opts, cmd: Command) => (await import('./add')).addCase(context(cmd), opts));

  add.command('person')
    .description('track a person')
    .usage('NAME [options]')
    .addHelpText('after', `\nExamples:\n  caselog add person "Hemit Memet" --alias "Khamit Memet" --case "UA 77/98" --age 28 --age-on "Feb 1999" --risk torture\n  caselog add person "Kaster Musakhanuly" --alias "\u049a\u0430\u0441\u0442\u0435\u0440 \u041c\u04b1\u0441\u0430\u0445\u0430\u043d\u04b1\u043b\u044b" --status detained --risk refoulement\n\n${QUOTES}`)
    .argument('[name]', 'their primary name')
    .option('--alias <name>', 'another name: older spelling, transliteration, other script (repeatable)', collect, [])
    .option('--case <ref>', 'a case they belong to (repeatable)', collect, [])
    .option('--age <n>', 'their age (on --age-on, default today)')
    .option('--age-on <date>', 'the date the age was given')
    .option('--born <date>', 'birth date or year')
    .option('--gender <g>', 'gender')
    .option('--citizenship <c>', 'citizenship')
    .option('--ethnicity <e>', 'ethnicity')
    .addOption(new Option('--status <s>', 'current status').choices(STATUSES).argParser(oneChoice(STATUSES, '--status', 'status')))
    .addOption(new Option('--risk <r>', 'a risk they face (repeatable)').choices(RISKS).argParser(collectChoice(RISKS, 'risk')).default([]))
    .option('--new', 'a different person, even if the name is close to someone tracked')
    .option('--alias-of <who>', 'add the name to this person instead of creating a new one')
    .action(async (name, opts, cmd: Command) => (await import('./add')).addPerson(context(cmd), name, opts));

  add.command('event')
    .description('record something that happened')
    .usage('WHO... --date DATE --type TYPE --summary TEXT [options]')
    .addHelpText('after', `\nExamples:\n  caselog add event "Hemit Memet" --date "11 February 1999" --type deportation --summary "Forcibly returned to China"\n  caselog add event "Hemit Memet" "Kasim Mahpir" --date 1999-02 --type detention --summary "Held in Urumqi" --source "EUR 57/12/98"\n  caselog add event "UA 77/98" --date "during 1998" --type report --summary "Arrests reported in Ghulja"   # the case as a whole\n\n${QUOTES}`)
    .argument('[who...]', 'people (any of their names) and/or a case reference')
    .option('--date <date>', 'when: 1999-02-11, 11 February 1999, Feb 1999, 1998, ~1998')
    .addOption(new Option('--type <type>', 'what kind of event').choices(EVENT_TYPES).argParser(oneChoice(EVENT_TYPES, '--type', 'type')))
    .option('--summary <text>', 'what happened')
    .option('--place <place>', 'where')
    .option('--actor <actor>', 'who did it')
    .option('--source <src>', 'a source: its reference code, title or id (repeatable)', collect, [])
    .addOption(new Option('--status <s>', 'for --type status: the new status').choices(STATUSES).argParser(oneChoice(STATUSES, '--status', 'status')))
    .action(async (who, opts, cmd: Command) => (await import('./add')).addEvent(context(cmd), who, opts));

  add.command('deadline')
    .description('set a date by which something must be checked or done')
    .usage('WHO... --date DATE --note TEXT [--warn DAYS]')
    .addHelpText('after', `\nExamples:\n  caselog add deadline "UA 77/98" --date "15 March 1999" --warn 14 --note "check before sending appeals"\n  caselog add deadline "Kasim Mahpir" --date "in 2 weeks" --note "call the family"\n\n${QUOTES}`)
    .argument('[who...]', "a case reference and/or people; the case must be open (due leaves out a closed case's deadlines)")
    .option('--date <date>', 'when: 1999-03-15, 15 March 1999, +14d, in 2 weeks, in six months')
    .option('--note <text>', 'what to check or do')
    .option('--warn <days>', 'start reminding this many days before (14 or 14d; weeks: 2w)')
    .action(async (who, opts, cmd: Command) => (await import('./add')).addDeadline(context(cmd), who, opts));

  add.command('source')
    .description('record where facts come from')
    .usage('--title TEXT [options]')
    .addHelpText('after', `\nExamples:\n  caselog add source --title "EXTRA 77/98" --publisher "Amnesty International" --ref "EUR 57/12/98" --date "15 October 1998"\n\n${QUOTES}`)
    .option('--title <text>', 'the title')
    .option('--publisher <p>', 'who published it')
    .option('--ref <code>', 'its reference code, e.g. "EUR 57/12/98"')
    .option('--date <date>', 'its date')
    .option('--url <url>', 'where it can be read')
    .addOption(new Option('--reliability <r>', 'how far it can be trusted').choices(RELIABILITIES).argParser(oneChoice(RELIABILITIES, '--reliability')))
    .action(async (opts, cmd: Command) => (await import('./add')).addSource(context(cmd), opts));
}

/** The one rule a newcomer trips on, under every example. */
const QUOTES = 'A name or case reference of several words goes in quotes.';

function registerEveryday(program: Command, context: ContextFor): void {
  program.command('timeline')
    .description("a person's or a case's events in date order, with sources")
    .argument('<who>', 'a name (any spelling stored) or a case reference')
    .action(async (who, _opts, cmd: Command) => (await import('./timeline')).timeline(context(cmd), who));

  program.command('due')
    .description('open deadlines: overdue first, then those coming up')
    .option('--within <days>', 'how many days ahead to look', '30')
    .option('--limit <n>', 'only the n most urgent (0 for all)')
    .action(async (opts, cmd: Command) => (await import('./due')).due(context(cmd), opts));

  program.command('at-risk')
    .description('people with open risks, most urgent first')
    .addOption(new Option('--risk <r>', 'only people facing this risk').choices(RISKS).argParser(oneChoice(RISKS, '--risk', 'risk')))
    .option('--limit <n>', 'only the n most urgent (0 for all)')
    .action(async (opts, cmd: Command) => (await import('./at-risk')).atRisk(context(cmd), opts));

  program.command('done')
    .description('mark a deadline done (a mistake: caselog reopen ID makes it open again)')
    .argument('<id>', 'the deadline id shown by "due" (any unique prefix)')
    .action(async (id, _opts, cmd: Command) => (await import('./done')).done(context(cmd), id));

  program.command('export')
    .description('write records out: json (everything), csv (tables), ics (deadlines), md WHO (a dossier)')
    .argument('[who]', 'for --format md: a person or a case reference')
    .option('--format <format>', 'json, csv, ics or md', 'json')
    .option('--out <path>', 'a file (or, for csv, a folder) instead of stdout')
    .option('--table <name>', 'for csv: people, events or deadlines on stdout')
    .option('--cancelled', 'for ics: also each deadline done, deleted or on a closed case, as a cancelled entry without its note, so a calendar that imported an earlier file drops it')
    .action(async (who, opts, cmd: Command) => (await import('./export')).exportCommand(context(cmd), who, opts));

  program.command('import')
    .description('read a caselog export (json) or a csv of people or events; all or nothing')
    .argument('<file>', 'the file, or - for stdin')
    .option('--format <format>', 'json or csv (default: from the file name, else its first character)')
    .option('--new', 'csv of people: rows close to someone tracked are new people all the same (not rows of their very name: add those with add person --new)')
    .option('--replace', "records that differ here take the file's version (else the import is refused, listing them)")
    .option('--restore-erased', 'bring back people erased here (else an old export or backup holding them is refused)')
    .option('--skip-erased', 'take the rest of a file that holds people erased here: their own records are left out, and they and their names are taken out of records they share with others')
    .option('--join-cases', "a case of the file whose reference a case here has is that case: its people, events and deadlines join it (the case here keeps its own title, summary and open or closed state)")
    .option('--dry-run', 'check the file and say what importing it would add, update or leave unchanged; nothing is written')
    .action(async (file, opts, cmd: Command) => (await import('./import')).importCommand(context(cmd), file, opts));

}

/** `add evnt`: what commander says of a mistyped command, for add's kinds of record. (The string
 * distance is in the core bundle, evaluated at start by flags' vocabulary: under 0.1 ms.) */
async function unknownKind(word: string, kinds: string[]): Promise<UsageError> {
  const { distance } = await import('fastest-levenshtein');
  const near = kinds.filter((k) => distance(k, word.toLowerCase()) <= Math.max(1, Math.floor(k.length / 3)));
  return new UsageError(`unknown kind of record '${word}' for add${near.length ? ` (Did you mean ${near.join(' or ')}?)` : `: ${kinds.join(', ')}`}`);
}
