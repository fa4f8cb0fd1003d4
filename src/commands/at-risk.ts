// caselog at-risk [--risk R]: people with open risks, most urgent first.
import type { Context } from '../context';
import { print, printJson } from '../context';
import { dayIso, firstDay, lastDay } from '../domain/dates';
import { daysLeft } from '../domain/due';
import { urgency } from '../domain/urgency';
import { compareNames } from '../domain/names-order';
import type { Risk } from '../domain/types';
import { deadlineJson, personJson } from '../render/json';
import { renderAtRisk } from '../render/at-risk';
import { style } from '../render/style';
import { appealSummaries } from '../store/appeals';
import type { AppealSummary } from '../domain/appeals';

export async function atRisk(ctx: Context, opts: { risk?: Risk }) {
  const store = await ctx.openStore({ create: false });
  const rows = await store.atRisk(opts.risk, { names: ctx.json });
  const ranked = rows
    .map((row) => {
      const daysToDeadline = row.nextDeadline ? daysLeft(firstDay(row.nextDeadline.date), ctx.today) : undefined;
      const daysSilent = row.person.latestNews ? -daysLeft(lastDay(row.person.latestNews), ctx.today) : undefined;
      return { ...row, daysToDeadline, daysSilent, urgency: urgency({ risks: row.person.risks, status: row.person.status, daysToDeadline, daysSilent }) };
    })
    .sort((a, b) => b.urgency - a.urgency || compareNames(a.person.name, b.person.name));
  // Appeals written and answered, over the person's cases that have an appeal plan.
  const byCase = await appealSummaries(store);
  const appealsOf = (cases: Array<{ id: string }>): AppealSummary | undefined => {
    const plans = cases.map((c) => byCase.get(c.id)).filter((a): a is AppealSummary => a !== undefined);
    const total = (key: keyof AppealSummary) => plans.reduce((n, a) => n + a[key], 0);
    return plans.length > 0 ? { targets: total('targets'), sent: total('sent'), answered: total('answered') } : undefined;
  };
  if (ctx.json) {
    printJson(ctx, ranked.map((r) => ({
      ...personJson(r.person),
      case: r.person.cases[0] ?? null,
      urgency: Math.round(r.urgency * 10) / 10,
      daysSinceNews: r.daysSilent ?? null,
      nextDeadline: r.nextDeadline ? deadlineJson(r.nextDeadline, { due: dayIso(firstDay(r.nextDeadline.date)), daysLeft: r.daysToDeadline }) : null,
      appeals: appealsOf(r.person.cases) ?? null,
    })));
    return;
  }
  print(ctx, renderAtRisk(ranked.map((r) => ({ ...r, appeals: appealsOf(r.person.cases) })), style(ctx.color)));
}
