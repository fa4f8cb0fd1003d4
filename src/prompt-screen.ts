// What a prompt draws on the terminal, and Ctrl-Z at a prompt. readline stops the process itself on
// Ctrl-Z, and on `fg` pauses stdin and never resumes it: Node, with nothing left to wait for, exits,
// inquirer takes the exit for a cancel ("cancelled; nothing was changed", exit 130), and the cursor
// it hid for a list stays hidden in the shell meanwhile. So the stop is caselog's: the terminal goes
// back to the shell as it was, and `fg` draws the question again and reads keys as before.
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';

export type TerminalInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
export type TerminalOutput = NodeJS.WritableStream & { columns?: number; rows?: number };

export const PASTE_ON = '\u001b[?2004h';
export const PASTE_OFF = '\u001b[?2004l';
const SHOW_CURSOR = '\u001b[?25h';
const ERASE_DOWN = '\u001b[J';
const COLUMN_1 = '\u001b[G';
/** How inquirer begins drawing a question again: down past what it drew below the cursor, then its lines erased upwards. */
const ERASE_DRAWN = /^(?:\u001b\[\d+B)?(?:\u001b\[2K\u001b\[1A)*(?:\u001b\[2K\u001b\[G)?/;

/** The terminal as a prompt draws on it, keeping the question as last drawn; ending it (inquirer does, when done) leaves the terminal open. */
export class Screen extends Writable {
  private drawn = '';
  private cursorMoved = '';

  constructor(readonly sink: TerminalOutput) {
    super({ decodeStrings: false });
  }

  get columns(): number | undefined {
    return this.sink.columns;
  }

  get rows(): number | undefined {
    return this.sink.rows;
  }

  override _write(chunk: string | Buffer, _encoding: BufferEncoding, done: () => void): void {
    const text = String(chunk);
    this.sink.write(text);
    // Each drawing of the question is one write; between them, only the cursor moves along the line typed.
    if (stripVTControlCharacters(text).trim() !== '') {
      this.drawn = text;
      this.cursorMoved = '';
    } else {
      this.cursorMoved = text;
    }
    done();
  }

  /** The question as last drawn, drawn again from where the cursor is now, below what the shell printed. */
  redraw(): string {
    return `${COLUMN_1}${ERASE_DOWN}${this.drawn.replace(ERASE_DRAWN, '')}${this.cursorMoved}`;
  }
}

/**
 * Ctrl-Z at a question: the cursor shown, the list under the question cleared and pastes no longer
 * marked, for the shell; on `fg`, keys read as before and the question drawn again. Returns what
 * undoes the waiting for `fg` (the question answered some other way).
 */
export function stopForShell(source: TerminalInput, screen: Screen, marksPastes: boolean): () => void {
  screen.sink.write(`\r\n${ERASE_DOWN}${SHOW_CURSOR}${marksPastes ? PASTE_OFF : ''}`);
  source.setRawMode?.(false);
  const resume = () => {
    source.setRawMode?.(true);
    screen.sink.write(`${marksPastes ? PASTE_ON : ''}${screen.redraw()}`);
  };
  process.once('SIGCONT', resume);
  // As readline does (a shell's Ctrl-Z): the shell takes the terminal back and says the job stopped.
  process.kill(process.pid, 'SIGTSTP');
  return () => process.removeListener('SIGCONT', resume);
}
