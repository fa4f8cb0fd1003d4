// Text laid out for a terminal of a known width: a line too long is broken between words, never
// inside one (a terminal broke "(4 days ov" / "erdue)" and a deadline's id "d-yz" / "ty0rmn"),
// and what follows keeps the line's indent and two more, so that it reads as the same line going on
// rather than as a line of its own (a person's next block, an event's next fact). Only a terminal:
// a pipe or a file keeps one line an item, which scripts and grep rely on. A case or document
// reference ("UA 77/98", "EUR 57/12/98") is not broken at its space either: "UA" at a line's end and
// "77/98" under it read as two things, and neither can be searched for.
import { MONTH_NAMES } from '../domain/dates-calendar';
import { displayWidth } from './cell-width';

/** Colour codes take no room on the screen. */
const SGR = /\u001b\[[0-9;]*m/g;
const shown = (text: string) => displayWidth(text.replace(SGR, ''));
/** A reference's letters (2 to 5 capitals, after a bracket or other mark at most: "(EUR") and its numbers. */
const REF_LETTERS = /(?:^|[^\p{L}\p{N}])\p{Lu}{2,5}$/u;
const REF_NUMBER = /^\d/;
// A date as caselog writes it ("1 December 2026", "March 1999", "c. 1998") is not broken either:
// "1 December 2" / "026" was read as another year, and a lone "2019" under "12 December" as no date.
const MONTH = `(?:${[...MONTH_NAMES, ...MONTH_NAMES.map((m) => m.slice(0, 3)), 'Sept'].join('|')})`;
const ENDS_IN_DAY = /(?:^|[^\p{L}\p{N}])\d{1,2}$/u;
const STARTS_WITH_MONTH = new RegExp(`^${MONTH}\\b`);
const ENDS_IN_MONTH = new RegExp(`(?:^|[^\\p{L}])${MONTH}\\.?$`, 'u');
const ENDS_IN_CIRCA = /(?:^|[^\p{L}])c\.$/u;
const STARTS_WITH_YEAR = /^\d{4}(?!\d)/;

/** Whether two words, a space apart, are one reference or date, never to be broken apart. */
function together(before: string, next: string): boolean {
  if (REF_LETTERS.test(before) && REF_NUMBER.test(next)) return true;
  if (ENDS_IN_DAY.test(before) && STARTS_WITH_MONTH.test(next)) return true;
  // "c." goes with what follows it, a day ("c. 15 April 2027"), a month or a year.
  if (ENDS_IN_CIRCA.test(before) && (/^\d{1,2}$/.test(next) || STARTS_WITH_MONTH.test(next))) return true;
  return (ENDS_IN_MONTH.test(before) || ENDS_IN_CIRCA.test(before)) && STARTS_WITH_YEAR.test(next);
}

export function wrapText(text: string, width: number): string {
  return text.split('\n').map((line) => wrapLine(line, width)).join('\n');
}

function wrapLine(line: string, width: number): string {
  if (shown(line) <= width) return line;
  // The indent, with any colour code among it, begins the first line as it was.
  const lead = /^(?:\u001b\[[0-9;]*m| )*/.exec(line)![0];
  const hanging = `${lead.replace(SGR, '')}  `;
  // Words, each with the spaces before it (kept inside a line: "Hemit Memet  UA 77/98" keeps its two);
  // a tab is a space, an ideographic space a gap, a no-break space part of its word (it does not break).
  const words = [...line.slice(lead.length).matchAll(/([ \t\u3000]*)([^ \t\u3000]+)/g)]
    .map((m) => ({ gap: m[1]!.replace(/\t/g, ' '), word: m[2]! }))
    .reduce<Array<{ gap: string; word: string }>>((kept, next) => {
      const before = kept[kept.length - 1];
      if (before && next.gap === ' ' && together(before.word.replace(SGR, ''), next.word.replace(SGR, ''))) {
        before.word += ` ${next.word}`;
      } else kept.push(next);
      return kept;
    }, []);
  const lines: string[] = [];
  let current = lead + (words.shift()?.word ?? '');
  for (const { gap, word } of words) {
    if (shown(current) + shown(gap) + shown(word) <= width) {
      current += gap + word;
    } else {
      lines.push(current);
      // A word wider than the line is left whole, on a line of its own: cut, it would not be found.
      current = hanging + word;
    }
  }
  lines.push(current);
  return lines.join('\n');
}
