// Commands of the search work, declared here and loaded lazily: ingest a document, search the record.
import { Option, type Command } from 'commander';
import type { Context } from '../context';
import { RELIABILITIES } from '../domain/types';
import { oneChoice } from './flags';

export function registerSearch(program: Command, context: (command: Command) => Context): void {
  program.command('ingest')
    .description('read a document (text, Markdown or HTML), store it as a source and record the facts you accept from it')
    .argument('<file>', 'the document, or - for stdin')
    .option('--title <text>', "the source's title (default: what the document says)")
    .option('--publisher <p>', 'who published it')
    .option('--ref <code>', 'its reference code, e.g. "EUR 57/12/98"')
    .option('--date <date>', 'its date')
    .option('--url <url>', 'where it can be read')
    .addOption(new Option('--reliability <r>', 'how far the source can be trusted').choices(RELIABILITIES).argParser(oneChoice(RELIABILITIES, '--reliability')))
    .option('--case <ref>', 'the case the events and deadlines belong to')
    .addOption(new Option('--format <format>', 'how the document is written (default: from the file name, else sniffed)').choices(['text', 'markdown', 'html']))
    .option('--yes', 'accept every proposal without asking (no terminal needed)')
    .option('--dry-run', 'show the proposals and record nothing')
    .action(async (file, opts, cmd: Command) => (await import('./ingest')).ingest(context(cmd), file, opts));

  program.command('search')
    .description('find words in events, deadlines, names, cases and ingested documents')
    .argument('<text...>', 'words or a name; accents and case do not matter')
    .option('--limit <n>', 'show at most this many results', '20')
    // An unknown option is a usage error here as everywhere ("--case X" is no filter to search for
    // as words); a word that starts with a dash is searched for after "--".
    .action(async (words, opts, cmd: Command) => (await import('./search')).search(context(cmd), words, opts));
}
