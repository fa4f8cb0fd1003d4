// People as the reader returns them, each in one statement with their names, risks and cases:
// a list of thousands of people (at-risk) costs one query, not three more per person. A whole
// person comes back as one JSON document: building objects from one JSON.parse is much cheaper than
// from two dozen columns a row. The at-risk text list reads only the dozen plain columns it shows.
import { fromIso } from '../domain/dates';
import type { PersonRecord } from '../domain/model';
import type { Risk, Status } from '../domain/types';
import { NEWS_BY_SQL, SAFE_STATUSES, STATUS_LATER_SQL } from './derived';
import { dateFrom, type Row } from './rows';
import type { AtRiskEntry } from './store';

const date = (column: string) => `'${column}', p.${column}, '${column}_approx', p.${column}_approx, '${column}_text', p.${column}_text`;

/** One column, person: the person's row as JSON, with names (primary first), risks and cases. */
const PERSON_JSON = `json_object('id', p.id, 'name', p.name, 'age', p.age, ${date('age_on')}, ${date('born')},
    'gender', p.gender, 'citizenship', p.citizenship, 'ethnicity', p.ethnicity,
    'recorded_status', p.recorded_status, 'recorded_status_on', p.recorded_status_on, 'status', p.status,
    ${date('status_since')}, 'status_event_id', p.status_event_id, ${date('latest_news')},
    'names', json((SELECT json_group_array(json_object('id', n.id, 'name', n.name, 'primary', n.is_primary, 'note', n.note)
      ORDER BY n.is_primary DESC, n.rowid) FROM person_names n WHERE n.person_id = p.id)),
    'risks', json((SELECT json_group_array(r.risk ORDER BY r.risk) FROM person_risks r WHERE r.person_id = p.id)),
    'cases', json((SELECT json_group_array(json_object('id', c.id, 'ref', c.ref) ORDER BY c.ref_key)
      FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id))) AS person`;

export const PERSON_SELECT = `SELECT ${PERSON_JSON} FROM people p`;

/**
 * People with open risks who are not protected or dead and not only in closed cases, and the id of
 * each one's next open deadline: one naming them, or one on their (open) case naming nobody; the
 * earliest, and of two on the same day the one with the smaller id (as show picks it).
 * Set-based, from the small sides: the open cases (a few thousand of tens of thousands) give the
 * people in them; their open deadlines (and those on no case) give, through the people they name
 * or their case's, everyone's next one at once. Listing everyone at risk passes over the people
 * table once (NOT INDEXED): at tens of thousands listed, a third of looking each one up by id.
 * With --risk the risk's index gives the people. Asked of some people (those a closing case takes
 * along), they and their open cases are looked up by id, and nobody else is read. CROSS JOIN and the unary + keep SQLite on these
 * paths: left free, it joins the open deadlines to every person at risk through their lists.
 * A status set by an event dated after @today may not hold on it (the reader works it out again):
 * such people are kept whatever their stored status. A case opened after @today is not open yet (a
 * look back with --today at a database that holds later cases): its people are left out only when
 * nothing about them is dated up to @today (the men detained in October, whose case opened in
 * December, were at risk in November).
 * The full form (--json) gives whole records; the list form only what the text list shows, as
 * plain columns: at tens of thousands of people, building and reading whole records costs more
 * than finding them. The list form reads each next deadline by its rowid, which `next` carries
 * from the row min() picked (SQLite gives a lone min()'s row to the bare columns beside it), and
 * each person's open cases from open_cases: a search each, where by id were two.
 */
