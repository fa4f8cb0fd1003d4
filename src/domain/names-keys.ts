// Index keys for a name: computed once when a name is stored, and the same way for a query;
// any shared key makes a stored name a candidate that the matcher then scores. Stored keys are not
// made again by themselves: a change here needs a migration that remakes them (as 007-name-keys
// does), or names stored before it are found by no query.
import { arabicSpelling, joinAbd } from './names-abjad';
import { arabicKeys, latinKeys, wholeKey } from './names-abjad-keys';
import { foldWords } from './names-fold';
import { joinedToken, type NameToken, nameToken, nameWords } from './names-token';

/**
 * A long name's keys are cut to this many, so that it is not a candidate for every query. The
 * keys of its first and last words (given and family name) are never the ones cut.
 */
const MAX_KEYS = 12;

/**
 * A word's own keys, most telling first. s: its loose skeleton (spelling variants, vowel quality
 * and voicing taken out; for a word in Arabic letters, those letters but for the article). a: its
 * consonants in wide classes, as an Arabic-script spelling writes them, which a word in Arabic
 * letters and its romanisations share (names-abjad-keys; they took the place of Double Metaphone codes,
 * which missed most of them). Keys of one letter would make every short word a candidate: left out.
 */
function wordKeys(token: NameToken, abjad: boolean): string[] {
  return [`s:${abjad ? arabicSpelling(token) : token.loose[0]!.text}`, ...(abjad ? arabicKeys(token) : latinKeys(token)).map((k) => `a:${k}`)];
}

/** The keys of a name; for a name of several words also the words written as one (王力雄 reads "WangLiXiong"). */
export function nameKeys(name: string): string[] {
  const { words: all, abjad } = foldWords(name);
  const words = nameWords(all).filter((w) => w.join('').length > 1);
  if (words.length === 0) return [];
  const tokens = words.map(nameToken);
  const own = tokens.map((t) => wordKeys(t, abjad));
  // Most telling first, as a long name's list is cut short: the first and last words' keys whole.
  const ends = [own[0]!, ...(own.length > 1 ? [own[own.length - 1]!] : [])];
  const between = own.slice(1, -1);
  const keys = new Set(ends.flat());
  // Abd and its name as one word, as Latin letters mostly write it (Abdulrahman): its keys too.
  const abd = abjad ? joinAbd(all) : undefined;
  for (const w of abd ? nameWords(abd).filter((x) => x.length > 1) : []) for (const k of wordKeys(nameToken(w), true)) keys.add(k);
  // A short name's consonants as one key (of one letter only for a name of one word: Ali, Aisha).
  const whole = words.length <= 3 ? wholeKey(tokens, abjad) : '';
  if (whole.length > (words.length === 1 ? 0 : 1)) keys.add(`a:${whole}`);
  if (words.length >= 2) keys.add(`s:${joinedToken(words.flat()).loose[0]!.text}`);
  if (words.length === 2) keys.add(`s:${joinedToken([...words[1]!, ...words[0]!]).loose[0]!.text}`);
  for (const k of between) keys.add(k[0]!);
  for (const k of between) for (const other of k.slice(1)) keys.add(other);
  for (const token of tokens) for (const other of token.loose.slice(1)) keys.add(`s:${other.text}`);
  return [...keys].slice(0, MAX_KEYS);
}
