// Open deadlines as calendar entries: an all-day entry on the day each falls due (the first day
// of a month or year known only so far), a reminder as many days ahead as its warning, and an id
// derived from the deadline's, so importing the file again updates entries instead of adding more.
// A calendar keeps the copy with the higher SEQUENCE (then the later DTSTAMP): the export takes both
// from the change log's latest entry (commands/export-ics.ts).
import { addDays, DateInputError, firstDay, formatDate, fromIso } from '../domain/dates';
import { givenText } from '../domain/date-as-given';
import type { DeadlineRecord } from '../domain/model';
import type { Day } from '../domain/types';
import { deadlineHeading, knownOnlyTo } from '../render/due';

export interface CalendarEntry {
  uid: string;
  /** The due day; the entry ends (exclusively) on the next day. */
  start: Day;
  end: Day;
  summary: string;
  description: string;
  /** Remind this many days before; absent when the deadline has no advance warning. */
  alarmDays?: number;
}

/** An entry that takes a deadline off a calendar that imported it while it was open (export --cancelled). */
export interface CancelledEntry { uid: string; start: Day; end: Day; summary: string }

export const UID_DOMAIN = 'caselog';

export function deadlineUid(deadlineId: string): string {
  return `${deadlineId}@${UID_DOMAIN}`;
}

/**
 * `label` writes a person's name as due lists it (with their id beside a namesake): the summary, all
 * a calendar shows of an entry at first, says whose it is, as due's heading does.
 */
export function calendarEntry(d: DeadlineRecord, caseTitles: ReadonlyMap<string, string>, label: (p: { id: string; name: string }) => string): CalendarEntry {
  const start = firstDay(d.date);
  const heading = deadlineHeading(d, label);
  const title = d.case ? caseTitles.get(d.case.id) : undefined;
  const lines = [
    ...(d.case ? [`Case: ${d.case.ref}${title ? ` — ${title}` : ''}`] : []),
    ...(d.people.length > 0 ? [`People: ${d.people.map((p) => p.name).join(', ')}`] : []),
    '',
    d.note,
    '',
    `Due: ${dueInWords(d)}`,
    ...(d.warnDays ? [`Reminder: ${d.warnDays} day${d.warnDays === 1 ? '' : 's'} before`] : []),
    `caselog deadline ${d.id} (mark it done with: caselog done ${d.id.slice(0, 10)})`,
  ];
  return {
    uid: deadlineUid(d.id),
    start,
    end: addDays(start, 1),
    summary: heading ? `${heading}: ${d.note}` : d.note,
    description: lines.join('\n'),
    alarmDays: d.warnDays && d.warnDays > 0 ? d.warnDays : undefined,
  };
}

function dueInWords(d: DeadlineRecord): string {
  const when = formatDate(d.date);
  const given = givenText(d.date, 'deadline');
  const asGiven = given ? ` (given as "${given}")` : '';
  const known = knownOnlyTo(d.date);
  return known ? `${when}${asGiven}, ${known}` : `${when}${asGiven}`;
}

/**
 * The entry that cancels a deadline no longer open: its UID and day, and why in neutral words, never
 * its note or people (a deleted deadline may have named someone erased since, whose name the log's
 * copy of it no longer holds in full). Undefined when its date cannot be read (a log entry that is not
 * caselog's): without DTSTART a calendar would refuse the file.
 */
export function cancelledEntry(closed: { id: string; due: string; why: string }): CancelledEntry | undefined {
  let start: Day;
  try {
    start = firstDay(fromIso(String(closed.due), false, String(closed.due)));
  } catch (error) {
    if (error instanceof DateInputError) return undefined;
    throw error;
  }
  return { uid: deadlineUid(closed.id), start, end: addDays(start, 1), summary: `caselog: ${closed.why === 'case closed' ? 'case closed' : `deadline ${closed.why}`}` };
}
