// An erase's change-log entries: the person's own removed, the others rewritten without their ids
// and names; erase --word (erase-words.ts) finds and scrubs a word in logged values the same way.
import { RECORD_ID } from '../domain/ids';
import { markMentions, mayHold, mentionIn, nameNeedles } from '../domain/name-mentions';
import { ERASED_MARK } from './erase-mentions';
import type { NamesPlan } from './erase-plan';
import type { Row } from './rows';
import { pausing, rowsInSteps } from './scan-steps';
import type { SqliteStore } from './sqlite-store';
import { parseLogged, withChangeLogUnlocked } from './trust-audit';

/**
 * Change-log entries removed (the person's own) and rewritten without them (other people's); `left`:
 * entries still holding a name of one word in lower case ("gulnara"), as written where a one-word
 * name may be an ordinary word (name-mentions.ts writtenAsName).
 */
export interface LogErased { removed: number; rewritten: number; left: number }

/**
 * The one sanctioned rewrite of the change log, in steps (scan-steps.ts: every entry is read, tens
 * of seconds on a large database). The person's own entries (their record, their names, the events
 * and deadlines that were only about them, and those records' appeal records) go altogether. Entries
 * about records that stay keep their time, user, command and record, and lose only the person: their
 * ids leave people lists, and their names, in any case, become ERASED_MARK.
 */
export function* eraseLogSteps(store: SqliteStore, erasedIds: string[], names: string[], protect: string[], namesakes: NamesPlan['namesakes']): Generator<void, LogErased> {
  const { db } = store;
  const needles = nameNeedles(names);
  const erased = new Set(erasedIds);
  // Candidates by the JSON text (names as JSON escapes them too); judged below on parsed values.
  const traced = (json: unknown): boolean => {
    if (typeof json !== 'string') return false;
    if (erasedIds.some((id) => json.includes(id))) return true;
    // In any capitals: those left in lower case are counted below.
    return loggedMention(json, needles, protect, true);
  };
  db.function('caselog_erase_traced', { deterministic: true }, (json: unknown) => (traced(json) ? 1 : 0));
  const found = yield* rowsInSteps(db.prepare(
    `SELECT seq, traced FROM (SELECT seq, record_id IN (SELECT value FROM json_each(?)) OR caselog_erase_traced(before) OR caselog_erase_traced(after) AS traced
      FROM changes) WHERE traced OR ${pausing(db)} ORDER BY seq`,
  ), [JSON.stringify(erasedIds)], (r) => r.traced === 1);
  const rows = db.prepare('SELECT seq, kind, record_id, before, after FROM changes WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq')
    .all(JSON.stringify(found.map((r) => r.seq))) as Row[];

  // Records that no longer exist and, when logged, were only about the person (an event of theirs
  // deleted or undone earlier, a record merged into theirs) are theirs too.
  const gone = new Set(erased);
  for (const r of rows) {
    const id = r.record_id as string | null;
    if (!id || gone.has(id) || exists(store, r.kind as string | null, id)) continue;
    if ([r.before, r.after].some((s) => onlyAbout(parseLogged(s), r.kind, erased, needles))) gone.add(id);
  }
  // A namesake's own entries keep the name they share (planNames).
  const protectOf = (recordId: unknown) => (namesakes.records.has(recordId as string) ? namesakes.protect : protect);
  return withChangeLogUnlocked(store, () => {
    let removed = db.prepare('DELETE FROM changes WHERE record_id IN (SELECT value FROM json_each(?))').run(JSON.stringify([...gone])).changes;
    let rewritten = 0;
    let left = 0;
    const remove = db.prepare('DELETE FROM changes WHERE seq = ?');
    const rewrite = db.prepare('UPDATE changes SET before = ?, after = ? WHERE seq = ?');
    for (const r of rows) {
      if (gone.has(r.record_id as string)) continue;
      const before = parseLogged(r.before);
      const after = parseLogged(r.after);
      const kept = protectOf(r.record_id);
      const [b, a] = [scrubValue(before, gone, needles, kept), scrubValue(after, gone, needles, kept)];
      if (before !== null && after !== null && JSON.stringify(before) !== JSON.stringify(after) && JSON.stringify(b) === JSON.stringify(a)) {
        // A change that only linked or unlinked the person is theirs.
        removed += remove.run(r.seq).changes;
        continue;
      } else if (JSON.stringify(b) !== JSON.stringify(before) || JSON.stringify(a) !== JSON.stringify(after)) {
        // A trace in some unexpected place empties the entry: losing some history is the safe side.
        const safe = !hasTrace(b, gone, needles, kept) && !hasTrace(a, gone, needles, kept);
        rewrite.run(safe ? text(b) : null, safe ? text(a) : null, r.seq);
        rewritten += 1;
        if (!safe) continue;
      }
      if (hasTrace(b, gone, needles, kept, true) || hasTrace(a, gone, needles, kept, true)) left += 1;
    }
    // An undo all of whose records were theirs leaves a line naming only the batch it reversed; kept
    // while that batch has lines left (an import's own entry): without it, undo would take that batch
    // for one not undone yet.
    removed += db.prepare(
      `DELETE FROM changes WHERE action = 'undo' AND kind = 'batch'
         AND NOT EXISTS (SELECT 1 FROM changes o WHERE o.batch = changes.batch AND o.seq <> changes.seq)
         AND NOT EXISTS (SELECT 1 FROM changes r WHERE r.batch = json_extract(changes.after, '$.batch'))`,
    ).run().changes;
    return { removed, rewritten, left };
  });
}

