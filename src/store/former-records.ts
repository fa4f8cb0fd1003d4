// Cases and people no longer tracked (deleted, merged into someone, their adding undone) as the change
// log still holds them: who took them away, and what they held, is what a colleague asks the log.
// People deleted or whose adding was undone are found by formerPeople (upkeep-erase.ts).
import { caseRefKey } from '../domain/model';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';
import { parseLogged } from './trust-audit';
import { loggedNames } from './erase-plan';
import { foldName } from '../domain/names-fold';

/** Ids starting with a prefix: a range of the log's record_id index, not a scan of the whole log. */
const STARTING = 'record_id >= @from AND record_id < @to';
const starting = (prefix: string) => ({ from: prefix, to: `${prefix}\uffff` });

/**
 * Cases the change log holds that are no longer in the database, one of whose logged references is
 * the typed one (as references are compared: case and spacing aside), or whose id starts with it.
 */
export function formerCases({ db }: SqliteStore, typed: string): string[] {
  const key = caseRefKey(typed.trim());
  const id = typed.trim().toLowerCase();
  const refs = loggedRefs(db, `record_id NOT IN (SELECT id FROM cases)`);
  return [...refs].filter(([caseId, keys]) => keys.size > 0 && (keys.has(key) || (id.length >= 4 && caseId.startsWith(id)))).map(([caseId]) => caseId);
}

/**
 * Cases still tracked that had the typed reference before it was changed (edit --ref): asked when no
 * case has it now. A reference a change took away is in that change's before, so only those are read.
 */
export function renamedCases({ db }: SqliteStore, typed: string): string[] {
  const key = caseRefKey(typed.trim());
  const refs = loggedRefs(db, `record_id IN (SELECT id FROM cases) AND coalesce(before, 'null') <> 'null'`);
  const now = db.prepare('SELECT ref FROM cases WHERE id = ?').pluck();
  return [...refs].filter(([caseId, keys]) => keys.has(key) && caseRefKey(String(now.get(caseId))) !== key).map(([caseId]) => caseId);
}

/** Each case's logged references (as keys), of the case changes that `which` keeps. */
function loggedRefs(db: SqliteStore['db'], which: string): Map<string, Set<string>> {
  const refs = new Map<string, Set<string>>();
  const rows = db.prepare(
    `SELECT record_id, before, after FROM changes WHERE kind = 'cases' AND ${STARTING} AND ${which} ORDER BY seq`,
  ).iterate(starting('c-')) as Iterable<Row>;
  for (const r of rows) {
    const logged = refs.get(r.record_id as string) ?? new Set<string>();
    refs.set(r.record_id as string, logged);
    for (const snapshot of [parseLogged(r.before), parseLogged(r.after)]) {
      if (typeof snapshot?.ref === 'string') logged.add(caseRefKey(snapshot.ref));
    }
  }
  return refs;
}

/**
 * People still tracked who had the typed name and have it no longer (an edit of the name whose old
 * one was then taken away, person unalias): asked when no one tracked has it. A name a change took
 * away is in that change's before, so only those are read.
 */
export function renamedPeople({ db }: SqliteStore, typed: string): string[] {
  const wanted = foldName(typed);
  const rows = db.prepare(
    `SELECT DISTINCT record_id AS id, before FROM changes
      WHERE kind = 'people' AND ${STARTING} AND coalesce(before, 'null') <> 'null' AND record_id IN (SELECT id FROM people)`,
  ).iterate(starting('p-')) as Iterable<Row>;
  const had = new Set<string>();
  for (const r of rows) {
    if (loggedNames(r.before).some((n) => foldName(n.name) === wanted)) had.add(r.id as string);
  }
  const names = db.prepare('SELECT name FROM person_names WHERE person_id = ?').pluck();
  return [...had].filter((id) => !(names.all(id) as string[]).some((name) => foldName(name) === wanted));
}

/**
 * People merged into another whose id starts with the typed text, not in the database now (a merge
 * undone brought them back). formerPeople leaves them out: they live on in the one they went into.
 */
export function mergedAwayById({ db }: SqliteStore, typed: string): string[] {
  const id = typed.trim().toLowerCase();
  if (!id.startsWith('p-') || id.length < 4) return [];
  return (db.prepare(
    `SELECT DISTINCT record_id AS id FROM changes
      WHERE kind = 'people' AND action = 'merge' AND coalesce(after, 'null') = 'null'
        AND ${STARTING} AND record_id NOT IN (SELECT id FROM people)`,
  ).all(starting(id)) as Array<{ id: string }>).map((r) => r.id);
}

/** The person a merge took this one into: the one kept in the batch of its latest merge away. */
export function mergedInto({ db }: SqliteStore, personId: string): string | undefined {
  const row = db.prepare(
    `SELECT kept.record_id AS id FROM changes away
       JOIN changes kept ON kept.batch = away.batch AND kept.kind = 'people' AND kept.action = 'merge' AND coalesce(kept.after, 'null') <> 'null'
      WHERE away.record_id = ? AND away.kind = 'people' AND away.action = 'merge' AND coalesce(away.after, 'null') = 'null'
      ORDER BY away.seq DESC LIMIT 1`,
  ).get(personId) as { id: string } | undefined;
  return row?.id;
}
