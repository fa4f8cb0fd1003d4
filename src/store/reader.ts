// All reading SQL. Lists are loaded with their links in batches (json_each), never row by row.
import { asTyped } from '../domain/text';
import { KIND_LETTERS, type RecordKind } from '../domain/ids';
import { caseRefKey, type CaseRecord, type DeadlineRecord, type EventRecord, type PersonRecord, type PersonRef, type SourceRecord } from '../domain/model';
import { foldName, nameKeys } from '../domain/names';
import { isoOf } from '../domain/dates';
import { OUT_OF_DANGER, type PartialDate, type Risk, type Status } from '../domain/types';
import type { DB } from './open';
import { derivedOn } from './derived';
import { statusLater } from '../domain/status';
import { AT, atRiskEntryFrom, atRiskSql, PERSON_SELECT, personFromRow } from './reader-people';
import { caseFrom, deadlineFrom, eventFrom, sourceFrom, type Row } from './rows';
import type { AtRiskEntry, AtRiskRow, DueQuery, NameCandidate } from './store';

/** At-risk lists only people out of danger neither by their stored status nor as they stood today. */
const inDanger = (e: AtRiskEntry): boolean => !OUT_OF_DANGER.includes(e.person.status);

/** The most ids idsByPrefix gives: enough to tell a typed prefix is too short, and to show a few. */
const IDS_LISTED = 10;

const TABLES: Partial<Record<RecordKind, string>> = {
  case: 'cases', person: 'people', event: 'events', deadline: 'deadlines', source: 'sources', target: 'targets',
};

/** How many stored names a lookup scores at most, of each kind (same fold; sharing index keys). */
const CANDIDATES = 500;

/**
 * What a source record is read from: all but the document's text, which can run to pages (a source
 * a timeline cites was read whole, text and all, only to show its publisher and reference).
 */
export const SOURCE_COLUMNS = 's.id, s.title, s.publisher, s.ref, s.date, s.date_approx, s.date_text, s.url, s.reliability';

const EVENT_SELECT = `SELECT e.*, c.ref AS case_ref FROM events e LEFT JOIN cases c ON c.id = e.case_id`;
export const DEADLINE_SELECT = `SELECT d.*, c.ref AS case_ref FROM deadlines d LEFT JOIN cases c ON c.id = d.case_id`;

/**
 * The ids of a case's timeline: its own events, and its people's events on no case; another case's
 * events are that case's. `caseId` is an SQL expression (a parameter or a column).
 */
export function caseEventIds(caseId: string): string {
  return `SELECT id FROM events WHERE case_id = ${caseId}
    UNION SELECT ep.event_id FROM case_people cp JOIN event_people ep ON ep.person_id = cp.person_id
      JOIN events o ON o.id = ep.event_id WHERE cp.case_id = ${caseId} AND o.case_id IS NULL`;
}

/** Text compared as typed: composed, trimmed, spacing collapsed, lowercase. */
const plainText = (text: string) => asTyped(text).toLowerCase();

/** A day no stored date passes: nothing is after it. */
const NO_DAY = '9999-99-99';

export class Reader {
  /** today: the day (YYYY-MM-DD) people's status and news are read as of; without it, as stored. */
  constructor(private readonly db: DB, readonly today: string = NO_DAY) {}

