// Names in Arabic script as Arabic and Persian write them: the short vowels left out, "Mohammad"
// written m-h-m-d, "Nasrin" n-s-r-y-n. Read here into their letters (one form for the letters that
// Arabic and Persian keyboards write differently), compared with each other here, with a Latin
// spelling in names-abjad-latin.ts, and keyed in names-abjad-keys.ts.
// (Uyghur's Arabic script writes every vowel and is read by names-fold's own table instead.)
import type { NameToken } from './names-token';

// Short-vowel marks, Quranic signs and the tatweel: left out, as most names are written without them.
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

export const ALEF = '\u0627';
export const WAW = '\u0648';
export const YEH = '\u06cc';
/** Alef maqsura: a final a (Mustafa, Musa), which Egypt also writes for a final i (Ali). */
export const MAQSURA = '\u0649';
export const HEH = '\u0647';
export const AIN = '\u0639';
const LAM = '\u0644';

// One letter for letters that Arabic and Persian keyboards (or spellings) write differently (search
// reads text so too: domain/search-form.ts).
export const SAME_LETTER: Readonly<Record<string, string>> = {
  '\u0623': ALEF, '\u0625': ALEF, '\u0622': ALEF, '\u0671': ALEF, // alef with hamza or madda, wasla
  '\u064a': YEH, '\u0626': YEH, // Arabic yeh, yeh with hamza
  '\u0643': '\u06a9', // Arabic kaf, Persian keheh
  '\u0629': HEH, '\u06c0': HEH, '\u06c1': HEH, // ta marbuta and Persian forms of heh
  '\u06be': HEH, '\u06d2': YEH, '\u06ba': '\u0646', // Urdu do-chashmi heh (Bhutto), yeh barree, noon ghunna
  '\u0624': WAW, // waw with hamza
  '\u0621': '', // hamza alone
};

// Whole words that are not names of their own, spelled as the Latin particles they are.
const PARTICLES: Record<string, string> = {
  '\u0628\u0646': 'bin', '\u0627\u0628\u0646': 'ibn', '\u0628\u0646\u062a': 'bint', '\u0627\u0644': 'al',
};

const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff]/;

/**
 * A name in Arabic script as words of normalised Arabic letters (hyphenated parts, and the parts a
 * Persian zero-width non-joiner keeps apart, as a word's parts), marks left out.
 */
export function readAbjad(name: string): string[][] {
  const letters = [...name.normalize('NFC').replace(MARKS, '').toLowerCase()]
    .map((c) => SAME_LETTER[c] ?? (ARABIC_LETTER.test(c) || /[a-z0-9]/.test(c) ? c : c === '\u200c' || c === '-' ? '-' : ' '))
    .join('');
  return letters.split(' ').filter((w) => w !== '')
    .map((w) => PARTICLES[w.replace(/-/g, '')] ?? w)
    .map((w) => w.split('-').filter((p) => p !== ''))
    .filter((w) => w.length > 0);
}

const ABD = `${AIN}\u0628\u062f`;

/**
 * The words with Abd and the name that follows it as one word (Abdulrahman, which Arabic writes
 * as two, عبد الرحمن), when the name has such a pair; a name is compared and keyed both ways.
 */
export function joinAbd(words: string[][]): string[][] | undefined {
  const out: string[][] = [];
  for (const w of words) {
    const before = out[out.length - 1];
    if (before?.length === 1 && before[0] === ABD && ARABIC_LETTER.test(w[0]![0]!)) out[out.length - 1] = [ABD, ...w];
    else out.push(w);
  }
  return out.length < words.length ? out : undefined;
}

/** A letter of a word in Arabic script, as the comparisons read it. */
export interface Unit {
  letter: string;
  /** What leaving it unmatched costs. */
  skip: number;
  /** A letter of the article al- (which one spelling has and another leaves out). */
  article: boolean;
  /** The first letter of a word or part (where an alef carries any vowel: Ibrahim, Osama). */
  start: boolean;
  /** The last letter of a word or part (where a Persian heh is silent, a yeh may be alef maqsura). */
  end: boolean;
}

/** What a long-vowel letter left unmatched costs: a waw or yeh is a vowel the other name lacks. */
const WEAK_SKIP: Record<string, number> = { [ALEF]: 0.4, [WAW]: 0.8, [YEH]: 0.8, [MAQSURA]: 0.8, [AIN]: 0 };

