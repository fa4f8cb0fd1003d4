// Erasing a person for their safety: their rows, what is only about them, their traces in the change
// log and in any full-text index, then the file rewritten so that no free page or journal keeps a copy.
// Unlike delete, nothing is kept for undo: that is the point.
import { idFingerprint, RECORD_ID } from '../domain/ids';
import { caseRefKey } from '../domain/model';
import { foldName } from '../domain/names';
import { markRewriteOwed, rewriteAfterErase } from './erase-compact';
import { mergedAway, type MergedAway } from './erase-merged';
import { documentHashes, erasedDocumentMark, keptTextHash, rehashInLog, rewrittenDocuments } from './erased-documents';
import { nameWords, planWords, replaceWords } from './erase-words';
import { addressWords, asAddress, markMentions, mentionIn, nameNeedles, namesHolding } from '../domain/name-mentions';
import { peopleTouchedBy, refreshPeople } from './derived';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';
import { parseLogged, withChangeLogUnlocked } from './trust-audit';
import { planDelete, removeRows, type DeletePlan } from './upkeep-delete';

/** A record that stays and names the person (an appeal plan by its case's id and reference). */
export interface Mention {
  kind: 'case' | 'event' | 'deadline' | 'source' | 'appeal plan' | 'appeal target' | 'person'; id: string; ref?: string;
  /** Set when the text holds no whole name, only this word of one ("Alimuly"): a mention to check. */
  part?: string;
}
export interface ErasePlan extends DeletePlan, NamesPlan {
  names: string[];
}

/** Where an erase replaces a person's names, and where it leaves them (another person's). */
export interface NamesPlan {
  /** Records that stay and name them (replaced), or hold a word of a name (`part`: listed to check). */
  mentions: Mention[];
  /** Other people's names that hold one of theirs ("Ali Hassan" for "Ali"): left alone where they stand. */
  protect: string[];
  /**
   * Tracked people with one of their names exactly, and the records linked to those people and not
   * to them (their events, deadlines, cases, their own record): there the name is the namesake's,
   * and stays (`protect` with the shared names), in the records and in their history alike.
   */
  namesakes: { people: string[]; records: Set<string>; protect: string[] };
  /** Records of a namesake's that hold the name, left as they are: listed to check. */
  keptForNamesakes: Mention[];
  /** People and appeal targets whose longer name holds theirs ("Murat Bekov"), left as they are: listed to check. */
  keptInOtherNames: Mention[];
}
/** Change-log entries removed (the person's own) and rewritten without them (other people's). */
export interface LogErased { removed: number; rewritten: number }
export interface Erased {
  plan: ErasePlan; log: LogErased; fileCompacted: boolean;
  /** Duplicates merged into them earlier (src/store/erase-merged.ts), erased with them. */
  mergedRecords: number;
  /**
   * With --words: records whose words of their names were replaced, people and appeal targets that
   * hold one and were left, records still holding a word (as mentionsOf's `part`), log entries rewritten.
   */
  words?: WordsErased;
}
export interface WordsErased { replacedIn: Mention[]; kept: Mention[]; left: Mention[]; logRewritten: number }

/** What stands in the change log where an erased person's name was. */
const ERASED_MARK = '[erased]';

export function planErase(store: SqliteStore, personId: string): ErasePlan {
  const plan = planDelete(store, 'person', personId);
  const names = (store.db.prepare('SELECT name FROM person_names WHERE person_id = ? ORDER BY is_primary DESC, rowid').all(personId) as Row[])
    .map((r) => r.name as string);
  const gone = new Set([personId, ...plan.events, ...plan.deadlines]);
  const named = planNames(store, names, personId);
  return { ...plan, ...named, names, mentions: named.mentions.filter((m) => !gone.has(m.id)) };
}

/**
 * Where the names of a person being erased (`personId`, or someone no longer tracked) are replaced.
 * One rule for both: where a text could be theirs, their safety decides and the name goes, even
 * where a namesake's name is the same; in a namesake's own records (linked to the namesake and not
 * to them) it is the namesake's, and stays.
 */
