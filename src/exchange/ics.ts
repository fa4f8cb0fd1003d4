// Open deadlines as calendar entries: an all-day entry on the day each falls due (the first day
// of a month or year known only so far), a reminder as many days ahead as its warning, and an id
// derived from the deadline's, so importing the file again updates entries instead of adding more.
// A calendar keeps the copy with the higher SEQUENCE (then the later DTSTAMP): both come from the
// database, never from the clock, so an unchanged database gives the same file.
import { addDays, firstDay, formatDate, precisionOf } from '../domain/dates';
import type { DeadlineRecord } from '../domain/model';
import type { Day } from '../domain/types';

export interface CalendarEntry {
  uid: string;
  /** The due day; the entry ends (exclusively) on the next day. */
  start: Day;
  end: Day;
  summary: string;
  description: string;
  /** Remind this many days before; absent when the deadline has no advance warning. */
  alarmDays?: number;
  /** One more each time the deadline changed. */
  sequence: number;
  /** When it last changed: DTSTAMP and LAST-MODIFIED (in UTC). */
  modified: Date;
}

/** How far a deadline has moved on since it was added (read by the store with the deadline). */
export interface DeadlineRevision {
  /** Changes logged for it after its addition (edits, undos, imported updates, merges). */
  changes: number;
  /** Its stored updated_at, and the time of the latest change logged for it: undo and import write the
   *  record's original time back into updated_at, so the log can be the later of the two. */
  updatedAt: string;
  loggedAt?: string;
}

export const UID_DOMAIN = 'caselog';

export function deadlineUid(deadlineId: string): string {
  return `${deadlineId}@${UID_DOMAIN}`;
}

export function calendarEntry(d: DeadlineRecord, caseTitles: ReadonlyMap<string, string>, revision: DeadlineRevision): CalendarEntry {
  const start = firstDay(d.date);
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
    summary: d.case ? `${d.case.ref}: ${d.note}` : d.note,
    description: lines.join('\n'),
    alarmDays: d.warnDays && d.warnDays > 0 ? d.warnDays : undefined,
    sequence: revision.changes,
    modified: lastModified(revision),
  };
}

// caselog stores toISOString() times, but an imported file's "recorded" is whatever the file said. A time
// without a zone is read as UTC, never as the machine's time, so the machine's zone cannot change the file;
// when neither time is readable the epoch keeps the export deterministic (SEQUENCE decides first anyway).
const STORED_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?)?$/;

function instant(text: string | undefined): number {
  const m = STORED_TIME.exec(text ?? '');
  if (!m) return NaN;
  return Date.parse(m[2] ? `${m[1]}T${m[2]}${m[3] ?? 'Z'}` : `${m[1]}T00:00:00Z`);
}

function lastModified(r: DeadlineRevision): Date {
  const times = [instant(r.updatedAt), instant(r.loggedAt)].filter((ms) => !Number.isNaN(ms));
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

function dueInWords(d: DeadlineRecord): string {
  const when = formatDate(d.date);
  const asGiven = d.date.text && d.date.text !== when ? ` (given as "${d.date.text}")` : '';
  if (precisionOf(d.date) === 'day') return `${when}${asGiven}`;
  return `${when}${asGiven}, known only to the ${precisionOf(d.date)}: shown on its first day`;
}
