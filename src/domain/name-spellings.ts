// A person's name written in another script in a text, in a spelling that is none of their stored
// names ("Кастер Мусаханулы" in a cellmate's event, for Kaster Musakhanuly stored in Latin and in
// Kazakh letters): an erase cannot replace it safely (no fold makes the two the same letters), but it
// lists the record for the caseworker to check, as show and timeline would find the person by it.
import { foldWords, hasOtherScript } from './names-fold';
import { nameToken } from './names-token';

/** The words of names as the name matcher compares them (loose skeletons), for words of four letters or more. */
export function looseWords(names: string[]): Set<string> {
  const loose = new Set<string>();
  for (const name of names) {
    const { words, abjad } = foldWords(name);
    // Arabic and Persian letters are compared in their own letters (names-abjad): not read here.
    if (abjad) continue;
    for (const w of words) if (w.join('').length >= 4) for (const s of nameToken(w).loose) loose.add(s.text);
  }
  return loose;
}

/** Each word's loose skeletons, read once: a database repeats the same names in thousands of texts. */
const wordSkeletons = new Map<string, string[]>();

function skeletonsOf(word: string): string[] {
  let known = wordSkeletons.get(word);
  if (known === undefined) {
    if (wordSkeletons.size >= 20000) wordSkeletons.clear();
    const { words, abjad } = foldWords(word);
    known = abjad ? [] : words.filter((w) => w.join('').length >= 4).flatMap((w) => nameToken(w).loose.map((s) => s.text));
    wordSkeletons.set(word, known);
  }
  return known;
}

/** The first word of the text in a script other than Latin that reads as a word of the names (`loose`), if any. */
export function otherSpellingIn(text: string, loose: Set<string>): string | undefined {
  if (loose.size === 0 || !hasOtherScript(text)) return undefined;
  for (const word of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    if (hasOtherScript(word) && skeletonsOf(word).some((s) => loose.has(s))) return word;
  }
  return undefined;
}
