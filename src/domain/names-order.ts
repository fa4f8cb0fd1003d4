// The order names are listed in when nothing else decides: letters before their accents and case
// (Đ and Ł among the D and L), then the exact spelling. Not the locale's collation: loading ICU's collator costs a command
// ~6 ms, more than the sorts it would serve, and the order only breaks ties.
// Each name's key is reduced once per run (list people sorts thousands).
const keys = new Map<string, string>();

// Latin letters that no decomposition takes to a letter and a mark (Đorđe, Łukasz, Əli, Øyvind):
// the letters they are read with, as any-ascii writes them (which is not loaded for a sort).
const LETTERS: Record<string, string> = {
  '\u0111': 'd', '\u00f0': 'd', '\u0142': 'l', '\u0140': 'l', '\u00f8': 'o', '\u00e6': 'ae', '\u0153': 'oe',
  '\u00df': 'ss', '\u00fe': 'th', '\u0127': 'h', '\u0131': 'i', '\u014b': 'ng', '\u0167': 't', '\u0259': 'e',
  '\u01dd': 'e', '\u025b': 'e', '\u0254': 'o', '\u0268': 'i', '\u0289': 'u', '\u0192': 'f', '\u0292': 'zh',
  '\u0263': 'g', '\u0253': 'b', '\u0257': 'd', '\u0199': 'k', '\u0283': 'sh', '\u0272': 'n', '\u0275': 'o',
  '\u0138': 'q', '\u017f': 's', '\u028b': 'v', '\u01b4': 'y',
};
const OTHER_LETTER = /[^\x00-\x7f]/g;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The key a name is ordered by, before its exact spelling: letters without their accents, in lower
 * case. Also SQLite's name_order() (store/reader-lists.ts), which sorts a list as inNameOrder does.
 */
export function nameOrderKey(name: string): string {
  // ASCII has no marks to take off nor other letters: lower case is all (a third of list people's sort).
  return ASCII.test(name) ? name.toLowerCase() : name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(OTHER_LETTER, (c) => LETTERS[c] ?? c);
}

function sortKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = nameOrderKey(name);
    keys.set(name, key);
  }
  return key;
}

export function compareNames(a: string, b: string): number {
  // Two lets, not a destructured pair: at-risk's sort calls this thousands of times, mostly before
  // V8 compiles it, and the interpreter walks an array iterator for a destructuring.
  const keyA = sortKey(a);
  const keyB = sortKey(b);
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * People in name order (compareNames), one name's people by id: each name's key looked up once,
 * not at each of the ~2 million comparisons that sort a list of 100,000 people.
 */
export function inNameOrder<T extends { name: string; id: string }>(people: readonly T[]): T[] {
  const keyed = people.map((person) => ({ person, key: sortKey(person.name) }));
  keyed.sort((a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) : compareNames(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : 1)));
  return keyed.map((k) => k.person);
}
