// A terminal for the real prompts: caselog's inquirer prompter reading keys as a terminal sends them
// (bytes, a paste in one read) and drawing on a screen the test reads, for runs of the whole CLI.
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { inquirerPrompter, type Prompter } from '../../src/prompter';

export interface FakeTerminal {
  prompter: Prompter;
  /** Bytes as the terminal sends them: keys typed, or a paste in one read. */
  send(bytes: string): void;
  /** Waits until the question is drawn anew (after everything waited for before), then returns the screen so far. */
  question(text: string): Promise<string>;
  /** Everything drawn, escape codes and all. */
  drawn(): string;
  /** Raw mode as the prompts last set it. */
  raw(): boolean;
}

export async function fakeTerminal(columns = 100): Promise<FakeTerminal> {
  let raw = false;
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (on: boolean) => {
      raw = on;
      return input;
    },
  });
  let drawn = '';
  const output = Object.assign(new Writable({ write(chunk, _encoding, done) { drawn += String(chunk); done(); } }), { columns, rows: 40 });
  const prompter = await inquirerPrompter({ color: false, streams: { input, output } });
  let seen = 0;
  return {
    prompter,
    send: (bytes) => void input.write(bytes),
    question: async (text) => {
      for (let i = 0; i < 500; i++) {
        const at = stripVTControlCharacters(drawn).indexOf(`? ${text}`, seen);
        if (at >= 0) {
          seen = at + 1;
          return stripVTControlCharacters(drawn);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`"${text}" was never asked; the screen:\n${stripVTControlCharacters(drawn)}`);
    },
    drawn: () => drawn,
    raw: () => raw,
  };
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
