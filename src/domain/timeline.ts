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
  const happenings: Happening[] = [];
  const open = new Map<string, Happening[]>();
  for (const event of events) {
    const key = `${event.type}|${event.case?.id ?? ''}|${event.people.map((p) => p.id).sort().join(',')}`;
    const candidates = open.get(key) ?? [];
    // Close to every report of it, not only to one: reports of the 1st, 6th and 12th are not one
    // happening, though each is within 7 days of the next. Of several it could join, the nearest:
    // a source's hearings of the 10th and 12th are two, and another's report of the 14th is of the 12th's.
    let joined: Happening | undefined;
    let nearest = Infinity;
    if (event.sources.length > 0 && event.type !== 'appeal') {
      for (const h of candidates) {
        if (!h.events.every((other) => sameHappening(other, event))) continue;
        const far = Math.max(...h.events.map((other) => daysApart(other, event)));
        if (far < nearest) [joined, nearest] = [h, far];
      }
    }
    if (joined) {
      joined.events.push(event);
      joined.reportsVary = true;
    } else {
      const happening = { events: [event], reportsVary: false };
      happenings.push(happening);
      open.set(key, [...candidates, happening]);
    }
  }
  return happenings;
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
