// Erasing a person for their safety: their rows, what is only about them, their traces in the change
// log and in any full-text index, then the file rewritten so that no free page or journal keeps a copy.
// Unlike delete, nothing is kept for undo: that is the point.
import { idFingerprint, RECORD_ID } from '../domain/ids';
import { peopleTouchedBy, refreshPeople } from './derived';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';
import { parseLogged, withChangeLogUnlocked } from './trust-audit';
import { planDelete, removeRows, type DeletePlan } from './upkeep-delete';

/** A record that stays and names the person (an appeal plan by its case's id and reference). */
export interface Mention {
  kind: 'case' | 'event' | 'deadline' | 'source' | 'appeal plan' | 'person'; id: string; ref?: string;
  /** Set when the text holds no whole name, only this word of one ("Alimuly"): a mention to check. */
  part?: string;
}
export interface ErasePlan extends DeletePlan { names: string[]; mentions: Mention[] }
/** Change-log entries removed (the person's own) and rewritten without them (other people's). */
export interface LogErased { removed: number; rewritten: number }
export interface Erased { plan: ErasePlan; log: LogErased; fileCompacted: boolean }

/** What stands in the change log where an erased person's name was. */
const ERASED_MARK = '[erased]';

export function planErase(store: SqliteStore, personId: string): ErasePlan {
  const plan = planDelete(store, 'person', personId);
  const names = (store.db.prepare('SELECT name FROM person_names WHERE person_id = ? ORDER BY is_primary DESC, rowid').all(personId) as Row[])
    .map((r) => r.name as string);
  const gone = new Set([personId, ...plan.events, ...plan.deadlines]);
  return { ...plan, names, mentions: mentionsOf(store, names).filter((m) => !gone.has(m.id)) };
}

