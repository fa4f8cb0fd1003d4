// An erase is for good: a restore of a backup made before it must not bring the person back. The
// database being replaced records each erase in its change log (the fact, and fingerprints of the
// person's ids: erase-run.ts). Those the backup's log lacks are carried over into the restored
// copy before it takes the database's place: each entry as it was written (so that an import of an
// older export still refuses the person), and the people of the backup it names erased again, with
// the words of their names when the erase replaced those too. A word erased on its own (erase
// --word) is kept nowhere, so it cannot be erased again: the restore says so.
import { idFingerprint } from '../domain/ids';
import { logsSessions } from './migrations/012-change-sessions';
import type { DB } from './open';
import { SqliteStore } from './sqlite-store';
import { parseLogged } from './trust-audit';
import { eraseFormerPerson, erasePerson, formerPeople } from './upkeep-erase';
import { upgradeInPlace } from './upgrade';

/** An erase entry of the database being replaced, as it was logged. */
export interface EraseEntry { at: string; os_user: string | null; session: string | null; command: string | null; kind: string | null; after: string | null }

/** What a restore carried over: erase entries, people of the backup erased again, words that could not be. */
export interface Carried { entries: number; people: number; words: number }

// And the marks an import took over from a file's "erased" section (erased-memory.ts), each carried as an
// erase's entry. With the session that made it, where the log says (migration 12; the database now
// may be of an older schema, not upgraded by a restore).
const ERASES = (sessions: boolean) => `SELECT at, os_user, session, command, kind, after FROM (
    SELECT c.seq, 0 AS n, c.at, c.os_user, ${sessions ? 'c.session' : 'NULL'} AS session, c.command, c.kind, c.after
      FROM changes c WHERE c.action = 'erase' AND c.record_id IS NULL
    UNION ALL SELECT c.seq, m.key + 1, c.at, c.os_user, ${sessions ? 'c.session' : 'NULL'}, c.command,
      CASE WHEN json_extract(m.value, '$.idFingerprint') IS NULL THEN 'documents' ELSE 'people' END, m.value
      FROM changes c, json_each(c.after, '$.erased') m WHERE c.record_id IS NULL AND c.action = 'import' AND c.kind = 'file'
  ) ORDER BY seq, n`;

/**
 * The database's erases that the backup's log lacks. One whose person is tracked here again (brought
 * back on purpose by import --restore-erased) is over, and stays behind.
 */
export function erasesToCarry(current: DB, backup: DB): EraseEntry[] {
  const ours = current.prepare(ERASES(logsSessions(current))).all() as EraseEntry[];
  if (ours.length === 0) return [];
  const same = (e: EraseEntry) => JSON.stringify([e.at, e.kind, e.after]);
  let theirs: EraseEntry[] = [];
  try {
    theirs = backup.prepare(ERASES(false)).all() as EraseEntry[];
  } catch (error) {
    // A backup from before the change log had these columns holds no erase of its own.
    if (!/no such column/.test((error as Error).message)) throw error;
  }
  const inBackup = new Set(theirs.map(same));
  const trackedHere = new Set((current.prepare('SELECT id FROM people').pluck().all() as string[]).map(idFingerprint));
  return ours.filter((e) => !inBackup.has(same(e)) && !(e.kind === 'people' && trackedHere.has(fingerprints(e)[0] ?? '')));
}

/** The person's id's fingerprint first, then those of the records merged into them. */
function fingerprints(e: EraseEntry): string[] {
  const after = parseLogged(e.after);
  const others = Array.isArray(after?.otherIdFingerprints) ? after.otherIdFingerprints : [];
  return [after?.idFingerprint, ...others].filter((f): f is string => typeof f === 'string');
}

/** In the restored copy (a connection of its own, before it is renamed into place): the entries logged, the people erased again. */
export async function carryErases(copy: DB, entries: EraseEntry[], user: string, now: Date): Promise<Carried> {
  // Erasing needs this caselog's schema; the backup file itself stays as it was.
  upgradeInPlace(copy);
  copy.pragma('foreign_keys = ON');
  copy.pragma('temp_store = MEMORY');
  const store = new SqliteStore(copy, { command: 'restore', user }, { now: () => now.toISOString() });
  store.write(() => {
    const log = copy.prepare(`INSERT INTO changes (batch, at, os_user, session, command, action, kind, record_id, before, after)
      VALUES ((SELECT coalesce(max(batch), 0) + 1 FROM changes), ?, ?, ?, ?, 'erase', ?, NULL, NULL, ?)`);
    for (const e of entries) log.run(e.at, e.os_user, e.session, e.command, e.kind, e.after);
  });
  // Each fingerprint, and whether the erase that kept it replaced the words of their names too.
  const withWords = new Map<string, boolean>();
  for (const e of entries.filter((x) => x.kind === 'people')) {
    const words = parseLogged(e.after)?.words === true;
    for (const f of fingerprints(e)) withWords.set(f, (withWords.get(f) ?? false) || words);
  }
  let people = 0;
  const named = (ids: string[]) => ids.filter((id) => withWords.has(idFingerprint(id)));
  for (const id of named(copy.prepare('SELECT id FROM people').pluck().all() as string[])) {
    await erasePerson(store, id, { words: withWords.get(idFingerprint(id)), unlogged: true });
    people += 1;
  }
  // Someone the backup no longer tracked but whose traces its log keeps (deleted before it was made).
  const gone = copy.prepare(`SELECT DISTINCT record_id FROM changes WHERE kind = 'people' AND record_id IS NOT NULL
    AND record_id NOT IN (SELECT id FROM people)`).pluck().all() as string[];
  for (const id of named(gone)) {
    // Not found when merged into someone: their traces went with that person's erase.
    const former = formerPeople(store, id).find((f) => f.id === id);
    if (!former) continue;
    await eraseFormerPerson(store, former, { words: withWords.get(idFingerprint(id)), unlogged: true });
    people += 1;
  }
  return { entries: entries.length, people, words: entries.filter((e) => e.kind === 'words').length };
}
