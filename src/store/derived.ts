// Fields derived from events and kept on the person row, so that at-risk and show read one row
// instead of replaying every event. Refreshed inside the transaction that changes the events.
//
// Only the claims on a person's latest date can decide their status, and only the newest event is
// their latest news; so both are gathered per person as (latest claims, newest news row). A few
// people are looked up through their indexes, in batches; when an import touches a large share
// of everyone, one pass over the events in table order is far cheaper than a lookup per event.
//
// A pass over everyone meets every person before it can write any of them, so what it keeps per
// person is small and fixed: numbers in typed arrays (a date as an integer, an event as its rowid),
// not rows. The events that decide are read back by rowid when their people are written, a batch
// at a time: a million-event import keeps a few megabytes where rows took forty.
import { decidingClaim, STATUS_MOVING_TYPES, statusFromEvent, type StatusClaim } from '../domain/status';
import { fromIso } from '../domain/dates';
import { OUT_OF_DANGER, type EventType, type PartialDate, type Status } from '../domain/types';
import type { DB } from './open';
import type { Row } from './rows';

const MOVING = STATUS_MOVING_TYPES.map((t) => `'${t}'`).join(',');
const BATCH = 500;
/**
 * A date (YYYY, YYYY-MM or YYYY-MM-DD) as the integer YYYYMMDD with zeros for what it leaves out:
 * integers compare as the ISO texts do, and are equal when the texts are.
 */
const DAY = "CAST(replace(substr(e.date || '-00-00', 1, 10), '-', '') AS INTEGER)";
const CLAIM = `e.rowid AS event, ${DAY} AS day, e.type, e.status`;
const NEWS = `e.rowid AS event, ${DAY} AS day`;
const IDS = 'IN (SELECT value FROM json_each(@ids))';

/** The same date's last day as YYYYMMDD (1998 → 19981231, 2024-06 → 20240630, 2024-02 → 20240229). */
const LAST_DAY = "CAST(CASE length(e.date) WHEN 4 THEN e.date || '1231' WHEN 7 THEN strftime('%Y%m%d', e.date || '-01', '+1 month', '-1 day') ELSE replace(e.date, '-', '') END AS INTEGER)";
/** The statuses out of danger, as an SQL list. */
export const SAFE_STATUSES = OUT_OF_DANGER.map((s) => `'${s}'`).join(', ');
const SAFE = SAFE_STATUSES;
/**
 * An event dated after @until (YYYYMMDD) has not happened yet on that day. A change to a status
 * out of danger (protected, deceased) known only to its month or year counts from its last day, as
 * appeal letters count it: until then the person may still be in danger.
 */
const UNTIL = `${DAY} <= @until`;
const CLAIM_UNTIL = `(CASE WHEN e.type = 'status' AND e.status IN (${SAFE}) THEN ${LAST_DAY} ELSE ${DAY} END) <= @until`;

/**
 * Whether a person's stored status (counting every event) may not hold on @today: set by an event
 * dated after it, or a status out of danger known only to a month or year that today is still in.
 * As SQL on the people row `p`, and the same in JavaScript.
 */
export const STATUS_LATER_SQL = (p: string) => `(${p}.status_since IS NOT NULL AND (${p}.status_since > @today OR (${p}.status IN (${SAFE})
  AND length(${p}.status_since) < 10 AND ${p}.status_since = substr(@today, 1, length(${p}.status_since)))))`;
/**
 * Whether a person `p` had news up to @today, as latest news counts it: an event naming them or on
 * their case as a whole, not their own appeals.
 */
export const NEWS_BY_SQL = (p: string) => `(EXISTS (SELECT 1 FROM event_people ep JOIN events e ON e.id = ep.event_id
    WHERE ep.person_id = ${p}.id AND e.type <> 'appeal' AND e.date <= @today)
  OR EXISTS (SELECT 1 FROM case_people cp JOIN events e ON e.case_id = cp.case_id AND e.whole_case = 1
    WHERE cp.person_id = ${p}.id AND e.type <> 'appeal' AND e.date <= @today))`;
