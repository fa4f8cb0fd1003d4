// Text as caselog keeps it: no character that would move a terminal's cursor, clear its screen,
// ring its bell or change its colours when the text is printed (escape codes in a colleague's file
// or a pasted document), and no line break or tab inside a name, where it would break a list.
import { characterClass } from './text-marks';

/** C0 controls but tab and line feed, DEL and the C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ANY_CONTROL = new RegExp(CONTROL.source, 'g');
/** The same, and tab and line feed too: a name is one line. */
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;

/** The first control character in the text, as U+XXXX, or undefined when there is none. */
export function controlCharacter(text: string, oneLine = false): string | undefined {
  const m = (oneLine ? CONTROL_IN_LINE : CONTROL).exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/**
 * Half a character standing alone (a lone surrogate, U+D800-U+DFFF): a JSON file can write one as
 * "\ud800", UTF-8 cannot. It is no text: stored, it became U+FFFD, and the same file imported again
 * then differed from itself. A pair that makes one character (an emoji, a rare Han character) is text.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** The first half character standing alone in the text (see LONE_SURROGATE), as U+XXXX, or undefined. */
export function loneSurrogate(text: string): string | undefined {
  const m = LONE_SURROGATE.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase()}` : undefined;
}

/**
 * Direction marks, overrides and isolates, zero-width spaces and joiners, line and paragraph
 * separators, the byte-order mark: invisible, they make a name display as another ("Ahmad" shown
 * for "damhA", "UA 9/21" beside a second "UA 9/21"), so that two records look alike while differing.
 * Refused in names and references; dropped from a document's text (INVISIBLE_IN_WORD). Not the
 * zero-width (non-)joiner (U+200C, U+200D), which Persian and Indic names need.
 */
const DISGUISE = /[\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** The first character that disguises text (see DISGUISE), as U+XXXX, or undefined. */
export function disguisingCharacter(text: string): string | undefined {
  const m = DISGUISE.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** Controls that end a line or part words where a document has them: CR, VT, FF, the separators, NEL. */
const PARTING_CONTROL = /[\u000b-\u000d\u001c-\u001f\u0085]/g;

/**
 * Invisible characters a document may hold inside a word: the soft hyphen, zero-width space, word
 * joiner and invisible operators, the byte-order mark, direction marks, overrides and isolates (as
 * inclusive ranges of code points: search folds them out of the text it indexes).
 * Left in, "Ali Kari\u00admov" was read as the name "Ali Kari". Not the zero-width (non-)joiner
 * (U+200C, U+200D), which Persian and Indic names need.
 */
export const INVISIBLES_IN_WORD: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad], [0x061c, 0x061c], [0x200b, 0x200b], [0x200e, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff],
];
const INVISIBLE_IN_WORD = new RegExp(characterClass(INVISIBLES_IN_WORD), 'gu');

/** Text with the invisible characters a web page or document holds inside words (INVISIBLE_IN_WORD) dropped. */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE_IN_WORD, '');
}

/**
 * A document's text as caselog reads and stores it: a control character that parted words a space,
 * any other dropped (an escape code would reach terminals when the text is printed), and the
 * invisible characters inside words dropped. Tab and line feed are kept.
 */
export function documentCharacters(text: string): string {
  return text.replace(TERMINAL_SEQUENCE, '').replace(PARTING_CONTROL, ' ').replace(ANY_CONTROL, '').replace(INVISIBLE_IN_WORD, '');
}

/**
 * A terminal's escape sequence, whole: a colour or cursor code (ESC [ \u2026 letter, or its one-byte
 * form), a window title or link (ESC ] \u2026 BEL or ESC \\), a two-character code (ESC and one). A
 * document copied from a terminal holds them; with its ESC alone dropped, "[1;31m" stayed in the text.
 */
const TERMINAL_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b\n]*(?:\u0007|\u001b\\)?|\u001b[ -~]/g;

/**
 * A message with its control characters shown as escapes (\u001b): a value from a user's file, quoted
 * in an error, must not clear the terminal, overwrite the line (CR) or ring its bell. Tab and line feed
 * stay, as the text of a record may hold them: values are quoted where a line break could mislead.
 */
export function visibleControls(message: string): string {
  return message.replace(ANY_CONTROL, asEscape);
}

/** One character as its escape, as a message or a list shows it: "\\u001b". */
export const asEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text as typed and compared: composed (NFC), trimmed, spacing collapsed to single spaces. */
export function asTyped(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * A name as it is stored when someone gives it: composed (NFC), trimmed, and a run of spaces (a name
 * pasted from a PDF) one space. Tabs and line breaks stay, for the name's check to refuse.
 */
export function singleSpaced(text: string): string {
  return text.normalize('NFC').trim().replace(/\p{Zs}{2,}/gu, ' ');
}

/**
 * Apostrophes and the letters written for them (ʻ in Uzbek Latin, ʿ ʾ for ayn and hamza): a soft
 * sign, an aspirate or an ayn inside a word, which names are written with any of (O'Brien, Gʻulom).
 */
export const APOSTROPHES = "'`\u00b4\u2018\u2019\u02bb\u02bc\u02be\u02bf";
const ANY_APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'g');

/**
 * The text with each apostrophe the plain one: a name typed with a typographic or a modifier
 * apostrophe (Sa\u2019idov, Sa\u02bcidov, as a phone or a word processor writes it) is the name stored
 * with the one a keyboard types (Sa'idov), not another spelling of it.
 */
export function plainApostrophes(text: string): string {
  return text.replace(ANY_APOSTROPHE, "'");
}

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese,
 * Tibetan) and Korean, whose words carry their endings: a word is found inside a run of them.
 */
export const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

/**
 * Free text (a summary, a place, a note) as stored when typed or read from a sheet: without the spaces
 * and line breaks at its ends, which no one sees in a timeline and which made two records differ (a
 * summary re-saved without its trailing space went in as a second event). Inner lines and spacing stay.
 * Composed (NFC), as an import reads a file's text: "e" and a combining accent typed on the command line
 * were kept apart, and the export of it came back from an import as other characters.
 */
export function unpadded<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? text.normalize('NFC').trim() : text) as T;
}

/**
 * An optional field as stored: as unpadded, and nothing (null) when that leaves nothing, as edit stores
 * --place "": `add --gender ""` kept "", which the sheet caselog wrote of it (an empty cell, read as
 * nothing) then differed from.
 */
export function filledOrNull(text: string | null | undefined): string | null {
  return unpadded(text) || null;
}

/** Items as a sentence lists them: "a", "a and b", "a, b and c" (or "or"). */
export function inSentence(items: string[], and: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]!}`;
}
