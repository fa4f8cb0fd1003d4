// Whether a date's text can name another date, told from its words without reading it as a date:
// an import checks every text of a file against its date (see textNamesAnotherDate), and reading
// one costs several microseconds, a tenth of a large import.
import { MONTH_NAMES } from './dates-calendar';
import type { PartialDate } from './types';

const MONTH_WORDS = new Map<string, number>([['sept', 9]]);
MONTH_NAMES.forEach((name, i) => {
  MONTH_WORDS.set(name.toLowerCase(), i + 1);
  MONTH_WORDS.set(name.slice(0, 3).toLowerCase(), i + 1);
});

/**
 * True when whatever the text reads as lies within the date: it has no year (a number of three
 * digits or more, which every date read with its year has), or its years are the date's and it
 * names no other month, and no day but the date's own ("Feb 3, 2020" of 2020-02-03, "during 2020",
 * "c. Feb 2020" of 2020-02). False means only that it must be read to tell.
 */
export function textStaysWithin(d: PartialDate): boolean {
  const text = d.text.toLowerCase();
  const numbers = text.match(/\d+/g);
  if (!numbers?.some((n) => n.length >= 3)) return true;
  let dayNamed = false;
  for (const n of numbers) {
    if (n.length >= 3 ? Number(n) !== d.year : Number(n) !== d.day) return false;
    dayNamed ||= n.length < 3;
  }
  if (d.month === undefined) return true;
  let monthNamed = false;
  for (const word of text.match(/[a-z]+/g) ?? []) {
    const month = MONTH_WORDS.get(word);
    if (month !== undefined && month !== d.month) return false;
    monthNamed ||= month !== undefined;
  }
  // A day without its month ("3 2020") is no date caselog reads; with it, it is the date's own day.
  return !dayNamed || monthNamed;
}
