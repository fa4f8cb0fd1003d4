// Relatives' names look like spellings of one name: a wife's is her husband's in its female form
// (Aziza Kurbanova, Aziz Kurbanov), a son's patronymic is his father's given name (Serik
// Nurlanovich, son of Nurlan). The spelling rules of names-token would take such words for
// variants of one word; these say when two words are a family's different members instead.
import type { NameToken } from './names-token';

// The gender an ending gives a family name or patronymic (the endings names-token takes off).
const FEMALE = /(ovna|evna|kyzy|qyzy|kizi|qizi|gizi|ova|eva)$/;
const MALE = /(ovich|evich|ogly|oglu|ogli|ugli|uly|uli|ulu|ov|ev)$/;

function genderOf(word: string): 'female' | 'male' | undefined {
  for (const [pattern, gender] of [[FEMALE, 'female'], [MALE, 'male']] as const) {
    const m = pattern.exec(word);
    // As names-token: an ending is one only after a stem of three letters or more (not Eva).
    if (m && word.length - m[1]!.length >= 3) return gender;
  }
  return undefined;
}

// A given name and its female form: Aziz and Aziza, Ruslan and Ruslana, Yevgeniy and Yevgeniya.
function femaleForm(a: string, b: string): boolean {
  const [short, long] = b.endsWith('a') ? [a, b] : [b, a];
  if (short.length < 3 || !long.endsWith('a') || short.endsWith('a')) return false;
  // After a consonant, or the i of -iy (Yevgeniy's skeleton is "ievgeni"): not Rahile and Rahila.
  return long.slice(0, -1) === short && /[^aeou]$/.test(short);
}

/**
 * Why two words of names are different people's even though they are spelt alike, or undefined:
 * a male and a female form (Kurbanov and Kurbanova, Musakhanuly and Musakhankyzy, Aziz and
 * Aziza), or a patronymic and a name that is not one (Nurlanovich is Nurlan's son, not Nurlan).
 */
export function kinWords(a: NameToken, b: NameToken): string | undefined {
  if (a.initial || b.initial) return undefined;
  const [ga, gb] = [genderOf(a.raw), genderOf(b.raw)];
  if (ga && gb && ga !== gb) return 'male and female forms';
  if (a.patronymic !== b.patronymic) return 'a patronymic and a name';
  if (femaleForm(a.skeletons[0]!.text, b.skeletons[0]!.text)) return 'male and female forms';
  return undefined;
}

// One syllable of pinyin or Wade-Giles (Wen, Feng, Ch'ing, Hsi): a Chinese character's reading.
const SYLLABLE = /^(?:zh|ch|sh|hs|ts|tz|[bpmfdtnlgkhjqxrzcsyw])?(?:i?ang|i?ong|uang|eng|ing|ung|ian|ien|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ieh?|iu|ua|uo|ueh?|uei|ui|erh?|ih|a|o|e|i|u)$/;

/**
 * Whether both words are one Chinese syllable each. Two such syllables differing in a vowel or in
 * F and P are other characters (Wen and Wan, Li and Lei, Peng and Feng: a sister's or a husband's
 * name), where in longer words (Hemit, Khamit) the vowel is only a way of writing it.
 */
export function oneSyllableEach(a: NameToken, b: NameToken): boolean {
  return a.parts.length === 1 && b.parts.length === 1 && SYLLABLE.test(a.raw) && SYLLABLE.test(b.raw);
}

// Wade-Giles writes -ien what pinyin writes -ian (Chien, Jian): the one vowel change that is no change.
const vowelsOf = (t: NameToken) => t.skeletons[0]!.text.replace(/ien$/, 'ian').replace(/[^aeiou]/g, '');

/** For two syllables found alike with these rules applied, whether the rules leave them one syllable. */
export function sameSyllable(a: NameToken, b: NameToken, labels: string[]): boolean {
  return !labels.includes('F/P') && (!labels.includes('vowels') || vowelsOf(a) === vowelsOf(b));
}
