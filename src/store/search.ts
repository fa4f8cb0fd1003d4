// Full-text search (migrations 2 and 11): the words typed become quoted FTS5 phrases, never query
// syntax; matches are ranked by bm25, the alike newest first, and come with a snippet. Names are also
// looked up through the name matcher, so a transliteration the index cannot know ("Kaster" for
// "Қастер", stored as "qaster") still finds the person, and the records that write their names.
import { explainsBetter, foldName, hasOtherScript, PLAUSIBLE_MATCH, resolveName, scoreName } from '../domain/names';
import { searchForm } from '../domain/search-form';
import { plainApostrophes, UNSPACED_SCRIPT } from '../domain/text';
import type { CaseRef, EventRecord, PersonRef } from '../domain/model';
import type { EventType, PartialDate } from '../domain/types';
import { UserError } from '../errors';
import type { Row } from './rows';
import type { NameCandidate } from './store';
import type { SqliteStore } from './sqlite-store';

/** Around the matched words in a snippet; the renderer turns them into colour or [brackets]. */
export const MARK = { open: '\u0002', close: '\u0003' } as const;

export type HitKind = 'event' | 'deadline' | 'person' | 'source' | 'case';

export interface SearchHit {
  kind: HitKind;
  id: string;
  /** What the record is called: a person's primary name; a source's or case's reference and title. */
  label?: string;
  title?: string;
  ref?: string;
  publisher?: string;
  snippet: string;
  date?: PartialDate;
  type?: EventType;
  /** A deadline marked done: the ISO day. */
  doneOn?: string;
  /** An event's summary, a deadline's note: the whole text, where the snippet shows a part. */
  summary?: string;
  /** An event's place and actor (null: none recorded). */
  place?: string | null;
  actor?: string | null;
  note?: string;
  cases: CaseRef[];
  people: PersonRef[];
  /** For a person found by another spelling: the stored name and how it matched. */
  via?: { name: string; detail: string };
}

const SNIPPET_TOKENS = 12;
/** Words beyond this are not a name: the name matcher is not asked. */
const NAME_WORDS = 4;

/**
 * The typed words as an FTS5 query: each a quoted phrase, or its search form (without vowel signs,
 * ligatures and such, as the index holds text beside itself: domain/search-form.ts), its fold
 * ("Kas\u0131m" | "kasim"), or with plain apostrophes for the letters written for one
 * ("O\u02BBzbekiston" | "O'zbekiston"); all required.
 */
export function ftsQuery(text: string): string | undefined {
  const terms = text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (terms.length === 0) return undefined;
  const phrase = (t: string): string => `"${t.replace(/"/g, '""')}"`;
  return terms.map((t) => {
    const forms = [...new Set([t, searchForm(t), foldName(t), plainApostrophes(t)].filter((f) => f !== '' && (f === t || f !== t.toLowerCase())))];
    return forms.length > 1 ? `(${forms.map(phrase).join(' OR ')})` : phrase(t);
  }).join(' AND ');
}

/** row: the match's row in the index (search_text.id), where it came from the index. */
interface Match { kind: string; recordId: string; snippet: string; body: string; row?: number }

/** People whose names match first (a name is what people search for most), then everything else by relevance, newest first. */
export function searchRecords(store: SqliteStore, text: string, limit: number): SearchHit[] {
  const typed = ftsQuery(text);
  if (!typed) throw new UserError('nothing to search for: type a word or a name');
  const named = text.trim().split(/\s+/).length <= NAME_WORDS ? namesIn(store, text) : undefined;
  const [spaced, unspaced] = partition(named?.writtenSo ?? [], (words) => !UNSPACED_SCRIPT.test(words));
  const wanted = limit * 2 + 10;
  // The index holds a whole run of a script written without spaces as one word.
  const matches = UNSPACED_SCRIPT.test(text) ? unspacedText(store, text, wanted)
    : spaced.length === 0 ? fullText(store, typed, wanted) : byTypedNames(store, typed, fullText(store, anyOf([typed, ...spaced.map(ftsQuery)]), wanted));
  const extra = (UNSPACED_SCRIPT.test(text) && spaced.length > 0 ? [() => fullText(store, anyOf(spaced.map(ftsQuery)), limit)] : [])
    .concat(unspaced.map((words) => () => unspacedText(store, words, limit)));
  const people = new Map<string, SearchHit>();
  const others: SearchHit[] = [];
  const events = store.read.eventsByIds(matches.filter((m) => m.kind === 'event').map((m) => m.recordId));
  for (const m of matches) {
    if (m.kind === 'name') {
      const personId = (store.db.prepare('SELECT person_id FROM person_names WHERE id = ?').get(m.recordId) as Row | undefined)?.person_id as string | undefined;
      if (!personId || people.has(personId)) continue;
      const hit = personHit(store, personId, m.snippet);
      people.set(personId, m.body === hit.label ? hit : { ...hit, via: { name: m.body, detail: 'another stored name' } });
    } else {
      const hit = recordHit(store, m, events);
      if (hit) others.push(hit);
    }
  }
  for (const v of named?.variants ?? []) {
    if (!people.has(v.personId)) people.set(v.personId, { ...personHit(store, v.personId, v.name), via: { name: v.name, detail: v.detail } });
  }
  // Records that write those people's names in a script written without spaces, found inside the
  // text as such a search is; and for such a search, those that write them in a spaced script.
  if (others.length < limit && extra.length > 0) {
    const seen = new Set(others.map((h) => `${h.kind}:${h.id}`));
    for (const search of extra) {
      const more = search().filter((m) => m.kind !== 'name' && !seen.has(`${m.kind}:${m.recordId}`));
      const moreEvents = store.read.eventsByIds(more.filter((m) => m.kind === 'event').map((m) => m.recordId));
      for (const m of more) {
        const hit = recordHit(store, m, moreEvents);
        if (hit) others.push(hit);
        seen.add(`${m.kind}:${m.recordId}`);
      }
    }
  }
  return [...people.values(), ...others].slice(0, limit);
}

