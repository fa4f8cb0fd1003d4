// Fields derived from events and kept on the person row, so that at-risk and show read one row
// instead of replaying every event. Refreshed inside the transaction that changes the events.
import { decidingClaim, STATUS_MOVING_TYPES, statusFromEvent, type StatusClaim } from '../domain/status';
import type { EventType, Status } from '../domain/types';
import type { DB } from './open';
import type { Row } from './rows';

const MOVING = STATUS_MOVING_TYPES.map((t) => `'${t}'`).join(',');

export function refreshPeople(db: DB, personIds: Iterable<string>): void {
  const claimsOf = db.prepare(
    `SELECT e.id, e.type, e.status, e.date, e.date_approx, e.date_text FROM event_people ep
     JOIN events e ON e.id = ep.event_id
     WHERE ep.person_id = ? AND e.type IN (${MOVING}) ORDER BY e.date DESC, e.created_at DESC LIMIT 50`,
  );
  const personRow = db.prepare('SELECT recorded_status, recorded_status_on FROM people WHERE id = ?');
  const latest = db.prepare(
    `SELECT date, date_approx, date_text FROM (
       SELECT e.date, e.date_approx, e.date_text FROM event_people ep JOIN events e ON e.id = ep.event_id
        WHERE ep.person_id = @id AND e.type <> 'appeal'
       UNION ALL
       SELECT e.date, e.date_approx, e.date_text FROM case_people cp
         JOIN events e ON e.case_id = cp.case_id AND e.whole_case = 1
        WHERE cp.person_id = @id AND e.type <> 'appeal')
     ORDER BY date DESC LIMIT 1`,
  );
  const update = db.prepare(
    `UPDATE people SET status = @status, status_since = @since, status_since_approx = @since_approx,
       status_since_text = @since_text, status_event_id = @event,
       latest_news = @news, latest_news_approx = @news_approx, latest_news_text = @news_text
     WHERE id = @id`,
  );
  for (const id of new Set(personIds)) {
    const person = personRow.get(id) as Row | undefined;
    if (!person) continue;
    const rows = claimsOf.all(id) as Row[];
    const claims: StatusClaim[] = rows.flatMap((r) => {
      const status = statusFromEvent(r.type as EventType, (r.status as Status | null) ?? undefined);
      return status ? [{ status, date: r.date as string, explicit: r.type === 'status', eventId: r.id as string }] : [];
    });
    if (person.recorded_status) {
      claims.push({ status: person.recorded_status as Status, date: person.recorded_status_on as string, explicit: true });
    }
    const deciding = decidingClaim(claims);
    const source = deciding?.eventId ? rows.find((r) => r.id === deciding.eventId) : undefined;
    const news = latest.get({ id }) as Row | undefined;
    update.run({
      id,
      status: deciding?.status ?? 'unknown',
      since: deciding?.date ?? null,
      since_approx: source ? source.date_approx : 0,
      since_text: source ? source.date_text : (deciding?.date ?? null),
      event: deciding?.eventId ?? null,
      news: news?.date ?? null,
      news_approx: news?.date_approx ?? 0,
      news_text: news?.date_text ?? null,
    });
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
