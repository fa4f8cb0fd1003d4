// The questions caselog asks on a terminal. An interface so tests answer them without a terminal;
// the real one loads @inquirer/prompts only when a prompt is actually shown.
import { CancelledError } from './errors';

export interface Choice<T> { name: string; value: T; description?: string }

export interface Prompter {
  select<T>(message: string, choices: Choice<T>[]): Promise<T>;
  input(message: string, opts?: { default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(message: string, initial?: boolean): Promise<boolean>;
  /** A hidden answer (a passphrase): masked as it is typed, never echoed. */
  password(message: string): Promise<string>;
}

export async function inquirerPrompter(): Promise<Prompter> {
  const prompts = await import('@inquirer/prompts');
  const cancellable = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') throw new CancelledError();
      throw error;
    }
  };
  return {
    select: (message, choices) => cancellable(() => prompts.select({ message, choices, pageSize: 12 })),
    input: (message, opts) =>
      cancellable(() => prompts.input({ message, default: opts?.default, validate: opts?.validate ?? (() => true) })),
    confirm: (message, initial) => cancellable(() => prompts.confirm({ message, default: initial ?? false })),
    password: (message) => cancellable(() => prompts.password({ message, mask: '*' })),
  };
}
