// Full-text search (migration 002): the words typed become quoted FTS5 phrases, never query syntax;
// matches are ranked by bm25 and come with a snippet. Names are also looked up through the name
// matcher, so a transliteration the index cannot know ("Kaster" for "Қастер", stored as "qaster")
// still finds the person.
import { explainsBetter, foldName, hasOtherScript, PLAUSIBLE_MATCH, scoreName } from '../domain/names';
import { unmarked } from '../domain/text-marks';
import { UNSPACED_SCRIPT } from '../domain/text';
import type { CaseRef, EventRecord, PersonRef } from '../domain/model';
import type { EventType, PartialDate } from '../domain/types';
import { UserError } from '../errors';
import type { Row } from './rows';
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
 * The typed words as an FTS5 query: each a quoted phrase, or its fold ("Kas\u0131m" | "kasim"), or
 * for a word with vowel signs (pointed Hebrew, vowelled Arabic) the word without them, as records
 * mostly write it (and as the index holds beside text that has them); all required.
 */
export function ftsQuery(text: string): string | undefined {
  const terms = text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (terms.length === 0) return undefined;
  const phrase = (t: string): string => `"${t.replace(/"/g, '""')}"`;
  return terms.map((t) => {
    const forms = [...new Set([t, unmarked(t), foldName(t)].filter((f) => f !== '' && (f === t || f !== t.toLowerCase())))];
    return forms.length > 1 ? `(${forms.map(phrase).join(' OR ')})` : phrase(t);
  }).join(' AND ');
}

interface Match { kind: string; recordId: string; snippet: string; body: string; rank: number }

/** People whose names match first (a name is what people search for most), then everything else by rank. */
export function searchRecords(store: SqliteStore, text: string, limit: number): SearchHit[] {
  const query = ftsQuery(text);
  if (!query) throw new UserError('nothing to search for: type a word or a name');
  // The index holds a whole run of a script written without spaces as one word.
  const matches = UNSPACED_SCRIPT.test(text) ? unspacedText(store, text, limit * 2 + 10) : fullText(store, query, limit * 2 + 10);
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
  if (text.trim().split(/\s+/).length <= NAME_WORDS) {
    for (const v of nameVariants(store, text)) {
      if (!people.has(v.personId)) people.set(v.personId, { ...personHit(store, v.personId, v.name), via: { name: v.name, detail: v.detail } });
    }
    // The people found by name are also written in other scripts: records that write them so are
    // found too ("Kaster" finds an event whose text says "\u049A\u0430\u0441\u0442\u0435\u0440").
    if (people.size > 0 && others.length < limit) {
      const seen = new Set(others.map((h) => `${h.kind}:${h.id}`));
      for (const words of inOtherScripts(store, text, [...people.keys()])) {
        const found = UNSPACED_SCRIPT.test(words) ? unspacedText(store, words, limit) : fullText(store, ftsQuery(words)!, limit);
        const more = found.filter((m) => m.kind !== 'name' && !seen.has(`${m.kind}:${m.recordId}`));
        const moreEvents = store.read.eventsByIds(more.filter((m) => m.kind === 'event').map((m) => m.recordId));
        for (const m of more) {
          const hit = recordHit(store, m, moreEvents);
          if (hit) others.push(hit);
          seen.add(`${m.kind}:${m.recordId}`);
        }
      }
    }
  }
  return [...people.values(), ...others].slice(0, limit);
}

/** At most this many people found by name lend their other scripts' names to a search. */
const OTHER_SCRIPT_PEOPLE = 3;

/**
 * The typed words as the same people's names write them in another script: each typed word is
 * taken as the word of one of their names in another script that it matches (one search a name).
 */
