// Lists of people, one a line ("Aidos Serikbayev - arrested on 3 March 2019"), with or without
// bullets: each line is a fact of its own about its own person. Also whether a line break inside a
// paragraph is hard wrapping (the sentence runs on) or ends such a line: a list read as one sentence
// gave every date to everyone, and a name took the last word of the line above.

import { PARTICLE_WORDS } from '../domain/names-token';

const BULLET = /^\s*([-*+\u2022\u2013]|\d+[.)])\s+/;

/** The line without its list marker ("- ", "* ", "+ ", "1. "): a fact's summary quotes what it says. */
export const withoutBullet = (line: string): string => line.replace(BULLET, '');

// A line that ends on one of these is not finished: the next line goes on with it.
const UNFINISHED = /(?:[,\-\u2013\u2014(/&]|\b(?:the|a|an|of|in|on|at|to|by|for|from|with|and|or|but|nor|that|which|who|whom|whose|as|than|into|under|between|against|including|about|after|before|during|since|until|his|her|their|its|is|are|was|were|been|be|has|have|had|not|said|told|named))$/i;

// "Aidos Serikbayev - arrested ...", "Aidos Serikbayev: arrested ...", "Aidos Serikbayev, arrested ...":
// two to six capitalised words (and the small words of names) opening the line, then a separator.
const WORD = "\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*";
const PARTICLE = `(?:${PARTICLE_WORDS.join('|')})`;
const ITEM = new RegExp(`^${WORD}(?:\\s+(?:${WORD}|${PARTICLE})){1,5}?\\s*(?:(\\s[-\u2013\u2014])|(:)|(,))\\s+(\\S)`, 'u');
const ONLY_NAME = new RegExp(`^${WORD}(?:\\s+(?:${WORD}|${PARTICLE})){1,3}$`, 'u');

export interface ItemShape {
  /** What stands between the name and the fact: ' -', ':', ',' or '' for a line that is only a name. */
  separator: string;
  /** What follows the name starts in lower case ("arrested on ..."): a fact told of someone, not a label's value. */
  factInLowerCase: boolean;
}

/** The line read as an item of a list of people, or undefined when it does not open with a name and a separator. */
export function itemShape(line: string): ItemShape | undefined {
  const text = line.replace(BULLET, '').trim();
  if (ONLY_NAME.test(text)) return { separator: '', factInLowerCase: false };
  const m = ITEM.exec(text);
  if (!m) return undefined;
  const factInLowerCase = /\p{Ll}/u.test(m[4]!);
  // A comma after capitalised words is everywhere in prose ("Darkhan Dilmanov, Deputy Chief of"): as a
  // list's separator only before what is told of the person ("arrested", "34").
  if (m[3] && /\p{Lu}/u.test(m[4]!)) return undefined;
  return { separator: m[1] ? ' -' : m[2] ? ':' : ',', factInLowerCase };
}

export const sameShape = (a: string, b: string): boolean => {
  const x = itemShape(a);
  const y = itemShape(b);
  return x !== undefined && y !== undefined && x.separator === y.separator;
};

/**
 * The line after `previous` (both with spaces collapsed) goes on with it: a lower-case start goes on a
 * line that does not end a sentence, and a line that reaches the wrap width goes on; but a bullet, or
 * a line opening with a name and the same separator as the item it would join (a list, one person a
 * line: `itemStart` is the first line of that item), starts afresh. A capital after a finished word is
 * not enough: wrapped prose breaks before names ("the two ethnic / Kazakh men") wherever wrapping is ragged.
 */
export function runsOn(itemStart: string, previous: string, line: string, width: number, rawLine: string): boolean {
  if (BULLET.test(rawLine)) return false;
  if (!UNFINISHED.test(previous) && sameShape(itemStart, line)) return false;
  if (/^\p{Ll}/u.test(line) && !/[.!?:]$/.test(previous)) return true;
  return previous.length >= width * 0.6;
}
