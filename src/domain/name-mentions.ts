// Finding a person's names in free text, for erase: as whole words ("Ali" is not in "Alimuly",
// "Malian" or "Kali"), whatever their capitals, accents ("Érlan" is "Erlan") and the spacing or
// punctuation between their words ("Ali  Baisal", "erlan.kudaibergen@", "Erlan-Kudaibergen").
// In scripts written without spaces (Chinese, Japanese, Thai...) a name is found wherever it is.

const WORD = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const GAP = /[\s\-_.+]/u;
const MARKS = /\p{M}/gu;

/** Text as compared: marks dropped, lowercase, runs of spacing and joining punctuation one space. */
interface Folded { text: string; from: (i: number) => number }

function fold(text: string): Folded {
  const origin: number[] = [];
  let out = '';
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (GAP.test(char)) {
      if (!out.endsWith(' ')) {
        out += ' ';
        origin.push(i);
      }
    } else {
      const plain = char.normalize('NFD').replace(MARKS, '').toLowerCase();
      for (let k = 0; k < plain.length; k++) origin.push(i);
      out += plain;
    }
    i += char.length;
  }
  origin.push(text.length);
  return { text: out, from: (i) => origin[i]! };
}

/** A name as it is looked for: folded, without spacing at its ends; empty names are dropped. */
export function nameNeedles(names: string[]): string[] {
  const needles = names.map((n) => fold(n).text.trim()).filter((n) => n.length > 0);
  // The longest first: "Hemit Memet Jr" is found whole, not as "Hemit Memet" and a " Jr" left over.
  return [...new Set(needles)].sort((a, b) => b.length - a.length);
}

/** Whether a match of `needle` at `at` in the folded text stands as a word of its own. */
function standsAlone(folded: string, at: number, needle: string): boolean {
  const before = at > 0 ? folded[at - 1]! : '';
  const after = folded[at + needle.length] ?? '';
  const open = (edge: string, neighbour: string) => !neighbour || !WORD.test(neighbour) || UNSPACED.test(neighbour) || UNSPACED.test(edge);
  return open(needle[0]!, before) && open(needle[needle.length - 1]!, after);
}

/** Where each whole-word match is, in the folded text, left to right, never overlapping. */
function matches(folded: string, needles: string[]): Array<{ at: number; length: number }> {
  const found: Array<{ at: number; length: number }> = [];
  for (let i = 0; i < folded.length;) {
    const hit = needles.find((n) => folded.startsWith(n, i) && standsAlone(folded, i, n));
    if (hit === undefined) {
      i += 1;
      continue;
    }
    found.push({ at: i, length: hit.length });
    i += hit.length;
  }
  return found;
}

/** The first of `needles` (in their order) that the text holds as a word of its own, if any. */
export function nameIn(text: string, needles: string[]): string | undefined {
  const folded = fold(text).text;
  return needles.find((n) => {
    for (let at = folded.indexOf(n); at !== -1; at = folded.indexOf(n, at + 1)) if (standsAlone(folded, at, n)) return true;
    return false;
  });
}

/** Each whole-word occurrence of a name replaced by `mark`; the text between is kept as it was. */
export function markNamesIn(text: string, needles: string[], mark: string): string {
  const folded = fold(text);
  let out = '';
  let last = 0;
  for (const m of matches(folded.text, needles)) {
    out += text.slice(last, folded.from(m.at)) + mark;
    last = folded.from(m.at + m.length);
  }
  return out + text.slice(last);
}
