// caselog due [--within DAYS] [--limit N]: each reminder as a sentence a caseworker can act on.
import type { Context } from '../context';
import type { AppealSummary } from '../domain/appeals';
import { printJson, printWrapped } from '../context';
import { dayIso, firstDay } from '../domain/dates';
import { daysLeft, horizon } from '../domain/due';
import { deadlineJson, dueJson } from '../render/json';
import { renderDue } from '../render/due';
import { appealSummaries } from '../store/appeals';
import { style } from '../render/style';
import { wholeNumber } from './ask';
import { listLimit, sayLeftOut } from './limit';

/** The most people of a due list whose names are looked up among everyone tracked (see below). */
const NAMESAKES_LOOKED_UP = 100;

export async function due(ctx: Context, opts: { within: string; limit?: string }) {
  const within = wholeNumber(opts.within, '--within');
  const limit = listLimit(opts.limit);
  const store = await ctx.openStore({ create: false });
  const { deadlines, total } = await store.dueDeadlines({ today: dayIso(ctx.today), horizon: dayIso(horizon({ today: ctx.today, within })), limit });
  // A case with an appeal plan says how many of its targets are still to be written to: every
  // plan's summary in one statement, rather than one per case of a list that can run to thousands.
  const appeals: Map<string, AppealSummary> = deadlines.some((d) => d.case) ? await appealSummaries(store) : new Map();
  const leftOut = () => sayLeftOut(ctx, total - deadlines.length, ['deadline', 'deadlines'], `caselog due --within ${within}`);
  const items = deadlines.map((d) => ({ deadline: d, days: daysLeft(firstDay(d.date), ctx.today), appeals: d.case ? appeals.get(d.case.id) : undefined }));
  if (ctx.json) {
    printJson(ctx, items.map(({ deadline, days, appeals: a }) => deadlineJson(deadline, { due: dueJson(deadline.date), daysLeft: days, overdue: days < 0, appeals: a ?? null })));
    leftOut();
    return;
  }
  // A person listed whose name someone else here has too carries their id, though the other is not
  // listed. Looked up for a list of everyday length: each person costs ~25 us of reading on a large
  // database (10 ms for 382 people at 100k events), and in a list of hundreds the namesakes within
  // it are still told apart.
  const listed = [...new Set(deadlines.flatMap((d) => d.people.map((p) => p.id)))];
  const shared = listed.length <= NAMESAKES_LOOKED_UP ? store.read.namesHeldByOthers(listed) : undefined;
  printWrapped(ctx, renderDue(items, within, style(ctx.color), shared));
  leftOut();
}
