// A line ended as Windows ends it (CR LF), or by CR alone, typed or pasted into a free-text argument
// (--note "$(cat note.txt)" of a file saved on Windows): a line break there, as it is in documents and
// sheets. It was refused as a terminal code. Names, references, dates, paths and every other argument
// still refuse CR: a name or reference is one line, and a path holding CR would name another file.

/** The options whose value is free text, where a line break is taken. */
const FREE_TEXT = new Set([
  '--summary', '--note', '--title', '--reason', '--place', '--actor', '--address', '--from', '--salutation', '--copies-to', '--action',
]);

/** The arguments with CR LF and a lone CR made LF in the values of FREE_TEXT options (`--note X`, `--note=X`). */
export function withTypedLineBreaks(argv: readonly string[]): string[] {
  return argv.map((arg, i) => {
    const joined = /^(--[\w-]+)=/.exec(arg)?.[1];
    const free = joined !== undefined ? FREE_TEXT.has(joined) : FREE_TEXT.has(argv[i - 1] ?? '');
    return free ? arg.replace(/\r\n?/g, '\n') : arg;
  });
}
