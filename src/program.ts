// Commander wiring: global options, commands, and the one place errors become exit codes.
import { Command, CommanderError, Option } from 'commander';
import { userInfo } from 'node:os';
import type { Context, Output, Signals } from './context';
import { DateInputError, dayCountedFrom, firstDay, parseDate, parseDay, precisionOf } from './domain/dates';
import { dayIso } from './domain/dates-calendar';
import type { Day } from './domain/types';
import { controlCharacter, visibleControls } from './domain/text';
import { missingTableMessage, missingTableOf, UserError } from './errors';
import { machineProblem } from './machine-errors';
import { inquirerPrompter, type Prompter } from './prompter';
import { oneLine } from './render/lines';
import { loadColour } from './render/style';
import { defaultDbPath, withHome } from './store/path';
import { configureHelp, helpArgv, helpOfNoCommand } from './help';
import type { SqliteStore } from './store/sqlite-store';
import { damageFound } from './store/open-errors';
import { registerCommands } from './commands/register';
import { typedDb, withDbInHints } from './db-hints';
import { withTypedLineBreaks } from './typed-lines';
import { VERSION } from './version';

export { VERSION };

export interface Process {
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The terminal's width, when stdout is a terminal (process.stdout.columns). */
  stdoutColumns?: number;
  /** The terminal's width, when stderr is a terminal (notes are wrapped to it there, and only there). */
  stderrColumns?: number;
  now: Date;
  /** Tests answer prompts through this; the real one loads @inquirer/prompts on first use. */
  prompter?: () => Promise<Prompter>;
  /** Ctrl-C, kill and a closed terminal, for the commands that stop cleanly on them. */
  signals?: Signals;
  /** The terminal session this run belongs to (terminal-session.ts); none said when not given. Asked only when needed. */
  session?: () => string;
}

// A name of several words typed without quotes (timeline Hemit Memet) arrives as extra arguments.
const TOO_MANY = /^(caselog: too many arguments for '([^']+)'\. Expected \d+ arguments? but got \d+)\.?$/m;
const QUOTED_EXAMPLE: Record<string, string> = {
  timeline: 'timeline "Hemit Memet"', show: 'show "UA 77/98"', log: 'log "Hemit Memet"', risk: 'risk "Hemit Memet" --add torture',
  close: 'close "UA 77/98"', reopen: 'reopen "UA 77/98"', erase: 'erase "Hemit Memet"', export: 'export --format md "Hemit Memet"',
  merge: 'merge "Khamit Memet" "Hemit Memet"', person: 'add person "Hemit Memet"', edit: 'edit "Hemit Memet" --gender male',
  delete: 'delete "Hemit Memet"', plan: 'appeal plan "UA 77/98" --target NAME --action TEXT', letters: 'appeal letters "UA 77/98"',
  sent: 'appeal sent "UA 77/98" --target NAME', response: 'appeal response "UA 77/98" --target NAME --response KIND', alias: 'person alias "Hemit Memet" "Khamit Memet"', unalias: 'person unalias "Hemit Memet" "Khamit Memet"',
};
const QUOTE_HINT = (whole: string, said: string, command: string) =>
  QUOTED_EXAMPLE[command] ? `${said}: a name or case reference of several words goes in quotes, as in caselog ${QUOTED_EXAMPLE[command]}` : whole;

// A word outside a flag's vocabulary: commander's "option '--risk <r>' argument 'x' is invalid." before our own sentence.
const BAD_CHOICE = /option '(--[\w-]+) <[^>]+>' argument '.*' is invalid\. ("[^\n]*" is not (?:a|one))/;

interface GlobalOptions { db?: string; today?: string; json?: boolean; color?: boolean }

