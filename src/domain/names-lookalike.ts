// Letters of other alphabets drawn like Latin ones: a name typed or pasted with one of them in
// place of its Latin twin ("Ka\u0455im" with the Cyrillic dze) looks the same as the Latin name but
// would be transliterated apart from it (dze as "dz", ha as "kh") and so taken for another person.
// From Unicode's confusables (UTS #39), the Cyrillic, Greek, Armenian and Cherokee letters whose
// prototype is one Latin letter (capitals, but where "small" is said); capital iota and Byelorussian
// i are read as I, not as l, as a name's first letter is a capital.

/** Each Latin letter and the letters that look like it. */
const TWINS: Record<string, string> = {
  a: '\u0430\u0410\u03B1\u0391\u13AA', // Cyrillic small a; Cyrillic a; Greek small alpha; Greek alpha; Cherokee go
  b: '\u0412\u042C\u0392\u13F4', // Cyrillic ve; Cyrillic soft sign; Greek beta; Cherokee yv
  c: '\u0441\u0421\u03F2\u03F9\u13DF', // Cyrillic small es; Cyrillic es; Greek lunate sigma symbol; Greek capital lunate sigma symbol; Cherokee tli
  d: '\u0501\u13A0', // Cyrillic small komi de; Cherokee a
  e: '\u0435\u04BD\u0415\u0395\u13AC', // Cyrillic small ie; Cyrillic small abkhasian che; Cyrillic ie; Greek epsilon; Cherokee gv
  g: '\u050C\u0581\u13C0\u13F3', // Cyrillic komi sje; Armenian small co; Cherokee nah; Cherokee yu
  h: '\u04BB\u04BA\u041D\u0397\u0570\u13BB', // Cyrillic small shha; Cyrillic shha; Cyrillic en; Greek eta; Armenian small ho; Cherokee mi
  i: '\u0456\u04C0\u0406\u03B9\u0399', // Cyrillic small byelorussian-ukrainian i; Cyrillic palochka; Cyrillic byelorussian-ukrainian i; Greek small iota; Greek iota
  j: '\u0458\u0408\u03F3\u037F\u13AB', // Cyrillic small je; Cyrillic je; Greek yot; Greek yot; Cherokee gu
  k: '\u041A\u039A\u13E6', // Cyrillic ka; Greek kappa; Cherokee tso
  l: '\u04CF\u13DE', // Cyrillic small palochka; Cherokee tle
  m: '\u041C\u039C\u03FA\u13B7', // Cyrillic em; Greek mu; Greek san; Cherokee lu
  n: '\u039D\u0578\u057C', // Greek nu; Armenian small vo; Armenian small ra
  o: '\u043E\u041E\u03BF\u03C3\u039F\u0585\u0555', // Cyrillic small o; Cyrillic o; Greek small omicron; Greek small sigma; Greek omicron; Armenian small oh; Armenian oh
  p: '\u0440\u0420\u03C1\u03F1\u03A1\u13E2', // Cyrillic small er; Cyrillic er; Greek small rho; Greek rho symbol; Greek rho; Cherokee tlv
  q: '\u051B\u051A\u0566\u0563', // Cyrillic small qa; Cyrillic qa; Armenian small za; Armenian small gim
  r: '\u0433\u13A1\u13D2', // Cyrillic small ghe; Cherokee e; Cherokee sv
  s: '\u0455\u0405\u054F\u13DA\u13D5', // Cyrillic small dze; Cyrillic dze; Armenian tiwn; Cherokee du; Cherokee de
  t: '\u0422\u03A4\u13A2', // Cyrillic te; Greek tau; Cherokee i
  u: '\u03C5\u057D\u054D', // Greek small upsilon; Armenian small seh; Armenian seh
  v: '\u0475\u0474\u03BD\u13D9', // Cyrillic small izhitsa; Cyrillic izhitsa; Greek small nu; Cherokee do
  w: '\u051D\u0461\u051C\u13B3\u13D4', // Cyrillic small we; Cyrillic small omega; Cyrillic we; Cherokee la; Cherokee ta
  x: '\u0445\u0425\u03A7', // Cyrillic small ha; Cyrillic ha; Greek chi
  y: '\u0443\u04AF\u0423\u04AE\u03B3\u03A5\u03D2\u13A9\u13BD', // Cyrillic small u; Cyrillic small straight u; Cyrillic u; Cyrillic straight u; Greek small gamma; Greek upsilon; Greek upsilon with hook symbol; Cherokee gi; Cherokee mu
  z: '\u0396\u13C3', // Greek zeta; Cherokee no
};

