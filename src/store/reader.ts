// All reading SQL, behind the one object commands read through (the store's `read`). Lists are
// loaded with their links in batches (json_each), never row by row. Ids, cases and people are read
// here; names, sources, timelines, deadlines and the at-risk list in reader-*.ts beside it.
import { idStarts, KIND_LETTERS, prefixMatches, type RecordKind } from '../domain/ids';
import { caseRefKey, type CaseRecord, type DeadlineRecord, type EventRecord, type PersonRecord, type PersonRef, type SourceRecord } from '../domain/model';
import type { Risk, Status } from '../domain/types';
import type { DB } from './open';
import * as atRiskLists from './reader-at-risk';
import * as deadlines from './reader-deadlines';
import * as lists from './reader-lists';
import type { CaseFilter, ListedPerson, PeopleFilter, PersonListing } from './reader-lists';
import * as names from './reader-names';
import { PERSON_SELECT, personFromRow } from './reader-people';
import * as sources from './reader-sources';
import * as timeline from './reader-timeline';
import { peopleOnDay, statusOn } from './reader-today';
import { allRows, caseFrom, oneRow, peopleOfCases, type Row } from './rows';
import type { AtRiskEntry, AtRiskRow, DueQuery, NameCandidate } from './store';

/** The most ids idsByPrefix gives: enough to tell a typed prefix is too short, and to show a few. */
const IDS_LISTED = 10;

const TABLES: Partial<Record<RecordKind, string>> = {
  case: 'cases', person: 'people', event: 'events', deadline: 'deadlines', source: 'sources', target: 'targets',
};

/** A day no stored date passes: nothing is after it. */
const NO_DAY = '9999-99-99';

export class Reader {
  /** today: the day (YYYY-MM-DD) people's status and news are read as of; without it, as stored. */
  constructor(private readonly db: DB, readonly today: string = NO_DAY) {}

  /** People as they stood today (see peopleOnDay). */
  onToday<T extends Pick<PersonRecord, 'id' | 'status' | 'statusSince' | 'statusEventId' | 'latestNews'>>(people: T[]): T[] {
    return peopleOnDay(this.db, this.today, people);
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return allRows(this.db, sql, ...params);
  }
  private get(sql: string, ...params: unknown[]): Row | undefined {
    return oneRow(this.db, sql, ...params);
  }

  /**
   * The ids a typed prefix stands for, of one kind (the first few). A whole stored id stands for
   * itself alone, though longer ids begin with it (one imported from another database).
   */
  idsByPrefix(kind: RecordKind, prefix: string): string[] {
    const table = TABLES[kind];
    const p = prefix.trim().toLowerCase();
    if (!table || !p.startsWith(`${KIND_LETTERS[kind]}-`)) return [];
    const ids = this.all(`SELECT id FROM ${table} WHERE id >= ? AND id < ? ORDER BY id LIMIT ${IDS_LISTED}`, p, `${p}\uffff`).map((r) => r.id as string);
    return prefixMatches(ids, p);
  }

