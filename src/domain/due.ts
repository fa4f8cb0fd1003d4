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

/**
 * "3 years ago", "5 months ago", "12 days ago", "today": how long since the latest news, counted in
 * the calendar ("last month" is the month before today's), so that it never reads backwards as today
 * moves on (it said "24 months ago", then "1 years ago"). News known only to the month or year is
 * counted in months or years.
 */
export function agoInWords(news: PartialDate, today: Day): string {
  const months = (today.year - news.year) * 12 + (today.month - (news.month ?? today.month));
  if (news.month === undefined) {
    const years = today.year - news.year;
    return years < 0 ? 'after today' : years === 0 ? 'this year' : years === 1 ? 'last year' : `about ${years} years ago`;
  }
  if (news.day === undefined) {
    if (months < 0) return 'after today';
    if (months <= 1) return months === 0 ? 'this month' : 'last month';
    return months < 24 ? `about ${months} months ago` : `about ${Math.floor(months / 12)} years ago`;
  }
  const days = daysBetween(news as Day, today);
  if (days < 0) return 'after today';
  if (days === 0) return 'today';
  // Whole months gone by: a month is not over until its day comes round again.
  const whole = months - (today.day < news.day ? 1 : 0);
  if (days < 60 || whole < 2) return days === 1 ? 'yesterday' : `${days} days ago`;
  return whole < 24 ? `${whole} months ago` : `${Math.floor(whole / 12)} years ago`;
}
