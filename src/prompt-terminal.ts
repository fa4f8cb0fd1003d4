// The keys a prompt reads from a terminal pass through here first. inquirer's input ends its answer
// at the first line break it reads; the lines of a paste after it arrive in the same burst, reach a
// prompt that has finished, and are lost without a word. So within a paste (bracketed by the
// terminal, or line breaks followed by more at once, faster than anyone types) a line break is
// kept as text; only a line break nothing follows at once is Enter. Ctrl-Z: see prompt-screen.ts.
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { PASTE_OFF, PASTE_ON, Screen, stopForShell, type TerminalInput, type TerminalOutput } from './prompt-screen';

export type { TerminalInput, TerminalOutput };

const CTRL_Z = '\u001a';
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
/** A line break read this soon before more is part of the same burst (a long paste comes in several reads). */
const BURST_MS = 15;

export interface PromptTerminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Stops reading the terminal for this prompt (each prompt has its own). */
  close(): void;
}

/**
 * A prompt's own view of the terminal. `lineBreak`, for a question typed into, is what a line break
 * inside a paste becomes in the line being typed; without it (a list, a yes or no) keys pass as they come.
 */
export function promptTerminal(source: TerminalInput, sink: TerminalOutput, lineBreak?: string): PromptTerminal {
  const feed = Object.assign(new PassThrough(), {
    isTTY: true,
    // readline turns echo and line editing off and on again through its input.
    setRawMode: (raw: boolean) => {
      source.setRawMode?.(raw);
      return feed;
    },
  });
  const decoder = new StringDecoder('utf8');
  let pasting = false;
  let held = false; // a line break: Enter, unless more follows at once
  let afterCR = false;
  let carry = ''; // the start of a paste bracket, cut between two reads
  let timer: NodeJS.Timeout | undefined;

  const release = () => {
    timer = undefined;
    const rest = carry + (held ? '\r' : '');
    carry = '';
    held = false;
    if (rest) feed.write(rest);
  };

  const take = (keys: string) => {
    clearTimeout(timer);
    let text = carry + keys;
    carry = '';
    if (text === '') return;
    if (lineBreak === undefined) {
      feed.write(text);
      return;
    }
    const cut = bracketStartAtEnd(text);
    carry = text.slice(text.length - cut);
    text = text.slice(0, text.length - cut);
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (text.startsWith(PASTE_START, i) || text.startsWith(PASTE_END, i)) {
        pasting = text.startsWith(PASTE_START, i);
        i += PASTE_START.length - 1;
        continue;
      }
      const ch = text[i]!;
      const crlf = ch === '\n' && afterCR;
      afterCR = ch === '\r';
      if (crlf) continue;
      if (ch === '\r' || ch === '\n') {
        // A line break after a held one, or inside the brackets: the one before it was not Enter.
        if (held || pasting) out += lineBreak;
        held = !pasting;
        continue;
      }
      if (held) {
        // Text at once after a line break is the paste going on; a key (an arrow, Ctrl-C) is pressed after Enter.
        out += isText(ch) ? lineBreak : '\r';
        held = false;
      }
      out += pasting && ch === '\t' ? ' ' : ch;
    }
    if (out) feed.write(out);
    if (held || carry) timer = setTimeout(release, BURST_MS);
  };
  const screen = new Screen(sink);
  let stopped: (() => void) | undefined;
  const read = (chunk: Buffer | string) => {
    const keys = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    // Job control is a shell's, and Ctrl-Z has no stop to ask for on Windows.
    const at = process.platform === 'win32' ? -1 : keys.indexOf(CTRL_Z);
    if (at < 0) return take(keys);
    take(keys.slice(0, at));
    // A line break held is Enter, pressed before Ctrl-Z.
    clearTimeout(timer);
    release();
    stopped?.();
    stopped = stopForShell(source, screen, lineBreak !== undefined);
    take(keys.slice(at + 1));
  };
  const ended = () => feed.end();

  source.on('data', read);
  source.on('end', ended);
  // Paused by the question before: a listener alone would not start it again.
  source.resume();
  // Terminals that know bracketed paste mark a paste; the others ignore this.
  if (lineBreak !== undefined) sink.write(PASTE_ON);
  return {
    input: feed,
    output: screen,
    close() {
      clearTimeout(timer);
      stopped?.();
      source.removeListener('data', read);
      source.removeListener('end', ended);
      // Unread keys wait for the next prompt, and Node may exit when none comes.
      source.pause();
      if (lineBreak !== undefined) sink.write(PASTE_OFF);
    },
  };
}

const isText = (ch: string) => ch >= ' ' && ch !== '\u007f';

/** How many characters at the end of the text begin a paste bracket (two at least: a lone Esc is a key). */
function bracketStartAtEnd(text: string): number {
  for (let n = Math.min(PASTE_START.length - 1, text.length); n >= 2; n--) {
    const end = text.slice(text.length - n);
    if (PASTE_START.startsWith(end) || PASTE_END.startsWith(end)) return n;
  }
  return 0;
}
