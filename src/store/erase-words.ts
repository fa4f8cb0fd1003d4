// The words of an erased person's names left in records that stay ("Musakhanuly and Alimuly
// detained", an ingested document): editing them by hand writes the word into the change log's
// before-value for good, and a document's text cannot be edited at all. An erase replaces them
// (erase WHO --words), or one word at a time once the person is gone (erase --word WORD), in the
// records, the search index and the change log alike, as it replaces whole names.
import { foldName } from '../domain/names';
import { particleWord } from '../domain/names-token';
import { mentionIn, nameNeedles, namesHolding } from '../domain/name-mentions';
import type { Row } from './rows';
import { allSteps, pausing, rowsInSteps } from './scan-steps';
import { asShown } from './plan-shown';
import type { SqliteStore } from './sqlite-store';
import { withChangeLogUnlocked, parseLogged } from './trust-audit';
import { hasTrace, loggedMention, scrubValue } from './erase-log';
import { mentionSteps, nameMayHoldSql, type Mention } from './erase-mentions';
import { clearFullText, scrubMentions } from './erase-rewrite';
import { eraseThen, type EraseOptions } from './erase-run';


export interface WordsPlan {
  words: string[];
  /** Other people's and appeal targets' longer names that hold a word ("Aidos Musakhanuly"): left where they stand. */
  protect: string[];
  /** Records that stay with the words replaced (a person's fields and name notes, not their names). */
  mentions: Mention[];
  /**
   * People whose names, and appeal targets, holding a word: someone's own name (or a longer name
   * holding it, "Kaster Musakhanuly" for "Kaster"), left as it is, listed to check.
   */
  kept: Mention[];
  /**
   * Records holding a word only where it is not replaced, listed to check: in lower case ("said",
   * maybe the ordinary word) or beginning a longer word ("Musakhanulyn").
   */
  unreplaced: Mention[];
  /** erase --word --any-case: the word in lower case too. */
  anyCase?: boolean;
}

/**
 * Each word of the names with three letters or more ("Kaster", "Musakhanuly"; not "K."), as a text may
 * name them by one: every written form, each script's ("Kenzhebek" and "Кенжебек" both stay, though
 * they transliterate alike: a text holds one or the other), capitals aside.
 */