// A case opened the day after @today counts as open: caselog dates a new case by the day where it
// was added, which is still the day before in a time zone behind (a colleague's import, a laptop
// that travelled): its detained people vanished from at-risk there until the next day.
export function atRiskSql(byRisk: boolean, form: 'full' | 'list', ofPeople = false): string {
  const among = ofPeople ? 'p.id IN (SELECT value FROM json_each(@people)) AND ' : '';
  // Of some people, the open cases that can say anything of them: theirs, and those of the open
  // deadlines that name them (a deadline may name someone its case does not hold).
  const theirs = ofPeople ? ` AND (id IN (SELECT case_id FROM case_people WHERE person_id IN (SELECT value FROM json_each(@people)))
      OR id IN (SELECT d.case_id FROM deadline_people dp CROSS JOIN deadlines d ON d.id = dp.deadline_id
                 WHERE dp.person_id IN (SELECT value FROM json_each(@people)) AND d.done_on IS NULL))` : '';
  return `WITH open_cases AS MATERIALIZED (SELECT id, ref, ref_key, (opened IS NULL OR opened <= date(@today, '+1 day')) AS started FROM cases WHERE closed IS NULL${theirs}),
  at_risk AS MATERIALIZED (
    SELECT p.id, p.name, p.status, p.status_since, p.status_event_id, p.latest_news, p.latest_news_approx, p.latest_news_text FROM people p${byRisk || ofPeople ? '' : ' NOT INDEXED'}
     WHERE ${among}p.id IN (SELECT person_id FROM person_risks${byRisk ? ' WHERE risk = @risk' : ''})
       AND (p.status NOT IN (${SAFE_STATUSES}) OR ${STATUS_LATER_SQL('p')})
       AND (p.id IN (SELECT cp.person_id FROM open_cases CROSS JOIN case_people cp ON cp.case_id = open_cases.id WHERE open_cases.started)
            OR NOT EXISTS (SELECT 1 FROM case_people cp WHERE cp.person_id = p.id)
            -- Only when not in a case open on @today: in one opened later, and with news up to it. The
            -- count, worked out once, skips it all when no open case opened later (today, as a rule).
            OR ((SELECT count(*) FROM open_cases WHERE NOT started) > 0
                AND p.id IN (SELECT cp.person_id FROM open_cases CROSS JOIN case_people cp ON cp.case_id = open_cases.id)
                AND (p.latest_news <= @today OR ${NEWS_BY_SQL('p')})))),
  next AS (
    SELECT person_id, substr(min(due || id), 11) AS id, deadline_row FROM (
      SELECT dp.person_id, d.id, d.due, d.rowid AS deadline_row FROM deadlines d CROSS JOIN deadline_people dp ON dp.deadline_id = d.id
       WHERE d.done_on IS NULL AND d.case_id IS NULL
      UNION ALL
      SELECT dp.person_id, d.id, d.due, d.rowid FROM open_cases
        CROSS JOIN deadlines d ON d.case_id = open_cases.id CROSS JOIN deadline_people dp ON dp.deadline_id = d.id
       WHERE d.done_on IS NULL
      UNION ALL
      SELECT cp.person_id, d.id, d.due, d.rowid FROM open_cases
        CROSS JOIN deadlines d ON d.case_id = open_cases.id CROSS JOIN case_people cp ON cp.case_id = d.case_id
       WHERE d.done_on IS NULL AND NOT EXISTS (SELECT 1 FROM deadline_people n WHERE n.deadline_id = d.id))
     WHERE +person_id IN (SELECT id FROM at_risk)
     GROUP BY person_id)
  ${form === 'full' ? `SELECT ${PERSON_JSON}, next.id AS next_deadline_id,
      (SELECT json_group_array(cp.case_id) FROM case_people cp JOIN open_cases oc ON oc.id = cp.case_id WHERE cp.person_id = at_risk.id) AS open_case_ids
    FROM at_risk JOIN people p ON p.id = at_risk.id LEFT JOIN next ON next.person_id = at_risk.id` : `SELECT ${Object.entries(LIST_COLUMNS).map(([name, value]) => `${value} AS ${name}`).join(',\n    ')}
    FROM at_risk LEFT JOIN next ON next.person_id = at_risk.id LEFT JOIN deadlines d ON d.rowid = next.deadline_row`}`;
}

