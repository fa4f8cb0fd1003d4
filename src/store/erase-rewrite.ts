// An erase's rewriting of the records that stay: each of the person's names in their text (a
// document's too, with its fingerprint), in other people's longer names, and in the search index.
import { caseRefKey } from '../domain/model';
import { addressWords, asAddress, markMentions, mentionIn, nameNeedles } from '../domain/name-mentions';
import { foldName } from '../domain/names';
import { ERASED_MARK, type Mention } from './erase-mentions';
import type { NamesPlan } from './erase-plan';
import { keptTextHash } from './erased-documents';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

/** The names replaced in the records that stay: in a namesake's records, all but the name they share. */
export function replaceNames(store: SqliteStore, named: NamesPlan, names: string[]): void {
  const whole = named.mentions.filter((m) => m.part === undefined);
  scrubMentions(store, whole.filter((m) => !named.namesakes.records.has(m.id)), names, named.protect);
  scrubMentions(store, whole.filter((m) => named.namesakes.records.has(m.id)), names, named.namesakes.protect);
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
 * A text column's value with the names (needles) replaced by ERASED_MARK. An address names someone
 * in its own spelling (a slug, %20): one that does is replaced whole. Read as mentionsOf reads it:
 * a value naming them only as an address goes whole.
 */
export function markedValue(column: string, value: unknown, needles: string[], protect: string[], anyCase = false): unknown {
  if (typeof value !== 'string') return value;
  const address = column === 'url' ? addressWords(value) : asAddress(value);
  if (address !== undefined && mentionIn(address, needles, false, protect, anyCase) !== undefined) return ERASED_MARK;
  return markMentions(value, needles, ERASED_MARK, protect, anyCase);
}

/**
 * Records that stay but name the person in full keep what they say, with each of the person's
 * names replaced by ERASED_MARK, in the erase's own transaction and unlogged: editing them by hand
 * afterwards would write the name into the change log's before-values, which nothing may rewrite.
 */
export function scrubMentions(store: SqliteStore, mentions: Mention[], names: string[], protect: string[], renameNames = true, anyCase = false): void {
  const { db } = store;
  const needles = nameNeedles(names);
  const markIn = (column: string, value: unknown) => markedValue(column, value, needles, protect, anyCase);
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
