// Commands of everyday upkeep — show, list, edit, status, risk, close/reopen, delete, undo, erase —
// declared here and loaded lazily.
import { Command, Option } from 'commander';
import type { Context } from '../context';
import { readWord } from '../domain/vocabulary';
import { choiceOf, collect, collectChoice, oneChoice, parentCommand } from './flags';
import { EVENT_TYPES, RELIABILITIES, RISKS, STATUSES, type Status } from '../domain/types';
import { UsageError } from '../errors';

type ContextFor = (command: Command) => Context;
const collectRisk = collectChoice(RISKS, 'risk');

export function registerUpkeep(program: Command, context: ContextFor): void {
  program.command('show')
    .description("a person's card (names, status and what set it, risks, news, next deadline) or a case's; or one event, deadline, source or appeal target by its id")
    .argument('<who>', 'a name (any spelling stored), a case reference, or an id (any unique prefix, as timeline, due, search and log show it) of a person, case, event, deadline, source or appeal target')
    .action(async (who, _opts, cmd: Command) => (await import('./show')).show(context(cmd), who));

  registerList(program, context);
  registerEdit(program, context);

  program.command('status')
    .description('record a change of status, as an event on the timeline (several people: one event about them all)')
    .argument('<who...>', `the person's name (or several), then the new status: ${STATUSES.join(', ')}`)
    .option('--date <date>', 'when (default: today)')
    .option('--note <text>', 'what happened, for the timeline')
    .option('--replace', 'the status recorded when they were added or imported (a later day) was wrong: drop it, this one decides')
    .action(async (words: string[], opts, cmd: Command) => {
      // The status comes last, after one name or several (commander takes only a last argument as variadic).
      if (words.length < 2) throw new UsageError(`give the person and the new status: caselog status WHO STATUS (${STATUSES.join(', ')})`);
      // "in hiding", "at liberty": a status of two words typed without quotes or hyphen.
      const two = words.length > 2 ? readWord(words.slice(-2).join(' '), STATUSES, 'status') : undefined;
      if (two && 'word' in two) return (await import('./status')).setStatus(context(cmd), words.slice(0, -2), two.word, opts);
      // "in prison", "forcibly returned": two words of their own, answered as one ("prison" alone misled);
      // read as the status the last word is, when it is the one they mean ("Forcibly Returned").
      const last = readWord(words.at(-1)!, STATUSES);
      if (two && two.meant && 'word' in last && last.word === two.meant) return (await import('./status')).setStatus(context(cmd), words.slice(0, -2), last.word, opts);
      if (two && two.meant && 'unknown' in last) {
        throw new UsageError(`the new status comes last: "${words.slice(-2).join(' ')}" is not a status caselog knows: did you mean ${two.meant}? (one of ${STATUSES.join(', ')})`);
      }
      let status: Status;
      try {
        status = choiceOf(words.at(-1)!, STATUSES, 'status');
      } catch (error) {
        throw new UsageError(`the new status comes last: ${(error as Error).message}`);
      }
      return (await import('./status')).setStatus(context(cmd), words.slice(0, -1), status, opts);
    });

  program.command('risk')
    .description('a change in the risks a person faces, recorded as news on the timeline (to correct the record without an event: edit --risk); bare, list them')
    .argument('<who>', "the person's name")
    .option('--add <risk>', `a risk to add (repeatable): ${RISKS.join(', ')}`, collectRisk, [])
    .option('--remove <risk>', 'a risk to remove (repeatable)', collectRisk, [])
    .option('--date <date>', 'when the change was learnt (default: today)')
    .option('--note <text>', 'why, for the timeline')
    .action(async (who, opts, cmd: Command) => (await import('./risk')).risk(context(cmd), who, opts));

  program.command('close')
    .description('close a case: it leaves due and at-risk, and stays in timeline and show')
    .argument('<ref>', 'the case reference')
    .option('--date <date>', 'when (default: today)')
    .option('--reason <text>', 'why, e.g. "released", "asylum granted"')
    .action(async (ref, opts, cmd: Command) => (await import('./close')).close(context(cmd), ref, opts));

  program.command('reopen')
    .description('reopen a closed case, or a deadline marked done by mistake (it shows in due again)')
    .argument('<what>', 'the case reference, or the deadline id (any unique prefix, as due and show print it)')
    .action(async (what, _opts, cmd: Command) => (await import('./done')).reopen(context(cmd), what));

  program.command('delete')
    .description('delete an event, deadline, person or case, with what belongs only to it (undo puts it back)')
    .argument('<what>', 'an id (any unique prefix), a case reference or a name')
    .option('--force', 'without asking (needed when there is no terminal)')
    .action(async (what, opts, cmd: Command) => (await import('./delete')).deleteCommand(context(cmd), what, opts));

  program.command('undo')
    .description('reverse the latest change caselog made; again, the one before')
    .option('--force', "take back a colleague's change (one made by another user) without asking (needed when there is no terminal)")
    .addHelpText('after', UNDO_HELP)
    .action(async (opts, cmd: Command) => (await import('./undo')).undo(context(cmd), opts));

  program.command('erase')
    .description('remove a person and every trace of them from the database file, for their safety; cannot be undone')
    .argument('[who]', "the person's name")
    .option('--force', 'without asking (needed when there is no terminal)')
    .option('--words', 'also replace each word of their names (of three letters or more), where written with a capital, by [erased] in the records that stay, the search index and the change log')
    .option('--word <word>', 'with no person: replace this word by [erased] everywhere it is written with a capital (what is left of someone already erased)')
    .option('--any-case', 'with --word: in lower case too ("kaster" as well as "Kaster"), for a word that is no ordinary word')
    .action(async (who, opts, cmd: Command) => (await import('./erase')).erase(context(cmd), who, opts));
}

