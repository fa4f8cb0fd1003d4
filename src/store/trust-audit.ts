// Reading the change log, and the guard an erase stands aside to rewrite it (the rewrite itself: erase-log.ts).
import type { SqliteStore } from './sqlite-store';
import { prefixMatches } from '../domain/ids';

export interface ChangeEntry {
  seq: number;
  batch: number;
  /** Real time of the change, ISO 8601 in UTC. */
  at: string;
  user: string | null;
  /** The terminal session that made it (migration 12); null when the log did not say. */
  session: string | null;
  command: string | null;
  action: string;
  /** The section of the record (cases, people, events, deadlines, sources, ...) or "file" for an import. */
  kind: string | null;
  recordId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface LogQuery {
  /**
   * Only changes of these records, or whose before/after refers to the first of them or to one of
   * `mentioning` (records merged into a person: what was theirs before is the person's history).
   */
  about?: { id: string; linked: string[]; mentioning?: string[] };
  limit: number;
}

interface ChangeRow {
  seq: number; batch: number; at: string; os_user: string | null; session?: string | null; command: string | null; action: string;
  kind: string | null; record_id: string | null; before: string | null; after: string | null;
}

/**
 * The change log, newest first (a record's log includes records linked to it now, and any change
 * that mentions its id), one entry at a time, read as they are wanted: the whole log of a big database is never held at once. */
export function* changeLogEntries({ db }: SqliteStore, query: LogQuery): Generator<ChangeEntry> {
  const limit = query.limit > 0 ? query.limit : -1;
  const about = query.about;
  const mentioning = about?.mentioning ?? [];
  // Ids written as JSON strings ("p-...", quotes included), as logged: not a longer id that starts so.
  const others = mentioning.length > 0
    ? 'OR EXISTS (SELECT 1 FROM json_each(@mentioning) m WHERE instr(before, m.value) > 0 OR instr(after, m.value) > 0)' : '';
  const rows = about
    ? (db.prepare(
      `SELECT * FROM changes
       WHERE record_id IN (SELECT value FROM json_each(@records)) OR instr(before, @id) > 0 OR instr(after, @id) > 0 ${others}
       ORDER BY seq DESC LIMIT @limit`,
    ).iterate({
      records: JSON.stringify([about.id, ...about.linked, ...mentioning]), id: JSON.stringify(about.id), limit,
      ...(others ? { mentioning: JSON.stringify(mentioning.map((m) => JSON.stringify(m))) } : {}),
    }) as Iterable<ChangeRow>)
    : (db.prepare('SELECT * FROM changes ORDER BY seq DESC LIMIT ?').iterate(limit) as Iterable<ChangeRow>);
  // An erase is shown as the fact alone: the fingerprint it keeps is for imports, not for reading.
  for (const r of rows) {
    yield {
      seq: r.seq, batch: r.batch, at: r.at, user: r.os_user, session: r.session ?? null, command: r.command, action: r.action, kind: r.kind,
      recordId: r.record_id, before: parseLogged(r.before), after: r.action === 'erase' ? null : parseLogged(r.after),
    };
  }
}

/** Which command's action the change log says added a record (its first entry): 'add', 'status', 'risk', 'import'... */
export function addedBy({ db }: SqliteStore, kind: string, id: string): string | undefined {
  const row = db.prepare('SELECT action FROM changes WHERE kind = ? AND record_id = ? ORDER BY seq LIMIT 1').get(kind, id) as
    { action: string } | undefined;
  return row?.action;
}

/**
 * The ids starting with a prefix that the change log holds for records of one section (cases,
 * events, deadlines...), deleted ones among them; the first few.
 */
export function loggedIdsByPrefix({ db }: SqliteStore, kind: string, prefix: string): string[] {
  const p = prefix.trim().toLowerCase();
  const ids = (db.prepare(
    'SELECT DISTINCT record_id AS id FROM changes WHERE kind = ? AND record_id >= ? AND record_id < ? ORDER BY record_id LIMIT 10',
  ).all(kind, p, `${p}\uffff`) as Array<{ id: string }>).map((r) => r.id);
  return prefixMatches(ids, p);
}

/** A logged before/after as it was written; text that is not JSON (not written by logChange) as { text }. */
export function parseLogged(json: unknown): Record<string, unknown> | null {
  if (typeof json !== 'string') return null;
  try {
    const value = JSON.parse(json) as unknown;
    if (value === null) return null;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text: json };
  }
}

