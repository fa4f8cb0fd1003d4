// Reading targets, a case's appeal plan, and what was sent and answered. All SQL for appeals reads.
import { replyNote, type AppealEntry, type AppealResponse, type AppealSummary, type PlanRecord, type TargetAppeals, type TargetRecord, type Via } from '../domain/appeals';
import { dateFrom, firstRows, type Row } from './rows';
import type { SqliteStore } from './sqlite-store';

const opt = (v: unknown) => (v == null ? undefined : (v as string));
/** Stored one line a row; a target reached only by fax or email has none. */
export const addressOf = (stored: string): string[] => (stored === '' ? [] : stored.split('\n'));

export function targetFrom(row: Row): TargetRecord {
  return {
    id: row.id as string, name: row.name as string, title: row.title as string, address: addressOf(row.address as string),
    fax: opt(row.fax), email: opt(row.email), salutation: opt(row.salutation), language: opt(row.language), country: opt(row.country),
  };
}

export function targetById(store: SqliteStore, id: string): TargetRecord | undefined {
  const row = store.db.prepare('SELECT * FROM targets WHERE id = ?').get(id) as Row | undefined;
  return row ? targetFrom(row) : undefined;
}

export async function listTargets(store: SqliteStore): Promise<TargetRecord[]> {
  return (await targetsListed(store, 0)).targets;
}

/** The targets by country, then name: the first `limit` (0: all), and how many there are. */
export async function targetsListed(store: SqliteStore, limit: number): Promise<{ targets: TargetRecord[]; total: number }> {
  const { rows, total } = firstRows(store.db, { select: '*', from: 'FROM targets', order: 'country, name COLLATE NOCASE, id' }, {}, limit);
  return { targets: rows.map(targetFrom), total };
}

export function planForCaseSync(store: SqliteStore, caseId: string): PlanRecord | undefined {
  const plan = store.db.prepare('SELECT pl.*, c.ref FROM plans pl JOIN cases c ON c.id = pl.case_id WHERE pl.case_id = ?').get(caseId) as Row | undefined;
  if (!plan) return undefined;
  const targets = (store.db.prepare(
    'SELECT t.* FROM plan_targets pt JOIN targets t ON t.id = pt.target_id WHERE pt.plan_id = ? ORDER BY pt.position',
  ).all(plan.id) as Row[]).map(targetFrom);
  const actions = (store.db.prepare(
    `SELECT pa.text, (SELECT json_group_array(pat.target_id) FROM plan_action_targets pat WHERE pat.action_id = pa.id) AS targets_json
       FROM plan_actions pa WHERE pa.plan_id = ? ORDER BY pa.position`,
  ).all(plan.id) as Row[]).map((a) => {
    const linked = JSON.parse(a.targets_json as string) as string[];
    return { text: a.text as string, targetIds: targets.map((t) => t.id).filter((id) => linked.includes(id)) };
  });
  return { id: plan.id as string, case: { id: caseId, ref: plan.ref as string }, targets, actions, copiesTo: opt(plan.copies_to) };
}

export async function planForCase(store: SqliteStore, caseId: string): Promise<PlanRecord | undefined> {
  return planForCaseSync(store, caseId);
}

/**
 * How many of the case's planned targets were written to and how many answered; undefined when the
 * case has no appeal plan. Only targets still in the plan count, so "sent" never exceeds "targets".
 */
export async function appealSummary(store: SqliteStore, caseId: string): Promise<AppealSummary | undefined> {
  return (await appealSummaries(store, caseId)).get(caseId);
}

/**
 * The same for every case with a plan (or one case), in one statement: at-risk needs many at once.
 * Letters and answers dated after the store's today have not happened yet, as for any event.
 */