  /**
   * Stored ids of one kind that a longer id begins with: under that id a record would leave each of
   * them standing for two as a prefix (looked up by the primary key, one id per length).
   */
  idsBeginning(kind: RecordKind, id: string): string[] {
    const table = TABLES[kind];
    const p = id.trim().toLowerCase();
    if (!table) return [];
    return this.all(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`, JSON.stringify(idStarts(p))).map((r) => r.id as string);
  }

  /** How many ids of one kind start with the prefix: idsByPrefix lists the first few. */
  countIdsByPrefix(kind: RecordKind, prefix: string): number {
    const table = TABLES[kind];
    const p = prefix.trim().toLowerCase();
    if (!table || !p.startsWith(`${KIND_LETTERS[kind]}-`)) return 0;
    return this.get(`SELECT count(*) AS n FROM ${table} WHERE id >= ? AND id < ?`, p, `${p}\uffff`)!.n as number;
  }

  caseByRef(ref: string): CaseRecord | undefined {
    const row = this.get('SELECT * FROM cases WHERE ref_key = ?', caseRefKey(ref));
    return row ? caseFrom(row, this.casePeople(row.id as string)) : undefined;
  }

  caseById(id: string): CaseRecord | undefined {
    const row = this.get('SELECT * FROM cases WHERE id = ?', id);
    return row ? caseFrom(row, this.casePeople(id)) : undefined;
  }

  casePeople(caseId: string): PersonRef[] {
    return this.all(
      `SELECT p.id, p.name FROM case_people cp JOIN people p ON p.id = cp.person_id WHERE cp.case_id = ? ORDER BY p.created_at, p.name`,
      caseId,
    ).map((r) => ({ id: r.id as string, name: r.name as string }));
  }

  listCases(): CaseRecord[] {
    const rows = this.all('SELECT * FROM cases ORDER BY ref_key');
    const people = peopleOfCases(this.db, rows.map((r) => r.id as string));
    return rows.map((r) => caseFrom(r, people.get(r.id as string) ?? []));
  }

  /** Every case reference (a mistyped one is told the nearest: an error's path only). */
  caseRefs(): string[] {
    return this.all('SELECT ref FROM cases ORDER BY ref_key').map((r) => r.ref as string);
  }

  personById(id: string): PersonRecord | undefined {
    const row = this.get(`${PERSON_SELECT} WHERE p.id = ?`, id);
    return row ? personFromRow(row) : undefined;
  }

  /** A person as they stood today (see onToday); personById gives the stored record, as writes need it. */
  personToday(id: string): PersonRecord | undefined {
    const person = this.personById(id);
    return person && this.onToday([person])[0];
  }

  listPeople(): PersonRecord[] {
    return this.onToday(this.all(`${PERSON_SELECT} ORDER BY p.name`).map(personFromRow));
  }

  /** Each person's status on a day (YYYY-MM-DD), from the events up to it. */
  statusOn(personIds: string[], day: string): Status[] {
    return statusOn(this.db, personIds, day);
  }

  // Names (reader-names.ts).
  nameCandidates(query: string): NameCandidate[] { return names.nameCandidates(this.db, query); }
  nearbyNames(query: string, limit: number): string[] { return names.nearbyNames(this.db, query, limit); }
  namesBefore(query: string, mark: number, limit?: number): NameCandidate[] { return names.namesBefore(this.db, query, mark, limit); }
  primaryNamesOf(list: string[]): Map<string, string> { return names.primaryNamesOf(this.db, list); }
  namesHeldByOthers(ids: string[]): Set<string> { return names.namesHeldByOthers(this.db, ids); }

  // Sources (reader-sources.ts).
  sourceById(id: string): SourceRecord | undefined { return sources.sourceById(this.db, id); }
  sourcesNewest(limit?: number): SourceRecord[] { return sources.sourcesNewest(this.db, limit); }
  findSources(text: string): SourceRecord[] { return sources.findSources(this.db, text); }
  sourcesTitled(start: string): SourceRecord[] { return sources.sourcesTitled(this.db, start); }
  sourcesPublishedBy(publisher: string): SourceRecord[] { return sources.sourcesPublishedBy(this.db, publisher); }

  // Events and timelines (reader-timeline.ts).
  eventById(id: string): EventRecord | undefined { return timeline.eventById(this.db, id); }
  /** Of these people, those with a status change recorded by the user dated before `day` (YYYY-MM-DD or shorter). */
  statusRecordedBefore(ids: string[], day: string): Set<string> {
    return new Set(this.all(`SELECT DISTINCT ep.person_id AS id FROM json_each(?) JOIN event_people ep ON ep.person_id = json_each.value
      JOIN events e ON e.id = ep.event_id WHERE e.type = 'status' AND e.date < ?`, JSON.stringify(ids), day).map((r) => r.id as string));
  }
  eventsByIds(ids: string[]): Map<string, EventRecord> { return timeline.eventsByIds(this.db, ids); }
  personTimeline(personId: string): EventRecord[] { return timeline.personTimeline(this.db, personId); }
  caseTimeline(caseId: string): EventRecord[] { return timeline.caseTimeline(this.db, caseId); }

  // The list command's people and cases (reader-lists.ts).
  peopleByIds(ids: string[]): Map<string, PersonRecord> { return lists.peopleByIds(this.db, this.today, ids); }
  peopleWhole(f: PeopleFilter): PersonRecord[] { return lists.peopleWhole(this.db, this.today, f); }
  peopleInNameOrder(f: PeopleFilter, limit: number): { ids: string[]; total: number } { return lists.peopleInNameOrder(this.db, this.today, f, limit); }
  peopleFoldedAlike(f: PeopleFilter, ids?: string[]): Array<{ id: string; name: string }> { return lists.peopleFoldedAlike(this.db, this.today, f, ids); }
  peopleShownByIds(ids: string[]): Array<ListedPerson & PersonListing> { return lists.peopleShownByIds(this.db, this.today, ids); }
  peopleWholeByIds(ids: string[]): PersonRecord[] { return lists.peopleWholeByIds(this.db, this.today, ids); }
  casesListed(f: CaseFilter, limit: number): { cases: CaseRecord[]; total: number } { return lists.casesListed(this.db, this.today, f, limit); }
  caseEventCounts(caseIds: string[]): Map<string, number> { return lists.caseEventCounts(this.db, caseIds); }

  // Deadlines (reader-deadlines.ts) and the at-risk list (reader-at-risk.ts).
  deadlineById(id: string): DeadlineRecord | undefined { return deadlines.deadlineById(this.db, id); }
  dueDeadlines(q: DueQuery): { deadlines: DeadlineRecord[]; total: number } { return deadlines.dueDeadlines(this.db, q); }
  deadlinesFrom(rows: Row[]): DeadlineRecord[] { return deadlines.deadlinesFrom(this.db, rows); }
  atRisk(risk: Risk | undefined): AtRiskRow[] { return atRiskLists.atRisk(this.db, this.today, risk); }
  atRiskList(risk: Risk | undefined, people?: string[]): AtRiskEntry[] { return atRiskLists.atRiskList(this.db, this.today, risk, people); }
}
