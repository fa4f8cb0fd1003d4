// caselog at-risk [--risk R]: people with open risks, most urgent first.
import type { Context } from '../context';
import { print, printJson } from '../context';
import { dayIso, firstDay, lastDay } from '../domain/dates';
import { daysLeft } from '../domain/due';
import { urgency } from '../domain/urgency';
import type { Risk } from '../domain/types';
import { deadlineJson, personJson } from '../render/json';
import { renderAtRisk } from '../render/at-risk';
import { style } from '../render/style';

export async function atRisk(ctx: Context, opts: { risk?: Risk }) {
  const store = await ctx.openStore({ create: false });
  const rows = await store.atRisk(opts.risk);
  const ranked = rows
    .map((row) => {
      const daysToDeadline = row.nextDeadline ? daysLeft(firstDay(row.nextDeadline.date), ctx.today) : undefined;
      const daysSilent = row.person.latestNews ? -daysLeft(lastDay(row.person.latestNews), ctx.today) : undefined;
      return { ...row, daysToDeadline, daysSilent, urgency: urgency({ risks: row.person.risks, status: row.person.status, daysToDeadline, daysSilent }) };
    })
    .sort((a, b) => b.urgency - a.urgency || a.person.name.localeCompare(b.person.name));
  if (ctx.json) {
    printJson(ctx, ranked.map((r) => ({
      ...personJson(r.person),
      case: r.person.cases[0] ?? null,
      urgency: Math.round(r.urgency * 10) / 10,
      daysSinceNews: r.daysSilent ?? null,
      nextDeadline: r.nextDeadline ? deadlineJson(r.nextDeadline, { due: dayIso(firstDay(r.nextDeadline.date)), daysLeft: r.daysToDeadline }) : null,
    })));
    return;
  }
  print(ctx, renderAtRisk(ranked, style(ctx.color)));
}
