// caselog due [--within DAYS]: each reminder as a sentence a caseworker can act on.
import type { Context } from '../context';
import { print, printJson } from '../context';
import { dayIso, firstDay } from '../domain/dates';
import { daysLeft, horizon } from '../domain/due';
import { deadlineJson } from '../render/json';
import { renderDue } from '../render/due';
import { style } from '../render/style';
import { wholeNumber } from './ask';

export async function due(ctx: Context, opts: { within: string }) {
  const within = wholeNumber(opts.within, '--within');
  const store = await ctx.openStore({ create: false });
  const deadlines = await store.dueDeadlines({ today: dayIso(ctx.today), horizon: dayIso(horizon({ today: ctx.today, within })) });
  const items = deadlines.map((d) => ({ deadline: d, days: daysLeft(firstDay(d.date), ctx.today) }));
  if (ctx.json) {
    printJson(ctx, items.map(({ deadline, days }) => deadlineJson(deadline, { due: dayIso(firstDay(deadline.date)), daysLeft: days, overdue: days < 0 })));
    return;
  }
  print(ctx, renderDue(items, within, style(ctx.color)));
}
