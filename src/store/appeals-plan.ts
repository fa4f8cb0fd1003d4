// Writing a case's appeal plan: whom to write to and what each is asked. One immediate transaction
// with its change-log row, like every other write (see SqliteStore.write).
import { requestKey, type PlanRecord } from '../domain/appeals';
import { UserError } from '../errors';
import { planForCaseSync } from './appeals-read';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

/**
 * Requests and the targets they are asked of, as given together. Without targets, the requests are
 * asked of every target of the plan; without requests, the targets are given alone.
 */
export interface PlanRequests { targetIds: string[]; actions: string[] }

export interface PlanChange {
  /** In the order given; a target or request may come in several. */
  requests: PlanRequests[];
  copiesTo?: string; replace: boolean;
  /** Targets taken out of the plan, with what they were asked; the letters sent them stay on record. */
  removeTargetIds?: string[];
}
export interface PlanResult {
  plan: PlanRecord; addedTargets: number; addedActions: number; linked: number;
  /** Targets (ids) and requests given alone that the plan held already: their links are as they were. */
  restated: { targetIds: string[]; actions: string[] };
  /** Requests that only the targets taken out were asked: asked of nobody now. */
  unasked: string[];
  /** Requests given that the plan held written otherwise (see requestKey): taken as the one held. */
  sameAs: Array<{ given: string; held: string }>;
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/**
 * Adds targets and requests to a case's plan (or replaces it). Requests given with targets are asked
 * of those targets (each PlanRequests of its own); a new request given alone, of every target in the plan; a new target given alone
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
    for (const t of unique(change.requests.flatMap((g) => g.targetIds))) addedTargets += addPlanTarget(store, planId, t) && !heldTargets.has(t) ? 1 : 0;
    let addedActions = 0;
    const actionId = new Map<string, number>();
    // A request the plan holds but for capitals, spaces or a final full stop is that request.
    const sameAs: Array<{ given: string; held: string }> = [];
    const heldKeys = new Set([...heldActions].map(requestKey));
    const asHeld = new Map<string, string>();
    for (const text of unique(change.requests.flatMap((g) => g.actions))) {
      const rows = db.prepare('SELECT id, text FROM plan_actions WHERE plan_id = ? ORDER BY position').all(planId) as Row[];
      const found = rows.find((r) => r.text === text) ?? rows.find((r) => requestKey(r.text as string) === requestKey(text));
      if (found && found.text !== text) sameAs.push({ given: text, held: found.text as string });
      asHeld.set(text, (found?.text as string | undefined) ?? text);
      if (!found && !heldKeys.has(requestKey(text))) addedActions++;
      actionId.set((found?.text as string | undefined) ?? text, found ? found.id as number : Number(db.prepare(
        'INSERT INTO plan_actions (plan_id, position, text) VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM plan_actions WHERE plan_id = ?), ?)',
      ).run(planId, planId, text).lastInsertRowid));
    }
    const given = change.requests.map((g) => ({ targetIds: g.targetIds, actions: unique(g.actions.map((a) => asHeld.get(a)!)) }));
    // After a replace nothing was held: every target and request given is new to the plan.
    const isNewTarget = (t: string) => change.replace || !heldTargets.has(t);
    const isNewAction = (text: string) => change.replace || !heldKeys.has(requestKey(text));
    const allTargets = (db.prepare('SELECT target_id FROM plan_targets WHERE plan_id = ?').all(planId) as Row[]).map((r) => r.target_id as string);
    const allActions = (db.prepare('SELECT id FROM plan_actions WHERE plan_id = ?').all(planId) as Row[]).map((r) => r.id as number);
    const paired = given.filter((g) => g.targetIds.length > 0 && g.actions.length > 0);
    // Given with requests somewhere in the command, a target or request is not alone anywhere in it.
    const alone = unique(given.filter((g) => g.actions.length === 0).flatMap((g) => g.targetIds)).filter((t) => !paired.some((g) => g.targetIds.includes(t)));
    const loose = unique(given.filter((g) => g.targetIds.length === 0).flatMap((g) => g.actions)).filter((a) => !paired.some((g) => g.actions.includes(a)));
    const link = db.prepare('INSERT OR IGNORE INTO plan_action_targets (action_id, plan_id, target_id) VALUES (?, ?, ?)');
    let linked = 0;
    for (const g of paired) for (const a of g.actions) for (const t of g.targetIds) linked += link.run(actionId.get(a), planId, t).changes;
    const newLoose = loose.filter(isNewAction);
    for (const a of newLoose) for (const t of allTargets) linked += link.run(actionId.get(a), planId, t).changes;
    const newAlone = alone.filter(isNewTarget);
    for (const t of newAlone) for (const a of allActions) linked += link.run(a, planId, t).changes;
    // A new request given alone went to every target, and a new target alone got every request: what
    // else was given alone is then not asked the same as before.
    const restated = {
      targetIds: newLoose.length > 0 ? [] : alone.filter((t) => !isNewTarget(t)),
      actions: newAlone.length > 0 ? [] : loose.filter((text) => !isNewAction(text)),
    };
    const unasked = askedBefore.filter((text) => askedOf(text) === 0);
    db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), planId);
    logPlan(store, planId, before);
    return { plan: planForCaseSync(store, caseId)!, addedTargets, addedActions, linked, restated, unasked, sameAs };
  });
}

/** The case's plan, made when missing; `before` is its export form beforehand, for the change log. */
export function ensurePlan(store: SqliteStore, caseId: string): { planId: string; before?: Record<string, unknown> } {
  const found = store.db.prepare('SELECT id FROM plans WHERE case_id = ?').get(caseId) as Row | undefined;
  if (found) return { planId: found.id as string, before: store.snapshot('plans', found.id as string) };
  const planId = store.newId('plan');
  const at = new Date().toISOString();
  store.db.prepare('INSERT INTO plans (id, case_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(planId, caseId, at, at);
  return { planId };
}

export function logPlan(store: SqliteStore, planId: string, before: Record<string, unknown> | undefined): void {
  const after = store.snapshot('plans', planId);
  if (JSON.stringify(before) !== JSON.stringify(after)) store.logChange(before ? 'edit' : 'add', 'plans', planId, before ?? null, after);
}

export function addPlanTarget(store: SqliteStore, planId: string, targetId: string): boolean {
  return store.db.prepare(
    `INSERT OR IGNORE INTO plan_targets (plan_id, target_id, position)
     VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM plan_targets WHERE plan_id = ?))`,
  ).run(planId, targetId, planId).changes > 0;
}

function refuseNotInPlan(store: SqliteStore, caseId: string, targetId: string): never {
  const { ref } = store.db.prepare('SELECT ref FROM cases WHERE id = ?').get(caseId) as { ref: string };
  const { name } = store.db.prepare('SELECT name FROM targets WHERE id = ?').get(targetId) as { name: string };
  throw new UserError(`${name} is not in the appeal plan of ${ref}: nothing was changed`);
}
