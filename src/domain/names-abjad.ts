// Names in Arabic script as Arabic and Persian write them, compared with their romanisations.
// The script leaves out short vowels: "Mohammad" is written m-h-m-d, "Nasrin" n-s-r-y-n. A word in
// Arabic letters is aligned with a Latin word letter by letter: each Arabic consonant with the Latin
// letters written for it, the long-vowel letters (alef, waw, yeh) with a vowel, a Latin short vowel
// with nothing. What may not go unmatched decides apart names that differ only in their vowels:
// Mahmoud's "ou" is a waw that Mohammad (m-h-m-d) does not have.
// (Uyghur's Arabic script writes every vowel and is read by names-fold's own table instead.)
import type { NameToken } from './names-token';

// Short-vowel marks, Quranic signs and the tatweel: left out, as most names are written without them.
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

const ALEF = '\u0627';
const WAW = '\u0648';
const YEH = '\u06cc';
/** Alef maqsura: a final a (Mustafa, Musa), which Egypt also writes for a final i (Ali). */
const MAQSURA = '\u0649';
const HEH = '\u0647';
const AIN = '\u0639';
const LAM = '\u0644';

// One letter for letters that Arabic and Persian keyboards (or spellings) write differently.
const SAME_LETTER: Record<string, string> = {
  '\u0623': ALEF, '\u0625': ALEF, '\u0622': ALEF, '\u0671': ALEF, // alef with hamza or madda, wasla
  '\u064a': YEH, '\u0626': YEH, // Arabic yeh, yeh with hamza
  '\u0643': '\u06a9', // Arabic kaf, Persian keheh
  '\u0629': HEH, '\u06c0': HEH, '\u06c1': HEH, // ta marbuta and Persian forms of heh
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

interface Unit {
  letter: string;
  /** What leaving it unmatched costs. */
  skip: number;
  /** The first letter of a word or part (where an alef carries any vowel: Ibrahim, Osama). */
  start: boolean;
  /** The last letter of a word or part (where a Persian heh is silent, a yeh may be alef maqsura). */
  end: boolean;
}

/** The Latin letters written for each Arabic consonant, and what each costs (0: as written). */
const WRITTEN: Record<string, Array<[string, number]>> = {
  '\u0628': [['b', 0], ['p', 0.3]],
  '\u067e': [['p', 0], ['b', 0.3]],
  '\u062a': [['t', 0], ['d', 0.3]],
  '\u062b': [['th', 0], ['s', 0], ['t', 0.3]],
  '\u062c': [['j', 0], ['dj', 0], ['dzh', 0], ['g', 0], ['c', 0], ['zh', 0.3]],
  '\u0686': [['ch', 0], ['tch', 0], ['c', 0], ['j', 0.3]],
  '\u062d': [['h', 0], ['kh', 0.3], ['x', 0.3]],
  '\u062e': [['kh', 0], ['x', 0], ['h', 0.3], ['k', 0.3]],
  '\u062f': [['d', 0], ['t', 0.3]],
  '\u0630': [['dh', 0], ['z', 0], ['d', 0.3], ['th', 0.3]],
  '\u0631': [['r', 0]],
  '\u0632': [['z', 0], ['s', 0.3]],
  '\u0698': [['zh', 0], ['j', 0], ['z', 0.3]],
  '\u0633': [['s', 0], ['c', 0.3], ['z', 0.3], ['th', 0.3]],
  '\u0634': [['sh', 0], ['ch', 0], ['sch', 0], ['s', 0.3], ['c', 0.3]],
  '\u0635': [['s', 0], ['z', 0.3]],
  '\u0636': [['d', 0], ['z', 0], ['dh', 0], ['th', 0.3]],
  '\u0637': [['t', 0], ['d', 0.3]],
  '\u0638': [['z', 0], ['dh', 0], ['th', 0.3], ['d', 0.3]],
  '\u063a': [['gh', 0], ['g', 0], ['kh', 0.3]],
  '\u0641': [['f', 0], ['ph', 0], ['v', 0.3], ['p', 0.3]],
  '\u0642': [['q', 0], ['k', 0], ['g', 0], ['gh', 0.3], ['c', 0.3], ['kh', 0.3]],
  '\u06a9': [['k', 0], ['c', 0], ['q', 0.3], ['g', 0.3]],
  '\u06af': [['g', 0], ['k', 0.3]],
  '\u0644': [['l', 0]],
  '\u0645': [['m', 0]],
  '\u0646': [['n', 0]],
  '\u0647': [['h', 0]],
};

/** What a long-vowel letter left unmatched costs: a waw or yeh is a vowel the other name lacks. */
const WEAK_SKIP: Record<string, number> = { [ALEF]: 0.4, [WAW]: 0.8, [YEH]: 0.8, [MAQSURA]: 0.8, [AIN]: 0 };

const units = new WeakMap<NameToken, Unit[]>();

function arabicUnits(token: NameToken): Unit[] {
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
      out!.push({ letter, skip, start: i === 0 || article.has(i), end });
    });
  }
  units.set(token, out);
  return out;
}

