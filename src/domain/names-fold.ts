// Names from any script brought to plain lowercase ASCII words, so that spellings can be compared.
// any-ascii does the transliteration; the only table kept here is for Uyghur's Arabic script,
// which any-ascii reads as Arabic (ى as "a", ا dropped, و as "w") and so loses its vowels. Arabic
// and Persian, which leave their short vowels out, are compared in their own letters (names-abjad).
import anyAscii from 'any-ascii';
import { readAbjad } from './names-abjad';
import { latinTwins } from './names-lookalike';
import { fathersJoined } from './names-token';
import { APOSTROPHES } from './text';

const APOSTROPHE_ANY = new RegExp(`[${APOSTROPHES}]`, 'g');

// Letters only Uyghur (among Arabic-script languages caseworkers meet) writes; and what Arabic
// never does: ى (i) inside a word, ئ opening one.
const UYGHUR_LETTERS_ONLY = /[\u06D5\u06D0\u06C6\u06C7\u06C8\u06CB\u06AD\u06BE]|\u0649(?=[\u0620-\u06FF])|(?:^|\s)\u0626/;
// Urdu's own letters (retroflex tteh, ddal, rreh; noon ghunna, gol heh, yeh barree): Urdu writes
// its aspirates with the do-chashmi heh that Uyghur has for h (Bhutto), and leaves short vowels out.
const URDU = /[\u0679\u0688\u0691\u06BA\u06C1\u06D2]/;
const isUyghur = (text: string) => UYGHUR_LETTERS_ONLY.test(text) && !URDU.test(text);
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const PLAIN_ASCII = /^[\x00-\x7F]*$/;

// Uyghur Arabic script (UEY) to a Latin spelling close to the English usage (kh, gh, j).
const UYGHUR_LETTERS: Record<string, string> = {
  'ا': 'a', 'ە': 'e', 'ب': 'b', 'پ': 'p', 'ت': 't', 'ج': 'j', 'چ': 'ch', 'خ': 'kh', 'د': 'd',
  'ر': 'r', 'ز': 'z', 'ژ': 'zh', 'س': 's', 'ش': 'sh', 'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ك': 'k',
  'گ': 'g', 'ڭ': 'ng', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ھ': 'h', 'و': 'o', 'ۇ': 'u', 'ۆ': 'o',
  'ۈ': 'u', 'ۋ': 'w', 'ې': 'e', 'ى': 'i', 'ي': 'y', 'ئ': '',
};

/** A name read into words; each word keeps its hyphenated parts (Wade-Giles "Hsiao-po"). */
export interface FoldedName {
  /** Lowercase ASCII; for a name in Arabic script other than Uyghur, its Arabic letters (see names-abjad). */
  words: string[][];
  /** Written in Arabic script other than Uyghur: without its short vowels, compared by names-abjad. */
  abjad: boolean;
  /**
   * Two to four Chinese characters, read as family and given name: they may as well be one word of
   * a foreign name transcribed in characters ("\u4E70\u4E70\u63D0" of "...\u00B7\u4E70\u4E70\u63D0"), which is not split.
   */
  han?: true;
}

// A Chinese name in characters is written without a space: the family name (one character,
// or one of the common two-character ones) comes first. Foreign names transcribed in characters
// separate their words with a dot instead ("伊力哈木·土赫提") and are left whole.
const HAN_NAME = /^[\u3400-\u4DBF\u4E00-\u9FFF]{2,4}$/;
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '司徒', '东方', '皇甫', '令狐', '慕容', '夏侯', '尉迟', '公孙'];

function splitHanName(name: string): string {
  const text = name.trim();
  if (!HAN_NAME.test(text)) return name;
  const family = COMPOUND_SURNAMES.some((s) => text.startsWith(s)) && text.length > 2 ? 2 : 1;
  return `${text.slice(0, family)} ${text.slice(family)}`;
}

/** Arabic script as Arabic and Persian write it, without short vowels (not Uyghur, which writes them). */
const isAbjad = (text: string) => ARABIC_SCRIPT.test(text) && !isUyghur(text);

// Hebrew's vowel points and cantillation marks, which most names are written without (as Arabic's
// short vowels; any-ascii would read them as vowels the unpointed name lacks): not its punctuation
// (maqaf, paseq, sof pasuq, nun hafukha) between them.
const HEBREW_POINTS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;
// Name separators of Chinese and Japanese transcriptions ("伊力哈木·土赫提"), in their several forms, divide words.
const NAME_DOTS = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB\u318D\uFF0E\uFF65]/g;

/** Hebrew text without its vowel points and cantillation marks. */
export function unpointed(text: string): string {
  return text.normalize('NFC').replace(HEBREW_POINTS, '');
}

function toAscii(name: string): string {
  // Plain ASCII is its own transliteration: most names typed here never need any-ascii's table.
  if (PLAIN_ASCII.test(name)) return name;
  // Look-alikes of Latin letters read as Latin, before a transliteration reads them in their script.
  const text = splitHanName(latinTwins(unpointed(name))).replace(NAME_DOTS, ' ');
  if (PLAIN_ASCII.test(text)) return text;
  if (isUyghur(text)) return anyAscii([...text].map((c) => UYGHUR_LETTERS[c] ?? c).join(''));
  return anyAscii(text);
}

function foldedText(name: string): string {
  return toAscii(name)
    .toLowerCase()
    // Apostrophes mark a soft sign, an aspirate or an ayn: they sit inside a word, not between words.
    .replace(APOSTROPHE_ANY, '')
    .replace(/[^a-z0-9-]+/g, ' ')
    .replace(/\s*-+\s*/g, '-')
    .replace(/(^|\s)-+|-+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lowercase ASCII: "Қастер Мұсаханұлы" -> "qaster musakhanuly"; punctuation and hyphens become spaces. */
export function foldName(name: string): string {
  return foldedText(name).replace(/-/g, ' ');
}

export function foldWords(name: string): FoldedName {
  // Its romanisation would lose what tells its letters apart (a long vowel from a consonant).
  if (isAbjad(name)) return { words: readAbjad(name), abjad: true };
  const text = foldedText(name);
  const words = text === '' ? [] : text.split(' ').map((w) => w.split('-').filter((s) => s !== ''));
  return { words: fathersJoined(words.filter((w) => w.length > 0)), abjad: false, ...(HAN_NAME.test(name.trim()) ? { han: true as const } : {}) };
}

/** The name's letters with nothing between them: "WangLiXiong" and "Wang Lixiong" agree here. */
export function compactName(name: string): string {
  return foldName(name).replace(/ /g, '');
}

/** Whether the name was written (partly) in a script other than Latin. */
export function hasOtherScript(name: string): boolean {
  return /[^\u0000-\u024F\u1E00-\u1EFF\s\p{P}]/u.test(name);
}

// The scripts names tracked are written in, told apart; any other is one more.
const SCRIPTS = ['Latin', 'Cyrillic', 'Han', 'Arabic', 'Greek', 'Hebrew', 'Georgian', 'Armenian', 'Hangul', 'Tibetan', 'Mongolian']
  .map((script) => new RegExp(`\\p{Script=${script}}`, 'u'));

/** Which script a name is written in, by its first letter: a number to compare, -1 for none of SCRIPTS. */
export function scriptOf(name: string): number {
  const letter = /\p{L}/u.exec(name)?.[0];
  return letter === undefined ? -1 : SCRIPTS.findIndex((script) => script.test(letter));
}