export async function run(given: string[], caller: Process): Promise<number> {
  let store: SqliteStore | undefined;
  const argv = withTypedLineBreaks(helpArgv(given));
  // The commands a message names to type next carry the --db this one was given (db-hints.ts); the
  // caller's other fields stay as they are (stdinIsTTY is asked only when needed).
  const db = typedDb(argv);
  // doctor writes its advice on stdout ("then: caselog import COPY"), and nothing a record holds.
  const onStdout = db !== undefined && commandWord(argv) === 'doctor' && !argv.includes('--json');
  const proc: Process = db === undefined ? caller : Object.assign(Object.create(caller) as Process, {
    stderr: withDbInHints(caller.stderr, db), ...(onStdout ? { stdout: withDbInHints(caller.stdout, db) } : {}),
  });
  // Read once, and only by a command that writes a change or undoes one: reading commands never ask.
  let session: string | null | undefined;
  const sessionOnce = (): string | null => (session === undefined ? (session = proc.session?.() ?? null) : session);
  const program = new Command('caselog');
  configureHelp(program);
  program
    .description('Track cases, people at risk, their timelines and deadlines')
    // With --json, stdout holds JSON and nothing else, the version too.
    .version(argv.includes('--json') ? JSON.stringify({ version: VERSION }) : VERSION, '-V, --version')
    .option('--db <path>', 'the database file (default: $CASELOG_DB, else $XDG_DATA_HOME/caselog/caselog.db)')
    .option('--today <date>', 'the date to treat as today (default: $CASELOG_TODAY, else the local date)')
    .option('--json', 'machine-readable output on stdout')
    .addOption(new Option('--no-color', 'plain output without colour'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => proc.stdout.write(s),
      writeErr: (s) => proc.stderr.write(s),
      // Help as wide as the terminal it is read on (commander asked process.stdout, which tests and
      // any caller through Process do not set); 80 into a pipe or a file.
      getOutHelpWidth: () => terminalWidth(proc),
      getErrHelpWidth: () => terminalWidth(proc),
      // One line, as every error is: commander puts its suggestion on a line of its own.
      outputError: (s, write) => write(s.replace(/^error: /, 'caselog: ').replace(/\n\(Did you mean/, ' (Did you mean').replace(TOO_MANY, QUOTE_HINT).replace(BAD_CHOICE, '$1 $2')),
    });

  const context = (command: Command): Context => {
    const g = command.optsWithGlobals() as GlobalOptions;
    const interactive = proc.stdoutIsTTY && proc.stdinIsTTY; // stdout first: see cli.ts
    const color = g.color !== false && mayColour(proc);
    // The variables that name the database and today, when used: bytes that are not UTF-8 would make or open another file.
    for (const name of [...(g.db === undefined ? ['CASELOG_DB', 'XDG_DATA_HOME'] : []), ...(g.today === undefined ? ['CASELOG_TODAY'] : [])]) {
      if (proc.env[name]?.includes('\uFFFD')) throw new UserError(`${name} holds bytes that are not UTF-8 text (shown as \uFFFD): set it again in UTF-8`);
    }
    const dbPath = withHome(g.db ?? defaultDbPath(proc.env as NodeJS.ProcessEnv));
    // An empty CASELOG_DB is an unset one (defaultDbPath).
    const dbNamed = g.db !== undefined || Boolean(proc.env.CASELOG_DB);
    const commandName = commandPath(command);
    const ctx: Context = {
      stdout: proc.stdout,
      stderr: proc.stderr,
      interactive,
      stdinIsTerminal: () => proc.stdinIsTTY,
      color,
      columns: proc.stdoutIsTTY ? proc.stdoutColumns : undefined,
      noteColumns: proc.stderrColumns,
      json: Boolean(g.json),
      // An empty CASELOG_TODAY is an unset one; an empty --today is a mistake (a script's unset variable).
      today: resolveToday(g.today, proc.env.CASELOG_TODAY?.trim() || undefined, proc.now),
      env: proc.env,
      dbPath,
      dbNamed,
      user: osUser(proc.env),
      session: sessionOnce,
      signals: proc.signals,
      openStore: async ({ create }) => {
        if (!store) {
          // Loaded here, not at start: help and usage errors need neither the driver nor the store.
          const [{ openDatabase }, { SqliteStore }, { isEncryptedFile }] = await Promise.all([
            import('./store/open'), import('./store/sqlite-store'), import('./store/trust-key'),
          ]);
          // On a terminal, an encrypted file without CASELOG_PASSPHRASE gets a hidden prompt.
          const passphrase = proc.env.CASELOG_PASSPHRASE || (interactive && isEncryptedFile(dbPath)
            ? await (await import('./commands/encrypt')).passphraseToOpen(ctx, dbPath) : undefined);
          const db = openDatabase({
            path: dbPath, create, passphrase, named: dbNamed,
            warn: (m) => proc.stderr.write(`caselog: ${visibleControls(m)}\n`),
          });
          store = new SqliteStore(db, { command: commandName, user: ctx.user, session: sessionOnce }, {
            today: dayIso(ctx.today), warn: (m) => proc.stderr.write(`caselog: ${visibleControls(m)}\n`),
          });
        }
        return store;
      },
      // Prompts follow --no-color / NO_COLOR like the rest of the output; the library still loads only when asked.
      prompter: proc.prompter ?? (() => inquirerPrompter({ color })),
    };
    return ctx;
  };

  const word = commandWord(argv);
  registerCommands(program, context, word);
  try {
    // Escape codes and the like typed or pasted into an argument would be stored and later printed to
    // terminals as commands; line breaks and tabs are text (a name refuses them when it is stored).
    for (const arg of argv) {
      const control = controlCharacter(arg);
      if (control) throw new UserError(`${JSON.stringify(arg)} holds a control character (${control}): give text without terminal codes`);
      // Bytes that are not UTF-8 reach us as U+FFFD: stored, the name would be lost for good.
      if (arg.includes('\uFFFD')) throw new UserError(`${JSON.stringify(arg)} holds bytes that are not UTF-8 text (shown as \uFFFD): set the terminal to UTF-8 and type it again`);
    }
    if (mayColour(proc)) await loadColour();
    await program.parseAsync(helpOfNoCommand(program, given, commandWord(given), argv), { from: 'user' });
    await sayStarted(store, proc);
    return 0;
  } catch (error) {
    // A refused first command leaves no empty database behind ("add person X --case NOPE" made one,
    // and a mistyped path then read as an empty database instead of "no caselog database at ...").
    try {
      store?.discardIfUnused();
    } catch {
      // The refusal is what the user needs to see; a file left over is the lesser harm.
    }
    // Kept all the same (something was recorded before it failed, or it was cancelled too late): said before why it stopped.
    await sayStarted(store, proc);
    return exitCodeFor(damagedInstead(error, store) ?? error, proc);
  } finally {
    store?.close();
  }
}

/**
 * Once, by the command that made the database file and kept it: a mistyped path, or the default
 * place when CASELOG_DB was not set in this terminal, would otherwise take records into a new file
 * unseen. After the command's own lines, on stderr: --json's stdout stays JSON alone.
 */
async function sayStarted(store: SqliteStore | undefined, proc: Process): Promise<void> {
  if (!store?.madeNew()) return;
  const { startedNote } = await import('./store/db-place');
  proc.stderr.write(`caselog: ${visibleControls(startedNote(store.db.name))}\n`);
}

/**
 * The command's name in argv: the first word that is not a global option or its value. Undefined
 * when an option other than the global ones comes first (--help, a mistyped one): commander then
 * needs every command, to list them or suggest one.
 */
export function commandWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db' || arg === '--today') i++;
    else if (!(arg === '--json' || arg === '--no-color' || arg.startsWith('--db=') || arg.startsWith('--today='))) {
      return arg.startsWith('-') ? undefined : arg;
    }
  }
  return undefined;
}

