// People as they stood on a day. Their stored status and latest news count every event, whatever its
// date: a release expected, or --today in the past, needs them worked out again up to that day.
import { isoOf } from '../domain/dates';
import type { PersonRecord } from '../domain/model';
import { statusLater } from '../domain/status';
import type { PartialDate, Status } from '../domain/types';
import { derivedOn } from './derived';
import type { DB } from './open';

/**
 * People as they stood on `today`. Their stored status and latest news count every event, whatever
 * its date; for the few whose status or news comes from an event dated after today (a release
 * expected, or --today in the past) both are worked out again from the events up to today.
 */
export function peopleOnDay<T extends Pick<PersonRecord, 'id' | 'status' | 'statusSince' | 'statusEventId' | 'latestNews'>>(
  db: DB, today: string, people: T[],
): T[] {
  const after = (d: PartialDate | undefined) => d !== undefined && isoOf(d) > today;
  const ids = people.filter((p) => statusLater(p.status, p.statusSince && isoOf(p.statusSince), today) || after(p.latestNews)).map((p) => p.id);
  if (ids.length === 0) return people;
  const then = derivedOn(db, ids, today);
  return people.map((p) => {
    const was = then.get(p.id);
    if (!was) return p;
    const patched = { ...p, status: was.status, statusSince: was.since, latestNews: was.news };
    if ('statusEventId' in p) patched.statusEventId = was.eventId;
    return patched;
  });
}

/** Each person's status on a day (YYYY-MM-DD), from the events up to it. */
export function statusOn(db: DB, personIds: string[], day: string): Status[] {
  const then = derivedOn(db, personIds, day);
  return personIds.map((id) => then.get(id)?.status ?? 'unknown');
}
