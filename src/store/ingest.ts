// Writing what an ingest accepted, all in one transaction and one change batch: the source (with the
// document's text and fingerprint), new people, other names and risks of tracked people, events citing
// the source, deadlines. An event already recorded with the same type, date, case and people gains the
// source as a citation instead of being recorded twice.
import type { DeadlineRecord, EventRecord, PersonRecord, SourceRecord } from '../domain/model';
import { caseRefKey } from '../domain/model';
import type { EventType, PartialDate, Risk } from '../domain/types';
import { UserError } from '../errors';
import { refreshPeople } from './derived';
import { erasedDocumentCheck } from './erased-memory';
import { dateParams, type Row } from './rows';
import type { SqliteStore } from './sqlite-store';
import type { NewSource } from './store';

/** A person an event or deadline names: a tracked one by id, or one this ingest adds, by its key. */
export type PersonKey = { id: string } | { key: string };

export interface IngestWrite {
  source: NewSource & { title: string; body: string; hash: string };
  newPeople: Array<{ key: string; name: string; aliases: string[]; risks: Risk[]; caseIds: string[]; age?: number; ageOn?: PartialDate; born?: PartialDate }>;
  trackedPeople: Array<{ personId: string; names: string[]; risks: Risk[] }>;
  events: Array<{ caseId?: string; people: PersonKey[]; type: EventType; summary: string; date: PartialDate; actor?: string }>;
  /** doneOn: the day it was done, when the document tells what came of it. */
  deadlines: Array<{ caseId?: string; people: PersonKey[]; note: string; date: PartialDate; doneOn?: string }>;
}

export interface Ingested {
  source: SourceRecord;
  /** True when the document was already stored: nothing was written. */
  already: boolean;
  newPeople: PersonRecord[];
  updatedPeople: PersonRecord[];
  events: EventRecord[];
  /** Events already recorded that now also cite this source. */
  cited: EventRecord[];
  deadlines: DeadlineRecord[];
  /** Deadlines the case already had on the date of one this set: perhaps the same, to look at. */
  sameDayDeadlines: Array<{ added: DeadlineRecord; existing: DeadlineRecord }>;
  /** The document's deadlines the case already had, word for word and for the same people: not set again. */
  alreadySet: DeadlineRecord[];
}

export function sourceByHash(store: SqliteStore, hash: string): SourceRecord | undefined {
  const row = store.db.prepare('SELECT id FROM sources WHERE hash = ?').get(hash) as Row | undefined;
  return row ? store.read.sourceById(row.id as string) : undefined;
}

/**
 * Refuses a document ingested here before whose text an erase has since rewritten (erased-documents.ts):
 * its names would be recorded again, the person erased among them.
 */
export function refuseErasedDocument(store: SqliteStore, hash: string, file: string): void {
  if (!erasedDocumentCheck(store.db)(hash)) return;
  throw new UserError(`${file} was ingested here before, and an erase has since rewritten its text: ingesting it again would bring back what was erased; nothing was recorded`);
}

