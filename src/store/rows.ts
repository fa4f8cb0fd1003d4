// Rows <-> domain records. Dates are three columns: ISO at precision, approximate flag, text.
import { fromIso, isoOf } from '../domain/dates';
import type { CaseRecord, DeadlineRecord, EventRecord, PersonRef, SourceRecord } from '../domain/model';
import type { EventType, PartialDate, Status } from '../domain/types';
import type { Section } from '../exchange/format';
import type { DB } from './open';

export type Row = Record<string, unknown>;

/** Each export section's own table and the column that holds its records' ids. */
export const RECORD_TABLE: Record<Section, [table: string, key: string]> = {
  cases: ['cases', 'id'], sources: ['sources', 'id'], targets: ['targets', 'id'], people: ['people', 'id'], events: ['events', 'id'],
  deadlines: ['deadlines', 'id'], plans: ['plans', 'id'], appeals: ['appeal_records', 'event_id'],
};

export function dateFrom(row: Row, column: string): PartialDate | undefined {
  const iso = row[column] as string | null;
  if (iso == null) return undefined;
  return fromIso(iso, row[`${column}_approx`] === 1, (row[`${column}_text`] as string | null) ?? iso);
}

/** Bound parameters for a date column set. */
export function dateParams(column: string, d: PartialDate | undefined): Row {
  return {
    [column]: d ? isoOf(d) : null,
    [`${column}_approx`]: d?.approximate ? 1 : 0,
    [`${column}_text`]: d ? d.text : null,
  };
}

const opt = <T>(v: unknown): T | undefined => (v == null ? undefined : (v as T));

export function caseFrom(row: Row, people: PersonRef[]): CaseRecord {
  return {
    id: row.id as string,
    ref: row.ref as string,
    title: row.title as string,
    countries: JSON.parse(row.countries as string) as string[],
    summary: opt(row.summary),
    opened: dateFrom(row, 'opened'),
    closed: dateFrom(row, 'closed'),
    closeReason: opt(row.close_reason),
    people,
  };
}

export function sourceFrom(row: Row): SourceRecord {
  return {
    id: row.id as string,
    title: row.title as string,
    publisher: opt(row.publisher),
    ref: opt(row.ref),
    date: dateFrom(row, 'date'),
    url: opt(row.url),
    reliability: opt(row.reliability),
  };
}

export function eventFrom(row: Row, people: PersonRef[], sources: SourceRecord[]): EventRecord {
  return {
    id: row.id as string,
    case: row.case_id ? { id: row.case_id as string, ref: row.case_ref as string } : undefined,
    type: row.type as EventType,
    status: opt<Status>(row.status),
    summary: row.summary as string,
    place: opt(row.place),
    actor: opt(row.actor),
    date: dateFrom(row, 'date')!,
    people,
    sources,
  };
}

export function deadlineFrom(row: Row, named: PersonRef[], casePeople: PersonRef[]): DeadlineRecord {
  return {
    id: row.id as string,
    case: row.case_id ? { id: row.case_id as string, ref: row.case_ref as string } : undefined,
    date: dateFrom(row, 'date')!,
    note: row.note as string,
    warnDays: opt(row.warn_days),
    done: row.done_on != null,
    doneOn: opt(row.done_on),
    people: named.length > 0 ? named : casePeople,
    namesPeople: named.length > 0,
  };
}

/** Rows of (owner, id, name), as each owner's people in row order: the people an event or deadline names. */
export function peopleByOwner(rows: Row[]): Map<string, PersonRef[]> {
  const map = new Map<string, PersonRef[]>();
  for (const r of rows) {
    const list = map.get(r.owner as string) ?? [];
    list.push({ id: r.id as string, name: r.name as string });
    map.set(r.owner as string, list);
  }
  return map;
}

/** Each case's people (a batch of case ids), in the order a case lists them: one statement, not one a case. */
export function peopleOfCases(db: DB, caseIds: string[]): Map<string, PersonRef[]> {
  return peopleByOwner(allRows(db,
    `SELECT cp.case_id AS owner, p.id, p.name FROM case_people cp JOIN people p ON p.id = cp.person_id
      WHERE cp.case_id IN (SELECT value FROM json_each(?)) ORDER BY p.created_at, p.name`,
    JSON.stringify(caseIds),
  ));
}

/** A reading statement's rows; and its first row. */
export function allRows(db: DB, sql: string, ...params: unknown[]): Row[] {
  return db.prepare(sql).all(...params) as Row[];
}
export function oneRow(db: DB, sql: string, ...params: unknown[]): Row | undefined {
  return db.prepare(sql).get(...params) as Row | undefined;
}

/** A list read up to --limit: its first rows, and how many rows it holds in all. */
export interface FirstRows { rows: Row[]; total: number }

/**
 * The first `limit` rows of a list in its order (0: every row), and how many it holds in all:
 * counted apart, only when the limit cut it. `from`: the FROM and WHERE clauses both statements
 * share; the count leaves out the columns, which for some lists cost more than finding the rows.
 */
export function firstRows(db: DB, q: { select: string; from: string; order: string }, params: Row, limit: number): FirstRows {
  const rows = allRows(db, `SELECT ${q.select} ${q.from} ORDER BY ${q.order}${limit > 0 ? ` LIMIT ${limit}` : ''}`, params);
  const total = limit > 0 && rows.length === limit ? oneRow(db, `SELECT count(*) AS n ${q.from}`, params)!.n as number : rows.length;
  return { rows, total };
}
