// caselog export --format ics [--out FILE]: open deadlines as an iCalendar file.
import ical, { ICalAlarmType } from 'ical-generator';
import type { Context } from '../context';
import type { Day } from '../domain/types';
import { calendarEntry } from '../exchange/ics';
import { namesakeLabels } from '../render/namesakes';
import { calendarSequence, caseTitles, latestChange, openDeadlines } from '../store/export-tables';
import type { SqliteStore } from '../store/sqlite-store';
import type { ExportOptions } from './export';
import { writeTo } from './write-out';

export async function exportIcs(ctx: Context, store: SqliteStore, opts: ExportOptions): Promise<void> {
  const titles = caseTitles(store);
  // No calendar time zone: all-day dates are then written from the UTC fields of the Date, which
  // are built from the calendar day itself, so no local time zone can move a deadline by a day.
  const calendar = ical({ name: 'caselog deadlines', prodId: { company: 'caselog', product: 'caselog', language: 'EN' } });
  // SEQUENCE and DTSTAMP from the change log's latest entry, never the clock: any change to what an
  // entry shows (its deadline, its case, its people, an erase) raises them, and an unchanged
  // database gives the same file. Without a METHOD, RFC 5545 makes DTSTAMP the time the
  // information last changed, as LAST-MODIFIED.
  const latest = latestChange(store);
  const changed = new Date(latest?.at ?? 0);
  const sequence = calendarSequence(store);
  const deadlines = openDeadlines(store);
  const label = namesakeLabels(deadlines.flatMap((d) => d.people));
  for (const deadline of deadlines) {
    const entry = calendarEntry(deadline, titles, label);
    const event = calendar.createEvent({
      id: entry.uid,
      sequence,
      stamp: changed,
      lastModified: changed,
      allDay: true,
      start: utcDate(entry.start),
      end: utcDate(entry.end),
      summary: entry.summary,
      description: entry.description,
    });
    if (entry.alarmDays) {
      event.createAlarm({ type: ICalAlarmType.display, triggerBefore: entry.alarmDays * 86400, description: entry.summary });
    }
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last bare.
  await writeTo(ctx, opts.out, [calendar.toString(), '\r\n']);
}

function utcDate(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}