const anyOf = (queries: Array<string | undefined>): string => queries.filter((q) => q !== undefined).map((q) => `(${q})`).join(' OR ');

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/**
 * The matches but the names matched only by how the people named wrote them: a person's card is
 * for a name that holds the words typed (or, from the name matcher, one like it), as before.
 */
function byTypedNames(store: SqliteStore, typed: string, matches: Match[]): Match[] {
  const names = matches.filter((m) => m.kind === 'name').map((m) => m.row);
  if (names.length === 0) return matches;
  const held = new Set(store.db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid IN (SELECT value FROM json_each(?))')
    .pluck().all(typed, JSON.stringify(names)) as number[]);
  return matches.filter((m) => m.kind !== 'name' || held.has(m.row!));
}

/** At most this many people found by name lend their names to a search. */
const NAMED_PEOPLE = 3;

interface Named {
  /** People whose stored names the matcher takes the typed one for, best first, each by their best name. */
  variants: Array<{ personId: string; name: string; detail: string }>;
  /** The typed words as those people's names write them, to be looked for as well. */
  writtenSo: string[];
}

/**
 * The people a search names, and how their names are written. Typed words that the name matcher
 * takes for a person (as timeline does, loose matches included) are also looked for as each of
 * their stored names writes them: "Qaster Musakhanuly" finds what says "Kaster Musakhanuly" or
 * "\u049A\u0430\u0441\u0442\u0435\u0440 \u041C\u04B1\u0441\u0430\u0445\u0430\u043D\u04B1\u043B\u044B", and "Qaster Musakhanuly Zaysan" what says "Kaster Musakhanuly" and "Zaysan".
 * One word ("Evin", "Kaster") may as well be a plain word: it is looked for only as their names in
 * another script write it, which no plain word of this one is.
 */
function namesIn(store: SqliteStore, text: string): Named {
  const candidates = store.read.nameCandidates(text);
  const variants = nameVariants(text, candidates);
  // Nobody's name is like it: no more to look up than the candidates, as a plain word costs.
  if (variants.length === 0) return { variants, writtenSo: [] };
  const typed = text.trim().split(/\s+/);
  if (typed.length === 1) return { variants, writtenSo: writtenSo(store, typed, variants.map((v) => v.personId), true) };
  const resolved = resolveName(text, candidates.map((c) => ({ ...c, person: c.personId })));
  const ids = resolved.kind === 'one' ? [resolved.best.person] : resolved.kind === 'several' ? resolved.candidates.map((c) => c.person) : [];
  return { variants, writtenSo: writtenSo(store, typed, ids, false) };
}

/**
 * The typed words as these people's names write them: each typed word that matches a word of a
 * name, as that word; in another script only, every word (one search a name).
 */
