// Several sources telling one happening differently: events of the same type about the same people,
// cited by different sources, dated within 7 days of each other (or inside the less precise one's
// range), are shown together as one happening on which reports vary.
import { firstDay, lastDay } from './dates';
import { dayNumber } from './dates-calendar';
import type { EventRecord } from './model';

export interface Happening {
  events: EventRecord[];
  /** True when the events are several reports of one happening. */
  reportsVary: boolean;
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
  for (const list of kinds.values()) groups.push(...joinReports(events, list));
  // In the timeline's order: each happening where its first report stands.
  return groups.sort((a, b) => a[0]! - b[0]!).map((g) => ({ events: g.map((i) => events[i]!), reportsVary: g.length > 1 }));
}

/**
 * The reports of one kind, joined nearest first: two join when every report of the one is close to
 * every report of the other (reports of the 1st, 6th and 12th are not one happening, though each is
 * within 7 days of the next), so that a source's hearings of the 7th and 8th do not go with
 * another's of the 1st because it came first. Each group in date order.
 */
function joinReports(events: EventRecord[], list: number[]): number[][] {
  const groupOf = new Map<number, number[]>(list.map((i) => [i, [i]]));
  // Each report's days (from the first to the last of its date) and sources, worked out once.
  const reports = list.filter((i) => events[i]!.sources.length > 0 && events[i]!.type !== 'appeal').map((i) => ({
    i, from: dayNumber(firstDay(events[i]!.date)), to: dayNumber(lastDay(events[i]!.date)),
    sources: new Set(events[i]!.sources.map((s) => s.id)),
  })).sort((a, b) => a.from - b.from || a.i - b.i);
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
  return [...new Set(groupOf.values())];
}

interface Report { i: number; from: number; to: number; sources: Set<string> }
