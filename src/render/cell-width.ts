// How wide a table cell is drawn on a terminal, and a cell cut to a width: text ends in "…"
// where something was left out; a list is cut between its items and says how many it left out.

/**
 * Drawn over the letter before or not at all: combining marks of every script (Arabic vowel signs,
 * Thai and Devanagari vowels above and below, accents) and format characters (zero-width space,
 * joiners, direction marks), as a terminal's wcwidth counts them. Spacing marks (Devanagari's
 * vowel sign aa) take their column.
 */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * Emoji drawn as pictures by default (a flame, a rose, a siren: not the text-styled ones such as a
 * heart written without its variation selector), which terminals (wcwidth, tmux) give two columns:
 * counted as one, they shifted table rows and cut ids and dates when a note pasted from a messaging
 * app was wrapped.
 */
const EMOJI = /\p{Emoji_Presentation}/u;

/** Terminal columns a character takes: wide East Asian characters and emoji two, combining marks none. */
function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x300) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  if (cp >= 0x231a && EMOJI.test(ch)) return 2;
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)) return 2;
  return 1;
}

const REGIONAL = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;

/**
 * Each character and the columns it takes where it stands: an emoji of several code points is drawn
 * as one picture of two columns (a flag's second letter, a skin tone, what a zero-width joiner joins
 * take none), else a flag counted four cut it in half and padded its row short.
 */
function* drawn(text: string): Generator<[string, number]> {
  let joined = false;
  let flagOpen = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let width = charWidth(ch);
    if (joined || (cp >= 0x1f3fb && cp <= 0x1f3ff)) width = 0;
    if (REGIONAL(cp)) {
      if (flagOpen) width = 0;
      flagOpen = !flagOpen;
    } else flagOpen = false;
    joined = cp === 0x200d;
    yield [ch, width];
  }
}

/**
 * Text of letters below the combining marks only (Latin with its accents, references, dates: most of
 * what a list shows): one column each whatever stands beside them (charWidth and drawn agree), known
 * without walking it. A list of a hundred thousand people measures each cell several times, and
 * walking them took a second of such a list; at-risk at 100k measured some 40,000 cells.
 */
const ONE_COLUMN_EACH = /^[^\u0300-\uffff]*$/;

export function displayWidth(text: string): number {
  if (ONE_COLUMN_EACH.test(text)) return text.length;
  let width = 0;
  for (const [, w] of drawn(text)) width += w;
  return width;
}

/** The text cut to a width, ending in "…" when something was left out. */
export function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const [ch, w] of drawn(text)) {
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/**
 * A list (a person's case references) cut between items, with how many more there are: "UA 77/98,
 * KZ 2019/12 +3". A reference is shown whole or not at all ("UA 7…" cannot be told from UA
 * 71/98); only a column narrower than listFloor cuts inside the first.
 */
export function fitList(items: readonly string[], width: number): string {
  const all = items.join(', ');
  if (displayWidth(all) <= width) return all;
  for (let shown = items.length - 1; shown >= 1; shown--) {
    const text = `${items.slice(0, shown).join(', ')} +${items.length - shown}`;
    if (displayWidth(text) <= width) return text;
  }
  return fit(all, width);
}

/** The narrowest a list can be drawn with no item cut: its first item, and how many more. */
export function listFloor(items: readonly string[]): number {
  return items.length <= 1 ? displayWidth(items[0] ?? '') : displayWidth(`${items[0]} +${items.length - 1}`);
}