const units = new WeakMap<NameToken, Unit[]>();

/** The word's letters, shadda's doubling undone, the article marked as a letter that may go unmatched. */
export function arabicUnits(token: NameToken): Unit[] {
  let out = units.get(token);
  if (out) return out;
  out = [];
  for (const part of token.parts) {
    const letters = [...part].filter((c, i, all) => i === 0 || c !== all[i - 1]); // shadda is not written
    // The article al- (assimilated in speech, "ash-Shami", so its lam too) and the one inside Abd al-.
    const article = new Set<number>();
    if (letters.length >= 4 && letters[0] === ALEF && letters[1] === LAM) article.add(0).add(1);
    if (letters.length >= 6 && letters.slice(0, 5).join('') === `${AIN}\u0628\u062f${ALEF}${LAM}`) article.add(3).add(4);
    letters.forEach((letter, i) => {
      const end = i === letters.length - 1;
      // A final heh is often silent (Persian Fatemeh, Zohre); a final alef never is (Samira, Samir).
      const skip = article.has(i) ? 0 : letter === HEH && end ? 0.2 : letter === ALEF && end ? 0.8 : WEAK_SKIP[letter] ?? 1;
      out!.push({ letter, skip, article: article.has(i), start: i === 0 || article.has(i), end });
    });
  }
  units.set(token, out);
  return out;
}

/**
 * Letters of one sound, or written for one another (ta and tah; dal, dad and the t romanisations
 * write for them): one class each. The long vowels and ayn are no consonant of a key ('').
 */
export const KEY_CLASS: Record<string, string> = {
  '\u0628': 'b', '\u067e': 'b', '\u062a': 't', '\u0679': 't', '\u0688': 't', '\u0691': 'r', '\u0637': 't', '\u062f': 't', '\u0636': 't', '\u062b': 't',
  '\u0630': 'z', '\u0638': 'z', '\u0632': 'z', '\u0633': 's', '\u0635': 's', '\u0634': 'c', '\u0686': 'c',
  '\u062c': 'j', '\u0698': 'j', '\u062d': 'h', '\u062e': 'h', '\u0647': 'h', '\u0642': 'k', '\u06a9': 'k',
  '\u06af': 'k', '\u063a': 'k', '\u0641': 'f', '\u0644': 'l', '\u0645': 'm', '\u0646': 'n', '\u0631': 'r',
  [ALEF]: '', [WAW]: '', [YEH]: '', [MAQSURA]: '', [AIN]: '',
};

/** Two Arabic letters written for each other: a letter for the same sound, or a final a. */
function substitution(x: Unit, y: Unit): number {
  if (x.letter === y.letter) return 0;
  const pair = [x.letter, y.letter];
  if (pair.includes(MAQSURA) && (pair.includes(YEH) || pair.includes(ALEF))) return 0.3;
  if (x.end && y.end && pair.includes(ALEF) && pair.includes(HEH)) return 0.3; // Samira as Persian and Arabic write it
  const cx = KEY_CLASS[x.letter];
  return cx && cx === KEY_CLASS[y.letter] ? 0.5 : 1;
}

/**
 * What reading one word in Arabic letters as another costs: 0 for the same letters (but for the
 * article, shadda or a zero-width non-joiner), less for a letter of the same sound than for a
 * missing or different one. A long vowel one has and the other not makes different names
 * (Hassan and Hossein, Mohammad and Mahmoud are two people's names).
 */
export function arabicDistance(a: NameToken, b: NameToken): number {
  const x = arabicUnits(a);
  const y = arabicUnits(b);
  const skip = (u: Unit) => (u.letter === AIN ? 0.5 : u.skip);
  let row = [0];
  for (let j = 0; j < y.length; j++) row.push(row[j]! + skip(y[j]!));
  for (let i = 0; i < x.length; i++) {
    const next = [row[0]! + skip(x[i]!)];
    for (let j = 0; j < y.length; j++) {
      next.push(Math.min(row[j + 1]! + skip(x[i]!), next[j]! + skip(y[j]!), row[j]! + substitution(x[i]!, y[j]!)));
    }
    row = next;
  }
  return row[y.length]!;
}

/** A word in Arabic letters as spellings of it compare alike: without article, shadda or the maqsura's dots. */
export function arabicSpelling(token: NameToken): string {
  return arabicUnits(token).filter((u) => !u.article).map((u) => (u.letter === MAQSURA ? YEH : u.letter)).join('');
}
