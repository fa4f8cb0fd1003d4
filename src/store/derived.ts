// Fields derived from events and kept on the person row, so that at-risk and show read one row
// instead of replaying every event. Refreshed inside the transaction that changes the events.
//
// Only the claims on a person's latest date can decide their status, and only the newest event is
// their latest news; so both are gathered per person as (latest claims, newest news row). A few
// people are looked up through their indexes, in batches; when an import touches a large share
// of everyone, one pass over the events in table order is far cheaper than a lookup per event.
import { decidingClaim, STATUS_MOVING_TYPES, statusFromEvent, type StatusClaim } from '../domain/status';
import type { EventType, Status } from '../domain/types';
import type { DB } from './open';
import type { Row } from './rows';

const MOVING = STATUS_MOVING_TYPES.map((t) => `'${t}'`).join(',');
const BATCH = 500;
const CLAIM = 'e.id, e.type, e.status, e.date, e.date_approx, e.date_text, e.created_at';
const NEWS = 'e.date, e.date_approx, e.date_text';
const IDS = 'IN (SELECT value FROM json_each(@ids))';

/** Claims and news of some people (a batch of ids as JSON), through the person indexes. */
const SOME = {
  claims: `SELECT ep.person_id, ${CLAIM} FROM event_people ep JOIN events e ON e.id = ep.event_id
    WHERE ep.person_id ${IDS} AND e.type IN (${MOVING})`,
  news: `SELECT ep.person_id, ${NEWS} FROM event_people ep JOIN events e ON e.id = ep.event_id WHERE ep.person_id ${IDS} AND e.type <> 'appeal'
    UNION ALL SELECT cp.person_id, ${NEWS} FROM case_people cp JOIN events e ON e.case_id = cp.case_id AND e.whole_case = 1
    WHERE cp.person_id ${IDS} AND e.type <> 'appeal'`,
};
/** The same for everyone, reading the events in table order (CROSS JOIN keeps SQLite from starting at the links). */
const EVERYONE = {
  claims: `SELECT ep.person_id, ${CLAIM} FROM events e CROSS JOIN event_people ep ON ep.event_id = e.id WHERE e.type IN (${MOVING})`,
  news: `SELECT ep.person_id, ${NEWS} FROM events e CROSS JOIN event_people ep ON ep.event_id = e.id WHERE e.type <> 'appeal'
    UNION ALL SELECT cp.person_id, ${NEWS} FROM events e CROSS JOIN case_people cp ON cp.case_id = e.case_id
    WHERE e.whole_case = 1 AND e.type <> 'appeal'`,
};
const UPDATE = `UPDATE people SET status = @status, status_since = @since, status_since_approx = @since_approx,
    status_since_text = @since_text, status_event_id = @event,
    latest_news = @news, latest_news_approx = @news_approx, latest_news_text = @news_text
  WHERE id = @id`;

interface Derived { claims: Row[]; news?: Row }

export function refreshPeople(db: DB, personIds: Iterable<string>): void {
  const ids = new Set(personIds);
  if (ids.size === 0) return;
  const derived = new Map<string, Derived>();
  if (ids.size >= 1000 && ids.size * 4 >= (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n) {
    for (const r of db.prepare(EVERYONE.claims).iterate() as Iterable<Row>) if (ids.has(r.person_id as string)) keepLatestClaims(derived, r);
    for (const r of db.prepare(EVERYONE.news).iterate() as Iterable<Row>) if (ids.has(r.person_id as string)) keepNewest(derived, r);
  } else {
    const claims = db.prepare(SOME.claims);
    const news = db.prepare(SOME.news);
    const list = [...ids];
    for (let i = 0; i < list.length; i += BATCH) {
      const batch = { ids: JSON.stringify(list.slice(i, i + BATCH)) };
      for (const r of claims.all(batch) as Row[]) keepLatestClaims(derived, r);
      for (const r of news.all(batch) as Row[]) keepNewest(derived, r);
    }
  }
  write(db, ids, derived);
}

function entry(derived: Map<string, Derived>, id: string): Derived {
  let d = derived.get(id);
  if (!d) derived.set(id, (d = { claims: [] }));
  return d;
}

/** Status claims of the latest date seen so far (an earlier date can never decide). */
function keepLatestClaims(derived: Map<string, Derived>, r: Row): void {
  if (!statusFromEvent(r.type as EventType, (r.status as Status | null) ?? undefined)) return;
  const d = entry(derived, r.person_id as string);
  const latest = d.claims[0]?.date as string | undefined;
  if (latest === undefined || (r.date as string) > latest) d.claims = [r];
  else if (r.date === latest) d.claims.push(r);
}

function keepNewest(derived: Map<string, Derived>, r: Row): void {
  const d = entry(derived, r.person_id as string);
  if (!d.news || (r.date as string) > (d.news.date as string)) d.news = r;
}

function write(db: DB, ids: Set<string>, derived: Map<string, Derived>): void {
  const recorded = db.prepare(`SELECT id, recorded_status, recorded_status_on FROM people WHERE id ${IDS}`);
  const update = db.prepare(UPDATE);
  const list = [...ids];
  for (let i = 0; i < list.length; i += BATCH) {
    for (const person of recorded.all({ ids: JSON.stringify(list.slice(i, i + BATCH)) }) as Row[]) {
      const d = derived.get(person.id as string) ?? { claims: [] };
      // Newest recorded first, as the domain's rule reads them; the recorded status comes last.
      const rows = [...d.claims].sort((a, b) => ((a.created_at as string) < (b.created_at as string) ? 1 : -1));
      const claims: StatusClaim[] = rows.map((r) => ({
        status: statusFromEvent(r.type as EventType, (r.status as Status | null) ?? undefined)!,
        date: r.date as string, explicit: r.type === 'status', eventId: r.id as string,
      }));
      if (person.recorded_status) claims.push({ status: person.recorded_status as Status, date: person.recorded_status_on as string, explicit: true });
      const deciding = decidingClaim(claims);
      const source = deciding?.eventId ? rows.find((r) => r.id === deciding.eventId) : undefined;
      update.run({
        id: person.id, status: deciding?.status ?? 'unknown', since: deciding?.date ?? null,
        since_approx: source ? source.date_approx : 0, since_text: source ? source.date_text : (deciding?.date ?? null),
        event: deciding?.eventId ?? null,
        news: d.news?.date ?? null, news_approx: d.news?.date_approx ?? 0, news_text: d.news?.date_text ?? null,
      });
    }
  }
}

/** People an event's status or news can touch: those it names, or for a whole-case event the case's people. */
export function peopleTouchedBy(db: DB, eventId: string): string[] {
  return (
    db
      .prepare(
        `SELECT person_id FROM event_people WHERE event_id = @id
         UNION SELECT cp.person_id FROM events e JOIN case_people cp ON cp.case_id = e.case_id
          WHERE e.id = @id AND e.whole_case = 1`,
      )
      .all({ id: eventId }) as Row[]
  ).map((r) => r.person_id as string);
}
