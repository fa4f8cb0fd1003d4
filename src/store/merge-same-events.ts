// One happening recorded under each of two spellings of a name (a sheet read once per spelling) is,
// once the two records are merged, the same event two or three times on one timeline. The merge
// names them rather than deleting any: which copy carries what a caseworker relies on (the change
// log of each, the appeals answered from it) is theirs to judge, and one delete each takes them away.
import { givenText } from '../domain/date-as-given';
import { fromIso } from '../domain/dates';
import { storedRecords } from './export';
import type { DB } from './open';

type Obj = Record<string, unknown>;
interface StoredDate { date: string; precision: string; approximate: boolean; dateText: string }

/**
 * The events that would say the same once WHO is INTO, each group the event to keep first (INTO's
 * own before one of WHO's, then the first recorded). The same: what a timeline, show and an export
 * say of them, everything but the id, when each was recorded and how a date it shows alike was
 * written ("2019-03-10", "10 March 2019"): case, type, date, summary, place, actor, people, sources,
 * and an appeal's target, kind, channel and answer. A group must hold one of WHO's: INTO's own
 * copies were there before and are no news of the merge.
 */
export function eventsMadeSame(db: DB, whoId: string, intoId: string): string[][] {
  // In the order they were stored: of one import, the sheet's.
  const ids = db.prepare(`SELECT e.id FROM events e WHERE e.id IN (SELECT event_id FROM event_people WHERE person_id IN (?, ?))
    ORDER BY e.rowid`).pluck().all(whoId, intoId) as string[];
  const events = storedRecords(db, 'events', ids);
  const appeals = storedRecords(db, 'appeals', ids);
  const groups = new Map<string, Obj[]>();
  for (const event of ids.map((id) => events.get(id)!)) {
    const key = sameness(event, appeals.get(event.id as string), whoId, intoId);
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  const whos = (e: Obj) => (e.people as string[]).includes(whoId);
  const dateOf = (e: Obj) => (e.date as StoredDate).date;
  // Kept: INTO's own, else the first recorded (stored, in one import); the groups in timeline order.
  const first = (a: Obj, b: Obj) => Number(whos(a)) - Number(whos(b)) || String(a.recorded).localeCompare(String(b.recorded));
  return [...groups.values()]
    .filter((group) => group.length > 1 && group.some(whos))
    .map((group) => group.sort(first))
    .sort((a, b) => dateOf(a[0]!).localeCompare(dateOf(b[0]!)))
    .map((group) => group.map((e) => e.id as string));
}

function sameness(event: Obj, appeal: Obj | undefined, whoId: string, intoId: string): string {
  const d = event.date as StoredDate;
  const date = { date: d.date, precision: d.precision, approximate: d.approximate, given: givenText(fromIso(d.date, d.approximate, d.dateText)) ?? null };
  const people = [...new Set((event.people as string[]).map((p) => (p === whoId ? intoId : p)))].sort();
  return JSON.stringify({ ...event, id: null, recorded: null, date, people, appeal: appeal ? { ...appeal, id: null, recorded: null } : null });
}
