// A happening's date may begin with the words a deadline's may ("at the end of 1998", "towards the end
// of 1998"): they were refused for events while deadlines took them.
import { describe, expect, it } from 'vitest';
import { formatDate, isoOf, parseDate } from '../src/domain/dates';

describe('a happening dated "at" or "towards" a part of a year or month', () => {
  it.each([
    ['at the end of 1998', 'c. December 1998', '1998-12'],
    ['towards the end of 1998', 'c. December 1998', '1998-12'],
    ['at the end of January 1999', 'c. 31 January 1999', '1999-01-31'],
    ['at the beginning of 1999', 'c. 1999', '1999'],
  ] as const)('%s reads as %s, the words kept', (typed, shown, iso) => {
    const d = parseDate(typed);
    expect(formatDate(d)).toBe(shown);
    expect(isoOf(d)).toBe(iso);
    expect(d.approximate).toBe(true);
    expect(d.text).toBe(typed);
  });
});
