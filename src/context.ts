// Everything a command touches comes in through the context, so tests can pin the date,
// capture output and switch the terminal on or off (as gh's factory does).
import type { Day } from './domain/types';
import { asEscape, visibleControls } from './domain/text';
import type { Prompter } from './prompter';
import type { SqliteStore } from './store/sqlite-store';
import { oneLine } from './render/lines';
import { wrapText } from './render/wrap';

export interface Output {
  write(text: string): boolean | void;
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * Writes a stream of text in chunks, waiting when the reader is slower than we are. Chunks of 16K
 * characters: a chunk keeps its pieces alive until it is written, and in larger ones many lived
 * long enough for V8 to move them to its old generation, which then grew (a CSV table of 100,000
 * people on stdout: 128 MB at its peak with chunks of 64K, 102 MB with these).
 */
export async function writeStream(out: Output, pieces: Iterable<string>): Promise<void> {
  let chunk = '';
  const flush = async () => {
    const ok = out.write(chunk);
    chunk = '';
    if (ok === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
  };
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= 1 << 14) await flush();
  }
  if (chunk) await flush();
}

export type Signals = (listener: (signal: string) => void) => () => void;

export interface Context {
  stdout: Output;
  stderr: Output;
  /** Both stdin and stdout are terminals: prompts and pickers are allowed. */
  interactive: boolean;
  /** Standard input is a terminal, whatever stdout is: nothing was piped in (asked only when needed). */
  stdinIsTerminal(): boolean;
  color: boolean;
  /** The terminal's width in columns, when stdout is a terminal that tells it. */
  columns?: number;
  /** The width notes on stderr are wrapped to: only when stderr is a terminal (a log file keeps one line a note). */
  noteColumns?: number;
  json: boolean;
  today: Day;
  env: Record<string, string | undefined>;
  dbPath: string;
  /** dbPath was named (--db or CASELOG_DB), not caselog's own place: a new database there needs its folder there already. */
  dbNamed: boolean;
  /** The OS user the change log names. */
  user: string;
  /** The terminal session the change log names (src/terminal-session.ts), read when first asked; null when not known. */
  session(): string | null;
  /**
   * Listens for the signals that stop a command (Ctrl-C, kill, a terminal closed) until the
   * returned function is called; undefined where there are none to hear (see commands/cancel.ts).
   */
  signals?: Signals;
  /** Opens the database once; writing commands create it, reading ones refuse a missing file. */
  openStore(opts: { create: boolean }): Promise<SqliteStore>;
  prompter(): Promise<Prompter>;
}

/**
 * One line on stderr: a note or a title echoed in a message cannot add a line of its own there, and
 * a record's text (from a database an older caselog filled) never moves the terminal.
 */
export function say(ctx: Context, line: string): void {
  const text = visibleControls(oneLine(line));
  ctx.stderr.write(`${wrappable(ctx.noteColumns) ? wrapText(text, ctx.noteColumns) : text}\n`);
}

const wrappable = (width: number | undefined): width is number => width !== undefined && Number.isInteger(width) && width > 0;

export function print(ctx: Context, text: string): void {
  const shown = safeOutput(ctx, text);
  ctx.stdout.write(shown.endsWith('\n') ? shown : `${shown}\n`);
}

/**
 * Control characters and direction overrides that no caselog writes, but a database another program
 * filled may hold (a colleague's file, a backup): shown as \uXXXX, never obeyed by the terminal (an
 * escape code in a deadline's note cleared the screen and retitled the window). Line breaks and
 * tabs stay, and, with colour on, caselog's own colour codes (SGR; not conceal, which hides text).
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_OR_COLOUR = /\u001b\[(\d{1,3}(?:;\d{1,3})*)m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function safeOutput(ctx: Pick<Context, 'color'>, text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_OR_COLOUR, (found, codes: string | undefined) =>
    (ctx.color && codes !== undefined && !codes.split(';').includes('8') ? found : `${asEscape(found[0]!)}${found.slice(1)}`));
}

/**
 * Text to read on a terminal: each long line broken between words at its width (render/wrap.ts).
 * Into a pipe or a file (no width known), one line an item as it was, for scripts and grep.
 */
export function printWrapped(ctx: Context, text: string): void {
  ctx.stdout.write(wrapped(ctx, text));
}

/** What printWrapped writes: for a piece of a stream written with writeStream. */
export function wrapped(ctx: Context, text: string): string {
  const safe = safeOutput(ctx, text);
  const shown = wrappable(ctx.columns) ? wrapText(safe, ctx.columns) : safe;
  return shown.endsWith('\n') ? shown : `${shown}\n`;
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
