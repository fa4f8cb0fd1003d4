// Writing targets, plans and appeal records: each call is one immediate transaction with its
// change-log rows, like every other write (see SqliteStore.write).
import { shortId } from '../domain/ids';
import type { AppealResponse, TargetRecord, Via } from '../domain/appeals';
import type { EventRecord } from '../domain/model';
import type { EventType, PartialDate } from '../domain/types';
import { UserError } from '../errors';
import { addPlanTarget, ensurePlan, logPlan } from './appeals-plan';
import { targetFrom } from './appeals-read';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

export { appealSummary, appealSummaries, appealEntries, appealsOfEvents, listTargets, planForCase, targetsListed } from './appeals-read';
export { savePlan, type PlanChange, type PlanRequests, type PlanResult } from './appeals-plan';

export interface NewTarget {
  name: string; title: string; address: string[]; fax?: string; email?: string; salutation?: string; language?: string; country?: string;
}

/** One person in one office is one target, their name and title compared without regard to case: SQL's condition, name and title its parameters. */
export const SAME_TARGET = 'lower(name) = lower(?) AND lower(title) = lower(?)';

/** One person in one office is one target: a second, under any other id (`except`), is refused. */
export function refuseSameTarget(store: SqliteStore, name: string, title: string, except = ''): void {
  const same = store.db.prepare(`SELECT id FROM targets WHERE ${SAME_TARGET} AND id <> ?`)
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

function refuseOutsidePlan(store: SqliteStore, caseId: string, targetId: string): void {
  const planned = store.db.prepare(
    'SELECT 1 FROM plans pl JOIN plan_targets pt ON pt.plan_id = pl.id WHERE pl.case_id = ? AND pt.target_id = ?',
  ).get(caseId, targetId);
  if (planned) return;
  const { ref } = store.db.prepare('SELECT ref FROM cases WHERE id = ?').get(caseId) as { ref: string };
  const { name } = store.db.prepare('SELECT name FROM targets WHERE id = ?').get(targetId) as { name: string };
  throw new UserError(`${name} is not among the appeal targets of ${ref}: add them first with caselog appeal plan "${ref}" --target "${name}"`);
}
