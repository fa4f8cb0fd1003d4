// caselog risk WHO [--add R]... [--remove R]... [--date D] [--note TEXT]: the risks a person faces;
// a change is recorded as an event on the timeline, like a status change (issue 8); bare, lists them.
import type { Context } from '../context';
import { printJson, printWrapped, say } from '../context';
import { dayIso, earliestMeant, formatDate, onDate, parseDate } from '../domain/dates';
import { givenText } from '../domain/date-as-given';
import { shortId } from '../domain/ids';
import type { Risk } from '../domain/types';
import { gravestFirst } from '../domain/urgency';
import { UsageError, UserError } from '../errors';
import { eventJson, personJson } from '../render/json';
import { oneLine } from '../render/lines';
import { changeRisks } from '../store/upkeep-status';
import { deadlineCommand } from './hints';
import { resolveWho } from './who';

export async function risk(ctx: Context, whoText: string, opts: { add: Risk[]; remove: Risk[]; date?: string; note?: string }) {
  const both = opts.add.filter((r) => opts.remove.includes(r));
  if (both.length > 0) throw new UsageError(`${both.join(', ')} cannot be both added and removed`);
  const writing = opts.add.length + opts.remove.length > 0;
  if (!writing && (opts.date !== undefined || opts.note !== undefined)) {
    throw new UsageError('--date and --note go with a change: caselog risk WHO --add RISK or --remove RISK');
  }
  const date = parseDate(opts.date ?? dayIso(ctx.today), ctx.today);
  const store = await ctx.openStore({ create: false });
  const who = await resolveWho(ctx, store, whoText, { writing });
  if (who.kind === 'case') throw new UserError(`risks belong to a person, not to case ${who.case.ref}: name the person`);
  const before = who.person;
  // Risks are what the person faces now: a change dated later would take effect today (he left
  // at-risk at once), unlike a status, which waits for its day. Refused, with the deadline to keep.
  if (opts.date !== undefined && dayIso(earliestMeant(opts.date)) > dayIso(ctx.today)) {
    const deadline = deadlineCommand(ctx, [who.person.name], opts.date, `check: ${riskSummary(opts.add, opts.remove)}`);
    throw new UserError(`${givenText(date) ? `"${opts.date.trim()}"` : formatDate(date)} is after today, and a change in risks takes effect when it is recorded: record it on the day; until then, a deadline: ${deadline}`);
  }
  if (!writing) {
    if (ctx.json) printJson(ctx, personJson(before));
    else printWrapped(ctx, `${oneLine(before.name)}: ${before.risks.length > 0 ? gravestFirst(before.risks).join(', ') : 'no risks recorded'}`);
    return;
  }
  const changed = await changeRisks(store, before.id, opts.add, opts.remove, ({ added, removed }) => ({
    // On the person's case when they have one case, so the case timeline shows it too (as status does).
    caseId: before.cases.length === 1 ? before.cases[0]!.id : undefined, personIds: [before.id], type: 'other',
    summary: [riskSummary(added, removed), opts.note?.trim()].filter(Boolean).join(' — '), date, sourceIds: [],
  }));
  const person = (await store.getPerson(before.id))!;
  const now = person.risks.length > 0 ? gravestFirst(person.risks).join(', ') : 'none';
  if (!changed) {
    if (ctx.json) printJson(ctx, { event: null, person: personJson(person) });
    say(ctx, `Nothing changed: ${person.name} faces ${now}`);
    return;
  }
  const event = store.read.eventById(changed.eventId)!;
  if (ctx.json) printJson(ctx, { event: eventJson(event), person: personJson(person) });
  const what = riskSummary(changed.added, changed.removed).replace(/^risks: /, '');
  say(ctx, `Recorded ${person.name}: risks now ${now} (${what}) ${onDate(date)} [${shortId(event.id)}]`);
}

/**
 * Whether an event is a risk change `risk` recorded, by its own words (its type is `other`): the
 * change log says so too, but an export and import into another database does not carry the log.
 */
export function isRiskChange(e: { type: string; summary: string }): boolean {
  return e.type === 'other' && /^risks: (added|removed) /.test(e.summary);
}

/** "risks: added health, torture; removed unfair-trial": the event's summary, and the message's. */
function riskSummary(added: Risk[], removed: Risk[]): string {
  const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''];
  return `risks: ${parts.filter(Boolean).join('; ')}`;
}