/** Stored fields count every event, whatever its date: a day no date can pass. */
const EVER = 99999999;
/** A day (YYYY-MM-DD) as the YYYYMMDD the claims are compared with. */
const dayKey = (day: string): number => Number(day.replaceAll('-', ''));
/** Claims and news of some people (a batch of ids as JSON) up to a day, through the person indexes. */
const SOME = {
  claims: `SELECT ep.person_id, ${CLAIM} FROM event_people ep JOIN events e ON e.id = ep.event_id
    WHERE ep.person_id ${IDS} AND e.type IN (${MOVING}) AND ${CLAIM_UNTIL}`,
  news: `SELECT ep.person_id, ${NEWS} FROM event_people ep JOIN events e ON e.id = ep.event_id
    WHERE ep.person_id ${IDS} AND e.type <> 'appeal' AND ${UNTIL}
    UNION ALL SELECT cp.person_id, ${NEWS} FROM case_people cp JOIN events e ON e.case_id = cp.case_id AND e.whole_case = 1
    WHERE cp.person_id ${IDS} AND e.type <> 'appeal' AND ${UNTIL}`,
};
/** The same for everyone, reading the events in table order (CROSS JOIN keeps SQLite from starting at the links). */
const EVERYONE = {
  claims: `SELECT ep.person_id, ${CLAIM} FROM events e CROSS JOIN event_people ep ON ep.event_id = e.id WHERE e.type IN (${MOVING})`,
  news: `SELECT ep.person_id, ${NEWS} FROM events e CROSS JOIN event_people ep ON ep.event_id = e.id WHERE e.type <> 'appeal'
    UNION ALL SELECT cp.person_id, ${NEWS} FROM events e CROSS JOIN case_people cp ON cp.case_id = e.case_id
    WHERE e.whole_case = 1 AND e.type <> 'appeal'`,
};
/** The same up to a day (@until), for a look back that reaches most people. */
const EVERYONE_UNTIL = {
  claims: `${EVERYONE.claims} AND ${CLAIM_UNTIL}`,
  news: `SELECT ep.person_id, ${NEWS} FROM events e CROSS JOIN event_people ep ON ep.event_id = e.id WHERE e.type <> 'appeal' AND ${UNTIL}
    UNION ALL SELECT cp.person_id, ${NEWS} FROM events e CROSS JOIN case_people cp ON cp.case_id = e.case_id
    WHERE e.whole_case = 1 AND e.type <> 'appeal' AND ${UNTIL}`,
};
const EVENTS = `SELECT rowid AS event, id, type, status, date, date_approx, date_text, created_at FROM events
  WHERE rowid IN (SELECT value FROM json_each(@events))`;
const UPDATE = `UPDATE people SET status = @status, status_since = @since, status_since_approx = @since_approx,
    status_since_text = @since_text, status_event_id = @event,
    latest_news = @news, latest_news_approx = @news_approx, latest_news_text = @news_text
  WHERE id = @id`;

/** Per person (by their place in the list of ids): the latest claims' day and events, the newest news. */
class Gathered {
  readonly claimDay: Int32Array;
  readonly claim: Float64Array;
  /** Further claims on the same latest day, in the order met. */
  readonly moreClaims = new Map<number, number[]>();
  readonly newsDay: Int32Array;
  readonly news: Float64Array;

  constructor(readonly slots: Map<string, number>) {
    this.claimDay = new Int32Array(slots.size);
    this.claim = new Float64Array(slots.size);
    this.newsDay = new Int32Array(slots.size);
    this.news = new Float64Array(slots.size);
  }

  /** Status claims of the latest day seen so far (an earlier day can never decide). */
  keepLatestClaim(r: Row): void {
    const slot = this.slots.get(r.person_id as string);
    if (slot === undefined || !statusFromEvent(r.type as EventType, (r.status as Status | null) ?? undefined)) return;
    const day = r.day as number;
    if (day > this.claimDay[slot]!) {
      this.claimDay[slot] = day;
      this.claim[slot] = r.event as number;
      this.moreClaims.delete(slot);
    } else if (day === this.claimDay[slot]) {
      const more = this.moreClaims.get(slot);
      if (more) more.push(r.event as number);
      else this.moreClaims.set(slot, [r.event as number]);
    }
  }