interface LatinWord {
  text: string;
  /** For each letter: the vowel it sounds (a e i o u), or '' for a consonant. */
  vowel: string[];
  /** For each letter: the vowel run it belongs to (-1 for a consonant). */
  run: number[];
  /** For each vowel run: what it costs when no Arabic letter stands for any of it. */
  runMiss: number[];
  /** For each letter: what leaving it unmatched costs (a vowel's run is paid for once, at its end). */
  skip: number[];
}

const VOWEL = /[aeiou]/;

function latinWord(letters: string): LatinWord {
  // Doubled consonants are one letter (Mohammad, Hassan); doubled vowels mark a long one (Mansoor).
  const text = letters.replace(/[^a-z]/g, '').replace(/([^aeiou])\1+/g, '$1');
  const isVowel = [...text].map((c, i) => {
    if (VOWEL.test(c)) return true;
    const next = text[i + 1];
    const before = i > 0 && VOWEL.test(text[i - 1]!);
    // Ayman, Rowhani: y and w closing a vowel are part of it; before a vowel they are consonants.
    if (c === 'y') return i > 0 && !(next && VOWEL.test(next));
    if (c === 'w') return !(next && VOWEL.test(next)) && before;
    return false;
  });
  const vowel = [...text].map((c, i) => (!isVowel[i] ? '' : c === 'y' ? 'i' : c === 'w' ? 'u' : c));
  const run: number[] = [];
  const runMiss: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isVowel[i]) {
      run.push(-1);
      continue;
    }
    if (i === 0 || !isVowel[i - 1]) {
      let end = i;
      while (end + 1 < text.length && isVowel[end + 1]) end++;
      // Arabic writes a name's first vowel (on an alef or ayn), and its last (a long vowel, ta
      // marbuta, heh); inside a word, a long vowel (two letters: ou, ee, ai) has its letter too.
      runMiss.push(i === 0 ? 0.5 : end === text.length - 1 || end > i ? 0.8 : 0);
    }
    run.push(runMiss.length - 1);
  }
  const skip = [...text].map((c, i) => {
    if (isVowel[i]) return 0;
    const next = text[i + 1] ?? '';
    const prev = text[i - 1] ?? '';
    if (c === 'h' && i === text.length - 1 && VOWEL.test(prev)) return 0.3; // Sarah, Fatimah
    if ((c === 'w' || c === 'v') && /[ou]/.test(next)) return 0.2; // Dawood, Davoud
    if (c === 'y' && /[ie]/.test(next)) return 0.2;
    return 1;
  });
  return { text, vowel, run, runMiss, skip };
}

const ARTICLES = /^(?:al|el|ul|ad|ar|as|ash|at|az|ud|ur)$/;
const latinWords = new WeakMap<NameToken, LatinWord[]>();

/** The Latin word, and without its article when it has one ("al-Qahtani", "Qahtani"). */
function latinReadings(token: NameToken): LatinWord[] {
  let out = latinWords.get(token);
  if (out) return out;
  out = [latinWord(token.parts.join(''))];
  if (token.parts.length > 1 && ARTICLES.test(token.parts[0]!)) out.push(latinWord(token.parts.slice(1).join('')));
  // Abdel, Abdul: Abd with the article of the name that follows (Abdel Nasser, Abd al-Nasir).
  if (/^abd[aeiou]l$/.test(token.raw)) out.push(latinWord('abd'));
  latinWords.set(token, out);
  return out;
}

/** What matching an Arabic letter with the Latin letters from j costs: [letters taken, cost] each way it can. */
function matches(unit: Unit, latin: LatinWord, j: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const sound = latin.vowel[j]!;
  const c = latin.text[j]!;
  const { letter } = unit;
  if (letter === AIN) {
    if (sound) out.push([1, 0]);
  } else if (letter === ALEF) {
    // Inside a word an alef is a long a (Persian writes it for an o now and then), not an i or u.
    if (sound) out.push([1, unit.start || /[aeo]/.test(sound) ? 0 : 0.3]);
  } else if (letter === WAW) {
    if (sound) out.push([1, /[ou]/.test(sound) ? 0 : 0.8]);
    else if (c === 'w' || c === 'v') out.push([1, 0]);
  } else if (letter === YEH) {
    if (sound) out.push([1, /[ie]/.test(sound) ? 0 : 0.8]);
    else if (c === 'y') out.push([1, 0]);
  } else if (letter === MAQSURA) {
    if (sound) out.push([1, sound === 'a' ? 0 : /[ie]/.test(sound) ? 0.3 : 0.8]);
    else if (c === 'y') out.push([1, 0.3]);
  } else if (letter === HEH && unit.end && /[ae]/.test(sound)) {
    out.push([1, 0]);
  }
  if (sound) return out;
  for (const [written, cost] of WRITTEN[letter] ?? [[letter, 0]]) {
    if (latin.text.startsWith(written, j) && latin.vowel.slice(j, j + written.length).every((v) => v === '')) out.push([written.length, cost]);
  }
  return out;
}

