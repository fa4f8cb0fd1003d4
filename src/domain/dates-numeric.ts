// The dates an all-numeric text can stand for ("14.10.2019", "10/14/2019", "20191014"). Typed as a
// date these are refused (the order of day and month differs between countries), but a sheet's
// date_text, or an export's dateText, holds them beside the ISO date, and one that names another day
// must be told apart from one that writes the same day another way.
import { isRealDay } from './dates-error';
import { normalise, stripQualifiers } from './dates-parse';
import type { PartialDate } from './types';

/**
 * Each date the text can be read as (two for "03/04/2019": 3 April and 4 March), or undefined when
 * it is not all-numeric with a year of four digits or two, which the written forms' reading then decides. An
 * empty list: no reading is a real date.
 */
export function numericReadings(text: string): PartialDate[] | undefined {
  const { core, approximate } = stripQualifiers(normalise(text));
  const at = (year: number, month: number, day?: number): PartialDate[] => {
    if (day === undefined) return month >= 1 && month <= 12 ? [{ year, month, approximate, text }] : [];
    return isRealDay(year, month, day) ? [{ year, month, day, approximate, text }] : [];
  };
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(core);
  if (m) return at(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d+)([/. -])(\d+)(?:\2(\d+))?$/.exec(core);
  // Spaces divide only a day, month and year ("14 10 2019"): "3 2020" may be a day and a year.
  if (!m || (m[2] === ' ' && m[4] === undefined)) return undefined;
  const [a = '', b = '', c] = [m[1], m[3], m[4]];
  if (a.length === 4 && b.length <= 2 && (c === undefined || c.length <= 2)) {
    return at(Number(a), Number(b), c === undefined ? undefined : Number(c));
  }
  if (a.length > 2) return undefined;
  if (c === undefined) return b.length === 4 ? at(Number(b), Number(a)) : undefined;
  if (b.length > 2 || (c.length !== 4 && c.length !== 2)) return undefined;
  // A two-digit year ("14.10.19", a European sheet's commonest form) stands for either century.
  const years = c.length === 4 ? [Number(c)] : [1900 + Number(c), 2000 + Number(c)];
  // Day first, then month first; the same day once ("04/04/2019").
  return years.flatMap((year) => (a === b || Number(a) === Number(b) ? at(year, Number(b), Number(a)) : [...at(year, Number(b), Number(a)), ...at(year, Number(a), Number(b))]));
}