/** Whether a logged value (its JSON text) holds one of the needles; candidates only, judged on parsed values. */
export function loggedMention(json: string, needles: string[], protect: string[], anyCase = false): boolean {
  // Most entries ruled out as they are (mayHold): their escapes read as spacing only splits words.
  if (!mayHold(json, needles)) return false;
  // Escapes read as spacing: a name after a line break ("said:\nAli Baisal") is a word of its own.
  return mentionIn(json.replace(/\\(?:[nrtbf"\\/]|u[0-9a-fA-F]{4})/g, ' '), needles, false, protect, anyCase) !== undefined;
}

const TABLE: Record<string, string> = { people: 'people', events: 'events', deadlines: 'deadlines' };
function exists(store: SqliteStore, kind: string | null, id: string): boolean {
  const table = TABLE[kind ?? ''];
  return table === undefined || store.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

type Snapshot = Record<string, unknown>;
const text = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/** An event or deadline that named only them, or a person all of whose names are theirs. */
function onlyAbout(snapshot: Snapshot | null, kind: unknown, erased: Set<string>, needles: string[]): boolean {
  if (!snapshot) return false;
  const list = (field: string) => (Array.isArray(snapshot[field]) ? (snapshot[field] as unknown[]) : []);
  if (kind === 'events' || kind === 'deadlines') return list('people').length > 0 && list('people').every((p) => erased.has(p as string));
  if (kind === 'people') return list('names').length > 0 && list('names').every((n) => needles.includes(nameNeedles([String((n as Snapshot)?.name ?? '')])[0] ?? ''));
  return false;
}

// A record id in full; other records' ids are left alone even if a short name happens to be in them.

/** A logged value without the person: their ids out of lists (or null elsewhere), their names marked. */
export function scrubValue(value: unknown, erased: Set<string>, needles: string[], protect: string[], anyCase = false): unknown {
  if (typeof value === 'string') return erased.has(value) ? null : RECORD_ID.test(value) ? value : markMentions(value, needles, ERASED_MARK, protect, anyCase);
  if (Array.isArray(value)) {
    return value.filter((v) => !(typeof v === 'string' && erased.has(v)) && !(isObject(v) && erased.has(v.id as string)))
      .map((v) => scrubValue(v, erased, needles, protect, anyCase));
  }
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, erased, needles, protect, anyCase)]));
  return value;
}

const isObject = (v: unknown): v is Snapshot => v !== null && typeof v === 'object' && !Array.isArray(v);

export function hasTrace(value: unknown, erased: Set<string>, needles: string[], protect: string[], anyCase = false): boolean {
  if (typeof value === 'string') {
    if ([...erased].some((id) => value.includes(id))) return true;
    // The mark itself may hold a short name ("Ed" in "[erased]"): only the text between marks counts.
    return !RECORD_ID.test(value) && value.split(ERASED_MARK).some((part) => mentionIn(part, needles, false, protect, anyCase) !== undefined);
  }
  if (Array.isArray(value)) return value.some((v) => hasTrace(v, erased, needles, protect, anyCase));
  if (isObject(value)) return Object.values(value).some((v) => hasTrace(v, erased, needles, protect, anyCase));
  return false;
}
