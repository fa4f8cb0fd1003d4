// caselog export --format ics [--out FILE]: open deadlines as an iCalendar file.
import ical, { ICalAlarmType } from 'ical-generator';
import type { Context } from '../context';
import type { Day } from '../domain/types';
import { calendarEntry } from '../exchange/ics';
import { caseTitles, openDeadlines } from '../store/export-tables';
import type { SqliteStore } from '../store/sqlite-store';
import { writeTo, type ExportOptions } from './export';

export async function exportIcs(ctx: Context, store: SqliteStore, opts: ExportOptions): Promise<void> {
  const titles = caseTitles(store);
  // No calendar time zone: all-day dates are then written from the UTC fields of the Date, which
  // are built from the calendar day itself, so no local time zone can move a deadline by a day.
  const calendar = ical({ name: 'caselog deadlines', prodId: { company: 'caselog', product: 'caselog', language: 'EN' } });
  for (const deadline of openDeadlines(store)) {
    const entry = calendarEntry(deadline, titles);
    const event = calendar.createEvent({
      id: entry.uid,
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
  await writeTo(ctx, opts.out, [calendar.toString()]);
}

function utcDate(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}
