// Whether a date's text (as typed or read) names another date than the date beside it: an import
// refuses such a pair, and a text that counts from a day, reads as no date or as the same date stands.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween, firstDay, formatDate, fromIso, lastDay, parseDate, textNamesAnotherDate } from '../src/domain/dates';
import type { PartialDate } from '../src/domain/types';

const dated = (iso: string, text: string): PartialDate => fromIso(iso.replace(/^~/, ''), iso.startsWith('~'), text);

describe('a date text beside its date', () => {
  it.each([
    ['2020-07-22', '25 July 2020', true],
    ['2020-07-22', '2020-07-25', true],
    ['2020-02-03', '2020-03-03', true],
    ['2020-07-22', 'July 2021', true],
    ['2020-02', '3 March 2020', true],
    ['2020', '3 March 2021', true],
    ['~2020', 'c. 2019', true],
    ['2020-07-22', 'July 22, 2020', false],
    ['2020-07-22', 'Wednesday 22 July 2020', false],
    ['2020-07-22', 'July 2020', false],
    ['2020-07', '22 July 2020', false],
    ['2020-02', '3 Feb 2020', false],
    ['2020', 'during 2020', false],
    ['1999-03-31', 'end of March 1999', false],
    ['2020-12-07', 'in 2 weeks', false],
    ['2020-11-23', 'today', false],
    ['2020-12-07', '+14d', false],
    ['2020-07-22', '25 July', false],
    ['2020-07-22', 'the day after the hearing', false],
    ['~1970', 'c. 1970 (aged 28 on 11 February 1999)', false],
    // In figures: read every way the figures allow, and refused only when no way is the date.
    ['2019-10-04', '14.10.2019', true],
    ['2019-10-04', '10/14/2019', true],
    ['2019-10-04', '14/10/2019', true],
    ['2019-10-04', '2019/10/14', true],
    ['2019-10-04', '20191014', true],
    ['2019-05-05', '03/04/2019', true],
    ['2019-05-05', '04/2019', true],
    ['2019-04-03', '03/04/2019', false],
    ['2019-03-04', '03/04/2019', false],
    ['2019-10-04', '04.10.2019', false],
    ['2019-10-04', '2019/10/04', false],
    ['2019-10-04', '20191004', false],
    ['2019-10', '10/2019', false],
    ['2019-10-04', '31/31/2019', false],
  ])('%s given as "%s" names another date: %s', (iso, text, another) => {
    expect(textNamesAnotherDate(dated(iso, text))).toBe(another);
  });

  it('tells from the words alone only what reading the text would tell', () => {
    const day = fc.record({ year: fc.integer({ min: 1990, max: 1992 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
    const partial = fc.tuple(day, fc.constantFrom('day', 'month', 'year'), fc.boolean()).map(([d, precision, approximate]): PartialDate =>
      precision === 'year' ? { year: d.year, approximate, text: '' } : precision === 'month' ? { year: d.year, month: d.month, approximate, text: '' } : { ...d, approximate, text: '' });
    const written = (d: PartialDate) => fc.constantFrom(formatDate(d), formatDate(d).replace(/^(\d+) (\w{3})\w* (\d+)$/, '$2 $1, $3'), `during ${formatDate(d)}`);
    fc.assert(fc.property(partial, partial.chain((d) => written(d)), (d, text) => {
      const read = parseDate(text);
      const apart = daysBetween(lastDay(read), firstDay(d)) > 0 || daysBetween(lastDay(d), firstDay(read)) > 0;
      expect(textNamesAnotherDate({ ...d, text })).toBe(apart);
    }), { numRuns: 2000 });
  });
});
