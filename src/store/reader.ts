// All reading SQL. Lists are loaded with their links in batches (json_each), never row by row.
import { KIND_LETTERS, type RecordKind } from '../domain/ids';
import { caseRefKey, type CaseRecord, type DeadlineRecord, type EventRecord, type PersonRecord, type PersonRef, type SourceRecord } from '../domain/model';
import { foldName, nameKeys } from '../domain/names';
import type { Risk, Status } from '../domain/types';
import type { DB } from './open';
import { caseFrom, dateFrom, deadlineFrom, eventFrom, sourceFrom, type Row } from './rows';
import type { AtRiskRow, DueQuery, NameCandidate } from './store';

const TABLES: Partial<Record<RecordKind, string>> = {
  case: 'cases', person: 'people', event: 'events', deadline: 'deadlines', source: 'sources',
};

const EVENT_SELECT = `SELECT e.*, c.ref AS case_ref FROM events e LEFT JOIN cases c ON c.id = e.case_id`;
const DEADLINE_SELECT = `SELECT d.*, c.ref AS case_ref FROM deadlines d LEFT JOIN cases c ON c.id = d.case_id`;

export class Reader {
  constructor(private readonly db: DB) {}

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
    return this.all(`SELECT id FROM ${table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 10`, p, `${p}\uffff`).map((r) => r.id as string);
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
    const row = this.get('SELECT * FROM people WHERE id = ?', id);
    return row ? this.personFrom(row) : undefined;
  }

  listPeople(): PersonRecord[] {
    return this.all('SELECT * FROM people ORDER BY name').map((r) => this.personFrom(r));
  }

  personFrom(row: Row): PersonRecord {
    const id = row.id as string;
    const names = this.all('SELECT id, name, is_primary, note FROM person_names WHERE person_id = ? ORDER BY is_primary DESC, rowid', id);
    const risks = this.all('SELECT risk FROM person_risks WHERE person_id = ? ORDER BY risk', id).map((r) => r.risk as Risk);
    const cases = this.all(
      'SELECT c.id, c.ref FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = ? ORDER BY c.ref_key', id,
    ).map((r) => ({ id: r.id as string, ref: r.ref as string }));
    return {
      id,
      name: row.name as string,
      names: names.map((n) => ({ id: n.id as string, name: n.name as string, primary: n.is_primary === 1, note: (n.note as string | null) ?? undefined })),
      age: (row.age as number | null) ?? undefined,
      ageOn: dateFrom(row, 'age_on'),
      born: dateFrom(row, 'born'),
      gender: (row.gender as string | null) ?? undefined,
      citizenship: (row.citizenship as string | null) ?? undefined,
      ethnicity: (row.ethnicity as string | null) ?? undefined,
      recordedStatus: (row.recorded_status as Status | null) ?? undefined,
      recordedStatusOn: (row.recorded_status_on as string | null) ?? undefined,
      status: row.status as Status,
      statusSince: dateFrom(row, 'status_since'),
      statusEventId: (row.status_event_id as string | null) ?? undefined,
      risks,
      cases,
      latestNews: dateFrom(row, 'latest_news'),
    };
  }

  nameCandidates(query: string): NameCandidate[] {
    const keys = [foldName(query), ...nameKeys(query)];
    return this.all(
      `SELECT DISTINCT pn.person_id, pn.name FROM person_names pn WHERE pn.folded = ?
       UNION
       SELECT pn.person_id, pn.name FROM name_keys k JOIN person_names pn ON pn.id = k.name_id
        WHERE k.key IN (SELECT value FROM json_each(?))
       LIMIT 500`,
      keys[0], JSON.stringify(keys),
    ).map((r) => ({ personId: r.person_id as string, name: r.name as string }));
  }

  /** Names alphabetically around the query's fold and sharing its first letter: cheap "did you mean". */
  nearbyNames(query: string, limit: number): string[] {
    const folded = foldName(query);
    const first = folded.slice(0, 1);
    const after = this.all('SELECT name FROM person_names WHERE folded >= ? AND folded < ? ORDER BY folded LIMIT ?', folded, `${first}\uffff`, limit);
    const before = this.all('SELECT name FROM person_names WHERE folded < ? AND folded >= ? ORDER BY folded DESC LIMIT ?', folded, first, limit);
    return [...before, ...after].map((r) => r.name as string);
  }

  sourceById(id: string): SourceRecord | undefined {
    const row = this.get('SELECT * FROM sources WHERE id = ?', id);
    return row ? sourceFrom(row) : undefined;
  }

  /** A source named by its reference code, its exact title, or its id. */
  findSources(text: string): SourceRecord[] {
    return this.all(
      `SELECT * FROM sources WHERE ref_key = @key OR lower(title) = lower(@text) OR id = lower(@text) ORDER BY created_at`,
      { key: caseRefKey(text), text: text.trim() },
    ).map(sourceFrom);
  }

  eventById(id: string): EventRecord | undefined {
    return this.eventsFrom(this.all(`${EVENT_SELECT} WHERE e.id = ?`, id))[0];
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

  /** Events on the case, and events naming any of its people. */
  caseTimeline(caseId: string): EventRecord[] {
    return this.eventsFrom(
      this.all(
        `${EVENT_SELECT} WHERE e.id IN (
           SELECT id FROM events WHERE case_id = @id
           UNION SELECT ep.event_id FROM case_people cp JOIN event_people ep ON ep.person_id = cp.person_id WHERE cp.case_id = @id)
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
      `SELECT es.event_id AS owner, s.* FROM event_sources es JOIN sources s ON s.id = es.source_id
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
        `${DEADLINE_SELECT} WHERE d.id IN (
           SELECT id FROM deadlines WHERE done_on IS NULL AND due <= @horizon
           UNION SELECT id FROM deadlines WHERE done_on IS NULL AND warn_from <= @today)
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
    const caseIds = [...new Set(rows.map((r) => r.case_id).filter(Boolean))];
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
  atRisk(risk?: Risk): AtRiskRow[] {
    const rows = this.all(
      `SELECT p.* FROM people p
        WHERE p.id IN (SELECT person_id FROM person_risks WHERE @risk IS NULL OR risk = @risk)
          AND p.status NOT IN ('protected', 'deceased')
          AND (NOT EXISTS (SELECT 1 FROM case_people cp WHERE cp.person_id = p.id)
               OR EXISTS (SELECT 1 FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id AND c.closed IS NULL))`,
      { risk: risk ?? null },
    );
    const next = this.db.prepare(
      `${DEADLINE_SELECT} WHERE d.done_on IS NULL AND (c.id IS NULL OR c.closed IS NULL) AND (
         d.id IN (SELECT deadline_id FROM deadline_people WHERE person_id = @id)
         OR (d.case_id IN (SELECT case_id FROM case_people WHERE person_id = @id)
             AND NOT EXISTS (SELECT 1 FROM deadline_people dp WHERE dp.deadline_id = d.id)))
       ORDER BY d.due LIMIT 1`,
    );
    return rows.map((row) => {
      const person = this.personFrom(row);
      const deadlineRow = next.get({ id: person.id }) as Row | undefined;
      return { person, nextDeadline: deadlineRow ? this.deadlinesFrom([deadlineRow])[0] : undefined };
    });
  }
}