/** SQLite's lower() folds A-Z only: "Қастер" or "Émile" in a summary would go unnoticed. */
function registerLower(store: SqliteStore): void {
  store.db.function('caselog_lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : ''));
}

/**
 * The words of a person's names long enough to point to them alone in a text ("Musakhanuly, 31, and
 * Alimuly, 25, were detained"), lowercased, without the whole names themselves.
 */
function nameParts(names: string[]): string[] {
  const whole = new Set(names.map((n) => n.toLowerCase()));
  const words = names.flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{M}\p{N}']+/u));
  return [...new Set(words)].filter((w) => [...w].length >= 4 && !whole.has(w));
}

/**
 * Records that stay but whose text names the person: the caseworker must edit them by hand. A
 * record holding only a word of a name is listed too, with that word: over-warning is the safe side.
 */
function mentionsOf(store: SqliteStore, names: string[]): Mention[] {
  const whole = names.map((n) => n.toLowerCase());
  const needles = [...whole, ...nameParts(names)];
  registerLower(store);
  // The first needle a text holds, by its place in the list: whole names come first.
  const hit = (cols: string[]) => `(SELECT min(n.key) FROM json_each(@needles) n WHERE ${cols.map((c) => `instr(caselog_lower(${c}), n.value) > 0`).join(' OR ')})`;
  const rows = store.db.prepare(
    `SELECT kind, id, ref, hit FROM (
       SELECT 'case' AS kind, id, NULL AS ref, ${hit(['title', 'summary'])} AS hit FROM cases
       UNION ALL SELECT 'event', id, NULL, ${hit(['summary', 'place', 'actor'])} FROM events
       UNION ALL SELECT 'deadline', id, NULL, ${hit(['note'])} FROM deadlines
       UNION ALL SELECT 'source', id, NULL, ${hit(['title', 'body'])} FROM sources
       UNION ALL SELECT 'person', p.id, NULL, coalesce(${hit(['p.citizenship', 'p.ethnicity', 'p.gender'])},
         (SELECT min(${hit(['n.note'])}) FROM person_names n WHERE n.person_id = p.id)) FROM people p
       UNION ALL SELECT 'appeal plan', c.id, c.ref,
         coalesce(${hit(['pl.copies_to'])}, (SELECT min(${hit(['pa.text'])}) FROM plan_actions pa WHERE pa.plan_id = pl.id))
         FROM plans pl JOIN cases c ON c.id = pl.case_id
     ) WHERE hit IS NOT NULL`,
  ).all({ needles: JSON.stringify(needles) }) as Row[];
  return rows.map((r) => ({
    kind: r.kind as Mention['kind'], id: r.id as string, ...(r.ref ? { ref: r.ref as string } : {}),
    ...((r.hit as number) >= whole.length ? { part: needles[r.hit as number]! } : {}),
  }));
}

export async function erasePerson(store: SqliteStore, personId: string): Promise<Erased> {
  // Deleted content is overwritten with zeros instead of left in free space.
  store.db.pragma('secure_delete = ON');
  const { plan, log } = store.write(() => {
    const plan = planErase(store, personId);
    const nameIds = (store.db.prepare('SELECT id FROM person_names WHERE person_id = ?').all(personId) as Row[]).map((r) => r.id as string);
    const others = new Set(plan.sharedEvents.flatMap((e) => peopleTouchedBy(store.db, e)));
    others.delete(personId);
    removeRows(store, plan);
    scrubMentions(store, plan.mentions.filter((m) => m.part === undefined), plan.names);
    clearFullText(store);
    const log = eraseFromChangeLog(store, [personId, ...nameIds, ...plan.events, ...plan.deadlines], plan.names);
    refreshPeople(store.db, others);
    // Only the fact (how much went would say something about who it was), and the id's fingerprint,
    // by which an import knows them again (src/store/import.ts).
    store.logChange('erase', 'people', null, undefined, { idFingerprint: idFingerprint(personId) });
    return { plan, log };
  });
  return { plan, log, fileCompacted: compact(store) };
}

/**
 * The one sanctioned rewrite of the change log. The person's own entries (their record, their names,
 * the events and deadlines that were only about them, and those records' appeal records) go
 * altogether. Entries about records that stay keep their time, user, command and record, and lose
 * only the person: their ids leave people lists, and their names, in any case, become ERASED_MARK.
 */
function eraseFromChangeLog(store: SqliteStore, erasedIds: string[], names: string[]): LogErased {
  const { db } = store;
  const needles = [...new Set(names.map((n) => n.toLowerCase()).filter((n) => n.length > 0))];
  const erased = new Set(erasedIds);
  // Candidates by the raw JSON text, a superset (names as JSON escapes them too); judged below on parsed values.
  const rawNeedles = [...needles, ...needles.map((n) => JSON.stringify(n).slice(1, -1))];
  const traced = (json: unknown): boolean => {
    if (typeof json !== 'string') return false;
    if (erasedIds.some((id) => json.includes(id))) return true;
    const lower = json.toLowerCase();
    return rawNeedles.some((n) => lower.includes(n));
  };
  db.function('caselog_erase_traced', { deterministic: true }, (json: unknown) => (traced(json) ? 1 : 0));
  const rows = db.prepare(
    `SELECT seq, kind, record_id, before, after FROM changes
      WHERE record_id IN (SELECT value FROM json_each(?)) OR caselog_erase_traced(before) OR caselog_erase_traced(after)`,
  ).all(JSON.stringify(erasedIds)) as Row[];

  // Records that no longer exist and, when logged, were only about the person (an event of theirs
  // deleted or undone earlier, a record merged into theirs) are theirs too.
  const gone = new Set(erased);
  for (const r of rows) {
    const id = r.record_id as string | null;
    if (!id || gone.has(id) || exists(store, r.kind as string | null, id)) continue;
    if ([r.before, r.after].some((s) => onlyAbout(parseLogged(s), r.kind, erased, needles))) gone.add(id);
  }
  const scrub = (value: unknown) => scrubValue(value, gone, needles);
  return withChangeLogUnlocked(store, () => {
    let removed = db.prepare('DELETE FROM changes WHERE record_id IN (SELECT value FROM json_each(?))').run(JSON.stringify([...gone])).changes;
    let rewritten = 0;
    const remove = db.prepare('DELETE FROM changes WHERE seq = ?');
    const rewrite = db.prepare('UPDATE changes SET before = ?, after = ? WHERE seq = ?');
    for (const r of rows) {
      if (gone.has(r.record_id as string)) continue;
      const before = parseLogged(r.before);
      const after = parseLogged(r.after);
      const [b, a] = [scrub(before), scrub(after)];
      if (before !== null && after !== null && JSON.stringify(before) !== JSON.stringify(after) && JSON.stringify(b) === JSON.stringify(a)) {
        // A change that only linked or unlinked the person is theirs.
        removed += remove.run(r.seq).changes;
      } else if (JSON.stringify(b) !== JSON.stringify(before) || JSON.stringify(a) !== JSON.stringify(after)) {
        // A trace in some unexpected place empties the entry: losing some history is the safe side.
        const safe = !hasTrace(b, gone, needles) && !hasTrace(a, gone, needles);
        rewrite.run(safe ? text(b) : null, safe ? text(a) : null, r.seq);
        rewritten += 1;
      }
    }
    // An undo all of whose records were theirs leaves a line naming only the batch it reversed.
    removed += db.prepare(
      `DELETE FROM changes WHERE action = 'undo' AND kind = 'batch'
         AND NOT EXISTS (SELECT 1 FROM changes o WHERE o.batch = changes.batch AND o.seq <> changes.seq)`,
    ).run().changes;
    return { removed, rewritten };
  });
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
  if (kind === 'people') return list('names').length > 0 && list('names').every((n) => needles.includes(String((n as Snapshot)?.name ?? '').toLowerCase()));
  return false;
}

// A record id in full; other records' ids are left alone even if a short name happens to be in them.

/** A logged value without the person: their ids out of lists (or null elsewhere), their names marked. */
function scrubValue(value: unknown, erased: Set<string>, needles: string[]): unknown {
  if (typeof value === 'string') return erased.has(value) ? null : RECORD_ID.test(value) ? value : markNames(value, needles);
  if (Array.isArray(value)) {
    return value.filter((v) => !(typeof v === 'string' && erased.has(v)) && !(isObject(v) && erased.has(v.id as string)))
      .map((v) => scrubValue(v, erased, needles));
  }
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, erased, needles)]));
  return value;
}