/** What undo reaches, and where it stops, said before it is needed. */
const UNDO_HELP = `
Each run reverses one command, all of it: an add, edit, status, risk, close, done,
reopen, delete, merge or import (the records an import added are removed, those it
updated put back as they were).

It cannot reverse an erase: what was erased is gone for good. Undo stops there,
and the changes made before an erase can no longer be undone. It stops the same
way at an import made by an older caselog, which did not record the records it
added.

In a database shared with a colleague, the latest change may be theirs: undo says
whose it is and asks first (without a terminal, it needs --force).`;

function registerList(program: Command, context: ContextFor): void {
  // Other work adds its own lists (e.g. `list targets`) to this command.
  const list = parentCommand(program, 'list', 'tables of cases, people, sources or appeal targets (cases and people with filters)');
  const filters = (cmd: Command) => cmd
    .addOption(new Option('--status <s>', 'with this status (for cases: someone in them)').choices(STATUSES).argParser(oneChoice(STATUSES, '--status', 'status')))
    .addOption(new Option('--risk <r>', 'facing this risk (for cases: someone in them)').choices(RISKS).argParser(oneChoice(RISKS, '--risk', 'risk')))
    .option('--open', 'open cases only')
    .option('--closed', 'closed cases only')
    .option('--limit <n>', 'only the first n (0 for all)');
  filters(list.command('cases').description('cases: reference, title, people, events, opened, open or closed'))
    .action(async (opts, cmd: Command) => (await import('./list')).listCases(context(cmd), opts));
  filters(list.command('people').description('people: name, status, cases, risks, latest news'))
    .option('--case <ref>', 'in this case')
    .action(async (opts, cmd: Command) => (await import('./list')).listPeople(context(cmd), opts));
  list.command('sources')
    .description('sources: reference, title, publisher, reliability, date, events citing it, id')
    .option('--limit <n>', 'only the first n (0 for all)')
    .action(async (opts, cmd: Command) => (await import('./list')).listSources(context(cmd), opts));
}

function registerEdit(program: Command, context: ContextFor): void {
  program.command('edit')
    .description('change an event, deadline, person, case, source or appeal target (without changes, on a terminal: asks with current values)')
    .argument('<what>', 'an id (any unique prefix, shown by timeline, due and --json), a case reference or a name')
    .option('--date <date>', 'event, deadline or source: the date')
    .addOption(new Option('--type <type>', 'event: the kind of event').choices(EVENT_TYPES).argParser(oneChoice(EVENT_TYPES, '--type', 'type')))
    .addOption(new Option('--status <s>', 'status event: the status it sets').choices(STATUSES).argParser(oneChoice(STATUSES, '--status', 'status')))
    .option('--summary <text>', 'event or case: the summary')
    .option('--place <place>', 'event: where (empty clears)')
    .option('--actor <actor>', 'event: who did it (empty clears)')
    .option('--source <src>', 'event: its sources, replacing the ones cited (repeatable)', collect)
    .option('--note <text>', 'deadline: what to check or do')
    .option('--warn <days>', 'deadline: remind this many days before (14 or 14d; weeks: 2w; empty clears)')
    .option('--title <text>', 'case, source or appeal target: the title')
    .option('--ref <ref>', 'case: the reference; source: its reference code (empty clears)')
    .option('--publisher <p>', 'source: who published it (empty clears)')
    .option('--url <url>', 'source: where it can be read (empty clears)')
    .addOption(new Option('--reliability <r>', 'source: how far it can be trusted').choices(RELIABILITIES).argParser(oneChoice(RELIABILITIES, '--reliability')))
    .option('--address <text>', 'appeal target: the postal address, replacing it (repeat for each line, or separate lines with \\n)', collect)
    .option('--fax <number>', 'appeal target: fax number (empty clears)')
    .option('--email <address>', 'appeal target: email address (empty clears)')
    .option('--salutation <text>', 'appeal target: e.g. "Your Excellency" (empty: from the title)')
    .option('--language <lang>', 'appeal target: the language to write in (empty clears)')
    .option('--country <country>', 'case: its countries, replacing the list (repeatable; "" for none); appeal target: its country', collect)
    .option('--opened <date>', 'case: when it was opened')
    .option('--name <name>', 'person: a new primary name (the old one is kept as another name); appeal target: the name')
    .option('--alias <name>', 'person: another name to add (repeatable)', collect)
    .option('--age <n>', 'person: their age (on --age-on, default today)')
    .option('--age-on <date>', 'person: the date the age was given')
    .option('--born <date>', 'person: birth date or year')
    .option('--gender <g>', 'person: gender')
    .option('--citizenship <c>', 'person: citizenship')
    .option('--ethnicity <e>', 'person: ethnicity')
    .option('--person <name>', 'event or deadline: the people it is about, replacing the list (repeatable; "" for the case as a whole)', collect)
    .option('--force', "person: take a --name or --alias close to another person's all the same")
    .option('--case <ref>', 'person: the cases they are in, replacing the list (repeatable; "" for none)', collect)
    .addOption(new Option('--risk <r>', 'person: the risks they face, replacing the list (repeatable; "" for none)')
      .choices(['', ...RISKS]).argParser(collectChoice(['', ...RISKS], 'risk')))
    .action(async (what, opts, cmd: Command) => (await import('./edit')).edit(context(cmd), what, opts));
}