  keepNewest(r: Row): void {
    const slot = this.slots.get(r.person_id as string);
    if (slot === undefined || (r.day as number) <= this.newsDay[slot]!) return;
    this.newsDay[slot] = r.day as number;
    this.news[slot] = r.event as number;
  }

  /** The events a person's claims and news name, in the order met. */
  claimsOf(slot: number): number[] {
    return this.claimDay[slot] ? [this.claim[slot]!, ...(this.moreClaims.get(slot) ?? [])] : [];
  }
}

export function refreshPeople(db: DB, personIds: Iterable<string>): void {
  const slots = slotsOf(personIds);
  if (slots.size === 0) return;
  const update = db.prepare(UPDATE);
  decide(db, gather(db, slots, EVER), EVER, (fields) => update.run(fields));
}

/** A person's status and latest news as they stood on a day. */
export interface DerivedOn {
  status: Status; since: PartialDate | undefined; eventId: string | undefined; news: PartialDate | undefined;
}

/**
 * Some people's status and latest news as they stood on a day (YYYY-MM-DD), from the events up to
 * it: what is stored counts every event, and one dated after today (a release expected, or a
 * --today in the past) has not happened yet. A partial date counts once its period has begun.
 */
export function derivedOn(db: DB, personIds: string[], day: string): Map<string, DerivedOn> {
  const found = new Map<string, DerivedOn>();
  const slots = slotsOf(personIds);
  if (slots.size === 0) return found;
  const until = dayKey(day);
  decide(db, gather(db, slots, until), until, (v) => {
    found.set(v.id as string, {
      status: v.status as Status, eventId: v.event ?? undefined,
      since: v.since == null ? undefined : fromIso(v.since, v.since_approx === 1, v.since_text ?? v.since),
      news: v.news == null ? undefined : fromIso(v.news, v.news_approx === 1, v.news_text ?? v.news),
    });
  });
  return found;
}

/** The day after a YYYYMMDD key, as a key; EVER stays EVER. */
function dayAfter(key: number): number {
  if (key === EVER) return EVER;
  const next = new Date(Date.UTC(Math.floor(key / 10000), Math.floor(key / 100) % 100 - 1, key % 100 + 1));
  return next.getUTCFullYear() * 10000 + (next.getUTCMonth() + 1) * 100 + next.getUTCDate();
}

function slotsOf(personIds: Iterable<string>): Map<string, number> {
  const slots = new Map<string, number>();
  for (const id of personIds) if (!slots.has(id)) slots.set(id, slots.size);
  return slots;
}

/**
 * The latest claims and news of these people up to a day: through their indexes for a few, in one
 * pass over the events when they are a large share of everyone (an import, a look back years).
 */
