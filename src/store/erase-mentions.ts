// Where an erased person's names stand in the records that stay: the mark that replaces them, and
// the search that finds each record naming them, whole or by a word (upkeep-erase.ts erases them).
import { asAddress, markMentions, mayHold, mentionIn, nameMayHold, nameNeedles, oneWord } from '../domain/name-mentions';
import { looseWords, otherSpellingIn } from '../domain/name-spellings';
import { allSteps, pausing, rowsInSteps } from './scan-steps';
import type { SqliteStore } from './sqlite-store';

/** A record that stays and names the person (an appeal plan by its case's id and reference). */
export interface Mention {
  kind: 'case' | 'event' | 'deadline' | 'source' | 'appeal plan' | 'appeal target' | 'person'; id: string; ref?: string;
  /**
   * Set when the text holds no whole name, only this word of one ("Alimuly"), or a word of one in
   * another script's spelling ("Кастер", name-spellings.ts): a mention to check.
   */
  part?: string;
}

/** What stands in the change log where an erased person's name was. */
export const ERASED_MARK = '[erased]';

/**
 * The words of a person's names long enough to point to them alone in a text ("Musakhanuly, 31, and
 * Alimuly, 25, were detained"), without the whole names themselves; but with a name of one word,
 * which is replaced only where it is written with a capital ("Grace"): "grace" is looked for too.
 */
function nameParts(names: string[]): string[] {
  const whole = nameNeedles(names);
  const several = new Set(whole.filter((n) => !oneWord(n)));
  // A one-word name of three letters ("Ali", as --words replaces it) in lower case too.
  const short = whole.filter((n) => oneWord(n) && [...n].length === 3);
  const words = [...nameNeedles(names.flatMap((n) => n.split(/[^\p{L}\p{M}\p{N}']+/u))).filter((w) => [...w].length >= 4 && !several.has(w)), ...short];
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
  return allSteps(mentionSteps(store, names, protect));
}

/**
 * mentionsOf in steps (scan-steps.ts): looking through every record takes tens of seconds on a large
 * database. `only`: the records looked through, by id (an appeal plan by its case's), when not all.
 */
export function* mentionSteps(store: SqliteStore, names: string[], protect: string[], only?: Set<string>, anyCase = false): Generator<void, Mention[]> {
  const whole = nameNeedles(names);
  const parts = nameParts(names);
  const needles = [...whole, ...parts];
  const loose = looseWords(names);
  // A whole name (as a word) before a word of one, which may also begin a longer word ("Байсала").
  // A text holding both ("Kasim Mahpir and K. Mahpir") keeps the word once the name is replaced:
  // it is both (the whole name's index, then the word's, as "i,j").
  store.db.function('caselog_name_hit', { deterministic: true, varargs: true }, (...texts: unknown[]) => {
    // Their name in another spelling ("Qaster Musakhan", "Кастер"): listed with the word as written.
    const otherSpelling = (ts: unknown[]) => {
      for (const t of ts) {
        const word = typeof t === 'string' ? otherSpellingIn(t, loose) : undefined;
        if (word !== undefined) return `~${word}`;
      }
      return null;
    };
    // Most records hold none as written: told at once (an address in a text is words of it, so it holds none either).
    if (!texts.some((t) => typeof t === 'string' && mayHold(t, needles))) return otherSpelling(texts);
    const strings = texts.filter((t): t is string => typeof t === 'string' && t !== '').flatMap((t) => [t, asAddress(t) ?? '']).filter((t) => t !== '');
    const partIn = (ts: string[]) => {
      for (const t of ts) {
        const found = mentionIn(t, parts, true, protect);
        // A one-word name is a part too (nameParts): its index among the parts.
        if (found !== undefined) return whole.length + parts.indexOf(found);
      }
      return undefined;
    };
    for (const t of strings) {
      const found = mentionIn(t, whole, false, protect, anyCase);
      if (found === undefined) continue;
      const left = partIn(strings.map((x) => markMentions(x, whole, ERASED_MARK, protect, anyCase)));
      return left === undefined ? `${needles.indexOf(found)}` : `${needles.indexOf(found)},${left}`;
    }
    const part = partIn(strings);
    return part !== undefined ? `${part}` : otherSpelling(strings);
  });
  const notes = (sql: string) => `(SELECT group_concat(x, ' | ') FROM (${sql}))`;
  const among = (id: string) => (only ? ` WHERE ${id} IN (SELECT value FROM json_each(@only))` : '');
  const rows = yield* rowsInSteps(store.db.prepare(
    `SELECT kind, id, ref, hit FROM (
       SELECT 'case' AS kind, id, NULL AS ref, caselog_name_hit(ref, title, summary, close_reason) AS hit FROM cases${among('id')}
       UNION ALL SELECT 'event', id, NULL, caselog_name_hit(summary, place, actor) FROM events${among('id')}
       UNION ALL SELECT 'deadline', id, NULL, caselog_name_hit(note) FROM deadlines${among('id')}
       UNION ALL SELECT 'source', id, NULL, caselog_name_hit(title, publisher, ref, url, body) FROM sources${among('id')}
       UNION ALL SELECT 'person', p.id, NULL, caselog_name_hit(p.citizenship, p.ethnicity, p.gender,
         ${notes('SELECT n.note AS x FROM person_names n WHERE n.person_id = p.id')},
         ${notes('SELECT n.name AS x FROM person_names n WHERE n.person_id = p.id')}) FROM people p${among('p.id')}
       UNION ALL SELECT 'appeal target', id, NULL, caselog_name_hit(name, title, address, fax, email, salutation) FROM targets${among('id')}
       UNION ALL SELECT 'appeal plan', c.id, c.ref, caselog_name_hit(pl.copies_to, ${notes('SELECT pa.text AS x FROM plan_actions pa WHERE pa.plan_id = pl.id')})
         FROM plans pl JOIN cases c ON c.id = pl.case_id${among('c.id')}
     ) WHERE hit IS NOT NULL OR ${pausing(store.db)}`,
  ), only ? [{ only: JSON.stringify([...only]) }] : [], (r) => r.hit !== null);
  return rows.flatMap((r) => (r.hit as string).split(',').map((hit) => ({
    kind: r.kind as Mention['kind'], id: r.id as string, ...(r.ref ? { ref: r.ref as string } : {}),
    ...(hit.startsWith('~') ? { part: hit.slice(1) } : Number(hit) >= whole.length ? { part: needles[Number(hit)]! } : {}),
  })));
}

/**
 * A condition on a column of names (registered on the connection), false for a name that neither is
 * one of the needles nor holds one (nameMayHold; mayHold tells most at once): a query reads only the
 * few names that may, not every name of a large database into memory.
 */
export function nameMayHoldSql(store: SqliteStore, needles: string[]): (column: string) => string {
  store.db.function('caselog_name_may_hold', { deterministic: true },
    (name: unknown) => (typeof name === 'string' && mayHold(name, needles) && nameMayHold(name, needles) ? 1 : 0));
  return (column) => `caselog_name_may_hold(${column})`;
}

/** Each of the names, as a whole word in any capitals, accents and spacing, replaced by ERASED_MARK. */
export function markNames(text: string, names: string[]): string {
  return markMentions(text, nameNeedles(names), ERASED_MARK);
}
