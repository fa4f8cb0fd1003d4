// The order names are listed in when nothing else decides: letters before their accents and case,
// then the exact spelling. Not the locale's collation: loading ICU's collator costs a command
// ~6 ms, more than the sorts it would serve, and the order only breaks ties.
// Each name's key is reduced once per run (list people sorts thousands).
const keys = new Map<string, string>();

function sortKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) keys.set(name, (key = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()));
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