/** The least it costs to read the Arabic letters as the Latin word. */
function alignment(arabic: Unit[], latin: LatinWord): number {
  const n = arabic.length;
  const m = latin.text.length;
  // cost[i][j][f]: Arabic letters before i and Latin letters before j read; f, whether the vowel run
  // going on at j already has an Arabic letter.
  const cost = new Float64Array((n + 1) * (m + 1) * 2).fill(Infinity);
  const at = (i: number, j: number, f: number) => ((i * (m + 1) + j) << 1) | f;
  const relax = (k: number, c: number) => {
    if (c < cost[k]!) cost[k] = c;
  };
  // Moving past Latin letters j..j+len-1 (a vowel is always one letter): the run's cost when it ends unmatched.
  const past = (j: number, len: number, f: number, matched: boolean): [number, number] => {
    const run = latin.run[j]!;
    if (run < 0) return [0, 0];
    const had = (j > 0 && latin.run[j - 1] === run ? f === 1 : false) || matched;
    if (j + len < m && latin.run[j + len] === run) return [0, had ? 1 : 0];
    return [had ? 0 : latin.runMiss[run]!, 0];
  };
  cost[at(0, 0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      for (let f = 0; f < 2; f++) {
        const c = cost[at(i, j, f)]!;
        if (c === Infinity) continue;
        if (i < n) relax(at(i + 1, j, f), c + arabic[i]!.skip);
        if (j < m) {
          const [extra, next] = past(j, 1, f, false);
          relax(at(i, j + 1, next), c + latin.skip[j]! + extra);
        }
        if (i < n && j < m) {
          for (const [len, k] of matches(arabic[i]!, latin, j)) {
            const [extra, next] = past(j, len, f, true);
            relax(at(i + 1, j + len, next), c + k + extra);
          }
        }
      }
    }
  }
  return Math.min(cost[at(n, m, 0)]!, cost[at(n, m, 1)]!);
}

// A query is compared with many names made of a few thousand distinct words: kept, cleared when full.
const distances = new Map<string, number>();

/** What reading a word in Arabic letters as a Latin one costs: 0 when it is a way of writing it. */
export function abjadDistance(arabic: NameToken, latin: NameToken): number {
  const key = `${arabic.parts.join('-')} ${latin.parts.join('-')}`;
  let cost = distances.get(key);
  if (cost === undefined) {
    const letters = arabicUnits(arabic);
    cost = Math.min(...latinReadings(latin).map((word) => alignment(letters, word)));
    if (distances.size >= 10000) distances.clear();
    distances.set(key, cost);
  }
  return cost;
}

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

// Keys: the consonants both spellings agree on, in classes wide enough that the ways of writing a
// letter (th, s; kh, x, h) mostly share one; the long vowels and ayn left out, a final h too.
const KEY_CLASS: Record<string, string> = {
  '\u0628': 'b', '\u067e': 'b', '\u062a': 't', '\u0637': 't', '\u062f': 't', '\u0636': 't', '\u062b': 't',
  '\u0630': 'z', '\u0638': 'z', '\u0632': 'z', '\u0633': 's', '\u0635': 's', '\u0634': 'c', '\u0686': 'c',
  '\u062c': 'j', '\u0698': 'j', '\u062d': 'h', '\u062e': 'h', '\u0647': 'h', '\u0642': 'k', '\u06a9': 'k',
  '\u06af': 'k', '\u063a': 'k', '\u0641': 'f', '\u0644': 'l', '\u0645': 'm', '\u0646': 'n', '\u0631': 'r',
  [ALEF]: '', [WAW]: '', [YEH]: '', [MAQSURA]: '', [AIN]: '',
};
// Persian reads dad as z, theh as s; Egypt writes jeem as g: one other key for such a word.
const KEY_OTHER: Record<string, string> = { '\u0636': 'z', '\u062b': 's', '\u062c': 'k' };

const finish = (key: string) => key.replace(/(.)\1+/g, '$1').replace(/(?<=.)h$/, '');

/** A word in Arabic letters as spellings of it compare alike: without article, shadda or the maqsura's dots. */
export function arabicSpelling(token: NameToken): string {
  return arabicUnits(token).filter((u) => u.skip !== 0 || u.letter === AIN).map((u) => (u.letter === MAQSURA ? YEH : u.letter)).join('');
}

/** A word in Arabic letters as consonant keys: without its article (and with it, for Elham). */
export function arabicKeys(token: NameToken): string[] {
  const letters = arabicUnits(token);
  const key = (other: boolean, article: boolean) => finish(letters
    .filter((u) => article || u.skip !== 0 || u.letter === AIN)
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
