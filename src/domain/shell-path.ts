// A path as a shell reads it back, for commands caselog prints: bare when it can be, else in single
// quotes (a hint often stands in double ones).
export function shellPath(path: string): string {
  if (/^[\w./~:@%+,=-]+$/.test(path)) return path;
  return `'${path.replace(/'/g, "'\\''")}'`;
}
