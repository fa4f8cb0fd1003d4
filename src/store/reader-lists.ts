// What `list people` and `list cases` read, for tens of thousands of records: the rows matching the
// filters with only what finding and ordering them takes, then, for those shown (the first --limit
// of them, or all), what the list shows, each kind of detail in one statement for the whole batch.
import type { CaseRecord, PersonRecord } from '../domain/model';
import { fromIso } from '../domain/dates';
import { nameOrderKey } from '../domain/names-order';
import type { PartialDate, Risk, Status } from '../domain/types';
import { STATUS_LATER_SQL } from './derived';
import type { DB } from './open';
import { casesInOrder, casesSql, PERSON_SELECT, personFromRow } from './reader-people';
import { peopleOnDay, statusOn } from './reader-today';
import { allRows, caseFrom, firstRows, peopleOfCases, type Row } from './rows';

export interface PeopleFilter { status?: Status; risk?: Risk; caseId?: string; open?: boolean; closed?: boolean }

/** A case of the person's that is open. */
const IN_OPEN_CASE = 'EXISTS (SELECT 1 FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id AND c.closed IS NULL)';

/**
 * The WHERE clause of people p matching every filter given. --open: in at least one open case;
 * --closed: in cases, all of them closed (someone tracked outside any case is neither). --status
 * keeps too those whose stored status may not hold today (peopleOnDay works it out again). Only
 * the filters given are written: "@case IS NULL OR ..." keeps SQLite from the index it would use.
 */
