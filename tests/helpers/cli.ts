// Runs caselog in-process with captured output, a pinned today and a temporary database,
// or as the real bin/caselog in a child process without a terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/program';
import type { Prompter } from '../../src/prompter';
import type { Signals } from '../../src/context';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'caselog');
export const DEMO = join(ROOT, 'data', 'demo.json');

export interface Result { code: number; stdout: string; stderr: string }

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'caselog-test-')), 'test.db');
}

/** A process id that no process has now: a killed caselog's, as the files it left are named (NAME.partial-PID). */
export function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

/** The line on stderr of the command that made the database file, after its own (src/store/db-place.ts). */
export const newDatabase = (db: string): string => `caselog: started a new database at ${db}\n`;

/** A first write's own lines on stderr: all but the line saying it made the database, which must end it. */
export function ownLines(stderr: string, db: string): string {
  const line = newDatabase(db);
  if (!stderr.endsWith(line)) throw new Error(`expected stderr to end with ${JSON.stringify(line)}, it was ${JSON.stringify(stderr)}`);
  return stderr.slice(0, -line.length);
}

/** A file holding the text (a sheet, an export), in a folder of its own. */
export function fileOf(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'caselog-file-')), name);
  writeFileSync(file, text);
  return file;
}

/** columns: how wide the terminal says it is (with tty; a real terminal always says). */
/** signals: what the run hears of Ctrl-C and kill (none unless given; see src/commands/cancel.ts). */
/** session: the terminal session the run says it is in (src/terminal-session.ts; none unless given). */
export interface RunOptions { db?: string; today?: string; tty?: boolean; columns?: number; env?: Record<string, string>; prompter?: Prompter; signals?: Signals; session?: string }

/** In-process: fast, for most tests. */
export async function caselog(args: string[], opts: RunOptions = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  // The database by CASELOG_DB, as a caseworker who exports it works: given by --db, every command a
  // message names would carry it (src/db-hints.ts), which tests of those messages do not need to spell.
  const code = await run([...(opts.today ? ['--today', opts.today] : []), ...args], {
    env: { ...(opts.db ? { CASELOG_DB: opts.db } : {}), ...opts.env },
    stdout: { write: (s: string) => { stdout += s; return true; } },
    stderr: { write: (s: string) => { stderr += s; return true; } },
    stdinIsTTY: opts.tty ?? false,
    stdoutIsTTY: opts.tty ?? false,
    stdoutColumns: opts.columns,
    stderrColumns: opts.tty ? opts.columns : undefined,
    now: new Date(2026, 10, 22, 12),
    prompter: opts.prompter ? async () => opts.prompter! : undefined,
    signals: opts.signals,
    session: opts.session !== undefined ? () => opts.session! : undefined,
  });
  return { code, stdout, stderr };
}

/** The real executable in a child process, no terminal. */
export function spawnCaselog(args: string[], env: Record<string, string> = {}, input?: string): Result {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8', input: input ?? '', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A scripted prompter: answers in order, and records the questions asked. An answer the question's
 * validation refuses is recorded with the message shown, and the question is asked again (the next
 * answer), as the real prompt does.
 */
/** An answer that presses Enter on what a question offers (its default, or where a list's cursor starts). */
export const ENTER = Symbol('Enter');

export function scriptedPrompter(answers: unknown[]): Prompter & {
  asked: string[]; refusals: string[]; offered: Array<string | undefined>; choices: Array<Array<{ name: string; value: unknown }>>;
  /** Each search's list, to call with what a user would type. */
  searches: Array<(typed: string) => Array<{ name: string; value: unknown }>>;
} {
  const searches: Array<(typed: string) => Array<{ name: string; value: unknown }>> = [];
  const asked: string[] = [];
  const refusals: string[] = [];
  const offered: Array<string | undefined> = [];
  const choices: Array<Array<{ name: string; value: unknown }>> = [];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected question: ${message}`);
    return answers.shift();
  };
  return {
    asked,
    refusals,
    offered,
    choices,
    searches,
    // ENTER takes where the cursor starts, as the real list does: `initial`, else the first choice.
    select: async (message, options, initial) => {
      choices.push(options as Array<{ name: string; value: unknown }>);
      const given = next(message);
      return (given === ENTER ? (initial ?? options[0]!.value) : given) as never;
    },
    input: async (message, opts) => {
      offered.push(opts?.default);
      for (;;) {
        const given = next(message);
        const answer = given === ENTER ? (opts?.default ?? '') : String(given);
        const valid = opts?.validate?.(answer) ?? true;
        if (valid === true) return answer;
        refusals.push(String(valid));
      }
    },
    // A checkbox's answer is the list of values ticked (ENTER: those ticked when it opens); refused, it is asked again, as input is.
    checkbox: async (message, options, opts) => {
      choices.push(options as Array<{ name: string; value: unknown }>);
      for (;;) {
        const given = next(message);
        const ticked = (given === ENTER ? options.filter((o) => o.checked).map((o) => o.value) : given) as never[];
        const valid = opts?.validate?.(ticked) ?? true;
        if (valid === true) return ticked;
        refusals.push(String(valid));
      }
    },
    // A search's answer is the value picked; its choices before anything is typed are recorded.
    search: async (message, source) => {
      searches.push(source as (typed: string) => Array<{ name: string; value: unknown }>);
      choices.push(source('') as Array<{ name: string; value: unknown }>);
      return next(message) as never;
    },
    // ENTER takes the question's default, No when it gives none, as the real prompt does.
    confirm: async (message, initial) => {
      const given = next(message);
      return given === ENTER ? (initial ?? false) : Boolean(given);
    },
    password: async (message) => String(next(message)),
  };
}

/** The text of `caselog at-risk`, a block a person: its first line, the name on it, and the next deadline's note and date. */
export function atRiskBlocks(stdout: string): Array<{ head: string; name: string; next: string | null; nextDate: string | null }> {
  return stdout.trim().split('\n\n').map((block) => {
    const lines = block.split('\n');
    const next = /^ {2}next: (.*) — (.*) \(/.exec(lines.find((l) => l.startsWith('  next: ')) ?? '');
    return { head: lines[0]!, name: lines[0]!.split('  ')[0]!, next: next?.[1] ?? null, nextDate: next?.[2] ?? null };
  });
}
