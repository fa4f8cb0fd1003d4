// "no deadline d-nagd" for a deadline a colleague deleted a minute ago sent the user looking for it:
// the change log knows what became of it, and says so.
import { shortId } from '../domain/ids';
import { changeTime } from '../render/change-time';
import { goneRecord } from '../store/gone-records';
import type { SqliteStore } from '../store/sqlite-store';

const SECTIONS = { event: 'events', deadline: 'deadlines', source: 'sources', target: 'targets' } as const;
const NAMES = { event: 'event', deadline: 'deadline', source: 'source', target: 'appeal target' } as const;
const HOW: Record<string, string> = { delete: 'deleted', undo: 'taken back by undo', merge: 'merged into another record' };

/** What became of a record the id no longer finds, when the change log says; undefined otherwise. */
export function goneMessage(store: SqliteStore, kind: keyof typeof SECTIONS, typed: string): string | undefined {
  const gone = goneRecord(store, SECTIONS[kind], typed);
  if (!gone) return undefined;
  const id = shortId(gone.id);
  return `${NAMES[kind]} ${id} was ${HOW[gone.action] ?? `removed (${gone.action})`} on ${changeTime(gone.at)}${gone.user ? ` by ${gone.user}` : ''}: `
    + `"caselog log ${id}" shows what it held`;
}
