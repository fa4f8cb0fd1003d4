// When a deadline shows in `due`, and how its timing reads in words.
import { addDays, daysBetween, firstDay, lastDay } from './dates';
import { dayNumber } from './dates-calendar';
import type { Day, PartialDate } from './types';

export interface DueWindow { today: Day; within: number }

/** The last day (inclusive) that `due --within N` looks ahead to. */
export function horizon(window: DueWindow): Day {
  return addDays(window.today, window.within);
}

/** The first day a deadline shows in `due` by its own advance warning (its due day when it has none). */
export function warnFrom(due: Day, warnDays: number | null | undefined): Day {
  return warnDays ? addDays(due, -warnDays) : due;
}

export function daysLeft(due: Day, today: Day): number {
  return daysBetween(today, due);
}

/**
 * Days since news of this date, counted from the middle of the time it can have been: of a month
 * or a year known only so far, up to today. "1998" read on 5 January 1999 is half a year of
 * silence, not five days (the year's end) nor a year (its start).
 */
export function daysSince(news: PartialDate, today: Day): number {
  // Counted in day numbers, not through addDays: at-risk asks this of every person it lists.
  const now = dayNumber(today);
  if (news.day !== undefined && news.month !== undefined) return now - dayNumber(news as Day);
  const first = dayNumber(firstDay(news));
  const end = Math.min(dayNumber(lastDay(news)), now);
  return now - (first + Math.floor(Math.max(0, end - first) / 2));
}

export function whenInWords(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return '1 day overdue';
  if (days < 0) return `${-days} days overdue`;
  return `in ${days} days`;
}

/** "3 years ago", "5 months ago", "12 days ago", "today" — for how long since the latest news. */
export function agoInWords(days: number, news?: PartialDate): string {
  if (days < 0) return 'after today';
  // Known only to the month or year (days counted from its middle, see daysSince): in those units.
  if (news && news.day === undefined) {
    const [unit, length] = news.month === undefined ? ['year', 365.25] as const : ['month', 30.44] as const;
    const n = Math.round(days / length);
    if (n === 0) return `this ${unit}`;
    if (n === 1) return `last ${unit}`;
    if (unit === 'year') return `about ${n} years ago`;
    // Whole years, as for a day: "20 April 1999 (20 years ago)" beside "April 1999 (about 20 years ago)".
    return n >= 24 ? `about ${Math.floor(days / 365.25)} years ago` : `about ${n} months ago`;
  }
  if (days === 0) return 'today';
  if (days < 60) return days === 1 ? 'yesterday' : `${days} days ago`;
  if (days < 730) return `${Math.round(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}