export function writeIngest(store: SqliteStore, input: IngestWrite, file: string): Ingested {
  return store.write(() => {
    const known = sourceByHash(store, input.source.hash);
    const done: Ingested = { source: known!, already: Boolean(known), newPeople: [], updatedPeople: [], events: [], cited: [], deadlines: [], sameDayDeadlines: [], alreadySet: [] };
    if (known) return done;
    refuseErasedDocument(store, input.source.hash, file);
    const sourceId = insertSource(store, input.source);
    const ids = new Map<string, string>();
    // One millisecond apart, so that lists ordered by when people were recorded keep the document's order.
    const start = Date.now();
    input.newPeople.forEach((p, i) => ids.set(p.key, insertPerson(store, p, new Date(start + i).toISOString())));
    const updated = input.trackedPeople.filter((p) => updatePerson(store, p)).map((p) => p.personId);
    const idOf = (k: PersonKey): string => ('id' in k ? k.id : ids.get(k.key)!);
    for (const e of input.events) {
      const personIds = [...new Set(e.people.map(idOf))];
      const same = sameEvent(store, e.type, e.date, e.caseId, personIds);
      if (same) {
        const before = store.snapshot('events', same);
        store.db.prepare('INSERT OR IGNORE INTO event_sources (event_id, source_id) VALUES (?, ?)').run(same, sourceId);
        store.logChange('edit', 'events', same, before, store.snapshot('events', same));
        done.cited.push(store.read.eventById(same)!);
        continue;
      }
      const id = store.newId('event');
      store.insertEvent(id, { caseId: e.caseId, personIds, type: e.type, summary: e.summary, actor: e.actor, date: e.date, sourceIds: [sourceId] });
      store.logChange('add', 'events', id, null, store.snapshot('events', id));
      done.events.push(store.read.eventById(id)!);
    }
    // What the case had on each day before this document: its own deadlines are not compared with each other.
    // Without a case, what its people had outside any case: another copy of the report (forwarded, saved
    // again) would set them all a second time.
    const hadOnDay = input.deadlines.map((d) => (d.caseId ? sameDayDeadlines(store, d.date, d.caseId)
      : peoplesSameDayDeadlines(store, d.date, [...new Set(d.people.map(idOf))])));
    input.deadlines.forEach((d, i) => {
      const personIds = [...new Set(d.people.map(idOf))].sort();
      const had = hadOnDay[i]!;
      // The same deadline again (another copy of the report): already set. Another one on a day the
      // case has one is set all the same (it may be another matter: dropping it would lose it), and
      // named, so that one entered by hand or done is looked at.
      // Or the same one typed by hand in fewer words ("check with the International Secretariat before
      // sending appeals"), for the same people or the whole case.
      const same = had.find((x) => x.note === d.note && JSON.stringify(x.people.map((p) => p.id).sort()) === JSON.stringify(personIds))
        ?? had.find((x) => !x.doneOn && sameWords(x.note, d.note) && (!x.namesPeople || JSON.stringify(x.people.map((p) => p.id).sort()) === JSON.stringify(personIds)));
      if (same) {
        done.alreadySet.push(same);
        return;
      }
      const added = store.insertDeadline({ caseId: d.caseId, personIds, note: d.note, date: d.date, doneOn: d.doneOn });
      done.deadlines.push(added);
      if (had.length > 0 && d.caseId) done.sameDayDeadlines.push({ added, existing: had[0]! });
    });
    // Read once everything is written: their status and news as the events just recorded make them, today.
    done.newPeople = [...ids.values()].map((id) => store.read.personToday(id)!);
    done.updatedPeople = updated.map((id) => store.read.personToday(id)!);
    done.source = store.read.sourceById(sourceId)!;
    return done;
  });
}

/** A source recorded by hand with the same reference and no text yet becomes this document's source. */
function insertSource(store: SqliteStore, s: IngestWrite['source']): string {
  const at = new Date().toISOString();
  const bare = s.ref
    ? store.db.prepare('SELECT id FROM sources WHERE ref_key = ? AND hash IS NULL').all(caseRefKey(s.ref)) as Row[] : [];
  if (bare.length === 1) {
    const id = bare[0]!.id as string;
    const before = store.snapshot('sources', id);
    store.db.prepare(
      `UPDATE sources SET body = @body, hash = @hash, publisher = coalesce(publisher, @publisher), url = coalesce(url, @url),
         reliability = coalesce(reliability, @reliability), updated_at = @at WHERE id = @id`,
    ).run({ id, body: s.body, hash: s.hash, publisher: s.publisher ?? null, url: s.url ?? null, reliability: s.reliability ?? null, at });
    store.logChange('edit', 'sources', id, before, store.snapshot('sources', id));
    return id;
  }
  return store.insertSource(s);
}

function insertPerson(store: SqliteStore, p: IngestWrite['newPeople'][number], at: string): string {
  const id = store.newId('person');
  store.db.prepare(
    `INSERT INTO people (id, name, age, age_on, age_on_approx, age_on_text, born, born_approx, born_text, created_at, updated_at)
     VALUES (@id, @name, @age, @age_on, @age_on_approx, @age_on_text, @born, @born_approx, @born_text, @at, @at)`,
  ).run({ id, name: p.name, age: p.age ?? null, ...dateParams('age_on', p.ageOn), ...dateParams('born', p.born), at });
  store.insertName(id, p.name, true, undefined, false);
  for (const alias of p.aliases) store.insertName(id, alias, false, undefined, false);
  addRisksAndCases(store, id, p.risks, p.caseIds);
  refreshPeople(store.db, [id]);
  store.logChange('add', 'people', id, null, store.snapshot('people', id));
  return id;
}

