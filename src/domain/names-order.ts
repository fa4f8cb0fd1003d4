// The order names are listed in when nothing else decides: letters before their accents and case,
// then the exact spelling. Not the locale's collation: loading ICU's collator costs a command
// ~6 ms, more than the sorts it would serve, and the order only breaks ties.
const keys = new Map<string, string>();

export function sortKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) keys.set(name, (key = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()));
  return key;
}

export function compareNames(a: string, b: string): number {
  return compareKeyed(sortKey(a), a, sortKey(b), b);
}

/** compareNames with each name's sortKey already at hand (a sort of thousands computes them once). */
export function compareKeyed(keyA: string, a: string, keyB: string, b: string): number {
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