/** Each look-alike letter and its Latin twin (lowercase: names are compared in lowercase). */
export const LOOKALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries(TWINS).flatMap(([latin, letters]) => [...letters].map((c) => [c, latin] as [string, string])),
);

const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/gu;
/** The alphabets of the look-alikes, and so of a word a Latin letter may be typed into. */
const TWIN_SCRIPTS = ['Cyrillic', 'Greek', 'Armenian', 'Cherokee'].map((script) => new RegExp(`\\p{Script=${script}}`, 'u'));
const TWIN_SCRIPT = new RegExp(TWIN_SCRIPTS.map((s) => s.source).join('|'), 'u');

// The Cyrillic letters a Latin one typed among them stands for: its look-alike of the same case, of
// the letters Cyrillic names are written in (not Macedonian dze for s, nor ghe, which s and r are
// not drawn like in a word of Cyrillic). A Latin letter with none (t, n) is read as itself, as a
// transliteration writes that letter. In the other alphabets Latin letters are read as themselves.
const CYRILLIC_OF_LATIN: Readonly<Record<string, string>> = {
  a: '\u0430', c: '\u0441', e: '\u0435', h: '\u04BB', i: '\u0456', j: '\u0458', o: '\u043E', p: '\u0440', x: '\u0445', y: '\u0443', A: '\u0410', B: '\u0412', C: '\u0421', E: '\u0415', H: '\u041D', I: '\u0406', J: '\u0408', K: '\u041A', M: '\u041C', O: '\u041E', P: '\u0420', T: '\u0422', X: '\u0425', Y: '\u0423',
};

/** How many of the letters are Latin, and how many are of an alphabet with look-alikes. */
function countScripts(letters: string[]): { latin: number; other: number } {
  const latin = letters.filter((c) => LATIN.test(c)).length;
  return { latin, other: letters.filter((c) => TWIN_SCRIPT.test(c)).length };
}

/**
 * The name with each word that mixes Latin letters with letters of another alphabet read in one
 * script: the script most of its letters are written in, or on a tie the one most of the name is.
 * In Latin, its look-alikes are read as their Latin twins ("Ka\u0455im" with the Cyrillic dze is
 * Kasim), if each of its other letters is one; in the other alphabet, its Latin letters are read as
 * the letters they look like ("\u041A\u0430\u0441t\u0435\u0440", one Latin t among Cyrillic letters that all look
 * Latin, is Kaster, not "Kactep"). A word wholly in one script ("\u0422\u0430\u0440\u0430\u0441 Shevchenko" is Taras,
 * not "Tapac", however Latin each of its letters looks) is left to transliteration.
 */
export function latinTwins(name: string): string {
  if (!LATIN.test(name) || !TWIN_SCRIPT.test(name)) return name;
  const whole = countScripts(name.match(LETTER) ?? []);
  // Words as a name's hyphens divide them too ("\u0422\u0430\u0440\u0430\u0441-Shevchenko": two words of two scripts).
  return name.replace(/[^\s\-\u2010]+/g, (word) => {
    const letters = word.match(LETTER) ?? [];
    const { latin, other } = countScripts(letters);
    if (latin === 0 || other === 0) return word;
    const inLatin = latin !== other ? latin > other : whole.latin >= whole.other;
    if (!inLatin) return /\p{Script=Cyrillic}/u.test(word) ? [...word].map((c) => CYRILLIC_OF_LATIN[c] ?? c).join('') : word;
    if (!letters.every((c) => LOOKALIKES.has(c) || LATIN.test(c))) return word;
    return [...word].map((c) => LOOKALIKES.get(c) ?? c).join('');
  });
}