function writtenSo(store: SqliteStore, typed: string[], personIds: string[], otherScriptOnly: boolean): string[] {
  const otherScript = hasOtherScript(typed.join(' '));
  const asTyped = typed.join(' ').toLowerCase();
  const found = new Set<string>();
  for (const id of personIds.slice(0, NAMED_PEOPLE)) {
    const names = store.db.prepare('SELECT name FROM person_names WHERE person_id = ?').pluck().all(id) as string[];
    for (const name of names.filter((n) => !otherScriptOnly || hasOtherScript(n) !== otherScript)) {
      const words = name.split(/\s+/);
      const mapped = typed.map((t) => {
        let best: { word: string; score: number } | undefined;
        for (const word of words) {
          const score = scoreName(t, word)?.score ?? 0;
          if (score >= PLAUSIBLE_MATCH && (!best || score > best.score)) best = { word, score };
        }
        return best?.word;
      });
      if (otherScriptOnly ? mapped.some((w) => w === undefined) : mapped.every((w) => w === undefined)) continue;
      const written = mapped.map((w, i) => w ?? typed[i]).join(' ');
      if (written.toLowerCase() !== asTyped && ftsQuery(written)) found.add(written);
    }
  }
  return [...found];
}

/**
 * A word found in more records than this is ranked among the newest of them by date (the index's
 * highest rowids, migration 11): bm25 scores every match, which for a word in a hundred thousand
 * records was half the search (1M events, "detention": 105 of 216 ms); the newest of them are what
 * a caseworker is after, and are ranked as usual. A --limit asking for more than this ranks that
 * many (all, if fewer match), so a longer list the "more matches" notice points to does show more,
 * down to the oldest. Tests lower it.
 */
export const searchRanking = { newestRanked: 2000 };

/**
 * Matches whose scores are within this of the best are as relevant as it, and so on down in bands
 * as wide. bm25 scores each occurrence of a word and the length of the text: twenty "held in Evin
 * Prison" reports of a few words more or less differ by a tenth, and were listed by that tenth
 * before their dates (the newest, an execution, 1,006th of 1,010). A word said twice where others
 * say it once scores a fifth higher or more, and goes first.
 */
export const ALIKE = 0.85;

function fullText(store: SqliteStore, query: string, limit: number): Match[] {
  try {
    // Snippets need the full-text cursor, so the ranked ids are matched again, by rowid (cheap).
    // Of records ranked alike (twenty "held in detention" events), the newest by date come first:
    // the row ids follow the records' dates, then the order they were recorded in (migration 11).
    // bm25 is negative, the best lowest: a match's band is how many times ALIKE its score is below the best.
    return (store.db.prepare(
      `WITH ranked AS (SELECT rowid AS id, rank AS r FROM search_index WHERE search_index MATCH @query ORDER BY rowid DESC LIMIT @newest),
            top AS (SELECT id, CASE WHEN r < 0 THEN CAST(ln(best / r) / @band AS INTEGER) WHEN best < 0 THEN 1000000 ELSE 0 END AS band
                      FROM ranked, (SELECT min(r) AS best FROM ranked) ORDER BY band, id DESC LIMIT @limit)
       SELECT t.id, t.kind, t.record_id, t.body,
              CASE WHEN t.kind = 'name' THEN highlight(search_index, 0, @open, @close)
                   -- Text with vowel signs is shown as written, not as its unmarked copy (migration 9).
                   ELSE snippet(search_index, CASE WHEN t.folded = '' THEN -1 ELSE 0 END, @open, @close, '…', @tokens) END AS snippet
         FROM search_index JOIN top ON top.id = search_index.rowid JOIN search_text t ON t.id = search_index.rowid
        WHERE search_index MATCH @query AND search_index.rowid IN (SELECT id FROM top) ORDER BY top.band, top.id DESC`,
    ).all({
      query, limit, newest: Math.max(searchRanking.newestRanked, limit), band: -Math.log(ALIKE), open: MARK.open, close: MARK.close, tokens: SNIPPET_TOKENS,
    }) as Row[]).map((r) => ({
      kind: r.kind as string, recordId: r.record_id as string, snippet: r.snippet as string, body: r.body as string, row: r.id as number,
    }));
  } catch (error) {
    if (/no such table: search_/.test((error as Error).message)) {
      throw new UserError('this database has no search index (it was created by a development version of caselog): export it and import it into a new file');
    }
    throw error;
  }
}

/** Characters around the first match in a snippet of unspaced text. */
const AROUND = 30;

/**
 * Words in a script written without spaces ("北京" in "被警察拘留在北京市看守所") are found inside the
 * text, as the index cannot: every typed word must be in the record's text, newest records first.
 * A pass over the searchable text, for such searches only (a fraction of a second at a million events).
 */
