// A comma inside a name. "Tursun, Ayg\u00fcl" (the family name first) or "Aygul Tursun, Jr." is one name;
// "Ayg\u00fcl Tursun, Ayguli" is most likely two, typed with the comma that separates names in writing
// where a sheet's list cell takes ";": stored, it was one name shown as two, found by neither.
import { foldName } from './names-fold';
import { particleWord } from './names-token';

// A comma of Arabic script, and a full-width one of Chinese and Japanese text.
const COMMA = /[,\u060C\uFF0C]/;
/** Words after a comma that are no one's name: a generation. */
const GENERATION = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'junior', 'senior']);

/** A part between commas that reads as a name: a word of two letters or more, not a particle or a generation, and no number. */
function readsAsName(part: string): boolean {
  return !/\p{N}/u.test(part) && foldName(part).split(' ').some((w) => w.length >= 2 && !particleWord(w) && !GENERATION.has(w));
}

/** The names a name holding commas reads as, when each part between them reads as one; else undefined. */
export function namesBetweenCommas(name: string): string[] | undefined {
  if (!COMMA.test(name)) return undefined;
  const parts = name.split(COMMA).map((p) => p.trim());
  return parts.every(readsAsName) ? parts : undefined;
}
