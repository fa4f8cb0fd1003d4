// caselog close REF [--date D] [--reason TEXT] and caselog reopen REF. A closed case leaves `due` and
// `at-risk` but stays in timeline and show.
import type { Context } from '../context';
import { printJson, say } from '../context';
import { dayIso, earliestMeant, firstDay, formatDate, formatDay, onDate, opensAfterClosing, parseDate } from '../domain/dates';
import { givenText } from '../domain/date-as-given';
import { daysLeft } from '../domain/due';
import type { CaseRecord } from '../domain/model';
import { UserError } from '../errors';
import { caseJson } from '../render/json';
import { count } from '../render/style';
import type { SqliteStore } from '../store/sqlite-store';
import { setCaseClosed } from '../store/upkeep-status';
import { openDeadlinesOf } from '../store/upkeep-read';
import { deadlineCommand } from './hints';
import { resolveWho } from './who';
import { listedAtRisk, sayWhoLeavesAtRisk } from './leaving-at-risk';

async function caseFor(ctx: Context, store: SqliteStore, text: string): Promise<CaseRecord> {
  const who = await resolveWho(ctx, store, text, { writing: true });
  if (who.kind === 'person') throw new UserError(`"${text}" is a person (${who.person.name}), not a case reference`);
  return who.case;
}

export async function close(ctx: Context, ref: string, opts: { date?: string; reason?: string }) {
  const closed = parseDate(opts.date ?? dayIso(ctx.today), ctx.today);
  const store = await ctx.openStore({ create: false });
  const theCase = await caseFor(ctx, store, ref);
  // Said first, whatever --date says: a refusal of the date sent the user to fix a date for a closing
  // that had already happened.
  if (theCase.closed) {
    say(ctx, `${theCase.ref} is already closed, since ${formatDate(theCase.closed)}${theCase.closeReason ? ` (${theCase.closeReason})` : ''}`);
    if (ctx.json) printJson(ctx, caseJson(theCase));
    return;
  }
  // Closing takes the case out of due and at-risk at once: dated later, its hearings and people
  // would vanish before the day. Refused, with the deadline that keeps the day in view.
  if (opts.date !== undefined && dayIso(earliestMeant(opts.date)) > dayIso(ctx.today)) {
    const deadline = deadlineCommand(ctx, [theCase.ref], opts.date, 'close the case');
    const when = givenText(closed) ? `"${opts.date.trim()}"` : formatDate(closed);
    throw new UserError(`${when} is after today (${formatDay(ctx.today)}), and a case is closed on the day it closes (it leaves due and at-risk at once): close it on the day; until then, a deadline can remind you: ${deadline}`);
  }
  if (theCase.opened && opensAfterClosing(theCase.opened, closed)) {
    throw new UserError(`${theCase.ref} cannot close ${onDate(closed)}, before it opened ${onDate(theCase.opened)}`);
  }
  const leaving = await deadlinesLeavingDue(ctx, store, theCase.id);
  const listed = await listedAtRisk(store, theCase.people.map((p) => p.id));
  await setCaseClosed(store, theCase.id, closed, opts.reason?.trim() || undefined);
  const after = (await store.getCase(theCase.id))!;
  if (ctx.json) printJson(ctx, caseJson(after));
  say(ctx, `Closed ${after.ref} ${onDate(closed)}${after.closeReason ? ` (${after.closeReason})` : ''}: ${leaving}; it stays in timeline and show`);
  await sayWhoLeavesAtRisk(ctx, store, listed);
}

/** How many deadlines not done the case takes out of due with it: one overdue may still need doing. */
async function deadlinesLeavingDue(ctx: Context, store: SqliteStore, caseId: string): Promise<string> {
  const open = await openDeadlinesOf(store, caseId);
  if (open.length === 0) return 'no open deadlines';
  const overdue = open.filter((d) => daysLeft(firstDay(d.date), ctx.today) < 0).length;
  return `${count(open.length, 'open deadline')}${overdue > 0 ? ` (${overdue} overdue)` : ''} ${open.length === 1 ? 'leaves' : 'leave'} "due"`;
}

export async function reopen(ctx: Context, ref: string) {
  const store = await ctx.openStore({ create: false });
  const theCase = await caseFor(ctx, store, ref);
  if (!theCase.closed) {
    say(ctx, `${theCase.ref} is open`);
    if (ctx.json) printJson(ctx, caseJson(theCase));
    return;
  }
  await setCaseClosed(store, theCase.id, undefined);
  const after = (await store.getCase(theCase.id))!;
  if (ctx.json) printJson(ctx, caseJson(after));
  say(ctx, `Reopened ${after.ref} (closed since ${formatDate(theCase.closed)})`);
}