/** The terminal's width when stdout is one that says it, else 80. */
function terminalWidth(proc: Process): number {
  const width = proc.stdoutColumns;
  return proc.stdoutIsTTY && width !== undefined && Number.isInteger(width) && width > 0 ? width : 80;
}

/**
 * Colour only on a terminal that shows it (TERM=dumb prints escape codes as they are) and never under
 * NO_COLOR, nor FORCE_COLOR=0 (or false) or CLICOLOR=0, which other tools read as "no colour" too; --no-color, read
 * with the command, turns it off as well. FORCE_COLOR never brings colour to a pipe or a file.
 */
function mayColour(proc: Process): boolean {
  const forcedOff = proc.env.FORCE_COLOR === '0' || proc.env.FORCE_COLOR === 'false' || proc.env.CLICOLOR === '0';
  return proc.stdoutIsTTY && proc.env.TERM !== 'dumb' && !forcedOff && !('NO_COLOR' in proc.env && proc.env.NO_COLOR !== '');
}

/**
 * A failure caselog does not expect, on a database that fails SQLite's quick check: the damage is
 * what to say (one plain line, pointing at doctor), not the fault it caused in the code reading it.
 */
function damagedInstead(error: unknown, store: SqliteStore | undefined): UserError | undefined {
  if (!store || error instanceof CommanderError || error instanceof UserError || error instanceof DateInputError) return undefined;
  if (missingTableOf(error) !== undefined || machineProblem(error) !== undefined) return undefined;
  // SQLite's own "malformed" is said as it is (exitCodeFor).
  if (/^SQLITE_(CORRUPT|NOTADB)/.test((error as { code?: string })?.code ?? '')) return undefined;
  const damage = damageFound(store.db);
  return damage === undefined ? undefined
    : new UserError(`the database is damaged (SQLite's check: ${damage}): run "caselog doctor", and restore the latest backup if there is one (caselog restore FILE)`);
}