/** openOnly: the plans of open cases only (at-risk sums a person's plans: a closed case's letters are not this week's work). */
export async function appealSummaries(store: SqliteStore, caseId?: string, openOnly = false): Promise<Map<string, AppealSummary>> {
  const rows = store.db.prepare(
    `SELECT pl.case_id, (SELECT count(*) FROM plan_targets WHERE plan_id = pl.id) AS targets,
            (SELECT count(DISTINCT ar.target_id) FROM events e JOIN appeal_records ar ON ar.event_id = e.id
               JOIN plan_targets pt ON pt.plan_id = pl.id AND pt.target_id = ar.target_id
              WHERE e.case_id = pl.case_id AND ar.kind = 'sent' AND NOT e.date > @today) AS sent,
            (SELECT count(DISTINCT ar.target_id) FROM events e JOIN appeal_records ar ON ar.event_id = e.id
               JOIN plan_targets pt ON pt.plan_id = pl.id AND pt.target_id = ar.target_id
              WHERE e.case_id = pl.case_id AND ar.kind = 'response' AND ar.response <> 'none' AND NOT e.date > @today) AS answered
       FROM plans pl WHERE (@case IS NULL OR pl.case_id = @case)
        AND (@openOnly = 0 OR pl.case_id IN (SELECT id FROM cases WHERE closed IS NULL))`,
  ).all({ case: caseId ?? null, today: store.read.today, openOnly: openOnly ? 1 : 0 }) as Row[];
  return new Map(rows.map((r) => [r.case_id as string, { targets: r.targets as number, sent: r.sent as number, answered: r.answered as number }]));
}

const APPEAL_ROW = 'SELECT ar.*, e.date, e.date_approx, e.date_text, e.case_id, e.summary FROM appeal_records ar JOIN events e ON e.id = ar.event_id';

function entryFrom(r: Row): AppealEntry {
  const response = opt(r.response) as AppealResponse | undefined;
  return {
    eventId: r.event_id as string, targetId: r.target_id as string, kind: r.kind as 'sent' | 'response',
    via: opt(r.via) as Via | undefined, response, date: dateFrom(r, 'date')!,
    note: response ? replyNote(r.summary as string, response) : undefined,
  };
}

/** Every letter sent and every answer recorded on the case, in date order. */
export async function appealEntries(store: SqliteStore, caseId: string): Promise<AppealEntry[]> {
  return (store.db.prepare(`${APPEAL_ROW} WHERE e.case_id = ? ORDER BY e.date, e.created_at`).all(caseId) as Row[]).map(entryFrom);
}

/**
 * The appeal records of whichever of these events are appeals (letters sent, answers), by event id,
 * in one statement: a timeline asks for all of its events at once.
 */
export async function appealsOfEvents(store: SqliteStore, eventIds: string[]): Promise<Map<string, AppealEntry>> {
  if (eventIds.length === 0) return new Map();
  const rows = store.db.prepare(`${APPEAL_ROW} WHERE ar.event_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(eventIds)) as Row[];
  return new Map(rows.map((r) => [r.event_id as string, entryFrom(r)]));
}

/**
 * Where the target stands in the appeals work: each case whose plan names it, or that wrote to it
 * or heard from it (a target since taken out of the plan keeps its letters), with what was sent and answered.
 */
export async function appealsOfTarget(store: SqliteStore, targetId: string): Promise<TargetAppeals[]> {
  const cases = store.db.prepare(
    `SELECT c.id, c.ref, EXISTS (SELECT 1 FROM plans pl JOIN plan_targets pt ON pt.plan_id = pl.id
                                  WHERE pl.case_id = c.id AND pt.target_id = @target) AS in_plan
       FROM cases c
      WHERE c.id IN (SELECT pl.case_id FROM plans pl JOIN plan_targets pt ON pt.plan_id = pl.id WHERE pt.target_id = @target
                     UNION SELECT e.case_id FROM appeal_records ar JOIN events e ON e.id = ar.event_id WHERE ar.target_id = @target)
      ORDER BY c.ref_key`,
  ).all({ target: targetId }) as Row[];
  const entries = (store.db.prepare(`${APPEAL_ROW} WHERE ar.target_id = ? ORDER BY e.date, e.created_at`).all(targetId) as Row[]);
  return cases.map((c) => ({
    case: { id: c.id as string, ref: c.ref as string }, inPlan: c.in_plan === 1,
    entries: entries.filter((r) => r.case_id === c.id).map(entryFrom),
  }));
}
