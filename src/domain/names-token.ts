// One word of a name reduced to "skeletons": the spelling with the usual transliteration
// differences taken out (K/Q, Kh/H, Zh/J, -ai/-ay, doubled letters, a patronymic suffix, Wade-Giles
// syllables). Each rule that changed the word leaves a label, so a match can say why it matched.

export interface Spelling {
  text: string;
  labels: string[];
}

export interface NameToken {
  /** The folded word, hyphenated parts joined: "musakhanuly". */
  raw: string;
  /** Its hyphenated parts as written: ["al", "harbi"]. */
  parts: string[];
  /** Transliteration-normalised forms; the first is the main one. */
  skeletons: Spelling[];
  /** The skeletons with vowel quality and voicing also ignored (e/a, o/u, d/t, g/k, b/p, ch/j). */
  loose: Spelling[];
  /** A Russian-style patronymic (Petrovich, Ivanovna): may be left out of a name. */
  patronymic: boolean;
  /** A lone letter, "K." */
  initial: boolean;
}

interface Rule {
  pattern: RegExp;
  to: string;
  label: string;
}

const rule = (pattern: RegExp, to: string, label: string): Rule => ({ pattern, to, label });

// Wade-Giles syllables written as pinyin writes them; applied to each hyphenated part.
const WADE_GILES: Rule[] = [
  rule(/^hs/, 'x', 'Wade-Giles'),
  rule(/^(?:tz|ts)u$/, 'zi', 'Wade-Giles'),
  rule(/^(?:ss|sz)u$/, 'si', 'Wade-Giles'),
  rule(/^t[sz]/, 'z', 'Wade-Giles'),
  rule(/^(ch|sh|j)ih$/, '$1i', 'Wade-Giles'),
  rule(/^([a-z]{1,2})ung$/, '$1ong', 'Wade-Giles'),
];

// Arabic article joined by a hyphen: "al-Aziz", "ar-Rahman". ("en", "an" are pinyin syllables.)
const ARTICLES = new Set(['al', 'el', 'ul', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'ud', 'ur']);

// Patronymic and family-name endings that one source writes and another leaves out or changes.
const SUFFIX = /(ovich|evich|ovna|evna|kyzy|qyzy|kizi|qizi|gizi|ogly|oglu|ogli|ugli|uulu|uly|uli|ulu|yeva|ieva|ova|eva|yev|iev|ov|ev)$/;
const PATRONYMIC = /(ovich|evich|ovna|evna)$/;

const letterRules = (kh: 'h' | 'k'): Rule[] => [
  // Abd-u-rahman, Abdul Rahman, Abdel-Rahman, Abdurahman: the linking vowel (and article) varies.
  rule(/^abd(?:ul|al|el|ol|il|u|a|e|i|o)?(?=[^aeiou])/, 'abd', 'Abd-'),
  rule(/dzh|dj/g, 'j', 'Dzh/J'),
  rule(/zh/g, 'j', 'Zh/J'),
  rule(/kh/g, kh, kh === 'h' ? 'Kh/H' : 'Kh/K'),
  rule(/gh/g, 'g', 'Gh/G'),
  rule(/q/g, 'k', 'K/Q'),
  rule(/x/g, 'ks', 'X/Ks'),
  rule(/w/g, 'v', 'W/V'),
  // French and English "ou" (Yousef, Mahmoud); not at a word's end, where pinyin Zhou is not Zhu.
  rule(/ou(?=[^aeiouyw])/g, 'u', 'ou/u'),
  rule(/y/g, 'i', 'Y/I'),
  rule(/([aeiou])h(?=[^aeiouh]|$)/g, '$1', 'silent h'),
  rule(/([a-z])\1+/g, '$1', 'doubled letter'),
];

// E is written for a sound others write A (Memet, Mamat) or I (Tiyip, Teyip): one reading for each.
const looseRules = (e: 'a' | 'i'): Rule[] => [
  rule(/e/g, e, 'vowels'),
  rule(/o(?!u)/g, 'u', 'vowels'), // Zhou and Zhu are different family names
  rule(/ch/g, 'j', 'Ch/J'),
  rule(/g/g, 'k', 'G/K'),
  rule(/d/g, 't', 'D/T'),
  rule(/b/g, 'p', 'B/P'),
  rule(/f/g, 'p', 'F/P'),
  rule(/c/g, 'z', 'C/Ts'),
  rule(/([a-z])\1+/g, '$1', 'doubled letter'),
];

// Built once: every name stored or looked up goes through them, and a large import has hundreds of
// thousands of names (String.replace resets a global pattern's position, so sharing them is safe).
const LETTERS = { h: letterRules('h'), k: letterRules('k') };
const LOOSE = { a: looseRules('a'), i: looseRules('i') };

function apply(rules: Rule[], start: Spelling): Spelling {
  let { text } = start;
  const labels = [...start.labels];
  for (const r of rules) {
    const next = text.replace(r.pattern, r.to);
    if (next !== text && !labels.includes(r.label)) labels.push(r.label);
    text = next;
  }
  return { text, labels };
}

function joinSyllables(syllables: string[]): Spelling {
  const labels: string[] = [];
  let parts = syllables;
  if (parts.length > 1 && ARTICLES.has(parts[0]!)) {
    parts = parts.slice(1);
    labels.push('article al-');
  }
  const pinyin = parts.map((s) => apply(WADE_GILES, { text: s, labels: [] }));
  if (pinyin.some((s) => s.labels.length > 0)) labels.push('Wade-Giles');
  return { text: pinyin.map((s) => s.text).join(''), labels };
}