function unspacedText(store: SqliteStore, text: string, limit: number): Match[] {
  const terms = text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  // instr, not LIKE: a plain search for bytes, several times faster over document text (unspaced
  // scripts have no capitals; a Latin word beside them is looked for as typed, and in lower case).
  const has = (t: string, i: number) => (t.toLowerCase() === t ? `instr(body, @t${i}) > 0` : `(instr(body, @t${i}) > 0 OR instr(lower(body), @l${i}) > 0)`);
  const rows = store.db.prepare(
    `SELECT kind, record_id, body FROM search_text WHERE ${terms.map(has).join(' AND ')} ORDER BY id DESC LIMIT @limit`,
  ).all({ limit, ...Object.fromEntries(terms.flatMap((t, i) => [[`t${i}`, t], [`l${i}`, t.toLowerCase()]])) }) as Row[];
  return rows.map((r) => {
    const body = r.body as string;
    const at = Math.max(0, terms.map((t) => body.toLowerCase().indexOf(t.toLowerCase())).filter((n) => n >= 0).sort((a, b) => a - b)[0] ?? 0);
    const from = Math.max(0, at - AROUND);
    let snippet = body.slice(from, at + AROUND * 2);
    for (const t of terms) snippet = snippet.split(t).join(mark(t));
    return { kind: r.kind as string, recordId: r.record_id as string, body,
      snippet: `${from > 0 ? '…' : ''}${snippet}${at + AROUND * 2 < body.length ? '…' : ''}` };
  });
}

const mark = (text: string): string => `${MARK.open}${text}${MARK.close}`;

function personHit(store: SqliteStore, personId: string, snippet: string): SearchHit {
  const person = store.read.personById(personId)!;
  // A name matched through its fold alone shows whole: the fold is not what anyone wrote.
  return { kind: 'person', id: person.id, label: person.name, snippet: snippet.includes(MARK.open) ? snippet : mark(snippet), cases: person.cases, people: [{ id: person.id, name: person.name }] };
}

function recordHit(store: SqliteStore, m: Match, events: Map<string, EventRecord>): SearchHit | undefined {
  const base = { id: m.recordId, snippet: m.snippet };
  if (m.kind === 'event') {
    const e = events.get(m.recordId);
    return e && { ...base, kind: 'event', date: e.date, type: e.type, summary: e.summary, place: e.place ?? null, actor: e.actor ?? null,
      cases: e.case ? [e.case] : [], people: e.people };
  }
  if (m.kind === 'deadline') {
    const d = store.read.deadlineById(m.recordId);
    return d && { ...base, kind: 'deadline', date: d.date, note: d.note, doneOn: d.doneOn, cases: d.case ? [d.case] : [], people: d.people };
  }
  if (m.kind === 'case') {
    const c = store.read.caseById(m.recordId);
    return c && { ...base, kind: 'case', label: `${c.ref} — ${c.title}`, title: c.title, ref: c.ref, cases: [{ id: c.id, ref: c.ref }], people: c.people };
  }
  const s = store.read.sourceById(m.recordId);
  if (!s) return undefined;
  const about = (sql: string) => store.db.prepare(sql).all(s.id) as Row[];
  const cases = about(`SELECT DISTINCT c.id, c.ref FROM event_sources es JOIN events e ON e.id = es.event_id JOIN cases c ON c.id = e.case_id
                        WHERE es.source_id = ? ORDER BY c.ref_key LIMIT 5`).map((r) => ({ id: r.id as string, ref: r.ref as string }));
  const people = about(`SELECT DISTINCT p.id, p.name FROM event_sources es JOIN event_people ep ON ep.event_id = es.event_id
                         JOIN people p ON p.id = ep.person_id WHERE es.source_id = ? ORDER BY p.name LIMIT 5`)
    .map((r) => ({ id: r.id as string, name: r.name as string }));
  return { ...base, kind: 'source', label: [s.publisher, s.ref, s.title].filter(Boolean).join(', '), title: s.title, ref: s.ref,
    publisher: s.publisher, date: s.date, cases, people };
}

/** Stored names the matcher takes for the typed one (other spellings and transliterations), best per person. */
function nameVariants(typed: string, candidates: NameCandidate[]): Array<{ personId: string; name: string; detail: string }> {
  const best = new Map<string, { name: string; primary?: boolean; detail: string; score: number }>();
  for (const c of candidates) {
    const match = scoreName(typed, c.name);
    if (!match || match.score < PLAUSIBLE_MATCH) continue;
    const current = best.get(c.personId);
    if (!current || explainsBetter(typed, { ...c, score: match.score }, current)) {
      best.set(c.personId, { name: c.name, primary: c.primary, detail: match.detail, score: match.score });
    }
  }
  return [...best.entries()].sort((a, b) => b[1].score - a[1].score).map(([personId, v]) => ({ personId, name: v.name, detail: v.detail }));
}