export function peopleWhereSql(f: PeopleFilter): string {
  const conditions = peopleConditions(f, `(p.status = @status OR ${STATUS_LATER_SQL('p')})`);
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** peopleWhereSql's conditions, with `status` for --status's. */
function peopleConditions(f: PeopleFilter, status: string): string[] {
  return [
    f.status && status,
    f.risk && 'p.id IN (SELECT person_id FROM person_risks WHERE risk = @risk)',
    f.caseId && 'p.id IN (SELECT person_id FROM case_people WHERE case_id = @case)',
    f.open && IN_OPEN_CASE,
    f.closed && `EXISTS (SELECT 1 FROM case_people cp WHERE cp.person_id = p.id) AND NOT ${IN_OPEN_CASE}`,
  ].filter((c): c is string => Boolean(c));
}

/**
 * Of the people whose stored status may not hold today (STATUS_LATER_SQL: a few), the ids of
 * those whose status today is `status`, worked out again: with them a --status filter is exact in SQL.
 */
function laterWithStatus(db: DB, today: string, status: Status | undefined): string[] {
  if (!status) return [];
  const maybe = allRows(db, `SELECT id FROM people p WHERE ${STATUS_LATER_SQL('p')}`, { today }).map((r) => r.id as string);
  const then = statusOn(db, maybe, today);
  return maybe.filter((_, i) => then[i] === status);
}

/** The status of person p today is @status: as stored, unless it may not hold today; else one of @later (laterWithStatus). */
const STATUS_TODAY_SQL = `((p.status = @status AND NOT ${STATUS_LATER_SQL('p')}) OR p.id IN (SELECT value FROM json_each(@later)))`;

/** The exact filter of people p as they stand today: the conditions (joined by AND) and their parameters. */
function peopleToday(db: DB, today: string, f: PeopleFilter): { conditions: string[]; params: Row } {
  return { conditions: peopleConditions(f, STATUS_TODAY_SQL), params: { ...peopleParams(f, today), later: JSON.stringify(laterWithStatus(db, today, f.status)) } };
}

/** Connections name_order() is defined on. */
const ordering = new WeakSet<DB>();

/** SQLite's name_order(name): the key names-order.ts sorts names by, so that SQL sorts a list as inNameOrder does. */
function withNameOrder(db: DB): DB {
  if (!ordering.has(db)) {
    db.function('name_order', { deterministic: true }, (name: unknown) => nameOrderKey(String(name)));
    ordering.add(db);
  }
  return db;
}

/**
 * The ids of the people matching the filters as they stand today, in name order (as inNameOrder
 * sorts them: key, spelling, id), sorted by SQLite: the first `limit` (0: all), and how many match
 * in all. Sorting a hundred thousand people in JavaScript to show five took a second.
 */
export function peopleInNameOrder(db: DB, today: string, f: PeopleFilter, limit: number): { ids: string[]; total: number } {
  const { conditions, params } = peopleToday(db, today, f);
  const from = `FROM people p${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
  const ids = withNameOrder(db).prepare(`SELECT p.id ${from} ORDER BY name_order(p.name), p.name, p.id${limit > 0 ? ` LIMIT ${limit}` : ''}`)
    .pluck().all(params) as string[];
  const total = limit > 0 && ids.length === limit ? db.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number : ids.length;
  return { ids, total };
}

/**
 * The people matching the filters today whose name may be another's of them but for its capitals:
 * those whose name folds (person_names.folded, coarser than capitals) as another's does; of the
 * people `ids` only (and those of their folds), or of all when no ids are given. The caller tells
 * namesakes apart among them (namesakeIds): a list labels a person with their id by these.
 */
export function peopleFoldedAlike(db: DB, today: string, f: PeopleFilter, ids?: string[]): Array<{ id: string; name: string }> {
  const { conditions, params } = peopleToday(db, today, f);
  const and = conditions.map((c) => ` AND ${c}`).join('');
  // The folds of those shown, and through their index the people of those folds; for all, the folds held twice.
  const sql = ids
    ? `WITH shown AS MATERIALIZED (SELECT n.folded FROM json_each(@ids) CROSS JOIN people p ON p.id = json_each.value
         JOIN person_names n ON n.person_id = p.id AND n.name = p.name)
       SELECT p.id, p.name FROM person_names n JOIN people p ON p.id = n.person_id AND p.name = n.name
       WHERE n.folded IN (SELECT folded FROM shown)${and}`
    : `WITH m AS MATERIALIZED (SELECT p.id, p.name, n.folded FROM people p JOIN person_names n ON n.person_id = p.id AND n.name = p.name WHERE 1${and})
       SELECT id, name FROM m WHERE folded IN (SELECT folded FROM m GROUP BY folded HAVING count(*) > 1)`;
  return db.prepare(sql).all({ ...params, ids: JSON.stringify(ids ?? []) }) as Array<{ id: string; name: string }>;
}

/**
 * These people as the text list shows them, in the order of `ids`: as the list finds them
 * (peopleListed), with their risks and cases (peopleListings), in one statement.
 */
export function peopleShownByIds(db: DB, today: string, ids: string[]): Array<ListedPerson & PersonListing> {
  const rows = db.prepare(
    `SELECT p.id, p.name, p.status, p.status_since, p.status_since_approx, p.status_since_text, p.status_event_id,
       p.latest_news, p.latest_news_approx, p.latest_news_text,
       (SELECT group_concat(r.risk) FROM person_risks r WHERE r.person_id = p.id), ${casesSql('p.id', 'cases')}
     FROM json_each(?) CROSS JOIN people p ON p.id = json_each.value ORDER BY json_each.key`,
  ).raw(true).all(JSON.stringify(ids)) as Array<[...ListedRow, string | null, string | null]>;
  return peopleOnDay(db, today, rows.map((r) => ({ ...listedFrom(r), ...listingFrom(r[10], r[11]) })));
}

/** These people whole, as they stood today, in the order of `ids`. */
export function peopleWholeByIds(db: DB, today: string, ids: string[]): PersonRecord[] {
  const byId = peopleByIds(db, today, ids);
  return ids.map((id) => byId.get(id)!);
}

/** The parameters of peopleWhereSql's clause. */
export const peopleParams = (f: PeopleFilter, today: string): Row => ({ status: f.status ?? null, risk: f.risk ?? null, case: f.caseId ?? null, today });

/** A person as the list finds and orders them: what telling their status today takes, and their name. */
export type ListedPerson = Pick<PersonRecord, 'id' | 'name' | 'status' | 'statusSince' | 'statusEventId' | 'latestNews'>;

const listedFrom = (r: [...ListedRow, ...unknown[]]): ListedPerson => ({
  id: r[0], name: r[1], status: r[2], statusSince: dateOf(r[3], r[4], r[5]), statusEventId: r[6] ?? undefined, latestNews: dateOf(r[7], r[8], r[9]),
});

type ListedRow = [string, string, Status, string | null, number, string | null, string | null, string | null, number, string | null];

/** A date's three columns (as dateFrom reads them by name). */
const dateOf = (iso: string | null, approx: number, text: string | null): PartialDate | undefined =>
  (iso === null ? undefined : fromIso(iso, approx === 1, text ?? iso));

/** What the text list shows of a person besides their name and status: risks, and cases in reference order. */
export type PersonListing = Pick<PersonRecord, 'risks' | 'cases'>;

/** A person's risks (in name order) and cases (in reference order) from their columns. */
const listingFrom = (risks: string | null, cases: string | null): PersonListing =>
  ({ risks: risks === null ? [] : (risks.split(',') as Risk[]).sort(), cases: casesInOrder(cases) });

/** These people whole, as they stood today, by id. */
export function peopleByIds(db: DB, today: string, ids: string[]): Map<string, PersonRecord> {
  const rows = allRows(db, `${PERSON_SELECT} WHERE p.id IN (SELECT value FROM json_each(?))`, JSON.stringify(ids));
  return new Map(peopleOnDay(db, today, rows.map(personFromRow)).map((p) => [p.id, p]));
}

/**
 * People matching the filters, whole, as they stood today: in `order` (SQL), else in none. For all
 * of them at once, cheaper than finding them (peopleListed) and then reading them by id.
 */
export function peopleWhole(db: DB, today: string, f: PeopleFilter, order?: string): PersonRecord[] {
  const rows = allRows(db, `${PERSON_SELECT} ${peopleWhereSql(f)}${order ? ` ORDER BY ${order}` : ''}`, peopleParams(f, today));
  const people = peopleOnDay(db, today, rows.map(personFromRow));
  return f.status ? people.filter((p) => p.status === f.status) : people;
}

export interface CaseFilter { status?: Status; risk?: Risk; open?: boolean; closed?: boolean }

/**
 * Cases matching every filter, in reference order, whole: the first `limit` (0: all), and how many
 * match in all. --status and --risk ask for a person in the case with that status or risk.
 */
export function casesListed(db: DB, today: string, f: CaseFilter, limit: number): { cases: CaseRecord[]; total: number } {
  // The status today: as stored, but for the few whose stored status may not hold on it, worked out again.
  const later = laterWithStatus(db, today, f.status);
  const conditions = [
    f.open && 'c.closed IS NULL',
    f.closed && 'c.closed IS NOT NULL',
    f.status && `(EXISTS (SELECT 1 FROM case_people cp JOIN people p ON p.id = cp.person_id
                           WHERE cp.case_id = c.id AND p.status = @status AND NOT ${STATUS_LATER_SQL('p')})
                  OR c.id IN (SELECT cp.case_id FROM json_each(@later) j JOIN case_people cp ON cp.person_id = j.value))`,
    f.risk && `EXISTS (SELECT 1 FROM case_people cp JOIN person_risks r ON r.person_id = cp.person_id
                        WHERE cp.case_id = c.id AND r.risk = @risk)`,
  ].filter(Boolean);
  const { rows, total } = firstRows(db,
    { select: 'c.*', from: `FROM cases c${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`, order: 'c.ref_key' },
    { status: f.status ?? null, today, later: JSON.stringify(later), risk: f.risk ?? null }, limit);
  const people = peopleOfCases(db, rows.map((r) => r.id as string));
  return { cases: rows.map((r) => caseFrom(r, people.get(r.id as string) ?? [])), total };
}

/**
 * How many events each case's timeline shows: its own, and its people's on no case (as
 * caseEventIds reads them). Counted as two parts, which no event is in both: the case's own by
 * the index alone, and of the few events on no case (found once) those naming someone in the case.
 * Looking up each of the case's people's events to see whether it is on no case read the whole
 * events table for a list of every case (13 s at a million events).
 */
export function caseEventCounts(db: DB, caseIds: string[]): Map<string, number> {
  const rows = db.prepare(
    `WITH loose AS MATERIALIZED (SELECT ep.person_id, ep.event_id FROM events o JOIN event_people ep ON ep.event_id = o.id WHERE o.case_id IS NULL)
     SELECT json_each.value, (SELECT count(*) FROM events WHERE case_id = json_each.value)
       + (SELECT count(DISTINCT l.event_id) FROM case_people cp JOIN loose l ON l.person_id = cp.person_id WHERE cp.case_id = json_each.value)
     FROM json_each(?)`,
  ).raw(true).all(JSON.stringify(caseIds)) as Array<[string, number]>;
  return new Map(rows);
}
