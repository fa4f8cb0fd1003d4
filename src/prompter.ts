// The questions caselog asks on a terminal. An interface so tests answer them without a terminal;
// the real one loads @inquirer/prompts only when a prompt is actually shown.
import { CancelledError } from './errors';
import { fit } from './render/cell-width';
import { oneLine } from './render/lines';
import { promptTerminal, type PromptKeys, type TerminalInput, type TerminalOutput } from './prompt-terminal';

/** inquirer's second argument to a prompt: its input and output streams (a type only: nothing loads). */
type PromptStreams = NonNullable<Parameters<typeof import('@inquirer/prompts').confirm>[1]>;

/** checked: ticked when a checkbox opens. */
export interface Choice<T> { name: string; value: T; description?: string; checked?: boolean }

export interface Prompter {
  /** The cursor starts on `initial` when given (the current value), else on the first choice. */
  select<T>(message: string, choices: Choice<T>[], initial?: T): Promise<T>;
  /**
   * A line typed, without blanks at either end; blanks alone are no answer, so the default when there
   * is one. A paste of several lines is kept whole: with `lines` (text stored with its lines, a
   * summary) its line breaks stay, shown as U+21B5 while typed; otherwise they become spaces.
   */
  input(message: string, opts?: { default?: string; validate?: (value: string) => true | string; lines?: boolean }): Promise<string>;
  /** Several of the choices, ticked with space; `validate` refuses a set (none, say) and the list stays open. */
  checkbox<T>(message: string, choices: Choice<T>[], opts?: { validate?: (values: T[]) => true | string }): Promise<T[]>;
  /** One of the choices `source` gives for what is typed so far (all of them before anything is typed). */
  search<T>(message: string, source: (typed: string) => Choice<T>[]): Promise<T>;
  confirm(message: string, initial?: boolean): Promise<boolean>;
  /** A hidden answer (a passphrase): masked as it is typed, never echoed. */
  password(message: string): Promise<string>;
}

export interface PrompterOptions {
  /** false (--no-color, NO_COLOR): prompts are drawn as plainly as the rest of the output. */
  color: boolean;
  /** Where prompts read keys and draw; the terminal unless a test gives its own. */
  streams?: Pick<PromptStreams, 'input' | 'output'>;
}

const plain = (text: string): string => text;

/** A line break in an answer, drawn on the one line a question is typed on. */
const LINE_MARK = '\u21b5';
/** The answer with its line breaks; blanks and line breaks at either end (a paste that ended with one) are none of it. */
const withLines = (typed: string) => typed.replace(/^[\s\u21b5]+|[\s\u21b5]+$/g, '').replaceAll(LINE_MARK, '\n');
/** As inquirer colours an answer given. */
const cyan = (text: string) => `\u001b[36m${text}\u001b[39m`;

// inquirer colours through its theme (and its colour library looks only at the environment, never at
// --no-color): every style it colours, written out without colour. Each prompt merges this over its own.
const PLAIN_THEME = {
  prefix: { idle: '?', done: '✔' },
  // checkbox colours its ticked mark
  icon: { checked: '\u25c9', unchecked: '\u25ef', cursor: '\u276f' },
  spinner: { frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] },
  style: {
    answer: plain,
    message: plain,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: plain,
    highlight: plain,
    key: (text: string) => `<${text}>`,
    // select's, checkbox's and search's own styles
    disabled: (text: string) => `- ${text}`,
    disabledChoice: (text: string) => `- ${text}`,
    searchTerm: plain,
    description: plain,
    keysHelpTip: (keys: [key: string, action: string][]) => keys.map(([key, action]) => `${key} ${action}`).join(' • '),
  },
};

export async function inquirerPrompter(opts: PrompterOptions = { color: true }): Promise<Prompter> {
  const prompts = await import('@inquirer/prompts');
  const theme = opts.color ? undefined : PLAIN_THEME;
  const streams = opts.streams;
  // Each question reads the terminal through a view of its own (prompt-terminal.ts); test streams,
  // which are no terminal, are read as they are.
  const onTerminal = async <T>(keys: PromptKeys, ask: (s: typeof streams) => Promise<T>): Promise<T> => {
    const input = (streams?.input ?? process.stdin) as TerminalInput;
    if (!input.isTTY) return ask(streams);
    const terminal = promptTerminal(input, (streams?.output ?? process.stdout) as TerminalOutput, keys);
    try {
      return await ask({ input: terminal.input, output: terminal.output });
    } finally {
      terminal.close();
    }
  };
  const cancellable = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') throw new CancelledError();
      throw error;
    }
  };
  // A choice is one line of the list: a case title holding a line break would look like two choices,
  // and one longer than the terminal is wide, wrapped, would fill the list. Room is left for the
  // cursor and tick drawn before it (80 columns when the width is not known, as inquirer takes it).
  const row = <T>(c: Choice<T>): Choice<T> => {
    const columns = ((streams?.output ?? process.stdout) as { columns?: number }).columns || 80;
    return { ...c, name: fit(oneLine(c.name), Math.max(columns - 4, 20)) };
  };
  return {
    select: (message, choices, initial) => cancellable(() => onTerminal({}, (s) => prompts.select({
      message, choices: choices.map(row), default: initial, pageSize: 12, theme,
    }, s))),
    checkbox: (message, choices, opts) => cancellable(() => onTerminal({}, (s) => prompts.checkbox({
      message, choices: choices.map(row), pageSize: 12, theme,
      validate: (ticked) => opts?.validate?.(ticked.map((c) => c.value)) ?? true,
    }, s))),
    search: (message, source) => cancellable(() => onTerminal({ search: true }, (s) => prompts.search({
      message, source: (typed) => source(typed ?? '').map(row), pageSize: 12, theme,
    }, s))),
    // A line break in the answer is drawn as LINE_MARK on the one line a question is typed on (a default's too).
    // Blanks typed (a stray space) are no answer, as Enter alone is: inquirer would take them for one,
    // the default not kept (edit cleared a field with them) and a required answer refused.
    input: async (message, opts) => {
      const validate = opts?.validate ?? (() => true);
      const shownDefault = opts?.default?.replace(/\r?\n/g, LINE_MARK);
      const answerOf = (typed: string) => withLines(typed) || withLines(shownDefault ?? '');
      const answered = theme ? plain : cyan;
      const typed = await cancellable(() => onTerminal({ lineBreak: opts?.lines ? LINE_MARK : ' ' }, (s) => prompts.input({
        message, default: shownDefault, validate: (v) => validate(answerOf(v)), theme,
        // The answer drawn once given is the one kept.
        transformer: (v, { isFinal }) => (isFinal ? answered(answerOf(v).replaceAll('\n', LINE_MARK)) : v),
      }, s)));
      return answerOf(typed);
    },
    confirm: (message, initial) => cancellable(() => onTerminal({}, (s) => prompts.confirm({ message, default: initial ?? false, theme }, s))),
    password: (message) => cancellable(() => onTerminal({}, (s) => prompts.password({ message, mask: '*', theme }, s))),
  };
}