const isObject = (v: unknown): v is Snapshot => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Each name, matched as planErase finds mentions (case folded by toLowerCase), replaced in one pass. */
export function markNames(text: string, names: string[]): string {
  // The longest first: "Hemit Memet Jr" is marked whole, not as "Hemit Memet" and a " Jr" left over.
  const needles = [...names].sort((a, b) => b.length - a.length);
  const { lower, from } = lowered(text);
  let out = '';
  let last = 0;
  for (let i = 0; i < lower.length;) {
    const hit = needles.find((n) => lower.startsWith(n, i));
    if (hit === undefined) {
      i += 1;
      continue;
    }
    out += text.slice(last, from(i)) + ERASED_MARK;
    i += hit.length;
    last = from(i);
  }
  return out + text.slice(last);
}

/**
 * The text lowercased, and where in the text each position of it came from. Lowercasing rarely
 * changes the length ("İstanbul" lowers to one more code unit); then it is done a character at a
 * time, so that what is kept between marks is the original text, never its lowercase.
 */
function lowered(text: string): { lower: string; from: (i: number) => number } {
  const whole = text.toLowerCase();
  if (whole.length === text.length) return { lower: whole, from: (i) => i };
  const origin: number[] = [];
  let lower = '';
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const low = char.toLowerCase();
    for (let k = 0; k < low.length; k++) origin.push(i);
    lower += low;
    i += char.length;
  }
  origin.push(text.length);
  return { lower, from: (i) => origin[i]! };
}

function hasTrace(value: unknown, erased: Set<string>, needles: string[]): boolean {
  if (typeof value === 'string') {
    if ([...erased].some((id) => value.includes(id))) return true;
    // The mark itself may hold a short name ("Ed" in "[erased]"): only the text between marks counts.
    return !RECORD_ID.test(value) && value.split(ERASED_MARK).some((part) => needles.some((n) => part.toLowerCase().includes(n)));
  }
  if (Array.isArray(value)) return value.some((v) => hasTrace(v, erased, needles));
  if (isObject(value)) return Object.values(value).some((v) => hasTrace(v, erased, needles));
  return false;
}

/** The text columns of each kind of record that may name someone. */
const TEXT_COLUMNS: Record<Exclude<Mention['kind'], 'appeal plan'>, { table: string; columns: string[] }> = {
  case: { table: 'cases', columns: ['title', 'summary'] },
  event: { table: 'events', columns: ['summary', 'place', 'actor'] },
  deadline: { table: 'deadlines', columns: ['note'] },
  source: { table: 'sources', columns: ['title', 'body'] },
  person: { table: 'people', columns: ['citizenship', 'ethnicity', 'gender'] },
};

/**
 * Records that stay but name the person in full keep what they say, with each of the person's
 * names replaced by ERASED_MARK, in the erase's own transaction and unlogged: editing them by hand
 * afterwards would write the name into the change log's before-values, which nothing may rewrite.
 */
function scrubMentions(store: SqliteStore, mentions: Mention[], names: string[]): void {
  const { db } = store;
  const needles = [...new Set(names.map((n) => n.toLowerCase()).filter((n) => n.length > 0))];
  const mark = (value: unknown) => (typeof value === 'string' ? markNames(value, needles) : value);
  const rewrite = (table: string, key: string, columns: string[], id: unknown) => {
    const row = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${key} = ?`).get(id) as Row | undefined;
    if (!row) return;
    const changed = columns.filter((c) => mark(row[c]) !== row[c]);
    if (changed.length > 0) db.prepare(`UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE ${key} = ?`).run(...changed.map((c) => mark(row[c])), id);
  };
  for (const m of mentions) {
    if (m.kind === 'appeal plan') {
      const plan = db.prepare('SELECT id FROM plans WHERE case_id = ?').get(m.id) as Row | undefined;
      if (!plan) continue;
      rewrite('plans', 'id', ['copies_to'], plan.id);
      for (const a of db.prepare('SELECT id FROM plan_actions WHERE plan_id = ?').all(plan.id) as Row[]) rewrite('plan_actions', 'id', ['text'], a.id);
      continue;
    }
    const { table, columns } = TEXT_COLUMNS[m.kind];
    rewrite(table, 'id', columns, m.id);
    if (m.kind === 'person') for (const n of db.prepare('SELECT id FROM person_names WHERE person_id = ?').all(m.id) as Row[]) rewrite('person_names', 'id', ['note'], n.id);
  }
}

/**
 * The search index drops entries with their rows (triggers), but FTS5 keeps deleted terms in its
 * segments until they are merged; rebuilding it from its content leaves none behind.
 */
function clearFullText(store: SqliteStore): void {
  const indexed = store.db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'search_index'`).get() !== undefined;
  if (indexed) store.db.exec(`INSERT INTO search_index(search_index) VALUES('rebuild')`);
}

/** Rewrites the file without free pages and empties the write-ahead log; false if another process held it. */
function compact(store: SqliteStore): boolean {
  store.db.exec('VACUUM');
  const [result] = store.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  return !result || result.busy === 0;
}