function inOtherScripts(store: SqliteStore, text: string, personIds: string[]): string[] {
  const typed = text.trim().split(/\s+/);
  const otherScript = hasOtherScript(text);
  const queries = new Set<string>();
  for (const id of personIds.slice(0, OTHER_SCRIPT_PEOPLE)) {
    const names = store.db.prepare('SELECT name FROM person_names WHERE person_id = ?').pluck().all(id) as string[];
    for (const name of names.filter((n) => hasOtherScript(n) !== otherScript)) {
      const words = name.split(/\s+/);
      const mapped = typed.map((t) => {
        let best: { word: string; score: number } | undefined;
        for (const word of words) {
          const score = scoreName(t, word)?.score ?? 0;
          if (score >= PLAUSIBLE_MATCH && (!best || score > best.score)) best = { word, score };
        }
        return best?.word;
      });
      if (mapped.every((w): w is string => w !== undefined) && ftsQuery(mapped.join(' '))) queries.add(mapped.join(' '));
    }
  }
  return [...queries];
}

/**
 * A word found in more records than this is ranked among the newest of them: bm25 scores every
 * match, which for a word in a hundred thousand records was half the search (1M events,
 * "detention": 105 of 216 ms); the newest of them are what a caseworker is after, and are ranked as
 * usual. A --limit asking for more than this ranks that many (all, if fewer match), so a longer
 * list the "more matches" notice points to does show more, down to the oldest. Tests lower it.
 */
export const searchRanking = { newestRanked: 2000 };

function fullText(store: SqliteStore, query: string, limit: number): Match[] {
  try {
    // Snippets need the full-text cursor, so the ranked ids are matched again, by rowid (cheap).
    // Of records ranked alike (twenty "held in detention" events), the newest recorded come first:
    // the oldest first hid the latest news behind "more matches than these".
    return (store.db.prepare(
      `WITH top AS (SELECT id, r FROM (SELECT rowid AS id, rank AS r FROM search_index WHERE search_index MATCH @query
                                         ORDER BY rowid DESC LIMIT @newest) ORDER BY r, id DESC LIMIT @limit)
       SELECT t.kind, t.record_id, t.body, top.r AS rank,
              CASE WHEN t.kind = 'name' THEN highlight(search_index, 0, @open, @close)
                   -- Text with vowel signs is shown as written, not as its unmarked copy (migration 9).
                   ELSE snippet(search_index, CASE WHEN t.folded = '' THEN -1 ELSE 0 END, @open, @close, '…', @tokens) END AS snippet
         FROM search_index JOIN top ON top.id = search_index.rowid JOIN search_text t ON t.id = search_index.rowid
        WHERE search_index MATCH @query AND search_index.rowid IN (SELECT id FROM top) ORDER BY top.r, top.id DESC`,
    ).all({ query, limit, newest: Math.max(searchRanking.newestRanked, limit), open: MARK.open, close: MARK.close, tokens: SNIPPET_TOKENS }) as Row[]).map((r) => ({
      kind: r.kind as string, recordId: r.record_id as string, snippet: r.snippet as string, body: r.body as string, rank: r.rank as number,
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
  return rows.map((r, i) => {
    const body = r.body as string;
    const at = Math.max(0, terms.map((t) => body.toLowerCase().indexOf(t.toLowerCase())).filter((n) => n >= 0).sort((a, b) => a - b)[0] ?? 0);
    const from = Math.max(0, at - AROUND);
    let snippet = body.slice(from, at + AROUND * 2);
    for (const t of terms) snippet = snippet.split(t).join(mark(t));
    return { kind: r.kind as string, recordId: r.record_id as string, body, rank: i,
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
    return e && { ...base, kind: 'event', date: e.date, type: e.type, summary: e.summary, cases: e.case ? [e.case] : [], people: e.people };
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
function nameVariants(store: SqliteStore, typed: string): Array<{ personId: string; name: string; detail: string }> {
  const best = new Map<string, { name: string; primary?: boolean; detail: string; score: number }>();
  for (const c of store.read.nameCandidates(typed)) {
    const match = scoreName(typed, c.name);
    if (!match || match.score < PLAUSIBLE_MATCH) continue;
    const current = best.get(c.personId);
    if (!current || explainsBetter(typed, { ...c, score: match.score }, current)) {
      best.set(c.personId, { name: c.name, primary: c.primary, detail: match.detail, score: match.score });
    }
  }
  return [...best.entries()].sort((a, b) => b[1].score - a[1].score).map(([personId, v]) => ({ personId, name: v.name, detail: v.detail }));
}
