// Words and paths as a shell reads them back, for the commands caselog prints.

/** A path: bare when it can be, else in single quotes (a hint often stands in double ones). */
export function shellPath(path: string): string {
  if (/^[\w./~:@%+,=-]+$/.test(path)) return path;
  return `'${path.replace(/'/g, "'\\''")}'`;
}

/**
 * A word as it would be typed in a shell: bare when plain, else quoted ("Hemit Memet"). A text of
 * several lines (a summary pasted in) is written on one line as $'...' with \n where its lines
 * break: a message is one line, and the command copied from it gives the text back whole.
 */
export function shellWord(text: string): string {
  if (/^[\w./:@%+=,-]+$/.test(text)) return text;
  if (/[\n\r]/.test(text)) return `$'${text.replace(/[\\'\n\r]/g, (c) => ESCAPED[c]!)}'`;
  if (!/["$`\\!]/.test(text)) return `"${text}"`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const ESCAPED: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r' };
