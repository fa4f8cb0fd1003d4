// Whether a typed name is a stored one in other capitals: then it is that name, and a writing
// command takes it without asking. Any other difference, however small, is a loose match.
import { asTyped } from './text';

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
 */
export function sameButCase(a: string, b: string): boolean {
  const [x, y] = [[...asTyped(a)], [...asTyped(b)]];
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
