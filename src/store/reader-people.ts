// People as the reader returns them, each in one statement with their names, risks and cases:
// a list of thousands of people (at-risk) costs one query, not three more per person. Each person
// comes back as one JSON document: building objects from one JSON.parse is much cheaper than from
// two dozen columns a row, which counts at tens of thousands of rows.
import type { PersonRecord } from '../domain/model';
import type { Risk, Status } from '../domain/types';
import { dateFrom, type Row } from './rows';

const date = (column: string) => `'${column}', p.${column}, '${column}_approx', p.${column}_approx, '${column}_text', p.${column}_text`;

/** The person's names as JSON, primary first. */
const NAMES_JSON = `json((SELECT json_group_array(json_object('id', n.id, 'name', n.name, 'primary', n.is_primary, 'note', n.note)
      ORDER BY n.is_primary DESC, n.rowid) FROM person_names n WHERE n.person_id = p.id))`;

/** One column, person: the person's row as JSON, with names (primary first), risks and cases. */
const personJson = (names: string) => `json_object('id', p.id, 'name', p.name, 'age', p.age, ${date('age_on')}, ${date('born')},
    'gender', p.gender, 'citizenship', p.citizenship, 'ethnicity', p.ethnicity,
    'recorded_status', p.recorded_status, 'recorded_status_on', p.recorded_status_on, 'status', p.status,
    ${date('status_since')}, 'status_event_id', p.status_event_id, ${date('latest_news')},
    'names', ${names},
    'risks', json((SELECT json_group_array(r.risk ORDER BY r.risk) FROM person_risks r WHERE r.person_id = p.id)),
    'cases', json((SELECT json_group_array(json_object('id', c.id, 'ref', c.ref) ORDER BY c.ref_key)
      FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id))) AS person`;

export const PERSON_SELECT = `SELECT ${personJson(NAMES_JSON)} FROM people p`;

/**
 * People with open risks who are not protected or dead and not only in closed cases, and the id of
 * each one's next open deadline: one naming them, or one on their (open) case naming nobody.
 * Set-based: everyone at risk is joined to their open deadlines at once and the earliest kept per
 * person (min() returns the columns of its row), rather than a subquery and a sort per person.
 * CROSS JOIN keeps SQLite going from the people to their deadlines through the indexes (the open
 * ones of a case: deadlines_open_case), so the cost follows the people listed, not all deadlines.
 * Only full (--json) reads each person's names and the next deadline's people, which the text list
 * does not show: at tens of thousands of people they cost more than the rest of the query; otherwise
 * the next deadline comes along as one JSON column (next_deadline) and names nobody.
 */
export function atRiskSql(byRisk: boolean, full: boolean): string {
  return `WITH at_risk AS MATERIALIZED (
    SELECT p.id FROM people p
     WHERE p.id IN (SELECT person_id FROM person_risks${byRisk ? ' WHERE risk = @risk' : ''})
       AND p.status NOT IN ('protected', 'deceased')
       AND (NOT EXISTS (SELECT 1 FROM case_people cp WHERE cp.person_id = p.id)
            OR EXISTS (SELECT 1 FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id AND c.closed IS NULL))),
  next AS (
    SELECT person_id, id, min(due) FROM (
      SELECT dp.person_id, d.id, d.due, d.case_id FROM at_risk
        CROSS JOIN deadline_people dp ON dp.person_id = at_risk.id CROSS JOIN deadlines d ON d.id = dp.deadline_id
       WHERE d.done_on IS NULL
      UNION ALL
      SELECT cp.person_id, d.id, d.due, d.case_id FROM at_risk
        CROSS JOIN case_people cp ON cp.person_id = at_risk.id CROSS JOIN deadlines d ON d.case_id = cp.case_id
       WHERE d.done_on IS NULL AND NOT EXISTS (SELECT 1 FROM deadline_people n WHERE n.deadline_id = d.id))
     WHERE case_id IS NULL OR NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.closed IS NOT NULL)
     GROUP BY person_id)
  SELECT ${personJson(full ? NAMES_JSON : "json('[]')")}, next.id AS next_deadline_id${full ? '' : `,
    (SELECT json_object('id', d.id, 'case_id', d.case_id, 'case_ref', c.ref, 'date', d.date, 'date_approx', d.date_approx,
       'date_text', d.date_text, 'note', d.note, 'warn_days', d.warn_days, 'done_on', d.done_on)
       FROM deadlines d LEFT JOIN cases c ON c.id = d.case_id WHERE d.id = next.id) AS next_deadline`}
    FROM at_risk JOIN people p ON p.id = at_risk.id LEFT JOIN next ON next.person_id = at_risk.id`;
}

interface NameJson { id: string; name: string; primary: number; note: string | null }

/** A row with PERSON_SELECT's person column, as the domain's person. */
export function personFromRow(row: Row): PersonRecord {
  const p = JSON.parse(row.person as string) as Row;
  return {
    id: p.id as string,
    name: p.name as string,
    names: (p.names as NameJson[]).map((n) => ({ id: n.id, name: n.name, primary: n.primary === 1, note: n.note ?? undefined })),
    age: (p.age as number | null) ?? undefined,
    ageOn: dateFrom(p, 'age_on'),
    born: dateFrom(p, 'born'),
    gender: (p.gender as string | null) ?? undefined,
    citizenship: (p.citizenship as string | null) ?? undefined,
    ethnicity: (p.ethnicity as string | null) ?? undefined,
    recordedStatus: (p.recorded_status as Status | null) ?? undefined,
    recordedStatusOn: (p.recorded_status_on as string | null) ?? undefined,
    status: p.status as Status,
    statusSince: dateFrom(p, 'status_since'),
    statusEventId: (p.status_event_id as string | null) ?? undefined,
    risks: p.risks as Risk[],
    cases: p.cases as Array<{ id: string; ref: string }>,
    latestNews: dateFrom(p, 'latest_news'),
  };
}