  /**
   * People as they stood today. Their stored status and latest news count every event, whatever its
   * date; for the few whose status or news comes from an event dated after today (a release
   * expected, or --today in the past) both are worked out again from the events up to today.
   */
  onToday<T extends Pick<PersonRecord, 'id' | 'status' | 'statusSince' | 'statusEventId' | 'latestNews'>>(people: T[]): T[] {
    const after = (d: PartialDate | undefined) => d !== undefined && isoOf(d) > this.today;
    const ids = people.filter((p) => statusLater(p.status, p.statusSince && isoOf(p.statusSince), this.today) || after(p.latestNews)).map((p) => p.id);
    if (ids.length === 0) return people;
    const then = derivedOn(this.db, ids, this.today);
    return people.map((p) => {
      const was = then.get(p.id);
      if (!was) return p;
      const patched = { ...p, status: was.status, statusSince: was.since, latestNews: was.news };
      if ('statusEventId' in p) patched.statusEventId = was.eventId;
      return patched;
    });
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.db.prepare(sql).all(...params) as Row[];
  }
  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.db.prepare(sql).get(...params) as Row | undefined;
  }

  idsByPrefix(kind: RecordKind, prefix: string): string[] {
    const table = TABLES[kind];
    const p = prefix.trim().toLowerCase();
    if (!table || !p.startsWith(`${KIND_LETTERS[kind]}-`)) return [];
    return this.all(`SELECT id FROM ${table} WHERE id >= ? AND id < ? ORDER BY id LIMIT ${IDS_LISTED}`, p, `${p}\uffff`).map((r) => r.id as string);
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
    return this.all('SELECT * FROM cases ORDER BY ref_key').map((r) => caseFrom(r, this.casePeople(r.id as string)));
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
    const then = derivedOn(this.db, personIds, day);
    return personIds.map((id) => then.get(id)?.status ?? 'unknown');
  }

  /**
   * Stored names that may be the one meant. Names with the query's exact fold are fetched on their
   * own, so that a common name's many loose neighbours can never push a perfect match out; the loose
   * ones follow, those sharing most index keys with the query first. Both use indexes (folded, and
   * name_keys' primary key), so a lookup stays fast at hundreds of thousands of names.
   */
  nameCandidates(query: string): NameCandidate[] {
    const folded = foldName(query);
    if (folded === '') return [];
    const exact = this.all(
      `SELECT person_names.person_id, person_names.name, person_names.name = p.name AS is_primary, p.gender
         FROM person_names JOIN people p ON p.id = person_names.person_id
        WHERE person_names.folded = ? ORDER BY person_names.person_id, person_names.rowid LIMIT ?`, folded, CANDIDATES);
    // A stored name decides the lookup by itself (the matcher lets an exact match win outright), so
    // the loose candidates, costly to score in a large database, are fetched only when there is none.
    // Those people's other names come too: a fold shared with a name in another script (Qasim
    // Mahpir, their Uyghur name's) is explained by their name in the script typed (Kasim Mahpir).
    const theirs = exact.length === 0 ? [] : this.all(
      `SELECT pn.person_id, pn.name, pn.name = p.name AS is_primary, p.gender FROM person_names pn JOIN people p ON p.id = pn.person_id
        WHERE pn.person_id IN (SELECT value FROM json_each(?)) ORDER BY pn.person_id, pn.rowid`,
      JSON.stringify([...new Set(exact.map((r) => r.person_id as string))]),
    );
    const loose = exact.length > 0 ? theirs : this.all(
      `SELECT pn.person_id, pn.name, pn.name = p.name AS is_primary, p.gender FROM (
         SELECT name_id, count(*) AS shared FROM name_keys WHERE key IN (SELECT value FROM json_each(?))
          GROUP BY name_id ORDER BY shared DESC, name_id LIMIT ?) k
       JOIN person_names pn ON pn.id = k.name_id JOIN people p ON p.id = pn.person_id
       ORDER BY k.shared DESC, k.name_id`,
      JSON.stringify(nameKeys(query)), CANDIDATES,
    );
    const seen = new Set<string>();
    const out: NameCandidate[] = [];
    for (const r of [...exact, ...loose]) {
      const key = `${r.person_id as string}\u0000${r.name as string}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ personId: r.person_id as string, name: r.name as string, primary: r.is_primary === 1, ...(r.gender ? { gender: r.gender as string } : {}) });
    }
    return out;
  }

  /** Names alphabetically around the query's fold: a cheap "did you mean" (two index ranges). */
  nearbyNames(query: string, limit: number): string[] {
    const folded = foldName(query);
    const after = this.all('SELECT name FROM person_names WHERE folded >= ? ORDER BY folded LIMIT ?', folded, limit);
    const before = this.all('SELECT name FROM person_names WHERE folded < ? ORDER BY folded DESC LIMIT ?', folded, limit);
    return [...before, ...after].map((r) => r.name as string);
  }

  /**
   * Names of people stored up to a rowid mark that share the fold or the most match keys with this
   * name: who a just-imported person may be, without scoring the others just imported.
   */
  namesBefore(query: string, mark: number, limit = 20): NameCandidate[] {
    const rows = this.all(
      `SELECT pn.person_id, pn.name FROM person_names pn JOIN people p ON p.id = pn.person_id
        WHERE pn.folded = @folded AND p.rowid <= @mark
       UNION ALL
       SELECT person_id, name FROM (
         SELECT pn.person_id, pn.name FROM (
           SELECT name_id, count(*) AS shared FROM name_keys WHERE key IN (SELECT value FROM json_each(@keys)) GROUP BY name_id) k
         JOIN person_names pn ON pn.id = k.name_id JOIN people p ON p.id = pn.person_id
         WHERE p.rowid <= @mark ORDER BY k.shared DESC, k.name_id LIMIT @limit)`,
      { folded: foldName(query), keys: JSON.stringify(nameKeys(query)), mark, limit },
    );
    return rows.map((r) => ({ personId: r.person_id as string, name: r.name as string }));
  }

  /** Whose name each of these is (its person's primary name), for suggestions that name each person once. */
  primaryNamesOf(names: string[]): Map<string, string> {
    const rows = this.all(
      `SELECT n.name, p.name AS primary_name FROM person_names n JOIN people p ON p.id = n.person_id
        WHERE n.name IN (SELECT value FROM json_each(?)) ORDER BY n.rowid`, JSON.stringify(names));
    const primary = new Map<string, string>();
    for (const r of rows) if (!primary.has(r.name as string)) primary.set(r.name as string, r.primary_name as string);
    return primary;
  }

  /** Every case reference (a mistyped one is told the nearest: an error's path only). */
  caseRefs(): string[] {
    return this.all('SELECT ref FROM cases ORDER BY ref_key').map((r) => r.ref as string);
  }

  sourceById(id: string): SourceRecord | undefined {
    const row = this.get(`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE id = ?`, id);
    return row ? sourceFrom(row) : undefined;
  }

  /** Sources, the last recorded first (the one just added to cite is at hand); up to `limit`. */
  sourcesNewest(limit = -1): SourceRecord[] {
    return this.all(`SELECT ${SOURCE_COLUMNS} FROM sources s ORDER BY created_at DESC, rowid DESC LIMIT ?`, limit).map(sourceFrom);
  }

  /** A source named by its reference code, its exact title, or its id. */
  findSources(text: string): SourceRecord[] {
    return this.all(
      `SELECT ${SOURCE_COLUMNS} FROM sources s WHERE ref_key = @key OR lower(title) = lower(@text) OR id = lower(@text) ORDER BY created_at`,
      { key: caseRefKey(text), text: text.trim() },
    ).map(sourceFrom);
  }

  /**
   * Sources whose title starts with this text, ignoring case in any script (SQLite's lower() knows
   * only ASCII, so the titles are compared here): what a caseworker types of a long title. Only when
   * no reference or whole title fits, so reading every title is an error's path, or a rare one.
   */
  sourcesTitled(start: string): SourceRecord[] {
    const typed = plainText(start);
    const ids = this.all('SELECT id, title FROM sources ORDER BY created_at')
      .filter((r) => plainText(r.title as string).startsWith(typed)).slice(0, 10).map((r) => r.id as string);
    return ids.map((id) => this.sourceById(id)!);
  }

  /** Sources whose publisher is the text (capitals and spacing aside), newest first; up to ten. */
  sourcesPublishedBy(publisher: string): SourceRecord[] {
    const typed = plainText(publisher);
    const ids = this.all('SELECT id, publisher FROM sources WHERE publisher IS NOT NULL ORDER BY date DESC, created_at DESC')
      .filter((r) => plainText(r.publisher as string) === typed).slice(0, 10).map((r) => r.id as string);
    return ids.map((id) => this.sourceById(id)!);
  }

  eventById(id: string): EventRecord | undefined {
    return this.eventsFrom(this.all(`${EVENT_SELECT} WHERE e.id = ?`, id))[0];
  }

  /** Several events at once (search's hits): three statements, not three per event. */
  eventsByIds(ids: string[]): Map<string, EventRecord> {
    if (ids.length === 0) return new Map();
    const events = this.eventsFrom(this.all(`${EVENT_SELECT} WHERE e.id IN (SELECT value FROM json_each(?))`, JSON.stringify(ids)));
    return new Map(events.map((e) => [e.id, e]));
  }

  /** Events naming the person, and events on their cases as a whole. */
  personTimeline(personId: string): EventRecord[] {
    return this.eventsFrom(
      this.all(
        `${EVENT_SELECT} WHERE e.id IN (
           SELECT event_id FROM event_people WHERE person_id = @id
           UNION SELECT e2.id FROM case_people cp JOIN events e2 ON e2.case_id = cp.case_id AND e2.whole_case = 1 WHERE cp.person_id = @id)
         ORDER BY e.date, e.created_at`,
        { id: personId },
      ),
    );
  }

  /** The case's own events, and those of its people on no case (see caseEventIds). */
  caseTimeline(caseId: string): EventRecord[] {
    return this.eventsFrom(
      this.all(
        `${EVENT_SELECT} WHERE e.id IN (${caseEventIds('@id')})
         ORDER BY e.date, e.created_at`,
        { id: caseId },
      ),
    );
  }

  private eventsFrom(rows: Row[]): EventRecord[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const people = this.groupBy(
      this.all(
        `SELECT ep.event_id AS owner, p.id, p.name FROM event_people ep JOIN people p ON p.id = ep.person_id
          WHERE ep.event_id IN (SELECT value FROM json_each(?)) ORDER BY p.created_at, p.name`, ids),
    );
    const sources = new Map<string, SourceRecord[]>();
    for (const r of this.all(
      `SELECT es.event_id AS owner, ${SOURCE_COLUMNS} FROM event_sources es JOIN sources s ON s.id = es.source_id
        WHERE es.event_id IN (SELECT value FROM json_each(?)) ORDER BY s.date, s.created_at`, ids)) {
      const list = sources.get(r.owner as string) ?? [];
      list.push(sourceFrom(r));
      sources.set(r.owner as string, list);
    }
    return rows.map((r) => eventFrom(r, people.get(r.id as string) ?? [], sources.get(r.id as string) ?? []));
  }

  private groupBy(rows: Row[]): Map<string, PersonRef[]> {
    const map = new Map<string, PersonRef[]>();
    for (const r of rows) {
      const list = map.get(r.owner as string) ?? [];
      list.push({ id: r.id as string, name: r.name as string });
      map.set(r.owner as string, list);
    }
    return map;
  }

  deadlineById(id: string): DeadlineRecord | undefined {
    return this.deadlinesFrom(this.all(`${DEADLINE_SELECT} WHERE d.id = ?`, id))[0];
  }

  /** Open deadlines on open cases that are overdue, due by the horizon, or inside their own warning. */
  dueDeadlines(q: DueQuery): DeadlineRecord[] {
    return this.deadlinesFrom(
      this.all(
        // UNION ALL (IN removes duplicates anyway): with UNION, SQLite merges both halves in id order
        // and scans every deadline instead of searching the two partial indexes of open ones.
        `${DEADLINE_SELECT} WHERE d.id IN (
           SELECT id FROM deadlines WHERE done_on IS NULL AND due <= @horizon
           UNION ALL SELECT id FROM deadlines WHERE done_on IS NULL AND warn_from <= @today)
         AND (c.id IS NULL OR c.closed IS NULL)
         ORDER BY d.due, c.ref_key`,
        q,
      ),
    );
  }

  deadlinesFrom(rows: Row[]): DeadlineRecord[] {
    if (rows.length === 0) return [];
    const named = this.groupBy(
      this.all(
        `SELECT dp.deadline_id AS owner, p.id, p.name FROM deadline_people dp JOIN people p ON p.id = dp.person_id
          WHERE dp.deadline_id IN (SELECT value FROM json_each(?)) ORDER BY p.created_at, p.name`,
        JSON.stringify(rows.map((r) => r.id)),
      ),
    );
    // A case's people stand in only for a deadline that names nobody.
    const caseIds = [...new Set(rows.filter((r) => !named.has(r.id as string)).map((r) => r.case_id).filter(Boolean))];
    const casePeople = this.groupBy(
      this.all(
        `SELECT cp.case_id AS owner, p.id, p.name FROM case_people cp JOIN people p ON p.id = cp.person_id
          WHERE cp.case_id IN (SELECT value FROM json_each(?)) ORDER BY p.created_at, p.name`,
        JSON.stringify(caseIds),
      ),
    );
    return rows.map((r) => deadlineFrom(r, named.get(r.id as string) ?? [], casePeople.get(r.case_id as string) ?? []));
  }

  /** People with open risks who are not protected or dead and not only in closed cases, with their next deadline. */
  atRisk(risk: Risk | undefined): AtRiskRow[] {
    const rows = this.all(atRiskSql(risk !== undefined, 'full'), { risk: risk ?? null, today: this.today });
    const nextOf = this.nextDeadlines(rows);
    const people = this.onToday(rows.map(personFromRow));
    return rows.map((row, i) => ({ person: people[i]!, nextDeadline: nextOf(row) })).filter(inDanger);
  }

  /** The same people, with only what the at-risk list shows. */
  atRiskList(risk: Risk | undefined): AtRiskEntry[] {
    const rows = this.db.prepare(atRiskSql(risk !== undefined, 'list')).raw(true).all({ risk: risk ?? null, today: this.today }) as unknown[][];
    const entries = rows.map(atRiskEntryFrom);
    // Compared as the stored ISO texts: cheaper than a date's text a row, for thousands of rows.
    const later: string[] = [];
    for (const row of rows) {
      if (statusLater(row[AT.status] as Status, row[AT.since] as string | null, this.today) || ((row[AT.news] as string | null) ?? '') > this.today) later.push(row[AT.id] as string);
    }
    if (later.length === 0) return entries;
    const then = derivedOn(this.db, later, this.today);
    return entries.map((e) => {
      const was = then.get(e.person.id);
      return was ? { ...e, person: { ...e.person, status: was.status, latestNews: was.news } } : e;
    }).filter(inDanger);
  }

  /** The next deadlines of at-risk rows, whole (with the people they name). */
  private nextDeadlines(rows: Row[]): (row: Row) => DeadlineRecord | undefined {
    const nextIds = [...new Set(rows.map((r) => r.next_deadline_id).filter((id) => id != null))];
    const deadlines = new Map(
      this.deadlinesFrom(this.all(`${DEADLINE_SELECT} WHERE d.id IN (SELECT value FROM json_each(?))`, JSON.stringify(nextIds)))
        .map((d) => [d.id, d]),
    );
    return (row) => (row.next_deadline_id == null ? undefined : deadlines.get(row.next_deadline_id as string));
  }
}
