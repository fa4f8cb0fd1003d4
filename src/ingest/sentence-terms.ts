// The prison term a sentence gives ("sentenced to one year"), and the day it ends: a date the
// caseworker checks by, when the document tells the day the sentence was given.
import type { PartialDate } from '../domain/types';
import { addMonths } from '../domain/dates-calendar';
import { PARTLY_SERVED } from './event-types';

/** "sentenced to one year", "to 18 months", "to two and a half years", "to 2 years and 6 months". */
const NUMBER = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)';
// "sentenced on 2 May 2021 to", "a court sentenced Ivan Petrov to": a date or a name may come between
// (nothing else: "sentenced after being held for up to six months" gives no term).
// Without the i flag, which would make \\p{Lu} take any letter: the words are lower case mid-sentence.
const TERM = new RegExp(`\\b[Ss]entenced\\s+(?:on\\s+[\\p{L}\\d ,]{1,25}?\\s+|(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,4})?to\\s+${NUMBER}(\\s+and\\s+a\\s+half)?\\s+(years?|months?)(?:,?\\s+(?:and\\s+)?${NUMBER}\\s+months?)?\\b`, 'u');
/** More than one term in a sentence ("A to one year and B to two"): whose is which is not read. */
const TERMS = new RegExp(`\\bto\\s+${NUMBER}(\\s+and\\s+a\\s+half)?\\s+(years?|months?)\\b`, 'gi');
const TERM_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** The day a prison term given on a day ends (before any time served is counted), or undefined. */
export function sentenceEnd(sentence: string, given: PartialDate): PartialDate | undefined {
  const m = TERM.exec(sentence);
  // Several terms (whose is which is not read), or a term partly suspended (the release comes earlier): no end.
  if (!m || given.day === undefined || given.month === undefined || [...sentence.matchAll(TERMS)].length > 1 || PARTLY_SERVED.test(sentence)) return undefined;
  const count = (word: string) => (/^\d+$/.test(word) ? Number(word) : TERM_WORDS[word.toLowerCase()]!);
  const n = count(m[1]!);
  const years = /^y/i.test(m[3]!);
  const months = years ? n * 12 + (m[2] ? 6 : 0) + (m[4] ? count(m[4]) : 0) : n;
  if (months <= 0 || months > 600) return undefined;
  const end = addMonths({ year: given.year, month: given.month, day: given.day }, months);
  return { ...end, approximate: false, text: `${m[0].replace(/^sentenced\s+(?:[^.;]*?\s)?to\s+/iu, '')} from ${given.text}` };
}
