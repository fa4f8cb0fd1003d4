// Whether a typed name is a stored one in other capitals: then it is that name, and a writing
// command takes it without asking. Any other difference, however small, is a loose match.
import { asTyped, plainApostrophes } from './text';

/**
 * One letter the other's capital or small form. Turkish, Azerbaijani and Kazakh Latin pair I with
 * \u0131 and \u0130 with i, beside the I/i of other languages; but \u0131 and i are two letters ("Ayd\u0131n",
 * "Aydin"), as are I and \u0130 once written: neither pair is a difference of capitals.
 */
function sameLetter(p: string, q: string): boolean {
  if (p === q) return true;
  const pair = (x: string, y: string) =>
    x.toUpperCase() === y || x.toLowerCase() === y || x.toLocaleUpperCase('tr') === y || x.toLocaleLowerCase('tr') === y;
  return pair(p, q) || pair(q, p);
}

/**
 * The same name but for its capitals, letter by letter: "\u015EAHIN KILI\u00C7", "\u015EAH\u0130N KILI\u00C7" and
 * "\u015Fahin k\u0131l\u0131\u00E7" are "\u015Eahin K\u0131l\u0131\u00E7"; "Aydin Altin" is not "Ayd\u0131n Alt\u0131n", though both
 * are AYDIN ALTIN in capitals. A letter whose capital is two ("\u00DF", SS) is matched against both.
 * Apostrophes of any form are one: Sa\u2019idov is Sa'idov as stored.
 */
export function sameButCase(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [[...plainApostrophes(asTyped(a))], [...plainApostrophes(asTyped(b))]];
  let [i, j] = [0, 0];
  while (i < x.length && j < y.length) {
    if (sameLetter(x[i]!, y[j]!)) {
      i++;
      j++;
      continue;
    }
    const wide = (own: string, other: string[], at: number) => {
      const upper = [...own.toUpperCase()];
      return upper.length > 1 && other.slice(at, at + upper.length).join('').toUpperCase() === upper.join('') ? upper.length : 0;
    };
    const ahead = wide(x[i]!, y, j);
    const behind = ahead ? 0 : wide(y[j]!, x, i);
    if (ahead) [i, j] = [i + 1, j + ahead];
    else if (behind) [i, j] = [i + behind, j + 1];
    else return false;
  }
  return i === x.length && j === y.length;
}

/**
 * What names the same but for their capitals have in common: a key to group or look them up by,
 * each group then told apart by sameButCase ("Aydin" and "Ayd\u0131n" share AYDIN, as "AYDIN" is either).
 */
export function caseKey(name: string): string {
  // Words of plain printable ASCII, one space apart, no apostrophe: already as typed and plain, so
  // capitals are all (most names, and four string passes fewer for each person a list labels).
  if (PLAIN_WORDS.test(name)) return name.toUpperCase();
  return plainApostrophes(asTyped(name)).toUpperCase().replace(/\u0130/g, 'I');
}

/** Printable ASCII but the space and the apostrophes ' and `, in words one space apart. */
const PLAIN_WORDS = /^[!-&(-_a-~]+(?: [!-&(-_a-~]+)*$/;

/**
 * Values filed under names, found again by a name the same but for its capitals. A name may find
 * several ("AYDIN" both "Aydin" and "Ayd\u0131n"): get gives the one of its very spelling first.
 */
export class ButCaseMap<V> {
  private readonly byKey = new Map<string, Array<{ name: string; value: V }>>();

  get(name: string): V | undefined {
    const entries = this.byKey.get(caseKey(name)) ?? [];
    return (entries.find((e) => e.name === asTyped(name)) ?? entries.find((e) => sameButCase(e.name, name)))?.value;
  }

  /** Files the value under this spelling, in place of what was filed under it. */
  set(name: string, value: V): this {
    const entries = this.byKey.get(caseKey(name)) ?? [];
    const typed = asTyped(name);
    const at = entries.findIndex((e) => e.name === typed);
    if (at >= 0) entries[at] = { name: typed, value };
    else entries.push({ name: typed, value });
    this.byKey.set(caseKey(name), entries);
    return this;
  }
}
