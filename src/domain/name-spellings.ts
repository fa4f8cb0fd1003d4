// A person's name in a spelling that is none of their stored names ("Кастер Мусаханулы" in a
// cellmate's event for Kaster Musakhanuly stored in Latin and Kazakh letters; "Qaster Musakhan" or
// "Papadopoulos" in Latin letters for names stored otherwise): an erase cannot replace it safely (no
// fold makes the two the same letters), but it lists the record for the caseworker to check, as show
// and timeline would find the person by it.
import { foldWords, hasOtherScript } from './names-fold';
import { nameToken } from './names-token';

/**
 * The words of names as the name matcher compares them (loose skeletons): `any`, of words of four
 * letters or more, looked for in another script's words; `long`, of five or more, in Latin words
 * too (a shorter one reads as too many ordinary words: "Said" as "sad", "seed").
 */
export interface LooseWords {
  any: Set<string>; long: Set<string>;
  /** The words as written (plainWord): found as they are elsewhere, or someone else's where they are not. */
  written: Set<string>;
}

/** A word without its capitals and accents, in its own script. */
const plainWord = (word: string) => word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

export function looseWords(names: string[]): LooseWords {
  const loose: LooseWords = { any: new Set(), long: new Set(), written: new Set() };
  for (const name of names) {
    for (const word of name.match(/[\p{L}\p{M}]+/gu) ?? []) loose.written.add(plainWord(word));
    const { words, abjad } = foldWords(name);
    // Arabic and Persian letters are compared in their own letters (names-abjad): not read here.
    if (abjad) continue;
    for (const w of words) {
      const letters = w.join('').length;
      if (letters < 4) continue;
      for (const s of nameToken(w).loose) {
        loose.any.add(s.text);
        if (letters >= 5) loose.long.add(s.text);
      }
    }
  }
  return loose;
}

/** Each word's loose skeletons, read once: a database repeats the same names in thousands of texts. */
const wordSkeletons = new Map<string, string[]>();

function skeletonsOf(word: string): string[] {
  let known = wordSkeletons.get(word);
  if (known === undefined) {
    // A large database's texts hold some hundred thousand distinct words: kept, not made again and again.
    if (wordSkeletons.size >= 200000) wordSkeletons.clear();
    const { words, abjad } = foldWords(word);
    known = abjad ? [] : words.filter((w) => w.join('').length >= 4).flatMap((w) => nameToken(w).loose.map((s) => s.text));
    wordSkeletons.set(word, known);
  }
  return known;
}

/**
 * The first word of the text that reads as a word of the names (`loose`) in another spelling, if
 * any: in another script, or in Latin letters for a long word. Called where the names as written
 * are not in the text (those are found, and replaced, first).
 */
export function otherSpellingIn(text: string, loose: LooseWords): string | undefined {
  if (loose.any.size === 0) return undefined;
  const other = hasOtherScript(text);
  if (!other && loose.long.size === 0) return undefined;
  for (const word of text.match(/[\p{L}\p{M}]{4,}/gu) ?? []) {
    const set = other && hasOtherScript(word) ? loose.any : loose.long;
    if (set.size > 0 && skeletonsOf(word).some((s) => set.has(s)) && !loose.written.has(plainWord(word))) return word;
  }
  return undefined;
}