/** Adds the document's spellings and risks a tracked person lacks; false when there was nothing to add. */
function updatePerson(store: SqliteStore, p: IngestWrite['trackedPeople'][number]): boolean {
  const before = store.snapshot('people', p.personId);
  let changed = false;
  for (const name of p.names) changed = store.insertName(p.personId, name, false, undefined, false) || changed;
  changed = addRisksAndCases(store, p.personId, p.risks, []) || changed;
  if (changed) store.logChange('edit', 'people', p.personId, before, store.snapshot('people', p.personId));
  return changed;
}

function addRisksAndCases(store: SqliteStore, personId: string, risks: Risk[], caseIds: string[]): boolean {
  const risk = store.db.prepare('INSERT OR IGNORE INTO person_risks (person_id, risk) VALUES (?, ?)');
  const member = store.db.prepare('INSERT OR IGNORE INTO case_people (case_id, person_id) VALUES (?, ?)');
  let changes = 0;
  for (const r of risks) changes += risk.run(personId, r).changes;
  for (const c of caseIds) changes += member.run(c, personId).changes;
  return changes > 0;
}

/** An event already recorded with this type, date (at its precision), case and exactly these people. */
function sameEvent(store: SqliteStore, type: EventType, date: PartialDate, caseId: string | undefined, personIds: string[]): string | undefined {
  const { date: iso } = dateParams('date', date);
  const people = JSON.stringify([...personIds].sort());
  const row = store.db.prepare(
    `SELECT e.id FROM events e
      WHERE e.id IN (SELECT event_id FROM event_people WHERE person_id = @first
                     UNION ALL SELECT id FROM events WHERE @first IS NULL AND case_id = @case AND whole_case = 1)
        AND e.type = @type AND e.date = @iso AND e.case_id IS @case
        AND (SELECT json_group_array(person_id) FROM (SELECT person_id FROM event_people WHERE event_id = e.id ORDER BY person_id)) = @people
      LIMIT 1`,
  ).get({ first: personIds[0] ?? null, case: caseId ?? null, type, iso, people }) as Row | undefined;
  return row?.id as string | undefined;
}

/** The case's deadlines on the same date, at its precision, open or done. */
function sameDayDeadlines(store: SqliteStore, date: PartialDate, caseId: string): DeadlineRecord[] {
  const { date: iso } = dateParams('date', date);
  const rows = store.db.prepare('SELECT id FROM deadlines WHERE case_id = ? AND date = ? ORDER BY created_at').all(caseId, iso) as Row[];
  return rows.map((r) => store.read.deadlineById(r.id as string)!);
}

/** Deadlines in no case on the same date, at its precision, naming any of these people (or, for none, naming no one). */
function peoplesSameDayDeadlines(store: SqliteStore, date: PartialDate, personIds: string[]): DeadlineRecord[] {
  const { date: iso } = dateParams('date', date);
  const rows = store.db.prepare(
    `SELECT d.id FROM deadlines d WHERE d.case_id IS NULL AND d.date = @iso
        AND (CASE WHEN @none THEN NOT EXISTS (SELECT 1 FROM deadline_people WHERE deadline_id = d.id)
             ELSE EXISTS (SELECT 1 FROM deadline_people WHERE deadline_id = d.id AND person_id IN (SELECT value FROM json_each(@people))) END)
      ORDER BY d.created_at`,
  ).all({ iso, none: personIds.length === 0 ? 1 : 0, people: JSON.stringify(personIds) }) as Row[];
  return rows.map((r) => store.read.deadlineById(r.id as string)!);
}

/**
 * Whether two notes say the same in more or fewer words: every word of the shorter is in the longer,
 * and it has at least three (a hand note "appeals" is no copy of every deadline about appeals).
 */
function sameWords(a: string, b: string): boolean {
  const words = (t: string) => new Set(t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const [short, long] = [words(a), words(b)].sort((x, y) => x.size - y.size) as [Set<string>, Set<string>];
  return short.size >= 3 && [...short].every((w) => long.has(w));
}
