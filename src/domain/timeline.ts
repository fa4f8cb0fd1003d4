// Several sources telling one happening differently: events of the same type about the same people,
// cited by different sources, dated within 7 days of each other (or inside the less precise one's
// range), are shown together as one happening on which reports vary.
import { firstDay, lastDay } from './dates';
import { dayNumber } from './dates-calendar';
import { daysAllowed } from './dates-part';
import type { EventRecord } from './model';

export interface Happening {
  events: EventRecord[];
  /** True when the events are several reports of one happening. */
  reportsVary: boolean;
  /**
   * Reports within 7 days of one of these, from another source, that are not shown with them: each
   * joins the happening it is nearest to all of (the 1st and 6th, and the 6th and 11th, are not one
   * happening of the 1st, 6th and 11th), but the spec's rule is of each two, so every other account
   * is still named beside the one it may tell differently.
   */
  otherAccounts: Array<{ account: EventRecord; beside: EventRecord }>;
}

/** Each event's other accounts (the events the spec shows it with): its happening's others and those beside it. */
export function reportsVaryWith(happenings: Happening[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (e: EventRecord, other: EventRecord) => found.set(e.id, [...(found.get(e.id) ?? []), other.id]);
  for (const h of happenings) {
    if (h.reportsVary) for (const e of h.events) for (const o of h.events) if (o !== e) add(e, o);
    for (const { account, beside } of h.otherAccounts) add(beside, account);
  }
  return found;
}

export function groupHappenings(events: EventRecord[]): Happening[] {
  // Reports can be of one happening only within a kind: same type, case and people.
  const kinds = new Map<string, number[]>();
  events.forEach((event, i) => {
    const key = `${event.type}|${event.case?.id ?? ''}|${event.people.map((p) => p.id).sort().join(',')}`;
    const list = kinds.get(key);
    if (list) list.push(i);
    else kinds.set(key, [i]);
  });
  const groups: number[][] = [];
  const partners = new Map<number, number[]>();
  for (const list of kinds.values()) {
    const joined = joinReports(events, list);
    groups.push(...joined.groups);
    for (const [a, b] of joined.pairs) {
      partners.set(a, [...(partners.get(a) ?? []), b]);
      partners.set(b, [...(partners.get(b) ?? []), a]);
    }
  }
  // In the timeline's order: each happening where its most precise report stands (of equally
  // precise ones, the first). Where its first stood, a month's report ("October 2019") drew a
  // detention of the 14th up before a border crossing of the 6th.
  const width = (i: number) => dayNumber(lastDay(events[i]!.date)) - dayNumber(firstDay(events[i]!.date));
  const placed = (g: number[]) => g.reduce((best, i) => (width(i) < width(best) ? i : best), g[0]!);
  return groups.map((g) => ({ g, at: placed(g) })).sort((a, b) => a.at - b.at).map(({ g }) => g).map((g) => ({
    events: g.map((i) => events[i]!),
    reportsVary: g.length > 1,
    otherAccounts: g.flatMap((i) => (partners.get(i) ?? []).filter((j) => !g.includes(j)).sort((x, y) => x - y)
      .map((j) => ({ account: events[j]!, beside: events[i]! }))),
  }));
}

/**
 * The reports of one kind, joined nearest first: two join when every report of the one is close to
 * every report of the other (reports of the 1st, 6th and 12th are not one happening, though each is
 * within 7 days of the next), so that a source's hearings of the 7th and 8th do not go with
 * another's of the 1st because it came first. Each group in date order.
 */
function joinReports(events: EventRecord[], list: number[]): { groups: number[][]; pairs: Array<[number, number]> } {
  const groupOf = new Map<number, number[]>(list.map((i) => [i, [i]]));
  // Each report's days (from the first to the last of its date) and sources, worked out once.
  // An approximate date spans what its words allow: "late 1998" (c. October) is of a happening any
  // time late that year, and a report of 20 December 1998 may tell it.
  const span = (d: EventRecord['date']) => (d.approximate ? daysAllowed(d) : { first: firstDay(d), last: lastDay(d) });
  const reports = list.filter((i) => events[i]!.sources.length > 0 && events[i]!.type !== 'appeal').map((i) => {
    const days = span(events[i]!.date);
    return { i, from: dayNumber(days.first), to: dayNumber(days.last), sources: new Set(events[i]!.sources.map((s) => s.id)) };
  }).sort((a, b) => a.from - b.from || a.i - b.i);
  const byIndex = new Map(reports.map((r) => [r.i, r]));
  const apart = (a: Report, b: Report) => (a.from <= b.to && b.from <= a.to ? 0 : a.to < b.from ? b.from - a.to : a.from - b.to);
  // The same source twice is not a second report, whichever of them cites more.
  const within = (x: Set<string>, y: Set<string>) => [...x].every((s) => y.has(s));
  const same = (a: Report, b: Report) => apart(a, b) <= 7 && !within(a.sources, b.sources) && !within(b.sources, a.sources);
  const pairs: Array<[number, Report, Report]> = [];
  for (let x = 0; x < reports.length; x++) {
    // Sorted by first day: once one begins more than 7 days after this one ends, so do the rest.
    for (let y = x + 1; y < reports.length && reports[y]!.from - reports[x]!.to <= 7; y++) {
      const [a, b] = [reports[x]!, reports[y]!];
      if (same(a, b)) pairs.push([apart(a, b), a, b]);
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1].i - q[1].i || p[2].i - q[2].i);
  for (const [, a, b] of pairs) {
    const [ga, gb] = [groupOf.get(a.i)!, groupOf.get(b.i)!];
    if (ga === gb || !ga.every((i) => gb.every((j) => same(byIndex.get(i)!, byIndex.get(j)!)))) continue;
    const joined = [...ga, ...gb].sort((i, j) => i - j);
    for (const i of joined) groupOf.set(i, joined);
  }
  return { groups: [...new Set(groupOf.values())], pairs: pairs.map(([, a, b]) => [a.i, b.i]) };
}

interface Report { i: number; from: number; to: number; sources: Set<string> }