function planNames(store: SqliteStore, names: string[], personId: string): NamesPlan {
  const needles = nameNeedles(names);
  const others = store.db.prepare('SELECT person_id, name FROM person_names WHERE person_id <> ?').all(personId) as Row[];
  // Appeal targets are people too (officials): "Murat Bekov" the prosecutor is not an erased "Murat".
  const targets = store.db.prepare('SELECT id, name FROM targets').all() as Row[];
  const protect = namesHolding(needles, [...others.map((o) => o.name as string), ...targets.map((t) => t.name as string)]);
  // Those longer names stay as they are: listed, for the caseworker to check.
  const holding = (name: unknown) => nameNeedles([name as string]).some((n) => protect.includes(n));
  const keptInOtherNames: Mention[] = [
    ...[...new Set(others.filter((o) => holding(o.name)).map((o) => o.person_id as string))].map((id) => ({ kind: 'person' as const, id })),
    ...targets.filter((t) => holding(t.name)).map((t) => ({ kind: 'appeal target' as const, id: t.id as string })),
  ];
  const same = others.filter((o) => nameNeedles([o.name as string]).some((n) => needles.includes(n)));
  const people = [...new Set(same.map((o) => o.person_id as string))];
  const records = new Set<string>(people);
  if (people.length > 0) {
    const linked = (table: string, key: string) => store.db.prepare(
      `SELECT ${key} AS id FROM ${table} WHERE person_id IN (SELECT value FROM json_each(@people))
        EXCEPT SELECT ${key} FROM ${table} WHERE person_id = @person`,
    ).all({ people: JSON.stringify(people), person: personId }) as Row[];
    for (const [table, key] of [['event_people', 'event_id'], ['deadline_people', 'deadline_id'], ['case_people', 'case_id']] as const) {
      for (const r of linked(table, key)) records.add(r.id as string);
    }
    // And what is on their cases without naming anyone (a whole-case event, a deadline for the case).
    const onCases = store.db.prepare(
      `SELECT e.id FROM events e WHERE e.case_id IN (SELECT value FROM json_each(@cases))
          AND NOT EXISTS (SELECT 1 FROM event_people ep WHERE ep.event_id = e.id)
        UNION SELECT d.id FROM deadlines d WHERE d.case_id IN (SELECT value FROM json_each(@cases))
          AND NOT EXISTS (SELECT 1 FROM deadline_people dp WHERE dp.deadline_id = d.id)
        UNION SELECT p.id FROM plans p WHERE p.case_id IN (SELECT value FROM json_each(@cases))`,
    ).all({ cases: JSON.stringify(linked('case_people', 'case_id').map((r) => r.id)) }) as Row[];
    for (const r of onCases) records.add(r.id as string);
  }
  const namesakes = { people, records, protect: [...protect, ...nameNeedles(same.map((o) => o.name as string))] };
  const everywhere = mentionsOf(store, names, protect);
  if (people.length === 0) return { mentions: everywhere, protect, namesakes, keptForNamesakes: [], keptInOtherNames };
  // In a namesake's records, what is left to replace once their shared name stands.
  const theirs = mentionsOf(store, names, namesakes.protect).filter((m) => records.has(m.id));
  const mentions = [...everywhere.filter((m) => !records.has(m.id)), ...theirs];
  const kept = everywhere.filter((m) => records.has(m.id) && m.part === undefined && !theirs.some((t) => t.id === m.id && t.part === undefined));
  return { mentions, protect, namesakes, keptForNamesakes: kept, keptInOtherNames };
}

/**
 * The words of a person's names long enough to point to them alone in a text ("Musakhanuly, 31, and
 * Alimuly, 25, were detained"), without the whole names themselves.
 */
