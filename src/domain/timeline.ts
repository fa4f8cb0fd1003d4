// Several sources telling one happening differently: events of the same type about the same people,
// cited by different sources, dated within 7 days of each other (or inside the less precise one's
// range), are shown together as one happening on which reports vary.
import { daysBetween, firstDay, lastDay } from './dates';
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
  const joinable = list.filter((i) => events[i]!.sources.length > 0 && events[i]!.type !== 'appeal');
  const groupOf = new Map<number, number[]>(list.map((i) => [i, [i]]));
  const pairs: Array<[number, number, number]> = [];
  for (let x = 0; x < joinable.length; x++) {
    for (let y = x + 1; y < joinable.length; y++) {
      const [a, b] = [joinable[x]!, joinable[y]!];
      if (sameHappening(events[a]!, events[b]!)) pairs.push([daysApart(events[a]!, events[b]!), a, b]);
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
  for (const [, a, b] of pairs) {
    const [ga, gb] = [groupOf.get(a)!, groupOf.get(b)!];
    if (ga === gb || !ga.every((i) => gb.every((j) => sameHappening(events[i]!, events[j]!)))) continue;
    const joined = [...ga, ...gb].sort((i, j) => i - j);
    for (const i of joined) groupOf.set(i, joined);
  }
  return [...new Set(groupOf.values())];
}

function sameHappening(a: EventRecord, b: EventRecord): boolean {
  if (a.sources.length === 0 || b.sources.length === 0) return false;
  const aSources = new Set(a.sources.map((s) => s.id));
  if (b.sources.every((s) => aSources.has(s.id))) return false; // the same source twice is not a second report
  return daysApart(a, b) <= 7;
}

/** Days between two events' dates: 0 when their ranges overlap (a month and a day in it). */
function daysApart(a: EventRecord, b: EventRecord): number {
  const [aFrom, aTo, bFrom, bTo] = [firstDay(a.date), lastDay(a.date), firstDay(b.date), lastDay(b.date)];
  if (daysBetween(aFrom, bTo) >= 0 && daysBetween(bFrom, aTo) >= 0) return 0;
  return daysBetween(aTo, bFrom) >= 0 ? daysBetween(aTo, bFrom) : daysBetween(bTo, aFrom);
}
