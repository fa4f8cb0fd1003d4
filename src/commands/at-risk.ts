// caselog at-risk [--risk R] [--limit N]: people with open risks, most urgent first.
import type { Context } from '../context';
import { printJson, printWrapped, wrapped, writeStream } from '../context';
import { firstDay } from '../domain/dates';
import { daysLeft, daysSince } from '../domain/due';
import { urgency } from '../domain/urgency';
import { compareNames } from '../domain/names-order';
import type { Day, Risk } from '../domain/types';
import { deadlineJson, dueJson, personJson } from '../render/json';
import { atRiskPieces, renderNobodyAtRisk } from '../render/at-risk';
import { atRiskOnlyInClosedCases } from './leaving-at-risk';
import { style } from '../render/style';
import { appealSummaries } from '../store/appeals';
import type { AppealSummary } from '../domain/appeals';
import type { AtRiskEntry } from '../store/store';
import { listLimit, sayLeftOut } from './limit';
import { shellWord } from './hints';
import { asShortRun } from './short-run';

export async function atRisk(ctx: Context, opts: { risk?: Risk; limit?: string }) {
  return asShortRun(() => listAtRisk(ctx, opts));
}

async function listAtRisk(ctx: Context, opts: { risk?: Risk; limit?: string }) {
  // 0, as when it is not given, is the whole list, as for due and list.
  const limit = listLimit(opts.limit) || Infinity;
  const store = await ctx.openStore({ create: false });
  // Appeals written and answered, over the person's cases that have an appeal plan.
  const byCase = await appealSummaries(store, undefined, true);
  const appealsOf = (cases: Array<{ id: string }>): AppealSummary | undefined => {
    if (byCase.size === 0) return undefined;
    const plans = cases.map((c) => byCase.get(c.id)).filter((a): a is AppealSummary => a !== undefined);
    const total = (key: keyof AppealSummary) => plans.reduce((n, a) => n + a[key], 0);
    return plans.length > 0 ? { targets: total('targets'), sent: total('sent'), answered: total('answered') } : undefined;
  };
  if (ctx.json) {
    const rows = await store.atRisk(opts.risk);
    // The case to act in: an open one (their record's cases list the closed ones too).
    const caseOf = new Map(rows.map((r) => [r.person.id, r.person.cases.find((c) => r.openCaseIds.includes(c.id)) ?? r.person.cases[0] ?? null]));
    const ranked = rank(rows, ctx.today, appealsOf);
    printJson(ctx, ranked.slice(0, limit).map((r) => ({
      ...personJson(r.person),
      case: caseOf.get(r.person.id) ?? null,
      urgency: Math.round(r.urgency * 10) / 10,
      daysSinceNews: r.daysSilent ?? null,
      nextDeadline: r.nextDeadline ? deadlineJson(r.nextDeadline, { due: dueJson(r.nextDeadline.date), daysLeft: r.daysToDeadline }) : null,
      appeals: r.appeals ?? null,
    })));
    leftOut(ctx, ranked.length, limit, opts.risk);
    return;
  }
  const ranked = rank(await store.atRiskList(opts.risk), ctx.today, appealsOf);
  if (ranked.length === 0) printWrapped(ctx, renderNobodyAtRisk(await atRiskOnlyInClosedCases(store, { risk: opts.risk }), opts.risk));
  else await writeStream(ctx.stdout, shown(ctx, atRiskPieces(ranked.slice(0, limit), ctx.today, style(ctx.color))));
  leftOut(ctx, ranked.length, limit, opts.risk);
}

/** Each piece of the list as printWrapped shows a text (the last gets the closing line break). */
function* shown(ctx: Context, pieces: Iterable<string>): Generator<string> {
  for (const piece of pieces) yield wrapped(ctx, piece);
}

/** How many --limit left out, said as the lists say it. */
function leftOut(ctx: Context, listed: number, limit: number, risk: Risk | undefined): void {
  if (listed > limit) sayLeftOut(ctx, listed - limit, ['person at risk', 'people at risk'], `caselog at-risk${risk ? ` --risk ${shellWord(risk)}` : ''}`);
}

/** Days without news, for ordering: never heard of at all counts as longest. */
const silentFor = (r: { daysSilent?: number }) => r.daysSilent ?? Number.MAX_SAFE_INTEGER;

/** Most urgent first; of equal urgency, the longest silent; then by name. */
function rank<P extends AtRiskEntry['person'], D extends NonNullable<AtRiskEntry['nextDeadline']>>(
  rows: Array<{ person: P; nextDeadline?: D }>, today: Day, appealsOf: (cases: Array<{ id: string }>) => AppealSummary | undefined,
) {
  return rows
    .map((row) => {
      const daysToDeadline = row.nextDeadline ? daysLeft(firstDay(row.nextDeadline.date), today) : undefined;
      const daysSilent = row.person.latestNews ? daysSince(row.person.latestNews, today) : undefined;
      // Fresh only when an event set it: a status typed when someone was added (or a sheet's, dated the
      // import day) is no news, and ranked a backlog of long-held prisoners on top for two weeks.
      const daysInStatus = row.person.statusSince && row.person.statusEventId ? daysSince(row.person.statusSince, today) : undefined;
      const score = urgency({ risks: row.person.risks, status: row.person.status, daysToDeadline, daysSilent, daysInStatus });
      // Written out, not spread: V8 (Node 20) moves spread copies to its old generation, and a list of
      // tens of thousands of people then spends more in garbage collection than in ranking.
      return { person: row.person, nextDeadline: row.nextDeadline, daysToDeadline, daysSilent, urgency: score, appeals: appealsOf(row.person.cases) };
    })
    // Of equal urgency (silence weighs no more after two and a half years), the longer silent first
    // (spec: no news for a long time is more urgent); names break what is left, each reduced to its
    // sort key only when it meets one; namesakes alike in all that by their ids, which a database moved
    // by export and import keeps (the order rows are stored in does not travel).
    // Compared, not subtracted: before V8 compiles the sort, each difference of two fractions (or of
    // numbers past 2^31) is a number allocated on the heap, and the sort makes tens of thousands.
    .sort((a, b) => descending(a.urgency, b.urgency) || descending(silentFor(a), silentFor(b)) || compareNames(a.person.name, b.person.name) || byId(a.person.id, b.person.id));
}

const descending = (a: number, b: number) => (a > b ? -1 : a < b ? 1 : 0);
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
