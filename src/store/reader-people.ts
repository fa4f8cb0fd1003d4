// People as the reader returns them, each in one statement with their names, risks and cases as
// JSON columns: a list of thousands of people (at-risk) costs one query, not three per person.
import type { PersonRecord } from '../domain/model';
import type { Risk, Status } from '../domain/types';
import { dateFrom, type Row } from './rows';

export const PERSON_SELECT = `SELECT p.*,
  (SELECT json_group_array(json_object('id', n.id, 'name', n.name, 'primary', n.is_primary, 'note', n.note) ORDER BY n.is_primary DESC, n.rowid)
     FROM person_names n WHERE n.person_id = p.id) AS names_json,
  (SELECT json_group_array(r.risk ORDER BY r.risk) FROM person_risks r WHERE r.person_id = p.id) AS risks_json,
  (SELECT json_group_array(json_object('id', c.id, 'ref', c.ref) ORDER BY c.ref_key)
     FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id) AS cases_json
  FROM people p`;

/**
 * People with open risks who are not protected or dead and not only in closed cases, and the id of
 * each one's next open deadline: one naming them, or one on their (open) case naming nobody. The
 * two kinds are looked up through their own indexes and merged, rather than one OR over all deadlines.
 */
export function atRiskSql(byRisk: boolean): string {
  return `${PERSON_SELECT.replace('FROM people p', `,
  (SELECT x.id FROM (
     SELECT d.id, d.due, d.case_id FROM deadline_people dp JOIN deadlines d ON d.id = dp.deadline_id
      WHERE dp.person_id = p.id AND d.done_on IS NULL
     UNION ALL
     SELECT d.id, d.due, d.case_id FROM case_people cp JOIN deadlines d ON d.case_id = cp.case_id
      WHERE cp.person_id = p.id AND d.done_on IS NULL AND NOT EXISTS (SELECT 1 FROM deadline_people n WHERE n.deadline_id = d.id)) x
    WHERE x.case_id IS NULL OR NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = x.case_id AND c.closed IS NOT NULL)
    ORDER BY x.due LIMIT 1) AS next_deadline_id
  FROM people p`)}
  WHERE p.id IN (SELECT person_id FROM person_risks${byRisk ? ' WHERE risk = @risk' : ''})
    AND p.status NOT IN ('protected', 'deceased')
    AND (NOT EXISTS (SELECT 1 FROM case_people cp WHERE cp.person_id = p.id)
         OR EXISTS (SELECT 1 FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id AND c.closed IS NULL))`;
}

interface NameJson { id: string; name: string; primary: number; note: string | null }

/** A row of PERSON_SELECT as the domain's person. */
export function personFromRow(row: Row): PersonRecord {
  const names = JSON.parse(row.names_json as string) as NameJson[];
  return {
    id: row.id as string,
    name: row.name as string,
    names: names.map((n) => ({ id: n.id, name: n.name, primary: n.primary === 1, note: n.note ?? undefined })),
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
    risks: JSON.parse(row.risks_json as string) as Risk[],
    cases: JSON.parse(row.cases_json as string) as Array<{ id: string; ref: string }>,
    latestNews: dateFrom(row, 'latest_news'),
  };
}