function gather(db: DB, slots: Map<string, number>, until: number): Gathered {
  if (slots.size < 1000 || slots.size * 4 < (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n) return gatherSome(db, slots, until);
  const gathered = new Gathered(slots);
  const [claims, news] = until === EVER ? [EVERYONE.claims, EVERYONE.news] : [EVERYONE_UNTIL.claims, EVERYONE_UNTIL.news];
  const params = until === EVER ? {} : { until };
  for (const r of db.prepare(claims).iterate(params) as Iterable<Row>) gathered.keepLatestClaim(r);
  for (const r of db.prepare(news).iterate(params) as Iterable<Row>) gathered.keepNewest(r);
  return gathered;
}

function gatherSome(db: DB, slots: Map<string, number>, until: number): Gathered {
  const gathered = new Gathered(slots);
  const claims = db.prepare(SOME.claims);
  const news = db.prepare(SOME.news);
  const list = [...slots.keys()];
  for (let i = 0; i < list.length; i += BATCH) {
    const batch = { ids: JSON.stringify(list.slice(i, i + BATCH)), until };
    for (const r of claims.all(batch) as Row[]) gathered.keepLatestClaim(r);
    for (const r of news.all(batch) as Row[]) gathered.keepNewest(r);
  }
  return gathered;
}

/** Each gathered person's derived fields, worked out from their deciding events, handed to `each`. */
function decide(db: DB, gathered: Gathered, until: number, each: (fields: ReturnType<typeof values>) => void): void {
  const recorded = db.prepare(`SELECT id, recorded_status, recorded_status_on FROM people WHERE id ${IDS}`);
  const events = db.prepare(EVENTS);
  const { slots, news, newsDay } = gathered;
  const list = [...slots.keys()];
  for (let i = 0; i < list.length; i += BATCH) {
    const ids = list.slice(i, i + BATCH);
    const wanted: number[] = [];
    for (const id of ids) {
      const slot = slots.get(id)!;
      wanted.push(...gathered.claimsOf(slot));
      if (newsDay[slot]) wanted.push(news[slot]!);
    }
    const byRowid = new Map((events.all({ events: JSON.stringify(wanted) }) as Row[]).map((r) => [r.event as number, r]));
    for (const person of recorded.all({ ids: JSON.stringify(ids) }) as Row[]) {
      const slot = slots.get(person.id as string)!;
      const claims = gathered.claimsOf(slot).map((e) => byRowid.get(e)!);
      each(values(person, claims, newsDay[slot] ? byRowid.get(news[slot]!) : undefined, until));
    }
  }
}

/**
 * A person's derived fields. Their latest claims are read newest recorded first, as the domain's
 * rule reads them; the recorded status comes last.
 */
function values(person: Row, latest: Row[], news: Row | undefined, until: number): {
  id: string; status: Status; since: string | null; since_approx: number; since_text: string | null; event: string | null;
  news: string | null; news_approx: number; news_text: string | null;
} {
  const rows = [...latest].sort((a, b) => ((a.created_at as string) < (b.created_at as string) ? 1 : -1));
  const claims: StatusClaim[] = rows.map((r) => ({
    status: statusFromEvent(r.type as EventType, (r.status as Status | null) ?? undefined)!,
    date: r.date as string, explicit: r.type === 'status', eventId: r.id as string,
  }));
  // A status recorded on a day after `until` (added with a later --today) did not hold yet either;
  // but one recorded the day after holds: caselog dates it by the day where it was recorded, still the
  // day before in a time zone behind (a colleague's import, a laptop that travelled west), where the
  // detained person read as "unknown" until the next day. What is recorded is known, never planned.
  const recordedOn = person.recorded_status_on as string | null;
  if (person.recorded_status && !(recordedOn && dayKey(recordedOn) > dayAfter(until))) {
    claims.push({ status: person.recorded_status as Status, date: recordedOn as string, explicit: true });
  }
  const deciding = decidingClaim(claims);
  const source = deciding?.eventId ? rows.find((r) => r.id === deciding.eventId) : undefined;
  return {
    id: person.id as string, status: deciding?.status ?? 'unknown', since: deciding?.date ?? null,
    since_approx: source ? (source.date_approx as number) : 0,
    since_text: source ? (source.date_text as string | null) : (deciding?.date ?? null),
    event: deciding?.eventId ?? null,
    news: (news?.date as string | undefined) ?? null, news_approx: (news?.date_approx as number | undefined) ?? 0,
    news_text: (news?.date_text as string | undefined) ?? null,
  };
}

/** People an event's status or news can touch: those it names, or for a whole-case event the case's people. */
const TOUCHED = (event: string) => `SELECT person_id FROM event_people WHERE event_id ${event}
  UNION SELECT cp.person_id FROM events e JOIN case_people cp ON cp.case_id = e.case_id WHERE e.id ${event} AND e.whole_case = 1`;

export function peopleTouchedBy(db: DB, eventId: string): string[] {
  return (db.prepare(TOUCHED('= @id')).all({ id: eventId }) as Row[]).map((r) => r.person_id as string);
}

/** The same for many events (an import undone): a statement for each thousand, not one an event. */
export function peopleTouchedByAll(db: DB, eventIds: string[]): Set<string> {
  const select = db.prepare(TOUCHED(IDS));
  const people = new Set<string>();
  for (let i = 0; i < eventIds.length; i += 1000) {
    for (const r of select.all({ ids: JSON.stringify(eventIds.slice(i, i + 1000)) }) as Row[]) people.add(r.person_id as string);
  }
  return people;
}
