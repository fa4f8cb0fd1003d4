// caselog delete ID|WHO [--force]: an event, deadline, person or case, and what belongs only to it
// (see store/upkeep-delete.ts). On a terminal it shows what will go and asks; without one it needs
// --force. `caselog undo` puts everything back.
import type { Context } from '../context';
import { asConfirmed } from './as-confirmed';
import { printJson, say } from '../context';
import { shortId } from '../domain/ids';
import { caseRefKey } from '../domain/model';
import { sameButCase } from '../domain/names-case';
import { gravestFirst } from '../domain/urgency';
import { UserError } from '../errors';
import { deleteRecord, planDelete, type DeleteKind, type DeletePlan } from '../store/upkeep-delete';
import type { SqliteStore } from '../store/sqlite-store';
import { describeEvent, describeTarget, findTarget, type Target } from './record';
import { count } from '../render/style';
import { addedBy } from '../store/trust-audit';
import { shellWord } from './hints';
import { isRiskChange } from './risk';
import { targetLeftInPlan } from './delete-appeal';

export async function deleteCommand(ctx: Context, text: string, opts: { force?: boolean }) {
  const store = await ctx.openStore({ create: false });
  const target = await findTarget(ctx, store, text);
  // What a source told stays on record with it: a wrong one is corrected with edit.
  if (target.kind === 'source') throw new UserError(`delete takes an event, deadline, person or case; a source stays with what it reported: correct it with caselog edit ${shortId(target.id)} --title ... (or --ref, --date, --publisher, --url, --reliability)`);
  // The letters sent to a target are on record: a target is corrected, or taken off a plan.
  if (target.kind === 'target') throw new UserError(`delete takes an event, deadline, person or case; an appeal target stays with the appeals sent to it: correct it with caselog edit ${shortId(target.id)} --address ..., or take it off a plan with caselog appeal plan REF --remove-target ${shellWord(target.target.name)}`);
  if (!opts.force && !ctx.interactive) throw new UserError(`deleting ${describeTarget(target)} needs confirmation: use --force (caselog undo can put it back)`);
  const shown = opts.force ? undefined : planDelete(store, target.kind, target.id);
  // A risk change's event goes, but the person's risks are a list of their own, not derived from events as status is.
  // Known by the change log, or by its own words after an export and import (which does not carry the log).
  const event = target.kind === 'event' ? store.read.eventById(target.id) : undefined;
  const riskEvent = event && (addedBy(store, 'events', target.id) === 'risk' || isRiskChange(event)) ? event : undefined;
  const leftInPlan = target.kind === 'event' ? await targetLeftInPlan(store, target.id) : undefined;
  const done = await confirmedDelete(ctx, store, target, shown);
  if (ctx.json) printJson(ctx, { deleted: { kind: target.kind, id: target.id }, events: done.events, deadlines: done.deadlines,
    unlinkedEvents: done.sharedEvents, unlinkedDeadlines: done.sharedDeadlines, unlinkedPeople: done.unlinkedPeople });
  say(ctx, `Deleted ${describeTarget(target)}${alsoGone(done)}. "caselog undo" puts it back.`);
  if (leftInPlan) say(ctx, leftInPlan);
  for (const { id } of riskEvent?.people ?? []) {
    const person = store.read.personById(id);
    if (person) say(ctx, `Note: ${person.name}'s risks stay as they are (${gravestFirst(person.risks).join(', ') || 'none'}): change them with caselog risk ${shellWord(person.name)} --add RISK / --remove RISK`);
  }
}

/**
 * Deletes what the user confirmed, no more: when another caselog changed what goes while the
 * question waited (no lock is held while someone reads), nothing is deleted, and the plan as it is
 * now is shown and asked again. `shown` undefined (--force): what is there when the write runs.
 */
async function confirmedDelete(ctx: Context, store: SqliteStore, target: Extract<Target, { kind: DeleteKind }>, shown: DeletePlan | undefined): Promise<DeletePlan> {
  return asConfirmed(ctx, shown, { asking: true, changed: 'What this deletes changed after it was shown (another caselog wrote meanwhile); nothing was deleted. Now:' },
    async (plan) => {
      for (const line of await whatGoes(store, target, plan)) say(ctx, line);
      await confirm(ctx, target);
    },
    (plan) => deleteRecord(store, target.kind, target.id, plan));
}

/** Deleting a person or a case asks for its name or reference typed out; an event or deadline, a yes. */
async function confirm(ctx: Context, t: Target): Promise<void> {
  const ask = await ctx.prompter();
  if (t.kind === 'person' || t.kind === 'case') {
    const expected = t.kind === 'person' ? t.person.name : t.case.ref;
    const typed = await ask.input(`Type ${t.kind === 'person' ? 'the name' : 'the reference'} "${expected}" to delete:`);
    const same = t.kind === 'person' ? sameButCase(typed, expected) : caseRefKey(typed) === caseRefKey(expected);
    if (!same) throw new UserError(`nothing deleted: "${typed}" is not "${expected}"`);
  } else if (!(await ask.confirm(`Delete ${describeTarget(t)}?`, false))) {
    throw new UserError('nothing deleted');
  }
}

async function whatGoes(store: SqliteStore, t: Target, plan: DeletePlan): Promise<string[]> {
  const lines = [`This deletes ${describeTarget(t)}`];
  const events = plan.events.map((id) => store.read.eventById(id)!);
  const deadlines = await Promise.all(plan.deadlines.map(async (id) => (await store.getDeadline(id))!));
  const whose = t.kind === 'person' ? 'that name only them' : 'of the case';
  if (events.length) lines.push(`  and ${count(events.length, 'event')} ${whose}:`, ...events.map((e) => `    ${describeEvent(e)}`));
  if (deadlines.length) lines.push(`  and ${count(deadlines.length, 'deadline')} ${whose}:`, ...deadlines.map((d) => `    ${d.note}`));
  if (plan.plans.length) lines.push('  and its appeal plan');
  if (plan.appeals.length) lines.push(`  and ${count(plan.appeals.length, 'record')} of appeals sent or answered`);
  if (plan.sharedEvents.length) lines.push(`  ${count(plan.sharedEvents.length, 'event')} shared with others stay, without them`);
  if (plan.sharedDeadlines.length) lines.push(`  ${count(plan.sharedDeadlines.length, 'deadline')} shared with others stay, without them`);
  if (t.kind === 'case' && plan.unlinkedPeople.length) {
    // As the plan has them (asked again, someone may have joined the case since), in the case's order.
    const at = (id: string) => { const i = t.case.people.findIndex((p) => p.id === id); return i === -1 ? Infinity : i; };
    const people = [...plan.unlinkedPeople].sort((a, b) => at(a) - at(b)).map((id) => store.read.personById(id)?.name ?? shortId(id));
    lines.push(`  its people stay, no longer in ${t.case.ref}: ${people.join(', ')}`);
  }
  return lines;
}

function alsoGone(plan: DeletePlan): string {
  const parts = [plan.events.length ? count(plan.events.length, 'event') : '', plan.deadlines.length ? count(plan.deadlines.length, 'deadline') : '']
    .filter(Boolean);
  const unlinked = plan.sharedEvents.length + plan.sharedDeadlines.length + plan.unlinkedPeople.length;
  return `${parts.length ? `, with ${parts.join(' and ')}` : ''}${unlinked ? `; ${count(unlinked, 'record')} unlinked` : ''}`;
}

