// Index keys for words of a name that a spelling in Arabic script and its romanisations share: the
// consonants both write, in classes wide enough that the ways of writing a letter (th, s; kh, x, h)
// mostly share one; the long vowels and ayn left out, a final h too.
import { arabicUnits, KEY_CLASS } from './names-abjad';
import { ARTICLES } from './names-abjad-latin';
import type { NameToken } from './names-token';

// Persian reads dad as z, theh as s; Egypt writes jeem as g; thal is written d or th as often as
// dh or z (Gaddafi, al-Hathloul): one other key for such a word.
const KEY_OTHER: Record<string, string> = { '\u0636': 'z', '\u062b': 's', '\u062c': 'k', '\u0630': 't' };

const finish = (key: string) => key.replace(/(.)\1+/g, '$1').replace(/(?<=.)h$/, '');

const arabicKey = (token: NameToken, other: boolean, article: boolean) => finish(arabicUnits(token)
  .filter((u) => article || !u.article)
  .map((u) => (other ? KEY_OTHER[u.letter] : undefined) ?? KEY_CLASS[u.letter] ?? u.letter).join(''));

/** A word in Arabic letters as consonant keys: without its article (and with it, for Elham). */
export function arabicKeys(token: NameToken): string[] {
  const key = (other: boolean, article: boolean) => arabicKey(token, other, article);
  return [...new Set([key(false, false), key(false, true), key(true, false)])].filter((k) => k.length > 1);
}

/**
 * A whole name's consonants, its words' in turn, as one key: a name of one word of one consonant
 * (Ali, Aisha, Alaa) or of words of one consonant each (Asia Bibi) has no key of a word.
 */
export function wholeKey(tokens: NameToken[], abjad: boolean): string {
  return finish(tokens.map((t) => (abjad ? arabicKey(t, false, false) : latinKey(t))).join(''));
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

// Without an article written apart (al-Qahtani), as arabicKeys leaves out al-.
const latinText = (token: NameToken) => (token.parts.length > 1 && ARTICLES.test(token.parts[0]!) ? token.parts.slice(1) : token.parts).join('')
  .replace(/[^a-z]/g, '').replace(/([^aeiou])\1+/g, '$1');
const key = (word: string) => finish(LATIN_CLASS.reduce((w, [pattern, to]) => w.replace(pattern, to), word).replace(/-/g, '').toLowerCase());
const latinKey = (token: NameToken) => key(latinText(token));

function keysOfLatin(token: NameToken): string[] {
  const text = latinText(token);
  const keys = [key(text)];
  if (SPLIT.test(text)) keys.push(key(text.replace(/([tsd])h/g, '$1-h')));
  return [...new Set(keys)].filter((k) => k.length > 1);
}
