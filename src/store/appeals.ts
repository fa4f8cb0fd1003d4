// Writing targets, plans and appeal records: each call is one immediate transaction with its
// change-log rows, like every other write (see SqliteStore.write).
import { shortId } from '../domain/ids';
import type { AppealResponse, PlanRecord, TargetRecord, Via } from '../domain/appeals';
import type { EventRecord } from '../domain/model';
import type { EventType, PartialDate } from '../domain/types';
import { UserError } from '../errors';
import { planForCaseSync, targetFrom } from './appeals-read';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

export { appealSummary, appealSummaries, appealEntries, appealsOfEvents, listTargets, planForCase } from './appeals-read';

export interface NewTarget {
  name: string; title: string; address: string[]; fax?: string; email?: string; salutation?: string; language?: string; country?: string;
}

/** One person in one office is one target: a second, under any other id (`except`), is refused. */
export function refuseSameTarget(store: SqliteStore, name: string, title: string, except = ''): void {
  const same = store.db.prepare('SELECT id FROM targets WHERE lower(name) = lower(?) AND lower(title) = lower(?) AND id <> ?')
    .get(name, title, except) as Row | undefined;
  if (same) throw new UserError(`a target "${name}", ${title} already exists [${shortId(same.id as string)}]`);
}

export async function addTarget(store: SqliteStore, input: NewTarget): Promise<TargetRecord> {
  return store.write(() => {
    refuseSameTarget(store, input.name, input.title);
    const id = store.newId('target');
    const at = new Date().toISOString();
    store.db.prepare(
      `INSERT INTO targets (id, name, title, address, fax, email, salutation, language, country, created_at, updated_at)
       VALUES (@id, @name, @title, @address, @fax, @email, @salutation, @language, @country, @at, @at)`,
    ).run({ id, name: input.name, title: input.title, address: input.address.join('\n'), fax: input.fax ?? null, email: input.email ?? null,
      salutation: input.salutation ?? null, language: input.language ?? null, country: input.country ?? null, at });
    store.logChange('add', 'targets', id, null, store.snapshot('targets', id));
    return targetFrom(store.db.prepare('SELECT * FROM targets WHERE id = ?').get(id) as Row);
  });
}

export interface PlanChange {
  targetIds: string[]; actions: string[]; copiesTo?: string; replace: boolean;
  /** Targets taken out of the plan, with what they were asked; the letters sent them stay on record. */
  removeTargetIds?: string[];
}
export interface PlanResult {
  plan: PlanRecord; addedTargets: number; addedActions: number; linked: number;
  /** Targets (ids) and requests given alone that the plan held already: their links are as they were. */
  restated: { targetIds: string[]; actions: string[] };
  /** Requests that only the targets taken out were asked: asked of nobody now. */
  unasked: string[];
}

/**
 * Adds targets and requests to a case's plan (or replaces it). Requests given with targets are asked
 * of those targets; a new request given alone, of every target in the plan; a new target given alone
 * receives every request already in the plan. A target or request the plan held, named again alone,
 * keeps the links it had (`restated`), and copies or a change of nothing else touch none: naming a
 * target again to be sure it is there must not put another government's request in its letter.
 */
export async function savePlan(store: SqliteStore, caseId: string, change: PlanChange): Promise<PlanResult> {
  return store.write(() => {
    const { planId, before } = ensurePlan(store, caseId);
    const { db } = store;
    // New is what the plan did not hold before: a replace that names a target or request again keeps it.
    const heldTargets = new Set((db.prepare('SELECT target_id FROM plan_targets WHERE plan_id = ?').all(planId) as Row[]).map((r) => r.target_id as string));
    const heldActions = new Set((db.prepare('SELECT text FROM plan_actions WHERE plan_id = ?').all(planId) as Row[]).map((r) => r.text as string));
    const askedOf = (text: string) => (db.prepare(
      'SELECT count(*) AS n FROM plan_actions pa JOIN plan_action_targets pat ON pat.action_id = pa.id WHERE pa.plan_id = ? AND pa.text = ?',
    ).get(planId, text) as Row).n as number;
    const askedBefore = change.removeTargetIds?.length ? [...heldActions].filter((text) => askedOf(text) > 0) : [];
    for (const t of change.removeTargetIds ?? []) {
      if (!heldTargets.has(t)) refuseNotInPlan(store, caseId, t);
      db.prepare('DELETE FROM plan_targets WHERE plan_id = ? AND target_id = ?').run(planId, t);
    }
    if (change.replace) {
      db.prepare('DELETE FROM plan_actions WHERE plan_id = ?').run(planId);
      db.prepare('DELETE FROM plan_targets WHERE plan_id = ?').run(planId);
    }
    if (change.copiesTo !== undefined || change.replace) {
      db.prepare('UPDATE plans SET copies_to = ? WHERE id = ?').run(change.copiesTo?.trim() || null, planId);
    }
    let addedTargets = 0;
    for (const t of change.targetIds) addedTargets += addPlanTarget(store, planId, t) && !heldTargets.has(t) ? 1 : 0;
    let addedActions = 0;
    const actionIds = change.actions.map((text) => {
      const found = db.prepare('SELECT id FROM plan_actions WHERE plan_id = ? AND text = ?').get(planId, text) as Row | undefined;
      if (found) return found.id as number;
      if (!heldActions.has(text)) addedActions++;
      return Number(db.prepare(
        'INSERT INTO plan_actions (plan_id, position, text) VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM plan_actions WHERE plan_id = ?), ?)',
      ).run(planId, planId, text).lastInsertRowid);
    });
    // After a replace nothing was held: every target and request given is new to the plan.
    const isNewTarget = (t: string) => change.replace || !heldTargets.has(t);
    const isNewAction = (text: string) => change.replace || !heldActions.has(text);
    const allTargets = (db.prepare('SELECT target_id FROM plan_targets WHERE plan_id = ?').all(planId) as Row[]).map((r) => r.target_id as string);
    const allActions = (db.prepare('SELECT id FROM plan_actions WHERE plan_id = ?').all(planId) as Row[]).map((r) => r.id as number);
    const both = change.targetIds.length > 0 && actionIds.length > 0;
    const forActions = both ? change.targetIds : change.targetIds.length > 0 ? change.targetIds.filter(isNewTarget) : allTargets;
    const ofTargets = both ? actionIds : actionIds.length > 0 ? actionIds.filter((_, i) => isNewAction(change.actions[i]!)) : allActions;
    const link = db.prepare('INSERT OR IGNORE INTO plan_action_targets (action_id, plan_id, target_id) VALUES (?, ?, ?)');
    let linked = 0;
    // Neither targets nor requests given (copies only): nobody is asked anything new.
    if (change.targetIds.length > 0 || actionIds.length > 0) for (const a of ofTargets) for (const t of forActions) linked += link.run(a, planId, t).changes;
    const restated = {
      targetIds: actionIds.length > 0 ? [] : change.targetIds.filter((t) => !isNewTarget(t)),
      actions: change.targetIds.length > 0 ? [] : change.actions.filter((text) => !isNewAction(text)),
    };
    const unasked = askedBefore.filter((text) => askedOf(text) === 0);
    db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), planId);
    logPlan(store, planId, before);
    return { plan: planForCaseSync(store, caseId)!, addedTargets, addedActions, linked, restated, unasked };
  });
}