function exitCodeFor(error: unknown, proc: Process): number {
  if (error instanceof CommanderError) {
    // Help asked for, or the version: 0. Help shown because a command was missing (bare `caselog`,
    // `caselog list`): a usage error, like any other missing argument.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UserError || error instanceof DateInputError) {
    const code = error instanceof UserError ? error.exitCode : 1;
    // A prompt left with Ctrl-C: every command asks before it writes, so nothing was. One line, as
    // every message is, whatever it quotes from a user's file: no line of its own, no terminal code.
    proc.stderr.write(`caselog: ${code === 130 && error.message === 'cancelled' ? 'cancelled; nothing was changed' : visibleControls(oneLine(error.message))}\n`);
    if (proc.env.CASELOG_DEBUG === '1') proc.stderr.write(`${error.stack}\n`);
    return code;
  }
  const message = (error as Error)?.message ?? String(error);
  const debug = proc.env.CASELOG_DEBUG === '1';
  const table = missingTableOf(error);
  const machine = machineProblem(error);
  if (table !== undefined) {
    proc.stderr.write(`caselog: ${visibleControls(missingTableMessage(table))}\n`);
  } else if (/^SQLITE_(CORRUPT|NOTADB)/.test((error as { code?: string })?.code ?? '')) {
    // Damage found only where a command read (the first page was whole): said as opening says it.
    proc.stderr.write(`caselog: the database is damaged (SQLite: ${visibleControls(message.split('\n')[0]!)}): run "caselog doctor" and restore from a backup\n`);
  } else if (machine !== undefined) {
    proc.stderr.write(`caselog: ${visibleControls(machine)}\n`);
  } else {
    proc.stderr.write(`caselog: unexpected error: ${visibleControls(message.split('\n')[0]!)}${debug ? '' : ' (run with CASELOG_DEBUG=1 for details)'}\n`);
  }
  if (debug) proc.stderr.write(`${(error as Error)?.stack}\n`);
  return 1;
}

function tryParseDate(text: string) {
  try {
    return parseDate(text);
  } catch {
    return undefined;
  }
}

/**
 * Today: --today, else CASELOG_TODAY, else the local date. A bad date for today is a bad date like any
 * other (exit 1), whether typed or in the environment; "yesterday" there is refused with the local
 * date it means, and "today" as the default it already is.
 */
function resolveToday(typed: string | undefined, inEnv: string | undefined, now: Date): Day {
  const local = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  const text = typed ?? inEnv;
  if (text === undefined) return local;
  const from = typed !== undefined ? '--today' : 'CASELOG_TODAY';
  if (text.trim() === '') throw new UserError(`${from} is empty: give a day such as 1999-03-01`);
  try {
    return parseDay(text, local);
  } catch (error) {
    // A written day ("1 March 1999") is as clear as its ISO form; a month or a year is not a day.
    const written = tryParseDate(text);
    if (written && precisionOf(written) === 'day' && !written.approximate) return firstDay(written);
    // Left out, --today gives way to CASELOG_TODAY: the local date is the default only without it.
    const meant = dayCountedFrom(text, local);
    if (meant && dayIso(meant) === dayIso(local) && (from === 'CASELOG_TODAY' || inEnv === undefined)) {
      throw new UserError(`${from}: "${text.trim()}" is already the default: ${from === '--today' ? 'leave --today out' : 'unset CASELOG_TODAY'}`);
    }
    throw new UserError(`${from}: ${(error as Error).message}`);
  }
}

function osUser(env: Record<string, string | undefined>): string {
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
