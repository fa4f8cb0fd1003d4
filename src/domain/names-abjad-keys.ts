// Index keys for words of a name that a spelling in Arabic script and its romanisations share: the
// consonants both write, in classes wide enough that the ways of writing a letter (th, s; kh, x, h)
// mostly share one; the long vowels and ayn left out, a final h too.
import { arabicUnits, KEY_CLASS } from './names-abjad';
import { ARTICLES } from './names-abjad-latin';
import type { NameToken } from './names-token';

// Persian reads dad as z, theh as s; Egypt writes jeem as g: one other key for such a word.
const KEY_OTHER: Record<string, string> = { '\u0636': 'z', '\u062b': 's', '\u062c': 'k' };

const finish = (key: string) => key.replace(/(.)\1+/g, '$1').replace(/(?<=.)h$/, '');

/** A word in Arabic letters as consonant keys: without its article (and with it, for Elham). */
export function arabicKeys(token: NameToken): string[] {
  const letters = arabicUnits(token);
  const key = (other: boolean, article: boolean) => finish(letters
    .filter((u) => article || !u.article)
    .map((u) => (other ? KEY_OTHER[u.letter] : undefined) ?? KEY_CLASS[u.letter] ?? u.letter).join(''));
  return [...new Set([key(false, false), key(false, true), key(true, false)])].filter((k) => k.length > 1);
}

const LATIN_CLASS: Array<[RegExp, string]> = [
  [/sch|sh|ch/g, 'C'], [/kh/g, 'H'], [/gh/g, 'K'], [/th/g, 'T'], [/dh/g, 'Z'], [/zh|dzh|dj/g, 'J'],
  [/ph/g, 'F'], [/[bp]/g, 'B'], [/[td]/g, 'T'], [/[cgkq]/g, 'K'], [/x/g, 'H'], [/[aeiouvwy]/g, ''],
];
// Fathi, Ishaq, Adham: th, sh, dh may be two letters (ta and ha), not one.
const SPLIT = /th|sh|dh/;

const latinKeysOf = new WeakMap<NameToken, string[]>();

/** A Latin word's consonant keys, as arabicKeys makes them for its Arabic spelling. */
export function latinKeys(token: NameToken): string[] {
  let keys = latinKeysOf.get(token);
  if (!keys) latinKeysOf.set(token, (keys = keysOfLatin(token)));
  return keys;
}

function keysOfLatin(token: NameToken): string[] {
  // Without an article written apart (al-Qahtani), as arabicKeys leaves out al-.
  const text = (token.parts.length > 1 && ARTICLES.test(token.parts[0]!) ? token.parts.slice(1) : token.parts).join('')
    .replace(/[^a-z]/g, '').replace(/([^aeiou])\1+/g, '$1');
  const key = (word: string) => finish(LATIN_CLASS.reduce((w, [pattern, to]) => w.replace(pattern, to), word).replace(/-/g, '').toLowerCase());
  const keys = [key(text)];
  if (SPLIT.test(text)) keys.push(key(text.replace(/([tsd])h/g, '$1-h')));
  return [...new Set(keys)].filter((k) => k.length > 1);
}
