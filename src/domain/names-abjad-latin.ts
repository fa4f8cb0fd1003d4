// A word in Arabic letters aligned with a Latin spelling, letter by letter: each Arabic consonant
// with the Latin letters written for it, the long-vowel letters (alef, waw, yeh) with a vowel, a
// Latin short vowel with nothing. What may not go unmatched tells apart names that differ only in
// their vowels: Mahmoud's "ou" is a waw that Mohammad (m-h-m-d) does not have.
import { AIN, ALEF, arabicUnits, HEH, MAQSURA, type Unit, WAW, YEH } from './names-abjad';
import type { NameToken } from './names-token';

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
  '\u0679': [['t', 0], ['d', 0.3]], // Urdu retroflex tteh, ddal, rreh (Khattak)
  '\u0688': [['d', 0], ['t', 0.3]],
  '\u0691': [['r', 0], ['d', 0.3]],
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

interface LatinWord {
  text: string;
  /** For each letter: the vowel it sounds (a e i o u), or '' for a consonant. */
  vowel: string[];
  /** For each letter: the vowel run it belongs to (-1 for a consonant). */
  run: number[];
  /** For each vowel run: what it costs when no Arabic letter stands for any of it. */
  runMiss: number[];
  /** For each vowel run: whether it holds a long i or u written double (ee, oo, ou), whose letter an ayn is not. */
  long: boolean[];
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
  const long: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isVowel[i]) {
      run.push(-1);
      continue;
    }
    if (i === 0 || !isVowel[i - 1]) {
      let end = i;
      while (end + 1 < text.length && isVowel[end + 1]) end++;
      // Arabic writes a name's first vowel (on an alef or ayn), and its last (a long vowel, ta
      // marbuta, heh); inside a word, a long vowel (two letters: ee, ai) has its letter too. But
      // French writes "ou" for a short u as for a long one (Mounir, Moustafa: the long vowel in
      // these names is the last, Mahmoud's), and a final e after a consonant is silent (Zidane).
      const last = end === text.length - 1;
      const frenchU = text.slice(i, end + 1) === 'ou' && /[aeiouyw]/.test(text.slice(end + 1));
      const silentE = last && i === end && text[i] === 'e' && i > 1;
      runMiss.push(i === 0 ? 0.5 : frenchU || silentE ? 0.2 : last || end > i ? 0.8 : 0);
      long.push(/ee|ii|oo|ou|uu/.test(text.slice(i, end + 1)));
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
  return { text, vowel, run, runMiss, long, skip };
}

/** Arabic articles written apart from the name they go with (al-Qahtani, ash-Shami). */
export const ARTICLES = /^(?:al|el|ul|ad|ar|as|ash|at|az|ud|ur)$/;
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
    if (sound) out.push([1, unit.start || /[aeo]/.test(sound) ? 0 : 0.8]);
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

/**
 * What an Arabic letter no Latin one stands for costs. An alef is a long a, which Latin letters
 * write (as a, e, o): one left out is a vowel the other name lacks (Jamal is not Jamil, Ahmad not
 * Hamad), but for a first one before a long vowel's letter. (Between two Arabic spellings an alef
 * left out costs less: Persian writes one where Arabic does not.)
 */
const unmatched = (arabic: Unit[], i: number) => {
  const unit = arabic[i]!;
  // A first alef carries the long vowel after it (Iman, Ouda: the i is alef and yeh both).
  const carrier = unit.start && [YEH, WAW].includes(arabic[i + 1]?.letter ?? '');
  return unit.letter === ALEF && !unit.article && !carrier ? 0.8 : unit.skip;
};

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
        if (i < n) relax(at(i + 1, j, f), c + unmatched(arabic, i));
        if (j < m) {
          const [extra, next] = past(j, 1, f, false);
          relax(at(i, j + 1, next), c + latin.skip[j]! + extra);
        }
        if (i < n && j < m) {
          for (const [len, k] of matches(arabic[i]!, latin, j)) {
            // An ayn read as a vowel is not the long one beside it (Saeed is not سعد but سعید).
            const [extra, next] = past(j, len, f, arabic[i]!.letter !== AIN || !latin.long[latin.run[j]!]);
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
