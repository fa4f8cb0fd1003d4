// A text field an edit changed, as the log says it: both texts whole when they are short, else the
// part around the first difference ("…security service in Minsk → …security service in Gomel").
// Each cut to its first 40 characters, an edit past the 40th read as the same text twice.

/** Characters of each side shown; a text this long or shorter is shown whole. */
export const SHOWN = 40;
/** Characters before the first difference kept to say where in the text it is. */
const LEAD = 20;

/** "before → after", both one line already (the caller made control characters visible). */
export function textChange(before: string, after: string, width = SHOWN): string {
  const b = [...before];
  const a = [...after];
  if (b.length <= width && a.length <= width) return `${before} \u2192 ${after}`;
  let first = 0;
  while (first < b.length && first < a.length && b[first] === a[first]) first++;
  const start = wordStart(b, Math.max(0, first - LEAD), first);
  return `${window(b, start, width)} \u2192 ${window(a, start, width)}`;
}

/** Where a shown part begins: at a word, when one begins between `from` and the difference. */
function wordStart(chars: string[], from: number, first: number): number {
  if (from === 0) return 0;
  for (let i = from; i < first; i++) if (chars[i - 1] === ' ' && chars[i] !== ' ') return i;
  return from;
}

/**
 * The text from `start`, at most `width` characters with the marks of what is left out: the first
 * difference lies less than LEAD + 1 characters in, so two sides never read the same.
 */
function window(chars: string[], start: number, width: number): string {
  const lead = start > 0 ? '\u2026' : '';
  const room = width - lead.length;
  const rest = chars.slice(start);
  return rest.length <= room ? `${lead}${rest.join('')}` : `${lead}${rest.slice(0, room - 1).join('')}\u2026`;
}