function nameParts(names: string[]): string[] {
  const whole = new Set(nameNeedles(names));
  const words = nameNeedles(names.flatMap((n) => n.split(/[^\p{L}\p{M}\p{N}']+/u))).filter((w) => [...w].length >= 4 && !whole.has(w));
  // And each long word's stem without its last vowel, which declension changes (Квиксотика → Квиксотики).
  const stems = words.filter((w) => [...w].length >= 5 && /[aeiouyаеёиоуыэюяөүұі]$/u.test(w)).map((w) => w.slice(0, -1));
  return [...new Set([...words, ...stems])];
}

/**
 * Records that stay but whose text names the person (replaced by ERASED_MARK in the erase), and
 * records holding only a word of a name, listed with that word: over-warning is the safe side.
 * Each record's text columns go to one function call, which says which name it holds first.
 */
export function mentionsOf(store: SqliteStore, names: string[], protect: string[]): Mention[] {
  const whole = nameNeedles(names);
  const parts = nameParts(names);
  const needles = [...whole, ...parts];
  // A whole name (as a word) before a word of one, which may also begin a longer word ("Байсала").
  // A text holding both ("Kasim Mahpir and K. Mahpir") keeps the word once the name is replaced:
  // it is both (the whole name's index, then the word's, as "i,j").
  store.db.function('caselog_name_hit', { deterministic: true, varargs: true }, (...texts: unknown[]) => {
    const strings = texts.filter((t): t is string => typeof t === 'string' && t !== '').flatMap((t) => [t, asAddress(t) ?? '']).filter((t) => t !== '');
    const partIn = (ts: string[]) => {
      for (const t of ts) {
        const found = mentionIn(t, parts, true, protect);
        if (found !== undefined) return needles.indexOf(found);
      }
      return undefined;
    };
    for (const t of strings) {
      const found = mentionIn(t, whole, false, protect);
      if (found === undefined) continue;
      const left = partIn(strings.map((x) => markMentions(x, whole, ERASED_MARK, protect)));
      return left === undefined ? `${needles.indexOf(found)}` : `${needles.indexOf(found)},${left}`;
    }
    const part = partIn(strings);
    return part === undefined ? null : `${part}`;
  });
  const notes = (sql: string) => `(SELECT group_concat(x, ' | ') FROM (${sql}))`;
  const rows = store.db.prepare(
    `SELECT kind, id, ref, hit FROM (
       SELECT 'case' AS kind, id, NULL AS ref, caselog_name_hit(ref, title, summary, close_reason) AS hit FROM cases
       UNION ALL SELECT 'event', id, NULL, caselog_name_hit(summary, place, actor) FROM events
       UNION ALL SELECT 'deadline', id, NULL, caselog_name_hit(note) FROM deadlines
       UNION ALL SELECT 'source', id, NULL, caselog_name_hit(title, publisher, ref, url, body) FROM sources
       UNION ALL SELECT 'person', p.id, NULL, caselog_name_hit(p.citizenship, p.ethnicity, p.gender,
         ${notes('SELECT n.note AS x FROM person_names n WHERE n.person_id = p.id')},
         ${notes('SELECT n.name AS x FROM person_names n WHERE n.person_id = p.id')}) FROM people p
       UNION ALL SELECT 'appeal target', id, NULL, caselog_name_hit(name, title, address, fax, email, salutation) FROM targets
       UNION ALL SELECT 'appeal plan', c.id, c.ref, caselog_name_hit(pl.copies_to, ${notes('SELECT pa.text AS x FROM plan_actions pa WHERE pa.plan_id = pl.id')})
         FROM plans pl JOIN cases c ON c.id = pl.case_id
     ) WHERE hit IS NOT NULL`,
  ).all() as Row[];
  return rows.flatMap((r) => (r.hit as string).split(',').map(Number).map((hit) => ({
    kind: r.kind as Mention['kind'], id: r.id as string, ...(r.ref ? { ref: r.ref as string } : {}),
    ...(hit >= whole.length ? { part: needles[hit]! } : {}),
  })));
}

/**
 * How an erase runs. `words`: each word of their names is replaced too (src/store/erase-words.ts),
 * after the whole names. `unlogged`: the erase's entry is in the log already (an erase carried over
 * by a restore, src/store/restore-erases.ts, with the entry as first written).
 */
export interface EraseOptions { words?: boolean; unlogged?: boolean }

export async function erasePerson(store: SqliteStore, personId: string, opts: EraseOptions = {}): Promise<Erased> {
  return eraseThen(store, personId, opts, (merged) => {
    const plan = planErase(store, personId);
    const nameIds = (store.db.prepare('SELECT id FROM person_names WHERE person_id = ?').all(personId) as Row[]).map((r) => r.id as string);
    const others = new Set(plan.sharedEvents.flatMap((e) => peopleTouchedBy(store.db, e)));
    others.delete(personId);
    removeRows(store, plan);
    replaceNames(store, plan, plan.names);
    const log = eraseFromChangeLog(store, [personId, ...nameIds, ...merged.ids, ...merged.nameIds, ...plan.events, ...plan.deadlines],
      plan.names, plan.protect, plan.namesakes);
    const words = opts.words ? eraseWords(store, plan.names, plan, personId) : undefined;
    clearFullText(store);
    refreshPeople(store.db, others);
    return { plan, log, mergedRecords: merged.ids.length, ...(words ? { words } : {}) };
  });
}

/** Their names' words replaced in the records that stay and their history but a namesake's; what still holds a word, listed. */
function eraseWords(store: SqliteStore, names: string[], plan: NamesPlan, personId: string): WordsErased {
  const words = planWords(store, nameWords(names), personId, plan.namesakes.records);
  const logRewritten = replaceWords(store, words, plan.namesakes.records);
  // A declined form of a word (another ending) is not the word: still listed, to check.
  const left = mentionsOf(store, names, [...plan.protect, ...words.protect]).filter((m) => m.part !== undefined && !plan.namesakes.records.has(m.id));
  return { replacedIn: words.mentions, kept: words.kept, left, logRewritten };
}

/**
 * What every erase does around its own work: deleted content overwritten with zeros, the work in
 * one transaction with the log's note of the erase and the mark that a rewrite is owed, then the
 * file rewritten. The note is only the fact (how much went would say something about who it was),
 * the id's fingerprint, by which an import knows them again (src/store/import.ts), and the salted
 * fingerprints of the documents it rewrote, by which ingest and import know those (erased-documents.ts).
 */
export async function eraseThen<T>(store: SqliteStore, personId: string | undefined, opts: EraseOptions, work: (merged: MergedAway) => T): Promise<T & { fileCompacted: boolean }> {
  store.db.pragma('secure_delete = ON');
  const done = store.write(() => {
    // Read before the work takes the merges out of the log: the duplicates merged into them are them.
    const merged = personId ? mergedAway(store.db, personId) : { ids: [], nameIds: [] };
    const hashes = documentHashes(store.db);
    const result = work(merged);
    const rewritten = rewrittenDocuments(store.db, hashes);
    if (rewritten.length > 0) withChangeLogUnlocked(store, () => rehashInLog(store.db, rewritten));
    const documents = rewritten.length > 0 ? { documents: rewritten.map((d) => erasedDocumentMark(d.old)) } : {};
    const others = merged.ids.length > 0 ? { otherIdFingerprints: merged.ids.map(idFingerprint) } : {};
    // A word erased on its own (src/store/erase-words.ts) is no one's: the entry says only that it
    // happened. Whether the words of their names went too is said, so that a restore of an older
    // backup erases them again as they were (restore-erases.ts).
    if (opts.unlogged) {
      // Logged already.
    } else if (personId) {
      store.logChange('erase', 'people', null, undefined, { idFingerprint: idFingerprint(personId), ...others, ...(opts.words ? { words: true } : {}), ...documents });
    } else {
      store.logChange('erase', 'words', null, undefined, rewritten.length > 0 ? documents : undefined);
    }
    markRewriteOwed(store.db);
    return result;
  });
  // Committed by now: a rewrite that fails (a full disk, a lock) stays owed, done at the next open.
  let fileCompacted = false;
  try {
    fileCompacted = rewriteAfterErase(store.db);
  } catch {
    // Owed (the mark stays): the next caselog to open the file for writing does it.
  }
  return { ...done, fileCompacted };
}

/** A person no longer in the database (deleted, their adding undone) whom the change log still names. */
export interface FormerPerson { id: string; names: string[]; nameIds: string[] }

/**
 * People the change log holds who are no longer tracked, whose logged record has the name (folded as
 * names are compared: case and accents) or whose id starts with the text: deleting them, or undoing
 * their adding, kept their names in the log, and only an erase takes them out.
 */
export function formerPeople(store: SqliteStore, typed: string): FormerPerson[] {
  const wanted = foldName(typed);
  const id = typed.trim().toLowerCase();
  // Every name each of them was logged with (a rename leaves the old one in earlier entries).
  const logged = new Map<string, FormerPerson>();
  // Not someone merged into another (their record went by a merge): they live on in that person.
  const rows = store.db.prepare(
    `SELECT record_id, before, after FROM changes
      WHERE kind = 'people' AND record_id IS NOT NULL AND record_id NOT IN (SELECT id FROM people)
        AND record_id NOT IN (SELECT record_id FROM changes WHERE kind = 'people' AND action = 'merge' AND (after IS NULL OR after = 'null') AND record_id IS NOT NULL)
      ORDER BY seq`,
  ).all() as Row[];
  for (const r of rows) {
    const former = logged.get(r.record_id as string) ?? { id: r.record_id as string, names: [], nameIds: [] };
    logged.set(former.id, former);
    for (const snapshot of [parseLogged(r.before), parseLogged(r.after)]) {
      for (const n of Array.isArray(snapshot?.names) ? (snapshot.names as Array<{ id?: unknown; name?: unknown }>) : []) {
        if (typeof n?.name === 'string' && !former.names.includes(n.name)) former.names.push(n.name);
        if (typeof n?.id === 'string' && !former.nameIds.includes(n.id)) former.nameIds.push(n.id);
      }
    }
  }
  return [...logged.values()].filter((f) => f.names.length > 0
    && (f.names.some((n) => foldName(n) === wanted) || (id.length >= 4 && f.id.startsWith(id))));
}

/**
 * Erases what is left of a person no longer tracked: their names in the records that stay and
 * every trace of them in the change log, as erasePerson does for someone tracked.
 */
export async function eraseFormerPerson(store: SqliteStore, former: FormerPerson, opts: EraseOptions = {}): Promise<Omit<Erased, 'plan'> & { named: NamesPlan }> {
  return eraseThen(store, former.id, opts, (merged) => {
    // As for someone tracked (planNames): their name goes where it could be theirs, and stays in a
    // tracked namesake's own records and history.
    const named = planNames(store, former.names, former.id);
    replaceNames(store, named, former.names);
    const log = eraseFromChangeLog(store, [former.id, ...former.nameIds, ...merged.ids, ...merged.nameIds], former.names, named.protect, named.namesakes);
    const words = opts.words ? eraseWords(store, former.names, named, former.id) : undefined;
    clearFullText(store);
    return { log, named, mergedRecords: merged.ids.length, ...(words ? { words } : {}) };
  });
}

/** The names replaced in the records that stay: in a namesake's records, all but the name they share. */
function replaceNames(store: SqliteStore, named: NamesPlan, names: string[]): void {
  const whole = named.mentions.filter((m) => m.part === undefined);
  scrubMentions(store, whole.filter((m) => !named.namesakes.records.has(m.id)), names, named.protect);
  scrubMentions(store, whole.filter((m) => named.namesakes.records.has(m.id)), names, named.namesakes.protect);
}

/**
 * The one sanctioned rewrite of the change log. The person's own entries (their record, their names,
 * the events and deadlines that were only about them, and those records' appeal records) go
 * altogether. Entries about records that stay keep their time, user, command and record, and lose
 * only the person: their ids leave people lists, and their names, in any case, become ERASED_MARK.
 */
function eraseFromChangeLog(store: SqliteStore, erasedIds: string[], names: string[], protect: string[], namesakes: NamesPlan['namesakes']): LogErased {
  const { db } = store;
  const needles = nameNeedles(names);
  const erased = new Set(erasedIds);
  // Candidates by the JSON text (names as JSON escapes them too); judged below on parsed values.
  const traced = (json: unknown): boolean => {
    if (typeof json !== 'string') return false;
    if (erasedIds.some((id) => json.includes(id))) return true;
    return loggedMention(json, needles, protect);
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
  // A namesake's own entries keep the name they share (planNames).
  const protectOf = (recordId: unknown) => (namesakes.records.has(recordId as string) ? namesakes.protect : protect);
  return withChangeLogUnlocked(store, () => {
    let removed = db.prepare('DELETE FROM changes WHERE record_id IN (SELECT value FROM json_each(?))').run(JSON.stringify([...gone])).changes;
    let rewritten = 0;
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
      } else if (JSON.stringify(b) !== JSON.stringify(before) || JSON.stringify(a) !== JSON.stringify(after)) {
        // A trace in some unexpected place empties the entry: losing some history is the safe side.
        const safe = !hasTrace(b, gone, needles, kept) && !hasTrace(a, gone, needles, kept);
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

/** Whether a logged value (its JSON text) holds one of the needles; candidates only, judged on parsed values. */
export function loggedMention(json: string, needles: string[], protect: string[]): boolean {
  // Escapes read as spacing: a name after a line break ("said:\nAli Baisal") is a word of its own.
  return mentionIn(json.replace(/\\(?:[nrtbf"\\/]|u[0-9a-fA-F]{4})/g, ' '), needles, false, protect) !== undefined;
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
export function scrubValue(value: unknown, erased: Set<string>, needles: string[], protect: string[]): unknown {
  if (typeof value === 'string') return erased.has(value) ? null : RECORD_ID.test(value) ? value : markMentions(value, needles, ERASED_MARK, protect);
  if (Array.isArray(value)) {
    return value.filter((v) => !(typeof v === 'string' && erased.has(v)) && !(isObject(v) && erased.has(v.id as string)))
      .map((v) => scrubValue(v, erased, needles, protect));
  }
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, erased, needles, protect)]));
  return value;
}

const isObject = (v: unknown): v is Snapshot => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Each of the names, as a whole word in any capitals, accents and spacing, replaced by ERASED_MARK. */
export function markNames(text: string, names: string[]): string {
  return markMentions(text, nameNeedles(names), ERASED_MARK);
}

export function hasTrace(value: unknown, erased: Set<string>, needles: string[], protect: string[]): boolean {
  if (typeof value === 'string') {
    if ([...erased].some((id) => value.includes(id))) return true;
    // The mark itself may hold a short name ("Ed" in "[erased]"): only the text between marks counts.
    return !RECORD_ID.test(value) && value.split(ERASED_MARK).some((part) => mentionIn(part, needles, false, protect) !== undefined);
  }
  if (Array.isArray(value)) return value.some((v) => hasTrace(v, erased, needles, protect));
  if (isObject(value)) return Object.values(value).some((v) => hasTrace(v, erased, needles, protect));
  return false;
}

/** The text columns of each kind of record that may name someone. */
const TEXT_COLUMNS: Record<Exclude<Mention['kind'], 'appeal plan'>, { table: string; columns: string[] }> = {
  case: { table: 'cases', columns: ['ref', 'title', 'summary', 'close_reason'] },
  event: { table: 'events', columns: ['summary', 'place', 'actor'] },
  deadline: { table: 'deadlines', columns: ['note'] },
  source: { table: 'sources', columns: ['title', 'publisher', 'ref', 'url', 'body'] },
  person: { table: 'people', columns: ['citizenship', 'ethnicity', 'gender'] },
  'appeal target': { table: 'targets', columns: ['name', 'title', 'address', 'fax', 'email', 'salutation'] },
};

/**
 * Records that stay but name the person in full keep what they say, with each of the person's
 * names replaced by ERASED_MARK, in the erase's own transaction and unlogged: editing them by hand
 * afterwards would write the name into the change log's before-values, which nothing may rewrite.
 */
export function scrubMentions(store: SqliteStore, mentions: Mention[], names: string[], protect: string[], renameNames = true): void {
  const { db } = store;
  const needles = nameNeedles(names);
  // An address names someone in its own spelling (a slug, %20): one that does is replaced whole.
  // Read as mentionsOf reads it: a value naming them only as an address goes whole.
  const markIn = (column: string, value: unknown) => {
    if (typeof value !== 'string') return value;
    const address = column === 'url' ? addressWords(value) : asAddress(value);
    if (address !== undefined && mentionIn(address, needles, false, protect) !== undefined) return ERASED_MARK;
    return markMentions(value, needles, ERASED_MARK, protect);
  };
  const rewrite = (table: string, key: string, columns: string[], id: unknown) => {
    const row = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${key} = ?`).get(id) as Row | undefined;
    if (!row) return;
    const changed = columns.filter((c) => markIn(c, row[c]) !== row[c]);
    if (changed.length === 0) return;
    const values = Object.fromEntries(changed.map((c) => [c, markIn(c, row[c])]));
    // A document's fingerprint is of the text it keeps, not of the one that named them (erased-documents.ts).
    if (table === 'sources' && typeof values.body === 'string' && (db.prepare('SELECT hash FROM sources WHERE id = ?').get(id) as Row).hash !== null) {
      values.hash = keptTextHash(db, id as string, values.body);
    }
    // A reference is also looked up by its key: kept in step.
    if ('ref' in values && values.ref !== null) {
      // Two references that differed only by the name would now be one: numbered apart (cases' are unique).
      const taken = (ref: string) => table === 'cases' && db.prepare('SELECT 1 FROM cases WHERE ref_key = ? AND id <> ?').get(caseRefKey(ref), id) !== undefined;
      let ref = values.ref as string;
      for (let n = 2; taken(ref); n++) ref = `${values.ref as string} (${n})`;
      values.ref = ref;
      values.ref_key = caseRefKey(ref);
    }
    db.prepare(`UPDATE ${table} SET ${Object.keys(values).map((c) => `${c} = @${c}`).join(', ')} WHERE ${key} = @key`).run({ ...values, key: id });
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
    if (m.kind === 'person') {
      for (const n of db.prepare('SELECT id FROM person_names WHERE person_id = ?').all(m.id) as Row[]) rewrite('person_names', 'id', ['note'], n.id);
      // A word of the name alone (erase --words, --word) may be someone's own name: names are left, and listed.
      if (!renameNames) continue;
      for (const n of db.prepare('SELECT id, name, is_primary FROM person_names WHERE person_id = ?').all(m.id) as Row[]) {
        const marked = markMentions(n.name as string, needles, ERASED_MARK, protect);
        if (marked !== n.name) renameName(store, m.id, n, marked);
      }
    }
  }
}

/**
 * Another person's name that holds theirs ("Nephew of Ilyas Zordun") keeps its other words, with its
 * lookup keys made again; one that would now be the same as another of that person's names goes.
 */
function renameName(store: SqliteStore, personId: string, n: Row, name: string): void {
  const { db } = store;
  const twin = db.prepare('SELECT id FROM person_names WHERE person_id = ? AND name = ? AND id <> ?').get(personId, name, n.id) as Row | undefined;
  if (twin && n.is_primary !== 1) {
    db.prepare('DELETE FROM person_names WHERE id = ?').run(n.id);
    return;
  }
  if (twin) db.prepare('DELETE FROM person_names WHERE id = ?').run(twin.id);
  db.prepare('UPDATE person_names SET name = ?, folded = ? WHERE id = ?').run(name, foldName(name), n.id);
  store.setNameKeys(n.id as string, name);
  if (n.is_primary === 1) db.prepare('UPDATE people SET name = ? WHERE id = ?').run(name, personId);
}

/**
 * The search index drops entries with their rows (triggers), but FTS5 keeps deleted terms in its
 * segments until they are merged; rebuilding it from its content leaves none behind.
 */
export function clearFullText(store: SqliteStore): void {
  const indexed = store.db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'search_index'`).get() !== undefined;
  if (indexed) store.db.exec(`INSERT INTO search_index(search_index) VALUES('rebuild')`);
}
