// The keys a prompt reads from a terminal pass through here first. inquirer's input ends its answer
// at the first line break it reads; the lines of a paste after it arrive in the same burst, reach a
// prompt that has finished, and are lost without a word. So within a paste (bracketed by the
// terminal, or line breaks followed by more at once, faster than anyone types) a line break is
// kept as text; a line break followed at once only by blanks and line breaks (Enter pressed twice,
// a paste ending in a blank line) is one Enter, the rest dropped. Ctrl-Z: see prompt-screen.ts.
// Ctrl-D (end of input) cancels as Ctrl-C does: readline closed on it and inquirer never answered,
// leaving the question frozen and the terminal echoing keys.
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { PASTE_OFF, PASTE_ON, Screen, stopForShell, type TerminalInput, type TerminalOutput } from './prompt-screen';
import { pacedKeys } from './prompt-search-keys';

export type { TerminalInput, TerminalOutput };

const CTRL_Z = '\u001a';
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const ESC = '\u001b';
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

export interface PromptKeys {
  /**
   * For a question typed into: what a line break inside a paste becomes in the line being typed (the
   * blanks beginning the next line become spaces; a blank one, for an answer of one line, stands for
   * them too). Without it (a list, a yes or no) keys pass as they come.
   */
  lineBreak?: string;
  /** For a search: a key acting on the list waits for the list of what was typed before it (prompt-search-keys.ts). */
  search?: boolean;
}

/** A prompt's own view of the terminal. */
export function promptTerminal(source: TerminalInput, sink: TerminalOutput, { lineBreak, search }: PromptKeys = {}): PromptTerminal {
  const feed = Object.assign(new PassThrough(), {
    isTTY: true,
    // readline turns echo and line editing off and on again through its input.
    setRawMode: (raw: boolean) => {
      source.setRawMode?.(raw);
      return feed;
    },
  });
  const decoder = new StringDecoder('utf8');
  const paced = search ? pacedKeys(feed) : undefined;
  let pasting = false;
  // A line break and the blanks and line breaks after it: Enter, unless text follows at once.
  let run: string | undefined;
  let burst = false; // a paste without brackets is going on: a line break was followed by text at once
  let afterCR = false;
  let carry = ''; // the start of a paste bracket, cut between two reads
  let timer: NodeJS.Timeout | undefined;

  /** A run of line breaks in a paste, as the line typed holds it; one space for an answer of one line. */
  const asText = (breaks: string) => (lineBreak!.trim() === '' ? lineBreak! : breaks.replaceAll('\n', lineBreak!).replaceAll('\t', ' '));

  const release = () => {
    timer = undefined;
    burst = false;
    const enter = run !== undefined && !pasting;
    if (enter) run = undefined;
    const rest = (enter ? '\r' : '') + carry;
    carry = '';
    if (rest) feed.write(rest);
  };

  // Key by key, inquirer draws the question again for each, its answer so far longer each time: a paste
  // of 4 KB took half a minute and more, and looked stuck. So text of several characters (a read of a
  // paste) reaches the line in one piece, as readline takes a keypress of several (from an IME, say);
  // a key of its own (Tab, Ctrl-U, an escape sequence) is read as before.
  const type = (text: string) => {
    const pieces = text.includes(ESC) ? [text] : text.split(/([\u0000-\u001f\u007f])/);
    for (const piece of pieces.filter(Boolean)) {
      const plainText = piece.length > 1 && !/[\u0000-\u001f\u007f]/.test(piece);
      // Keys written before are read first: only when none are left unread.
      if (plainText && feed.readableFlowing === true && feed.readableLength === 0) {
        feed.emit('keypress', piece, { sequence: piece, name: undefined, ctrl: false, meta: false, shift: false });
      } else {
        feed.write(piece);
      }
    }
  };

  const take = (keys: string) => {
    clearTimeout(timer);
    let text = carry + keys;
    carry = '';
    if (text === '') return;
    if (lineBreak === undefined) {
      if (paced) paced.pass(text);
      else feed.write(text);
      return;
    }
    const cut = bracketStartAtEnd(text);
    carry = text.slice(text.length - cut);
    text = text.slice(0, text.length - cut);
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (text.startsWith(PASTE_START, i) || text.startsWith(PASTE_END, i)) {
        pasting = text.startsWith(PASTE_START, i);
        // Line breaks that end a bracketed paste were pasted: never Enter.
        if (!pasting && run !== undefined) out += asText(run);
        if (!pasting) run = undefined;
        i += PASTE_START.length - 1;
        continue;
      }
      const ch = text[i]!;
      const crlf = ch === '\n' && afterCR;
      afterCR = ch === '\r';
      if (crlf) continue;
      if (ch === '\r' || ch === '\n') {
        run = (run ?? '') + '\n';
        continue;
      }
      if (run !== undefined) {
        // A line of a paste may begin with blanks (a Tab, say): they wait with the line break.
        if (ch === ' ' || ch === '\t') {
          run += ch;
          continue;
        }
        // A key with an escape sequence (an arrow) is pressed after Enter; anything else is the paste going on.
        const enter = ch === ESC && !pasting;
        out += enter ? '\r' : asText(run);
        burst = !enter;
        run = undefined;
      }
      out += (pasting || burst) && ch === '\t' ? ' ' : ch;
    }
    if (out) type(out);
    if ((run !== undefined && !pasting) || burst || carry) timer = setTimeout(release, BURST_MS);
  };
  const screen = new Screen(sink);
  let stopped: (() => void) | undefined;
  const read = (chunk: Buffer | string) => {
    const keys = (typeof chunk === 'string' ? chunk : decoder.write(chunk)).replaceAll(CTRL_D, CTRL_C);
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
      paced?.stop();
      stopped?.();
      source.removeListener('data', read);
      source.removeListener('end', ended);
      // Unread keys wait for the next prompt, and Node may exit when none comes.
      source.pause();
      if (lineBreak !== undefined) sink.write(PASTE_OFF);
    },
  };
}

/** How many characters at the end of the text begin a paste bracket (two at least: a lone Esc is a key). */
function bracketStartAtEnd(text: string): number {
  for (let n = Math.min(PASTE_START.length - 1, text.length); n >= 2; n--) {
    const end = text.slice(text.length - n);
    if (PASTE_START.startsWith(end) || PASTE_END.startsWith(end)) return n;
  }
  return 0;
}