/**
 * Whether recording this event added the target to its case's plan (a letter to a target outside
 * it): the plan's change logged with the event's adding holds the target after and not before.
 */
export function addedToPlanWith({ db }: SqliteStore, eventId: string, targetId: string): boolean {
  const rows = db.prepare(
    `SELECT before, after FROM changes WHERE kind = 'plans'
        AND batch = (SELECT batch FROM changes WHERE kind = 'events' AND record_id = ? AND action = 'add' ORDER BY seq LIMIT 1)`,
  ).all(eventId) as Array<{ before: string | null; after: string | null }>;
  const holds = (logged: string | null) => ((parseLogged(logged)?.targets as unknown[] | undefined) ?? []).includes(targetId);
  return rows.some((r) => holds(r.after) && !holds(r.before));
}

/** The records linked to a person or a case today: their events and deadlines, a case's people. */
export function linkedRecordIds({ db }: SqliteStore, who: { kind: 'person' | 'case'; id: string }): string[] {
  const sql = who.kind === 'person'
    ? `SELECT event_id AS id FROM event_people WHERE person_id = @id
       UNION SELECT deadline_id FROM deadline_people WHERE person_id = @id`
    : `SELECT id FROM events WHERE case_id = @id
       UNION SELECT id FROM deadlines WHERE case_id = @id
       UNION SELECT person_id FROM case_people WHERE case_id = @id`;
  return (db.prepare(sql).all({ id: who.id }) as Array<{ id: string }>).map((r) => r.id);
}

/**
 * Runs work with the change log's append-only guard stood aside: the one row in erase_in_progress
 * lives and dies inside this transaction (the caller's when there is one, else its own), so no other
 * connection ever sees the log writable. Only erase should need this.
 */
export function withChangeLogUnlocked<T>(store: SqliteStore, work: () => T): T {
  const { db } = store;
  const unlocked = () => {
    db.prepare('INSERT OR IGNORE INTO erase_in_progress (one) VALUES (1)').run();
    try {
      return work();
    } finally {
      db.prepare('DELETE FROM erase_in_progress').run();
    }
  };
  return db.inTransaction ? unlocked() : store.write(unlocked);
}

/**
 * What the records of these ids are called today, by id: a case's reference, a person's or an appeal
 * target's name, a source's reference else its title. One statement for all the ids a log shows;
 * a record deleted or merged away since is called as the log last holds it, and one erased (the log
 * holds nothing of them) is not among them.
 */
export function recordLabels({ db }: SqliteStore, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare(
    `WITH wanted(id) AS (SELECT value FROM json_each(?))
     SELECT id, ref AS label FROM cases WHERE id IN wanted
     UNION ALL SELECT id, name FROM people WHERE id IN wanted
     UNION ALL SELECT id, coalesce(ref, title) FROM sources WHERE id IN wanted
     UNION ALL SELECT id, name FROM targets WHERE id IN wanted`,
  ).all(JSON.stringify(ids)) as Array<{ id: string; label: string }>;
  const labels = new Map(rows.map((r) => [r.id, r.label]));
  const gone = ids.filter((id) => !labels.has(id));
  if (gone.length === 0) return labels;
  // Newest first: the first snapshot that names a record is what it was called when it went.
  const logged = db.prepare(
    `SELECT record_id AS id, kind, before, after FROM changes
      WHERE record_id IN (SELECT value FROM json_each(?)) AND kind IN ('cases', 'people', 'sources', 'targets') ORDER BY seq DESC`,
  ).iterate(JSON.stringify(gone)) as Iterable<{ id: string; kind: string; before: string | null; after: string | null }>;
  for (const r of logged) {
    if (labels.has(r.id)) continue;
    for (const snapshot of [parseLogged(r.after), parseLogged(r.before)]) {
      const label = snapshot?.[LABEL_FIELD[r.kind]!] ?? (r.kind === 'sources' ? snapshot?.title : undefined);
      if (typeof label === 'string') {
        labels.set(r.id, label);
        break;
      }
    }
  }
  return labels;
}

/** The field of a logged record recordLabels calls it by (a source without a reference: its title). */
const LABEL_FIELD: Record<string, string> = { cases: 'ref', people: 'name', sources: 'ref', targets: 'name' };
