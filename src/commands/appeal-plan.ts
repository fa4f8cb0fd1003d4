// caselog appeal plan REF [--target WHO...] [--action TEXT...] [--copies-to TEXT] [--replace] [--remove-target WHO...]
// Without any of them it shows the plan.
import type { Context } from '../context';
import { printJson, printWrapped, say } from '../context';
import { UserError, UsageError } from '../errors';
import { planJson, renderPlan } from '../render/appeals';
import { count, style } from '../render/style';
import { appealEntries, appealSummary, planForCase, savePlan } from '../store/appeals';
import type { SqliteStore } from '../store/sqlite-store';
import { caseByRef } from './add';
import { resolveTargets } from './appeal-targets';
import { shellWord } from './hints';
import { dayIso } from '../domain/dates';
import type { PlanRecord } from '../domain/appeals';
import { joinNames } from '../render/letter-phrases';
import { inGivenOrder, requestText, requestsAsTyped, type GivenFlag } from './appeal-plan-requests';

export interface PlanOptions {
  target: string[]; action: string[]; copiesTo?: string; replace?: boolean; removeTarget: string[];
  /** --target and --action in the order typed. */
  given?: GivenFlag[];
}

export async function appealPlan(ctx: Context, ref: string, opts: PlanOptions) {
  const actions = opts.action.map(requestText).filter(Boolean);
  const changing = opts.target.length > 0 || actions.length > 0 || opts.copiesTo !== undefined || opts.removeTarget.length > 0;
  if (opts.replace && opts.target.length === 0) throw new UsageError('--replace needs the new --target list (and --action)');
  if (opts.replace && opts.removeTarget.length > 0) throw new UsageError('--remove-target takes targets out of the plan as it is: --replace already leaves out every target it does not name');
  const store = await ctx.openStore({ create: false });
  const theCase = await caseByRef(store, ref);
  if (!changing) {
    if (!(await planForCase(store, theCase.id))) {
      throw new UserError(`no appeal plan for ${theCase.ref} yet: caselog appeal plan ${shellWord(theCase.ref)} --target WHO... --action TEXT...`);
    }
    return showPlan(ctx, store, theCase.id);
  }
  const typed = requestsAsTyped(opts.given ?? inGivenOrder(opts.target, opts.action));
  const requests = await Promise.all(typed.map(async (g) => ({ targets: await resolveTargets(store, g.targets), actions: g.actions })));
  const targets = requests.flatMap((g) => g.targets);
  const removed = await resolveTargets(store, opts.removeTarget);
  const both = removed.find((r) => targets.some((t) => t.id === r.id));
  if (both) throw new UsageError(`${both.name} is given to both --target and --remove-target`);
  const before = await planForCase(store, theCase.id);
  const result = await savePlan(store, theCase.id, {
    requests: requests.map((g) => ({ targetIds: g.targets.map((t) => t.id), actions: g.actions })),
    copiesTo: opts.copiesTo, replace: Boolean(opts.replace), removeTargetIds: removed.map((t) => t.id),
  });
  const { plan } = result;
  const verb = opts.replace ? 'Replaced the appeal plan' : 'Appeal plan';
  say(ctx, `${verb} for ${theCase.ref}: ${count(plan.targets.length, 'target')} (${result.addedTargets} new), `
    + `${count(plan.actions.length, 'request')} (${result.addedActions} new)`);
  for (const { held } of result.sameAs) say(ctx, `note: taken as the request in the plan "${held}" (the same but for capitals, spaces or a final full stop)`);
  const asHeld = (text: string) => result.sameAs.find((s) => s.given === text)?.held ?? text;
  // A replaced plan is new throughout: said whole, not as what was added to the old one.
  sayWhoIsAsked(ctx, opts.replace ? undefined : before, plan, actions.map(asHeld));
  if (removed.length > 0) {
    say(ctx, `Took ${removed.map((t) => t.name).join(', ')} out of the appeal plan of ${theCase.ref}, with what they were asked; letters sent stay on record`);
  }
  if (result.unasked.length > 0) {
    say(ctx, `asked of no target now: ${result.unasked.map((a) => `"${a}"`).join(', ')}: ask it of one with --target NAME --action TEXT, or leave it out with --replace`);
  }
  // Named again alone, a target or request keeps what it had: said, as one might have meant more.
  const restatedTargets = plan.targets.filter((t) => result.restated.targetIds.includes(t.id)).map((t) => t.name);
  if (restatedTargets.length > 0) {
    say(ctx, `${restatedTargets.join(', ')} ${restatedTargets.length > 1 ? 'were' : 'was'} in the plan already: asked the same as before (to ask more of them: --target NAME --action TEXT)`);
  }
  if (result.restated.actions.length > 0) {
    say(ctx, `${result.restated.actions.map((a) => `"${a}"`).join(', ')} ${result.restated.actions.length > 1 ? 'were' : 'was'} in the plan already: asked of the same targets as before (to ask it of others: --target NAME --action TEXT)`);
  }
  const silent = plan.targets.filter((t) => !plan.actions.some((a) => a.targetIds.includes(t.id)));
  if (silent.length > 0) say(ctx, `no requests yet for ${silent.map((t) => t.name).join(', ')}: add them with --target NAME --action TEXT`);
  if (ctx.json) await showPlan(ctx, store, theCase.id);
}

/** Whom each request given is now asked that it was not before: the pairing of the flags, shown. */
function sayWhoIsAsked(ctx: Context, before: PlanRecord | undefined, plan: PlanRecord, actions: string[]) {
  for (const text of [...new Set(actions)]) {
    const now = plan.actions.find((a) => a.text === text);
    const held = before?.actions.find((a) => a.text === text);
    const added = plan.targets.filter((t) => now?.targetIds.includes(t.id) && !held?.targetIds.includes(t.id)).map((t) => t.name);
    if (added.length > 0) say(ctx, `"${text}": ${held ? 'now also ' : ''}asked of ${joinNames(added)}`);
  }
}

async function showPlan(ctx: Context, store: SqliteStore, caseId: string) {
  const plan = (await planForCase(store, caseId))!;
  const summary = (await appealSummary(store, caseId))!;
  const entries = await appealEntries(store, caseId);
  if (ctx.json) printJson(ctx, planJson(plan, summary, entries));
  else printWrapped(ctx, renderPlan(plan, summary, entries, style(ctx.color), dayIso(ctx.today)));
}