export function nameWords(names: string[]): string[] {
  // A particle ("van", "der", "bin") names no one by itself, and is an ordinary word in many texts ("Der Tag").
  const words = names.flatMap((n) => n.split(/[^\p{L}\p{M}\p{N}']+/u))
    .filter((w) => (w.match(/\p{L}/gu) ?? []).length >= 3 && !particleWord(w.toLowerCase()));
  return [...new Map(words.map((w) => [w.normalize('NFC').toLowerCase(), w])).values()];
}

/**
 * Where the words stand as whole words written with a capital (in scripts that have them; accents
 * aside), outside a longer name of someone else's. `personId`: the person being erased, whose own names protect nothing; `skip`:
 * records left as they are (a namesake's own, planNames).
 */
export function planWords(store: SqliteStore, words: string[], personId = '', skip: Set<string> = new Set(), anyCase = false): WordsPlan {
  return allSteps(planWordSteps(store, words, personId, skip, anyCase));
}

export function* planWordSteps(store: SqliteStore, allWords: string[], personId = '', skip: Set<string> = new Set(), anyCase = false): Generator<void, WordsPlan> {
  // A word that is another tracked person's name ("Said", someone known by it alone) is theirs: in
  // their own records too. Left everywhere, and they are listed (erase --word refuses it the same way).
  const named = personId === '' ? [] : allWords.map((w) => personNamed(store, w, personId));
  const words = allWords.filter((_, i) => named[i] === undefined);
  const namedPeople: Mention[] = [...new Set(named.flatMap((r) => (r ? [r.id as string] : [])))].map((id) => ({ kind: 'person', id }));
  const needles = nameNeedles(words);
  // Only names that may hold a word matter (nameMayHoldSql).
  const mayHoldIn = nameMayHoldSql(store, needles);
  const others = store.db.prepare(`SELECT 'person' AS kind, person_id AS id, name FROM person_names WHERE person_id <> ? AND ${mayHoldIn('name')}
    UNION ALL SELECT 'appeal target', id, name FROM targets WHERE ${mayHoldIn('name')}`).all(personId) as Row[];
  const holding = others.map((o) => namesHolding(needles, [o.name as string]));
  const protect = holding.flat();
  // Those whose longer name holds a word ("Kaster Musakhanuly" for "Kaster") keep it: listed, to check.
  const inLongerNames = new Map(others.filter((_, i) => holding[i]!.length > 0).map((o): [string, Mention] => [o.id as string, { kind: o.kind as Mention['kind'], id: o.id as string }]));
  const all = (yield* mentionSteps(store, words, protect, undefined, anyCase)).filter((m) => !skip.has(m.id));
  // A record holding a word only as the start of a longer one, or in lower case, is not rewritten.
  const found = all.filter((m) => m.part === undefined);
  const holds = (text: unknown) => typeof text === 'string' && mentionIn(text, needles, false, protect, anyCase) !== undefined;
  const person = (id: string) => {
    const fields = store.db.prepare('SELECT citizenship, ethnicity, gender FROM people WHERE id = ?').get(id) as Row;
    const names = store.db.prepare('SELECT name, note FROM person_names WHERE person_id = ?').all(id) as Row[];
    return { inFields: [...Object.values(fields), ...names.map((n) => n.note)].some(holds), inNames: names.some((n) => holds(n.name)) };
  };
  const people = new Map(found.filter((m) => m.kind === 'person').map((m) => [m.id, person(m.id)]));
  return {
    words, protect,
    mentions: found.filter((m) => m.kind !== 'appeal target' && (m.kind !== 'person' || people.get(m.id)!.inFields)),
    kept: [...new Map([...namedPeople, ...inLongerNames.values(), ...found.filter((m) => m.kind === 'appeal target' || (m.kind === 'person' && people.get(m.id)!.inNames))]
      .map((m): [string, Mention] => [m.id, m])).values()],
    unreplaced: all.filter((m) => m.part !== undefined),
    ...(anyCase ? { anyCase } : {}),
  };
}

/** The change-log entries a word replacement rewrote, and those left holding a word in lower case (for erase --word --any-case). */
export interface LogWords { rewritten: number; left: number }

/**
 * Inside an erase's transaction: the words replaced in the records and the change log (but for the
 * entries of `skip`'s records); the caller rebuilds the search index.
 */
export function* replaceWordSteps(store: SqliteStore, plan: WordsPlan, skip: Set<string> = new Set()): Generator<void, LogWords> {
  const anyCase = plan.anyCase ?? false;
  scrubMentions(store, plan.mentions, plan.words, plan.protect, false, anyCase);
  const { db } = store;
  const needles = nameNeedles(plan.words);
  // Entries holding a word in any capitals: those written with one are rewritten, the others counted.
  db.function('caselog_word_logged', { deterministic: true }, (json: unknown) => (typeof json === 'string' && loggedMention(json, needles, plan.protect, true) ? 1 : 0));
  const found = yield* rowsInSteps(db.prepare(`SELECT seq, logged FROM (SELECT seq, caselog_word_logged(before) OR caselog_word_logged(after) AS logged FROM changes)
    WHERE logged OR ${pausing(db)} ORDER BY seq`), [], (r) => r.logged === 1);
  const rows = (db.prepare('SELECT seq, record_id, before, after FROM changes WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq').all(JSON.stringify(found.map((r) => r.seq))) as Row[])
    .filter((r) => !skip.has(r.record_id as string));
  const none = new Set<string>();
  return withChangeLogUnlocked(store, () => {
    const rewrite = db.prepare('UPDATE changes SET before = ?, after = ? WHERE seq = ?');
    const counted = { rewritten: 0, left: 0 };
    for (const r of rows) {
      const [before, after] = [parseLogged(r.before), parseLogged(r.after)];
      const [b, a] = [before, after].map((v) => scrubValue(v, none, needles, plan.protect, anyCase));
      if (JSON.stringify([b, a]) !== JSON.stringify([before, after])) {
        // A trace in some unexpected place empties the entry: losing some history is the safe side.
        const safe = !hasTrace(b, none, needles, plan.protect, anyCase) && !hasTrace(a, none, needles, plan.protect, anyCase);
        const text = (v: unknown) => (safe && v !== null ? JSON.stringify(v) : null);
        rewrite.run(text(b), text(a), r.seq);
        counted.rewritten += 1;
        if (!safe) continue;
      }
      if (hasTrace(b, none, needles, plan.protect, true) || hasTrace(a, none, needles, plan.protect, true)) counted.left += 1;
    }
    return counted;
  });
}

/** A tracked person whose name is the word: erasing it would leave them nameless in every text but their own record. */
export function personNamed(store: SqliteStore, word: string, except = ''): Row | undefined {
  return store.db.prepare('SELECT p.id, p.name FROM person_names n JOIN people p ON p.id = n.person_id WHERE n.folded = ? AND p.id <> ? LIMIT 1')
    .get(foldName(word), except) as Row | undefined;
}

export interface WordErased { plan: WordsPlan; logRewritten: number; logLeft: number; fileCompacted: boolean }

/** erase --word: one word replaced everywhere, in one transaction, then the file rewritten as after any erase. */
export async function eraseWord(store: SqliteStore, word: string, shown?: WordsPlan, opts: EraseOptions & { anyCase?: boolean } = {}): Promise<WordErased> {
  return eraseThen(store, undefined, opts, function* () {
    // The records the user confirmed (`shown`), or nothing: a PlanChanged with the plan now.
    const plan = asShown(shown, yield* planWordSteps(store, [word], '', new Set(), opts.anyCase), (p) => [p.mentions, p.protect.length > 0], 'nothing erased');
    const log = yield* replaceWordSteps(store, plan);
    clearFullText(store);
    return { plan, logRewritten: log.rewritten, logLeft: log.left };
  });
}
