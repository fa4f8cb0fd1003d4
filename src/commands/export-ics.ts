// caselog export --format ics [--cancelled] [--out FILE]: open deadlines as an iCalendar file; with
// --cancelled, also an entry that takes each deadline no longer open off a calendar that has it.
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import type { Context } from '../context';
import { say } from '../context';
import type { Day } from '../domain/types';
import { calendarEntry, cancelledEntry } from '../exchange/ics';
import { namesakeLabels } from '../render/namesakes';
import { calendarSequence, caseTitles, closedDeadlines, latestChange, openDeadlines } from '../store/export-tables';
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
  // A calendar that imported an earlier file keeps what this one leaves out: an entry of the same UID,
  // cancelled, with this SEQUENCE (above any it had: its deadline's end was a change since) and no
  // alarm, is what takes it off. Opt-in: the spec's file holds open deadlines.
  let cancelled = 0;
  for (const closed of opts.cancelled ? closedDeadlines(store) : []) {
    const entry = cancelledEntry(closed);
    if (!entry) continue;
    calendar.createEvent({
      id: entry.uid, sequence, stamp: changed, lastModified: changed, allDay: true,
      start: utcDate(entry.start), end: utcDate(entry.end), summary: entry.summary, status: ICalEventStatus.CANCELLED,
    });
    cancelled += 1;
  }
  // RFC 5545 wants one entry at least; an invented one would show in the calendar, so the file is
  // written as it is (calendar programs read it as nothing to add) and the caseworker told.
  if (deadlines.length + cancelled === 0) say(ctx, `note: no open deadlines${opts.cancelled ? ' and none to cancel' : ''}: the calendar file holds no entries`);
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last bare.
  await writeTo(ctx, opts.out, [withByteCounter(() => calendar.toString()), '\r\n']);
}

/**
 * ical-generator 10 folds its lines measuring each character with `new TextEncoder().encode(ch).length`:
 * an encoder and a byte array a character, with 11,000 deadlines (a million events) 7 of a 10 s
 * export, most of it collecting them. Version 11 measures otherwise (its issue 765) but needs
 * Node 22. Meanwhile, while the calendar is written, the encoder it makes is one that answers that
 * length alone, as Buffer.byteLength counts UTF-8 bytes (the same number, nothing allocated); the
 * file is byte for byte the one the library writes alone.
 */
function withByteCounter<T>(work: () => T): T {
  const Made = globalThis.TextEncoder;
  const counter = { encode: (text: string) => ({ length: Buffer.byteLength(text, 'utf8') }) };
  globalThis.TextEncoder = function TextEncoder() {
    return counter;
  } as unknown as typeof Made;
  try {
    return work();
  } finally {
    globalThis.TextEncoder = Made;
  }
}

function utcDate(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}
