// Index keys for a name: computed once when a name is stored, and the same way for a query;
// any shared key makes a stored name a candidate that the matcher then scores.
import { doubleMetaphone } from 'double-metaphone';
import { foldWords } from './names-fold';
import { joinedToken, nameToken, nameWords } from './names-token';

const MAX_KEYS = 12;

/**
 * s: a word's loose skeleton (spelling variants, vowel quality and voicing taken out), and for a
 * name of several words the words written as one (王力雄 reads "WangLiXiong"); p: a word's Double
 * Metaphone code, taken on its consonants so that an unvowelled Arabic-script spelling lands
 * with its romanisations. Codes of one letter would make every short word a candidate: left out.
 */
export function nameKeys(name: string): string[] {
  const words = nameWords(foldWords(name).words).filter((w) => w.join('').length > 1);
  const tokens = words.map(nameToken);
  // Most telling first, as a long name's list is cut short.
  const keys = new Set(tokens.map((t) => `s:${t.loose[0]!.text}`));
  if (words.length >= 2) keys.add(`s:${joinedToken(words.flat()).loose[0]!.text}`);
  if (words.length === 2) keys.add(`s:${joinedToken([...words[1]!, ...words[0]!]).loose[0]!.text}`);
  for (const token of tokens) {
    const [code] = doubleMetaphone(token.consonants);
    if (code.length > 1) keys.add(`p:${code}`);
  }
  for (const token of tokens) for (const other of token.loose.slice(1)) keys.add(`s:${other.text}`);
  return [...keys].slice(0, MAX_KEYS);
}
