// Relatives' names look like spellings of one name: a wife's is her husband's in its female form
// (Aziza Kurbanova, Aziz Kurbanov), a son's patronymic is his father's given name (Serik
// Nurlanovich, son of Nurlan). The spelling rules of names-token would take such words for
// variants of one word; these say when two words are a family's different members instead.
import { distance } from 'fastest-levenshtein';
import { isParticle, type NameToken } from './names-token';

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

/**
 * Whether the typed word is a woman's by its ending and the stored one has no ending at all
 * (Memetova for Memet): the female form of the name the stored one may be a man's, or a woman's
 * written without it (Gulshan Abbas, Gulshan Abbasova). Only the person's recorded gender can tell.
 */
export function femaleEndingAdded(typed: NameToken, stored: NameToken): boolean {
  return !typed.initial && !stored.initial && genderOf(typed.raw) === 'female' && genderOf(stored.raw) === undefined;
}

/** Whether a person's recorded gender (free text) says they are a woman. */
export function recordedWoman(gender: string | undefined): boolean {
  return gender !== undefined && /^\s*(f|female|woman|girl)\s*$/i.test(gender);
}

// A given name and its female form: Aziz and Aziza, Ruslan and Ruslana, Yevgeniy and Yevgeniya.
function femaleForm(a: string, b: string): boolean {
  const [short, long] = b.endsWith('a') ? [a, b] : [b, a];
  if (short.length < 3 || !long.endsWith('a') || short.endsWith('a')) return false;
  // After a consonant, or the i of -iy (Yevgeniy's skeleton is "ievgeni"): not Rahile and Rahila.
  return long.slice(0, -1) === short && /[^aeou]$/.test(short);
}

/**
 * Whether two words spelt alike are different family members' all the same: a male and a female
 * form (Kurbanov and Kurbanova, Musakhanuly and Musakhankyzy, Aziz and Aziza), or a patronymic and
 * a name that is not one (Nurlanovich is Nurlan's son, not Nurlan).
 */
export function kinWords(a: NameToken, b: NameToken): boolean {
  if (a.initial || b.initial) return false;
  const [ga, gb] = [genderOf(a.raw), genderOf(b.raw)];
  if (ga && gb && ga !== gb) return true;
  // A Russian patronymic and a Turkic one are one father's (Nurlanovich, Nurlanuly): the same word.
  const apart = a.patronymic !== b.patronymic && !(fatherly(a) && fatherly(b));
  return apart || femaleForm(a.skeletons[0]!.text, b.skeletons[0]!.text);
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

// Arabic "son of" and "daughter of": the word after one is the father's name.
const LINEAGE = new Set(['bin', 'ibn', 'bint', 'binti']);

/** For each word nameWords keeps of these, whether it follows bin or ibn: a father's name. */
export function afterBin(words: string[][]): boolean[] {
  const kept = words.map((w) => !isParticle(w));
  if (!kept.includes(true)) return words.map(() => false);
  const follows = words.map((_, i) => i > 0 && words[i - 1]!.length === 1 && LINEAGE.has(words[i - 1]![0]!));
  return follows.filter((_, i) => kept[i]);
}

// A father's name made into one's own by its ending (Nurlanovich, Musakhanuly, Bolatkyzy, Aliyevich).
const FATHERS = /(ovich|evich|ovna|evna|uly|uli|ulu|kyzy|qyzy|kizi|qizi|gizi|ogly|oglu|ogli|ugli)$/;

/** A name's words, and which of them follow bin or ibn. */
export interface NameSide {
  tokens: NameToken[];
  bin: boolean[];
}

/** A word made of a father's name by its ending: Nurlanovich, Nurlanuly (as names-token, after a stem of three letters). */
function fatherly(token: NameToken): boolean {
  const m = FATHERS.exec(token.raw);
  return m !== null && token.raw.length - m[1]!.length >= 3;
}

function fathers(side: NameSide, i: number): boolean {
  return side.bin[i]! || fatherly(side.tokens[i]!);
}

/**
 * Whether the words paired make one name's father the other's bearer, one generation apart: each
 * name's father in the other's own name (Serik Nurlanovich and Nurlan Serikovich, Kaster
 * Musakhanuly and Musakhan Kasteruly, Ahmed bin Salman and Salman bin Ahmed), or the name after a
 * bin given as the other's first name (Khalid bin Muhammad al-Harbi, Mohammed al-Harbi). A father's
 * name against a plain one in another order may be either (Musakhan Kaster: Kaster Musakhanuly
 * written family name first, or Musakhan, Kaster's son): taken as apart, as a suggestion is
 * better than another person's record. In order, it is a patronymic left out (Kaster Musakhan), unless
 * the father's name stands for the other's first name (Serik Abenov, Nurlan Serikuly Abenov).
 */
export function generationApart(a: NameSide, b: NameSide, pairs: Array<[number, number]>, inOrder: boolean): boolean {
  let aFather = false;
  let bFather = false;
  for (const [i, j] of pairs) {
    const [fa, fb] = [fathers(a, i), fathers(b, j)];
    if (fa === fb) continue;
    if (!inOrder || (fa && a.bin[i] && j === 0) || (fb && b.bin[j] && i === 0)) return true;
    // A father's name in the middle of one name that is the other's first name: Serik Abenov is the
    // father of Nurlan Serikuly Abenov, and Musakhan alone the father of Kaster Musakhanuly.
    if ((fa && i > 0 && j === 0) || (fb && j > 0 && i === 0)) return true;
    aFather ||= fa;
    bFather ||= fb;
  }
  return aFather && bFather;
}

// A family name made from a father's given name (Kurbanov, Memetova, Ilyin): the ending is the sign.
const FAMILY = /(ova|eva|ina|ov|ev|in)$/;

/**
 * The family name's ending of the first word, which the second lacks: the second is the name it was
 * made from (Hemitov from Hemit), not another spelling of it. Only when the word is nearer the other
 * without that ending: Huseyin is Huseyn spelt otherwise, not a family name made from it.
 */
function endingAdded(word: NameToken, other: NameToken): boolean {
  const m = FAMILY.exec(word.raw);
  if (!m || word.initial || other.initial || word.raw.length - m[1]!.length < 3 || other.raw.endsWith(m[1]!)) return false;
  return distance(word.raw.slice(0, -m[1]!.length), other.raw) < distance(word.raw, other.raw);
}

/**
 * Whether the typed name's family-name ending sits on the word that is the other's given name: a
 * son's name, his father's given name made his family name. Moved from one word to the other
 * (Kurban Azizov for Aziz Kurbanov, or for Kurbanov Aziz written family name first), or put on the
 * stored given name in a swapped order (Memet Hemitov: Memet, son of Hemit, whose own Russian form
 * is Hemit Memetov). Swapped without it (Memet Hemit, Kurbanov Aziz) a name is still one.
 */
export function endingMoved(typed: NameSide, stored: NameSide, pairs: Array<[number, number]>, inOrder: boolean): boolean {
  const added = pairs.filter(([i, j]) => endingAdded(typed.tokens[i]!, stored.tokens[j]!));
  if (added.length === 0) return false;
  if (!inOrder && added.some(([, j]) => j === 0)) return true;
  return pairs.some(([i, j]) => endingAdded(stored.tokens[j]!, typed.tokens[i]!));
}
