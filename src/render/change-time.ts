// When a change was made, as the change log's readers see it.
import { dayInWords } from '../domain/dates';

/**
 * A moment the change log recorded (real time, ISO, UTC), in the local time of whoever reads it, as
 * log shows it and undo names it: "2026-11-23 19:14". (A change log moment is a time of day, not a
 * calendar date: the one place a time zone applies.)
 */
export function changeTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The day of a change log moment in words, in the reader's local time as log shows it: "24 November 2026". */
export function changeDay(at: string): string {
  const time = changeTime(at);
  return /^\d{4}-\d\d-\d\d /.test(time) ? dayInWords(time.slice(0, 10)) : at;
}
