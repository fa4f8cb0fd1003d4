// The at-risk list: people with open risks who are not protected or dead and not only in closed
// cases, as they stood today, each with their next deadline. Whole records for --json; only what the
// text list shows otherwise, for at tens of thousands whole records cost more than the query.
import { statusLater } from '../domain/status';
import type { DeadlineRecord } from '../domain/model';
import { OUT_OF_DANGER, type Risk, type Status } from '../domain/types';
import { derivedOn } from './derived';
import type { DB } from './open';
import { DEADLINE_SELECT, deadlinesFrom } from './reader-deadlines';
import { AT, atRiskEntryFrom, atRiskSql, personFromRow } from './reader-people';
import { peopleOnDay } from './reader-today';
import { allRows, type Row } from './rows';
import type { AtRiskEntry, AtRiskRow } from './store';

/** At-risk lists only people out of danger neither by their stored status nor as they stood today. */
const inDanger = (e: AtRiskEntry): boolean => !OUT_OF_DANGER.includes(e.person.status);

/** People with open risks who are not protected or dead and not only in closed cases, with their next deadline. */
export function atRisk(db: DB, today: string, risk: Risk | undefined): AtRiskRow[] {
  const rows = allRows(db, atRiskSql(risk !== undefined, 'full'), { risk: risk ?? null, today });
  const nextOf = nextDeadlines(db, rows);
  const people = peopleOnDay(db, today, rows.map(personFromRow));
  return rows.map((row, i) => ({ person: people[i]!, nextDeadline: nextOf(row), openCaseIds: JSON.parse(row.open_case_ids as string) as string[] })).filter(inDanger);
}

/** The same people, with only what the at-risk list shows; of these people alone when given. */
export function atRiskList(db: DB, today: string, risk: Risk | undefined, people?: string[]): AtRiskEntry[] {
  const rows = db.prepare(atRiskSql(risk !== undefined, 'list', people !== undefined)).raw(true)
    .all({ risk: risk ?? null, today, ...(people !== undefined ? { people: JSON.stringify(people) } : {}) }) as unknown[][];
  const entries = rows.map(atRiskEntryFrom);
  // Compared as the stored ISO texts: cheaper than a date's text a row, for thousands of rows.
  const later: string[] = [];
  for (const row of rows) {
    if (statusLater(row[AT.status] as Status, row[AT.since] as string | null, today) || ((row[AT.news] as string | null) ?? '') > today) later.push(row[AT.id] as string);
  }
  if (later.length === 0) return entries;
  const then = derivedOn(db, later, today);
  return entries.map((e) => {
    const was = then.get(e.person.id);
    return was ? { ...e, person: { ...e.person, status: was.status, statusSince: was.since, statusEventId: was.eventId, latestNews: was.news } } : e;
  }).filter(inDanger);
}

/** The next deadlines of at-risk rows, whole (with the people they name). */
function nextDeadlines(db: DB, rows: Row[]): (row: Row) => DeadlineRecord | undefined {
  const nextIds = [...new Set(rows.map((r) => r.next_deadline_id).filter((id) => id != null))];
  const deadlines = new Map(
    deadlinesFrom(db, allRows(db, `${DEADLINE_SELECT} WHERE d.id IN (SELECT value FROM json_each(?))`, JSON.stringify(nextIds)))
      .map((d) => [d.id, d]),
  );
  return (row) => (row.next_deadline_id == null ? undefined : deadlines.get(row.next_deadline_id as string));
}
