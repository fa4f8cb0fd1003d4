// The commands caselog prints for the user to type next ("caselog undo" puts it back, "caselog
// restore COPY --force", doctor's import of a conflicted copy) name no database: after a command given
// --db PATH, typed as printed they acted on the default database instead (an undo took back the
// wrong database's last change). Such a run's messages carry the same --db in every command they name.
import { shellPath } from './domain/shell-path';
import { PARTS } from './commands/register';
import type { Output } from './context';

/** The --db a command line gives (`--db PATH` or `--db=PATH`), as typed. */
export function typedDb(argv: readonly string[]): string | undefined {
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--db') db = argv[++i];
    else if (arg.startsWith('--db=')) db = arg.slice('--db='.length);
  }
  return db;
}


/** `out`, with "caselog COMMAND" in what it writes made "caselog --db PATH COMMAND". */
export function withDbInHints(out: Output, db: string): Output {
  const words = [...new Set(PARTS.flatMap(([names]) => names))].sort((a, b) => b.length - a.length);
  // A hint wrapped at its space on a terminal ("caselog" / "undo") is one all the same.
  // Not caselog as a noun ("not a caselog export", "the caselog backup it reads"); nor a command made
  // earlier, quoted with when it was made as undo quotes it ('Undid "caselog add event" of 2026-11-24
  // 14:03'): the log holds it as typed then, without the global options, and it is not one to type.
  const past = '(?![^"]*"(?:\\s+\\([^)]*\\))?\\s+of\\s+\\d)';
  const command = new RegExp(`(?<!\\b(?:a|an|the)\\s)\\bcaselog(\\s+)(?=(?:${words.join('|')})\\b)${past}`, 'g');
  const flag = `caselog --db ${shellPath(db)}`;
  return { write: (text: string) => out.write(text.replace(command, `${flag}$1`)) };
}
