// Commands of the appeals work, declared here and loaded lazily: targets (add target, list
// targets) and appeal plan|letters|sent|response.
import { Option, type Command } from 'commander';
import type { Context } from '../context';
import { collect, oneChoice, parentCommand } from './flags';
import { RESPONSES, VIAS } from '../domain/appeals';
import type { GivenFlag } from './appeal-plan-requests';


export function registerAppeals(program: Command, context: (command: Command) => Context): void {
  const add = parentCommand(program, 'add', 'record a case, person, event, deadline or source');
  add.command('target')
    .description('a person or office to write appeals to, kept once and reused across cases')
    .argument('[name]', 'their name, e.g. "Kasymzhomart TOKAYEV"')
    .option('--title <text>', 'their title, e.g. "Minister of Foreign Affairs of the Republic of Kazakstan"')
    .option('--address <text>', 'the postal address: repeat for each line, or separate lines with \\n (one of --address, --fax, --email is needed)', collect, [])
    .option('--fax <number>', 'fax number')
    .option('--email <address>', 'email address')
    .option('--salutation <text>', 'e.g. "Your Excellency" (default: from the title)')
    .option('--language <lang>', 'the language to write in, e.g. en, ru, zh')
    .option('--country <country>', 'the country of the office')
    .action(async (name, opts, cmd: Command) => (await import('./add-target')).addTarget(context(cmd), name, opts));

  const list = parentCommand(program, 'list', 'tables of cases, people, sources or appeal targets (cases and people with filters)');
  list.command('targets')
    .description('the people and offices appeals are written to')
    .option('--limit <n>', 'only the first n (0 for all)')
    .action(async (opts, cmd: Command) => (await import('./add-target')).listTargets(context(cmd), opts));

  const appeal = parentCommand(program, 'appeal', 'appeals for a case: whom to write to, the letters, what was sent and answered');
  // Commander collects --target and --action apart; which request goes to whom is in the order typed.
  const given: GivenFlag[] = [];
  appeal.command('plan')
    .on('option:target', (value: string) => given.push({ flag: 'target', value }))
    .on('option:action', (value: string) => given.push({ flag: 'action', value }))
    .description('set whom to write to and what to ask (adds; --remove-target takes one out; --replace replaces); without options, show the plan')
    .argument('<ref>', 'the case reference')
    .option('--target <who>', 'a target: name, title or id (repeatable); a new one alone is asked every request, one in the plan already keeps its own', collect, [])
    .option('--action <text>', 'a recommended action, e.g. "urging the authorities to ..." (repeatable); asked of the --target (or run of --target) given before it, else (when new) of all', collect, [])
    .option('--copies-to <text>', 'who also gets a copy, e.g. "diplomatic representatives of ... accredited to your country"')
    .option('--replace', 'replace the plan instead of adding to it')
    .option('--remove-target <who>', 'take a target out of the plan, with what it was asked; letters sent to it stay on record (repeatable)', collect, [])
    .action(async (ref, opts, cmd: Command) => (await import('./appeal-plan')).appealPlan(context(cmd), ref, { ...opts, given }));

  appeal.command('letters')
    .description('one letter a target of the plan, ready to send')
    .argument('<ref>', 'the case reference')
    .option('--from <text>', 'your name and address: repeat for each line, or separate lines with \\n', collect, [])
    .addOption(new Option('--format <format>', 'txt or md').choices(['txt', 'md']).default('txt'))
    .option('--out <dir>', 'write one file a target into this folder and print their paths')
    .option('--target <who>', 'only the letter to this target (repeatable)', collect, [])
    .action(async (ref, opts, cmd: Command) => (await import('./appeal-letters')).appealLetters(context(cmd), ref, opts));

  appeal.command('sent')
    .description('record appeals sent, one event on the case a target')
    .argument('<ref>', 'the case reference')
    .option('--target <who>', 'whom you wrote to (repeatable)', collect, [])
    .option('--date <date>', 'when (default: today)')
    .addOption(new Option('--via <how>', 'how it was sent').choices(VIAS).argParser(oneChoice(VIAS, '--via')))
    .action(async (ref, opts, cmd: Command) => (await import('./appeal-record')).appealSent(context(cmd), ref, opts));

  appeal.command('response')
    .description('record the answer to an appeal (or that none came)')
    .argument('<ref>', 'the case reference')
    .option('--target <who>', 'who answered', collect, [])
    .option('--date <date>', 'when the answer came (default: today)')
    .addOption(new Option('--response <kind>', 'what kind of answer').choices(RESPONSES).argParser(oneChoice(RESPONSES, '--response')))
    .option('--note <text>', 'what they said, in short')
    .action(async (ref, opts, cmd: Command) => (await import('./appeal-record')).appealResponse(context(cmd), ref, opts));
}