/** The list form's columns, in order: its rows are read as arrays (raw), by these positions. */
const LIST_COLUMNS = {
  id: 'at_risk.id', name: 'at_risk.name', status: 'at_risk.status', since: 'at_risk.status_since',
  news: 'at_risk.latest_news', news_approx: 'at_risk.latest_news_approx', news_text: 'at_risk.latest_news_text',
  risks: '(SELECT group_concat(r.risk) FROM person_risks r WHERE r.person_id = at_risk.id)',
  // The open cases only: a closed one is not why anyone is at risk (nor where to act for them).
  cases: casesSql('at_risk.id', 'open_cases'),
  next_id: 'd.id', next_note: 'd.note', next_date: 'd.date', next_approx: 'd.date_approx', next_text: 'd.date_text',
  status_event: 'at_risk.status_event_id',
};
export const AT = Object.fromEntries(Object.keys(LIST_COLUMNS).map((name, i) => [name, i])) as Record<keyof typeof LIST_COLUMNS, number>;

/**
 * A person's cases (of the table, or of at-risk's open_cases) as one column, for casesInOrder: none
 * is NULL; one, as nearly everyone has, is its id and reference with a space between (an id holds
 * no space), read without parsing JSON (at-risk reads thousands); several are
 * a JSON list of [id, ref, ref_key].
 */
export function casesSql(person: string, cases: 'cases' | 'open_cases'): string {
  // A case read back without its id or reference (a damaged page) goes the JSON way, and fails there as before.
  return `(SELECT CASE count(*) WHEN 0 THEN NULL
         ELSE coalesce(CASE count(*) WHEN 1 THEN c.id || ' ' || c.ref END, json_group_array(json_array(c.id, c.ref, c.ref_key))) END
       FROM case_people cp JOIN ${cases} c ON c.id = cp.case_id WHERE cp.person_id = ${person})`;
}

/**
 * A person's cases (casesSql's column) in reference order. Sorted here, not by the query: nearly
 * everyone is in one case, and an ORDER BY sorts for every person listed.
 */
export function casesInOrder(column: string | null): Array<{ id: string; ref: string }> {
  if (column === null) return [];
  if (column[0] !== '[') {
    const space = column.indexOf(' ');
    return [{ id: column.slice(0, space), ref: column.slice(space + 1) }];
  }
  const cases = JSON.parse(column) as Array<[string, string, string]>;
  if (cases.length > 1) cases.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  const refs: Array<{ id: string; ref: string }> = [];
  for (let i = 0; i < cases.length; i++) refs.push({ id: cases[i]![0], ref: cases[i]![1] });
  return refs;
}

/**
 * A row of the list form of atRiskSql, read as an array (the statement in raw mode), by index:
 * destructuring an array walks it with an iterator, which before V8 has compiled the code costs
 * more than the rest of the row (at-risk at 100,000 events: ~10 ms of ~160).
 */
export function atRiskEntryFrom(row: unknown[]): AtRiskEntry {
  const risks = (row[AT.risks] as string).split(',') as Risk[];
  // Sorted only when needed: they come in the order of their key (alphabetical) as a rule, and an
  // array sort's set-up costs ~0.5 KB a call.
  if (!inOrder(risks)) risks.sort();
  const news = row[AT.news] as string | null;
  // Read only when an event set the status: the list ranks by how fresh such a change is, and shows no since.
  const event = row[AT.status_event] as string | null;
  const since = event == null ? null : row[AT.since] as string | null;
  const person = {
    id: row[AT.id] as string, name: row[AT.name] as string, status: row[AT.status] as Status, risks,
    statusSince: since == null ? undefined : fromIso(since, false, since),
    statusEventId: event ?? undefined,
    cases: casesInOrder(row[AT.cases] as string | null),
    latestNews: news == null ? undefined : fromIso(news, row[AT.news_approx] === 1, (row[AT.news_text] as string | null) ?? news),
  };
  if (row[AT.next_id] == null) return { person };
  const date = row[AT.next_date] as string;
  const nextDeadline = {
    id: row[AT.next_id] as string, note: row[AT.next_note] as string,
    date: fromIso(date, row[AT.next_approx] === 1, (row[AT.next_text] as string | null) ?? date),
  };
  return { person, nextDeadline };
}

function inOrder(texts: string[]): boolean {
  for (let i = 1; i < texts.length; i++) if (texts[i - 1]! > texts[i]!) return false;
  return true;
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
