// A second account of a happening, dated a few days after the first (reports vary), may decide a
// person's status over one the caseworker recorded between the two dates: the latest by date decides,
// as the spec has it, but the caseworker had already weighed that happening. Said, with the command
// that keeps their status, so a status they chose is not replaced unseen.
import type { Context } from '../context';
import { say } from '../context';
import { compareDates, dateArg, isoOf, onDate } from '../domain/dates';
import type { EventRecord } from '../domain/model';
import { groupHappenings } from '../domain/timeline';
import type { Status } from '../domain/types';
import type { SqliteStore } from '../store/sqlite-store';
import { shortId } from '../domain/ids';

export async function noteLaterAccount(ctx: Context, store: SqliteStore, record: EventRecord, wouldBe: Status): Promise<void> {
  // Only those with a status of their own recorded before it are read whole: an arrest of thousands
  // named in one list read each one's timeline, each holding the thousands (its square in time).
  const recorded = store.read.statusRecordedBefore(record.people.map((p) => p.id), isoOf(record.date));
  for (const p of record.people.filter((q) => recorded.has(q.id))) {
    const person = await store.getPerson(p.id);
    if (person?.statusEventId !== record.id) continue;
    const events = await store.personTimeline(p.id);
    const happening = groupHappenings(events).find((h) => h.reportsVary && h.events.some((e) => e.id === record.id));
    const earliest = happening?.events.filter((e) => e.id !== record.id && compareDates(e.date, record.date) < 0)
      .sort((a, b) => compareDates(a.date, b.date))[0];
    if (!earliest) continue;
    // The caseworker's own status change, dated from the first account up to (not on) this one's date.
    const overruled = events.filter((e): e is EventRecord & { status: Status } => e.type === 'status' && e.status !== undefined && e.status !== wouldBe
      && e.people.some((q) => q.id === p.id) && compareDates(e.date, earliest.date) >= 0 && compareDates(e.date, record.date) < 0).at(-1);
    if (!overruled) continue;
    say(ctx, `Note: this ${record.type} is another account of the ${earliest.type} ${onDate(earliest.date)} (reports vary); dated later, it now decides ${p.name}'s status, ${wouldBe}, `
      + `over the status ${overruled.status} recorded ${onDate(overruled.date)}: if that still stands, caselog status ${shortId(p.id)} ${overruled.status} --date ${dateArg(record.date)}`);
  }
}
