// Deadlines counted from today: "tomorrow", "+14d", "in six months' time", "within 3 months", "next week".
// Recognising the form is kept apart from applying it, so that parseDate can tell a
// user who typed "in 2 weeks" for an event date that only deadlines count from today.
import type { Day } from './types';
import { MAX_YEAR, MIN_YEAR, addDays, addMonths } from './dates-calendar';
import { DateInputError, quoted } from './dates-error';

export interface RelativeOffset {
  unit: 'day' | 'month';
  amount: number;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** "14", "fourteen", "twenty-one", "twenty one" as a number; else undefined ("in 2 weeks" words up to 99). */
function amountOf(count: string): number | undefined {
  if (/^\d+$/.test(count)) return Number(count);
  const [first = '', second, ...rest] = count.split(/[- ]/);
  if (rest.length > 0) return undefined;
  const units = (word: string | undefined) => (word !== undefined && Object.hasOwn(NUMBER_WORDS, word) ? NUMBER_WORDS[word] : undefined);
  if (second === undefined) return Object.hasOwn(TENS, first) ? TENS[first] : units(first);
  const unit = units(second);
  return Object.hasOwn(TENS, first) && unit !== undefined && unit >= 1 && unit <= 9 && second !== 'a' && second !== 'an' ? TENS[first]! + unit : undefined;
}

const FIXED: Record<string, RelativeOffset> = {
  today: { unit: 'day', amount: 0 },
  tomorrow: { unit: 'day', amount: 1 },
  yesterday: { unit: 'day', amount: -1 },
  'next week': { unit: 'day', amount: 7 },
  'next month': { unit: 'month', amount: 1 },
  'next year': { unit: 'month', amount: 12 },
};

function offsetOf(amount: number, unitWord: string): RelativeOffset | null {
  if (/^(?:d|days?)$/.test(unitWord)) return { unit: 'day', amount };
  if (/^(?:w|wks?|weeks?)$/.test(unitWord)) return { unit: 'day', amount: amount * 7 };
  if (/^fortnights?$/.test(unitWord)) return { unit: 'day', amount: amount * 14 };
  if (/^(?:m|mos?|months?)$/.test(unitWord)) return { unit: 'month', amount };
  if (/^(?:y|yrs?|years?)$/.test(unitWord)) return { unit: 'month', amount: amount * 12 };
  return null;
}

/** Reads a relative form from normalised (lower-case, single-spaced) text, or null. */
export function matchRelative(norm: string): RelativeOffset | null {
  const fixed = Object.hasOwn(FIXED, norm) ? FIXED[norm] : undefined;
  if (fixed) return fixed;
  const plus = /^\+ ?(\d+) ?([a-z]+)$/.exec(norm);
  if (plus) return offsetOf(Number(plus[1]), plus[2] ?? '');
  // "within 3 months" is a deadline's way of saying "in 3 months": by then at the latest.
  const inWords = /^(?:in|within) ([a-z]+(?:[- ][a-z]+)?|\d+) ([a-z]+)$/.exec(norm.replace(/(?:'s?)? time$/, ''));
  if (inWords) {
    const amount = amountOf(inWords[1] ?? '');
    if (amount === undefined) return null;
    return offsetOf(amount, inWords[2] ?? '');
  }
  return null;
}

/**
 * A span of days or weeks in days, as an advance warning takes it: "14", "14d", "14 days", "2w",
 * "2 weeks". Undefined for any other text, months too (they are not all as long).
 */
export function spanInDays(text: string): number | undefined {
  const m = /^(\d+) ?([a-z]*)$/.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  if (!m[2]) return Number(m[1]);
  const offset = offsetOf(Number(m[1]), m[2]);
  return offset?.unit === 'day' ? offset.amount : undefined;
}

export function applyRelative(today: Day, offset: RelativeOffset, text: string): Day {
  const day = offset.unit === 'day' ? addDays(today, offset.amount) : addMonths(today, offset.amount);
  if (day.year < MIN_YEAR || day.year > MAX_YEAR) {
    throw new DateInputError(
      `${quoted(text)} falls outside the years ${MIN_YEAR}-${MAX_YEAR}; write the date as year-month-day, e.g. 1999-02-11`,
    );
  }
  return day;
}
