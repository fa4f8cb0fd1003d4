// When a change was made, as the change log's readers see it.
import { dayInWords } from '../domain/dates';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A moment the change log recorded (real time, ISO, UTC), in the local time of whoever reads it, as
 * log shows it and undo names it: "2026-11-23 19:14". (A change log moment is a time of day, not a
 * calendar date: the one place a time zone applies.)
 */
export function changeTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * changeTime with the local time's offset from UTC, as log shows it: "2026-11-23 19:14 +01:00".
 * Colleagues in other time zones reading one database, or a laptop that travelled, read the same
 * moment at other hours; the offset tells them apart. It is the moment's own (summer time differs
 * from winter's), so it stands on each line rather than once above them.
 */
export function changeTimeAndZone(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const east = -d.getTimezoneOffset();
  return `${changeTime(at)} ${east < 0 ? '-' : '+'}${two(Math.floor(Math.abs(east) / 60))}:${two(Math.abs(east) % 60)}`;
}

/** The day of a change log moment in words, in the reader's local time as log shows it: "24 November 2026". */
export function changeDay(at: string): string {
  const time = changeTime(at);
  return /^\d{4}-\d\d-\d\d /.test(time) ? dayInWords(time.slice(0, 10)) : at;
}
