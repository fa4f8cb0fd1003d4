// Words and paths as a shell reads them back, for the commands caselog prints.

/** A path: bare when it can be, else in single quotes (a hint often stands in double ones). */
export function shellPath(path: string): string {
  if (/^[\w./~:@%+,=-]+$/.test(path)) return path;
  return `'${path.replace(/'/g, "'\\''")}'`;
}

/** A word as it would be typed in a shell: bare when plain, else quoted ("Hemit Memet"). */
export function shellWord(text: string): string {
  if (/^[\w./:@%+=,-]+$/.test(text)) return text;
  if (!/["$`\\!]/.test(text)) return `"${text}"`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
