// Dates written in figures ("12/03/2021", "12.03.2021") are never read: countries differ on whether
// the day or the month comes first. What a fact dated so would have been is said instead, with the
// ISO forms to record it by hand, rather than dropped without a word.
import { numericReadings } from '../domain/dates-numeric';
import type { PartialDate } from '../domain/types';
import { findReferences } from './source';

export interface UnreadDate {
  /** As written: "12/03/2021". */
  text: string;
  /** The sentence it stands in. */
  sentence: string;
  /** Each day it can be (one, when only one order gives a real day). */
  readings: PartialDate[];
}

// Day, month and a four-digit year, not inside a path or a longer run of figures ("/2021/03/12/", "1.2.3.4").
const IN_FIGURES = /(?<![\d/.])\d{1,2}([/.])\d{1,2}\1\d{4}(?![\d/]|\.\d)/g;

export function unreadDates(sentence: string): UnreadDate[] {
  const references = findReferences(sentence);
  const found: UnreadDate[] = [];
  for (const m of sentence.matchAll(IN_FIGURES)) {
    const start = m.index ?? 0;
    // "EUR 57/12/1998" is an index number.
    if (references.some((r) => start < r.end && start + m[0].length > r.start)) continue;
    const readings = numericReadings(m[0]) ?? [];
    if (readings.length > 0) found.push({ text: m[0], sentence, readings });
  }
  return found;
}
