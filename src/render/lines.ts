// Stored text as the text output lays it out. A line break typed or imported into a note, a title or
// a place ("ask for news\n\nUA 7/26  Yan Yan ...") would otherwise begin a line of its own at the left
// margin of due, at-risk, show or a table, and read as caselog's own output: a forged reminder, a
// forged event. A field meant as one line is written on one line; a text of several lines (an event's
// summary) keeps each of its lines under the indent of its block. JSON, CSV and ICS keep the text as
// stored (they quote or escape it themselves).

/**
 * Every character a terminal or a reader takes as ending a line: line feed, carriage return (which
 * would write over the start of the line), vertical tab, form feed, next line (U+0085), and the
 * Unicode line and paragraph separators.
 */
const BREAK = '\\n\\r\\v\\f\\u0085\\u2028\\u2029';

/** A run of line breaks. */
const BREAKS = new RegExp(`[${BREAK}]+`);

/** One line break: CR LF as one, else any single break character. */
const ONE_BREAK = new RegExp(`\\r\\n|[${BREAK}]`, 'g');

/**
 * The text on one line: each run of line breaks, with the spaces and tabs around it, becomes
 * `joiner` (a space, unless told otherwise). Split, and trimmed by hand: a pattern starting with
 * [ \t]* is tried again from every space of a long run of spaces that no break follows (an argument
 * of 100,000 spaces quoted in an error took seconds).
 */
export function oneLine(text: string, joiner = ' '): string {
  // Looked for first: a split allocates, and nearly every text has no break (lists write thousands).
  // A string's own search, so that a text that is not one (a damaged record's null) fails as before.
  if (text.search(BREAKS) < 0) return text;
  const parts = text.split(BREAKS);
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  return parts.map((part, i) => {
    let [from, to] = [0, part.length];
    if (i > 0) while (from < to && blank(part[from])) from++;
    if (i < parts.length - 1) while (to > from && blank(part[to - 1])) to--;
    return part.slice(from, to);
  }).join(joiner);
}

/**
 * A text of several lines under a block's indent: each line after the first begins with `indent`
 * (which the caller has already written before the first), so that none starts at the margin.
 */
export function indented(text: string, indent: string): string {
  return text.replace(ONE_BREAK, `\n${indent}`);
}

/** The text's lines, split at each single line break (CR LF as one). */
export function linesOf(text: string): string[] {
  return text.split(ONE_BREAK);
}