function respelled(word: Spelling, pattern: RegExp, to: string, label: string): Spelling {
  return apply(LETTERS.h, { text: word.text.replace(pattern, to), labels: [...word.labels, label] });
}

function stripSuffix(word: Spelling): Spelling {
  const m = SUFFIX.exec(word.text);
  if (!m || word.text.length - m[1]!.length < 3) return word;
  return { text: word.text.slice(0, -m[1]!.length), labels: [...word.labels, `-${m[1]}`] };
}

/**
 * Words already reduced, by their parts. A large import reduces hundreds of thousands of names made
 * of a few thousand distinct words (given names and family names recur), and each reduction runs
 * some forty patterns. Cleared when full, so that memory stays flat. Tokens are shared, so nothing
 * may change one.
 */
const reduced = new Map<string, NameToken>();
const REDUCED_MAX = 10000;

/** A word of a name (its hyphenated parts) as the matcher compares it. */
export function nameToken(syllables: string[]): NameToken {
  const key = syllables.join(' '); // a word's parts hold no spaces
  let token = reduced.get(key);
  if (token === undefined) {
    if (reduced.size >= REDUCED_MAX) reduced.clear();
    reduced.set(key, (token = joinedToken(syllables)));
  }
  return token;
}

/** The same for a word joined from a name's words ("WangLiXiong"): one name's own, so not kept. */
export function joinedToken(syllables: string[]): NameToken {
  const raw = syllables.join('');
  const joined = stripSuffix(joinSyllables(syllables));
  const skeletons = [apply(LETTERS.h, joined)];
  if (joined.text.includes('kh')) skeletons.push(apply(LETTERS.k, joined));
  // Pinyin qi-, qu- is Wade-Giles ch'i-, ch'ü- (Qing, Ch'ing); elsewhere Q is a K (Qaster).
  if (/q[iu]/.test(joined.text)) skeletons.push(respelled(joined, /q(?=[iu])/g, 'ch', 'Q/Ch'));
  // Uyghur Latin writes X for Kh (Toxti, Tokhti); pinyin xi-, xu- and Russian X stay Ks.
  if (/x(?![iu])/.test(joined.text)) skeletons.push(respelled(joined, /x(?![iu])/g, 'kh', 'X/Kh'));
  // Russian Е at the start of a word is written Ye or E (Yevgeny, Evgeny).
  const first = skeletons[0]!;
  if (/^ie/.test(first.text)) skeletons.push({ text: first.text.slice(1), labels: [...first.labels, 'Ye/E'] });
  const loose = skeletons.map((s) => apply(LOOSE.a, s));
  for (const s of skeletons) if (s.text.includes('e')) loose.push(apply(LOOSE.i, s));
  return {
    raw,
    parts: syllables,
    skeletons,
    loose,
    patronymic: PATRONYMIC.test(raw),
    initial: raw.length === 1,
  };
}

// "Son of" and "daughter of" in Turkic languages, after the father's name: Kazakh uly and kyzy,
// Kyrgyz uulu and kyzy, Uzbek o'g'li and qizi, Azerbaijani oglu and qizi.
const FATHERS_WORDS = ['uly', 'uli', 'ulu', 'uulu', 'kyzy', 'qyzy', 'kizi', 'qizi', 'gizi', 'ogly', 'oglu', 'ogli', 'ugli'];
const AFTER_FATHER = new Set(FATHERS_WORDS);

// Words that are not names of their own: "Musakhan uly", "bin Laden", "al Hashimi".
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'binti', ...FATHERS_WORDS]);

export const isParticle = (word: string[]) => word.length === 1 && PARTICLES.has(word[0]!);

// Words that join a family name in European names (van der Berg, de la Cruz, von Trotta): part of
// the name, unlike the particles above, yet nobody's name on their own.
const JOINING = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'dos', 'das', 'du', 'la', 'le', 'di', 'da', 'ter', 'ten', 'zu', 'y']);

/** A word that is a particle of either kind. */
export const particleWord = (word: string) => PARTICLES.has(word) || JOINING.has(word);
/** Every small word of names (al, bin, van der, uly…), as a list: a pattern of a name's words is built from it. */
export const PARTICLE_WORDS: readonly string[] = [...PARTICLES, ...JOINING];

/** Whether a name has no word but particles: "van der", "al", "bin". */
export const onlyParticles = (words: string[][]) => words.every((w) => w.length === 1 && particleWord(w[0]!));

/** The words that carry a name, particles left out unless nothing else is left. */
export function nameWords(words: string[][]): string[][] {
  const kept = words.filter((w) => !isParticle(w));
  return kept.length > 0 ? kept : words;
}

/**
 * The words with a Turkic "son of" or "daughter of" written apart joined to the father's name before
 * it, as Kazakh writes it in one word: Kyrgyz "Nurlan uulu", Uzbek "Nurlan o'g'li" and Kazakh
 * "Nurlan uly" are each Nurlanuly, the father's name that a Russian form writes Nurlanovich.
 */
export function fathersJoined(words: string[][]): string[][] {
  const out: string[][] = [];
  for (const word of words) {
    const last = out[out.length - 1];
    if (last && word.length === 1 && AFTER_FATHER.has(word[0]!) && !(last.length === 1 && particleWord(last[0]!))) {
      out[out.length - 1] = [...last.slice(0, -1), `${last[last.length - 1]!}${word[0]!}`];
    } else out.push(word);
  }
  return out;
}