/** The case's plan, made when missing; `before` is its export form beforehand, for the change log. */
function ensurePlan(store: SqliteStore, caseId: string): { planId: string; before?: Record<string, unknown> } {
  const found = store.db.prepare('SELECT id FROM plans WHERE case_id = ?').get(caseId) as Row | undefined;
  if (found) return { planId: found.id as string, before: store.snapshot('plans', found.id as string) };
  const planId = store.newId('plan');
  const at = new Date().toISOString();
  store.db.prepare('INSERT INTO plans (id, case_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(planId, caseId, at, at);
  return { planId };
}

function logPlan(store: SqliteStore, planId: string, before: Record<string, unknown> | undefined): void {
  const after = store.snapshot('plans', planId);
  if (JSON.stringify(before) !== JSON.stringify(after)) store.logChange(before ? 'edit' : 'add', 'plans', planId, before ?? null, after);
}

function addPlanTarget(store: SqliteStore, planId: string, targetId: string): boolean {
  return store.db.prepare(
    `INSERT OR IGNORE INTO plan_targets (plan_id, target_id, position)
     VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM plan_targets WHERE plan_id = ?))`,
  ).run(planId, targetId, planId).changes > 0;
}

export interface NewAppealRecord {
  targetId: string; kind: 'sent' | 'response'; via?: Via; response?: AppealResponse; date: PartialDate;
  type: EventType; summary: string; actor?: string;
}

/**
 * Records letters sent or answers received: one event on the case each, linked to its target.
 * A target written to outside the plan joins it, so that the counts stay whole. An answer is only
 * taken from a target of the plan: one from outside would join the plan unwritten-to and count as
 * answered, so it is refused (and nothing is written).
 */
export async function recordAppeals(store: SqliteStore, caseId: string, entries: NewAppealRecord[]): Promise<{ events: EventRecord[]; joinedPlan: string[] }> {
  return store.write(() => {
    for (const entry of entries) if (entry.kind === 'response') refuseOutsidePlan(store, caseId, entry.targetId);
    const { planId, before } = ensurePlan(store, caseId);
    const joinedPlan = entries.filter((e) => e.kind === 'sent' && addPlanTarget(store, planId, e.targetId)).map((e) => e.targetId);
    logPlan(store, planId, before);
    const events = entries.map((entry) => {
      const id = store.newId('event');
      store.insertEvent(id, { caseId, personIds: [], type: entry.type, summary: entry.summary, actor: entry.actor, date: entry.date, sourceIds: [] });
      store.db.prepare('INSERT INTO appeal_records (event_id, target_id, kind, via, response, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, entry.targetId, entry.kind, entry.via ?? null, entry.response ?? null, new Date().toISOString());
      store.logChange('add', 'events', id, null, store.snapshot('events', id));
      store.logChange('add', 'appeals', id, null, store.snapshot('appeals', id));
      return store.read.eventById(id)!;
    });
    return { events, joinedPlan };
  });
}

function refuseNotInPlan(store: SqliteStore, caseId: string, targetId: string): never {
  const { ref } = store.db.prepare('SELECT ref FROM cases WHERE id = ?').get(caseId) as { ref: string };
  const { name } = store.db.prepare('SELECT name FROM targets WHERE id = ?').get(targetId) as { name: string };
  throw new UserError(`${name} is not in the appeal plan of ${ref}: nothing was changed`);
}

function refuseOutsidePlan(store: SqliteStore, caseId: string, targetId: string): void {
  const planned = store.db.prepare(
    'SELECT 1 FROM plans pl JOIN plan_targets pt ON pt.plan_id = pl.id WHERE pl.case_id = ? AND pt.target_id = ?',
  ).get(caseId, targetId);
  if (planned) return;
  const { ref } = store.db.prepare('SELECT ref FROM cases WHERE id = ?').get(caseId) as { ref: string };
  const { name } = store.db.prepare('SELECT name FROM targets WHERE id = ?').get(targetId) as { name: string };
  throw new UserError(`${name} is not among the appeal targets of ${ref}: add them first with caselog appeal plan "${ref}" --target "${name}"`);
}
