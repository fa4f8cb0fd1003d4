// The SQLite implementation of Store: every write is one immediate transaction with its change-log rows.
import { dayIso, firstDay } from '../domain/dates';
import { warnFrom } from '../domain/due';
import { looksLikeId, makeId, type RecordKind } from '../domain/ids';
import { caseRefKey, type CaseRecord, type DeadlineRecord, type EventRecord, type PersonRecord, type SourceRecord } from '../domain/model';
import { foldName, nameKeys } from '../domain/names';
import { controlCharacter, disguisingCharacter, singleSpaced } from '../domain/text';
import { missingTableMessage, missingTableOf, UserError } from '../errors';
import { refreshPeople, peopleTouchedBy } from './derived';
import { storedRecord } from './export';
import type { Section } from '../exchange/format';
import { discardIfUnused, type DB } from './open';
import { Reader } from './reader';
import { dateParams } from './rows';
import type { AtRiskEntry, AtRiskRow, DueQuery, NameCandidate, NewCase, NewDeadline, NewEvent, NewPerson, NewSource, Store } from './store';
import type { Risk } from '../domain/types';

export interface Actor { command: string; user: string }

/** A case reference is one line of plain text: no line break or tab (it broke the list of cases), nothing invisible. */
export function refuseOddRef(ref: string): void {
  const odd = controlCharacter(ref, true) ?? disguisingCharacter(ref);
  if (odd) throw new UserError(`a case reference is one line of text, without tabs, line breaks or invisible characters (${odd})`);
}

export class SqliteStore implements Store {
  readonly read: Reader;
  private batch: number | undefined;
  /** When the batch's changes were made: one time for one transaction (an import logs every record). */
  private batchAt: string | undefined;
  private logStatement: ReturnType<DB['prepare']> | undefined;
  private readonly now: () => string;
  /**
   * today (YYYY-MM-DD): the day people are read as of (getPerson, listPeople, atRisk: see Reader);
   * now: the real time the change log records.
   */
  constructor(readonly db: DB, private readonly actor: Actor, options: { today?: string; now?: () => string } = {}) {
    this.now = options.now ?? (() => new Date().toISOString());
    this.read = new Reader(db, options.today);
  }

  /** A record as the export writes it; what the change log keeps. */
  snapshot(section: Section, id: string): Record<string, unknown> | undefined {
    return storedRecord(this.db, section, id);
  }

  newId(kind: RecordKind): string {
    // Web Crypto, always present: node:crypto would cost every command its load, reading ones too.
    return makeId(kind, globalThis.crypto.getRandomValues(new Uint8Array(10)));
  }

  /** Runs a write as one immediate transaction (so concurrent writers queue on the busy timeout). */
  write<T>(work: () => T): T {
    this.batch = undefined;
    this.batchAt = undefined;
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      throw translateWriteError(error);
    }
  }

  /**
   * Runs work, its writes included, and takes all of it back (import --dry-run): what it would do is
   * found by doing it, checks, counts and notes exactly as a real run has them, and nothing stays.
   * Its writes become savepoints of this transaction. Awaited: the work loads modules on the way
   * (it asks nothing of the user); the write lock is held as long as a real import holds it.
   */
  async rehearse<T>(work: () => Promise<T>): Promise<T> {
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw translateWriteError(error);
    }
    try {
      return await work();
    } finally {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    }
  }

  /**
   * Appends to the change log. Records are logged in their export form, so that undo can put a
   * record back exactly; all changes of one write share a batch, which undo reverses together.
   */
  logChange(action: string, kind: string, recordId: string | null, before: unknown, after: unknown): void {
    this.batch ??= ((this.db.prepare('SELECT coalesce(max(batch), 0) + 1 AS next FROM changes').get() as { next: number }).next);
    // Prepared once: an import logs every record it adds (preparing it each time measured ~4 µs a
    // record alone; ~2-3 % of the 100k import, see docs/benchmarks.md).
    (this.logStatement ??= this.db
      .prepare('INSERT INTO changes (batch, at, os_user, command, action, kind, record_id, before, after) VALUES (?,?,?,?,?,?,?,?,?)'))
      .run(this.batch, (this.batchAt ??= this.now()), this.actor.user, this.actor.command, action, kind, recordId,
        before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after));
  }

  async addCase(input: NewCase): Promise<CaseRecord> {
    return this.write(() => this.insertCase(input));
  }

  /** A new case, logged; inside the caller's transaction (the guided add writes a case with its first record). */
  insertCase(input: NewCase): CaseRecord {
    const existing = this.read.caseByRef(input.ref);
    if (existing) throw new UserError(`a case ${existing.ref} already exists ("${existing.title}")`);
    this.refuseRefHidingName(input.ref);
    const id = this.newId('case');
    const at = this.now();
    this.db.prepare(
      `INSERT INTO cases (id, ref, ref_key, title, countries, summary, opened, opened_approx, opened_text, created_at, updated_at)
       VALUES (@id, @ref, @ref_key, @title, @countries, @summary, @opened, @opened_approx, @opened_text, @at, @at)`,
    ).run({ id, ref: input.ref.trim(), ref_key: caseRefKey(input.ref), title: input.title, countries: JSON.stringify(input.countries),
      summary: input.summary ?? null, ...dateParams('opened', input.opened), at });
    const record = this.read.caseById(id)!;
    this.logChange('add', 'cases', id, null, this.snapshot('cases', id));
    return record;
  }

  async addPerson(input: NewPerson): Promise<PersonRecord> {
    return this.write(() => this.insertPerson(input));
  }

  /** A new person, logged; inside the caller's transaction. */
  insertPerson(input: NewPerson): PersonRecord {
    if (input.refuseTakenName) {
      const taken = this.db.prepare(
        `SELECT p.name FROM person_names n JOIN people p ON p.id = n.person_id WHERE n.folded IN (SELECT value FROM json_each(?)) LIMIT 1`,
      ).get(JSON.stringify([input.name, ...input.aliases].map(foldName))) as { name: string } | undefined;
      if (taken) throw new UserError(`${taken.name} was added a moment ago by another caselog: run the command again to choose, or give --new`);
    }
    const id = this.newId('person');
    const at = this.now();
    this.db.prepare(
      `INSERT INTO people (id, name, age, age_on, age_on_approx, age_on_text, born, born_approx, born_text, gender, citizenship,
         ethnicity, recorded_status, recorded_status_on, created_at, updated_at)
       VALUES (@id, @name, @age, @age_on, @age_on_approx, @age_on_text, @born, @born_approx, @born_text, @gender, @citizenship,
         @ethnicity, @status, @status_on, @at, @at)`,
    ).run({ id, name: singleSpaced(input.name), age: input.age ?? null, ...dateParams('age_on', input.ageOn), ...dateParams('born', input.born),
      gender: input.gender ?? null, citizenship: input.citizenship ?? null, ethnicity: input.ethnicity ?? null,
      status: input.status ?? null, status_on: input.status ? input.statusOn ?? null : null, at });
    this.insertName(id, input.name, true);
    for (const alias of input.aliases) this.insertName(id, alias, false);
    const risk = this.db.prepare('INSERT OR IGNORE INTO person_risks (person_id, risk) VALUES (?, ?)');
    for (const r of input.risks) risk.run(id, r);
    const member = this.db.prepare('INSERT OR IGNORE INTO case_people (case_id, person_id) VALUES (?, ?)');
    for (const caseId of input.caseIds) member.run(caseId, id);
    refreshPeople(this.db, [id]);
    const record = this.read.personById(id)!;
    this.logChange('add', 'people', id, null, this.snapshot('people', id));
    return record;
  }

  /** Adds other names (and case memberships) to a person. */
  async addNames(personId: string, names: string[], caseIds: string[] = []): Promise<PersonRecord> {
    return this.write(() => {
      this.joinNamesAndCases(personId, names, caseIds);
      return this.read.personById(personId)!;
    });
  }

  /**
   * Gives a person these names and cases where they lack them, inside the caller's transaction;
   * logged only when something changed. Returns the names added and the cases joined.
   */
  joinNamesAndCases(personId: string, names: string[], caseIds: string[]): { names: string[]; caseIds: string[] } {
    const before = this.snapshot('people', personId);
    if (!before) throw new UserError('that person is no longer recorded (deleted meanwhile?): nothing was changed');
    const added = names.filter((name) => this.insertName(personId, name, false)).map(singleSpaced);
    const member = this.db.prepare('INSERT OR IGNORE INTO case_people (case_id, person_id) VALUES (?, ?)');
    const joined = caseIds.filter((caseId) => member.run(caseId, personId).changes > 0);
    if (added.length + joined.length > 0) {
      refreshPeople(this.db, [personId]);
      this.logChange('edit', 'people', personId, before, this.snapshot('people', personId));
    }
    return { names: added, caseIds: joined };
  }

  /**
   * Stores one name with its fold and match keys; returns false when the person already has it. A
   * name given anew is refused when no lookup could reach it; names moved by a merge or read from a
   * document (`given: false`) are kept as they are.
   */
  insertName(personId: string, name: string, primary: boolean, note?: string, given = true): boolean {
    // A name given here is stored in one form for the same letters (composed "ë", not e and a mark),
    // its words one space apart (a name pasted from a PDF has runs of them).
    const clean = given ? singleSpaced(name) : name.trim();
    const control = controlCharacter(clean, true);
    if (control) throw new UserError(`a name is one line of text, without tabs or control characters (${control} in ${JSON.stringify(clean)})`);
    if (given) {
      const disguise = disguisingCharacter(clean);
      // The name is not echoed: printed, the character would turn the message around too.
      if (disguise) throw new UserError(`the name holds an invisible direction or format character (${disguise}) that makes a name show as another: type it without`);
      // A semicolon separates names in a CSV list: a sheet read back would split it into two people's names.
      if (clean.includes(';')) throw new UserError(`${JSON.stringify(clean)} holds a semicolon, which separates names in CSV sheets: give each name on its own (--alias NAME for another)`);
      this.refuseUnreachable(clean);
    }
    const taken = this.db.prepare('SELECT 1 FROM person_names WHERE person_id = ? AND name = ?').get(personId, clean);
    if (taken) return false;
    const nameId = this.newId('name');
    this.db.prepare('INSERT INTO person_names (id, person_id, name, folded, is_primary, note) VALUES (?,?,?,?,?,?)')
      .run(nameId, personId, clean, foldName(clean), primary ? 1 : 0, note ?? null);
    this.setNameKeys(nameId, clean);
    return true;
  }

  /** A stored name's lookup keys, made (again) from the name as it now reads. */
  setNameKeys(nameId: string, name: string): void {
    this.db.prepare('DELETE FROM name_keys WHERE name_id = ?').run(nameId);
    const key = this.db.prepare('INSERT OR IGNORE INTO name_keys (key, name_id) VALUES (?, ?)');
    for (const k of nameKeys(name)) key.run(k, nameId);
  }

  async addToCase(caseId: string, personId: string): Promise<void> {
    this.write(() => {
      const before = this.snapshot('people', personId);
      const added = this.db.prepare('INSERT OR IGNORE INTO case_people (case_id, person_id) VALUES (?, ?)').run(caseId, personId);
      if (added.changes > 0) {
        refreshPeople(this.db, [personId]);
        this.logChange('edit', 'people', personId, before, this.snapshot('people', personId));
      }
    });
  }

  async addEvent(input: NewEvent): Promise<EventRecord> {
    return this.write(() => this.insertLoggedEvent(input));
  }

  /** A new event, logged as `action` ('status' for a status change); inside the caller's transaction. */
  insertLoggedEvent(input: NewEvent, action = 'add'): EventRecord {
    const id = this.newId('event');
    this.insertEvent(id, input);
    this.logChange(action, 'events', id, null, this.snapshot('events', id));
    return this.read.eventById(id)!;
  }

  /**
   * The other way round from refuseUnreachable: a reference, tried first and by its key (case and
   * spacing aside), would hide a person whose name has that key.
   */
  refuseRefHidingName(ref: string): void {
    refuseOddRef(ref);
    // Narrowed by the names' folds (equal keys fold alike), decided by the lookup's own key, which
    // keeps every script (SQLite's lower() knows only ASCII: ҚАСТЕР and Қастер would differ there).
    const key = caseRefKey(ref);
    const named = (this.db.prepare(
      `SELECT n.name, p.name AS person FROM person_names n JOIN people p ON p.id = n.person_id WHERE replace(n.folded, ' ', '') = ?`,
    ).all(foldName(ref).replace(/ /g, '')) as Array<{ name: string; person: string }>).find((r) => caseRefKey(r.name) === key);
    if (named) throw new UserError(`"${ref.trim()}" is a name of ${named.person}: as a case reference it would hide them from lookups by name`);
  }

  /** A name WHO could never reach: lookups take it as an id, or as a case's reference, first. */
  private refuseUnreachable(name: string): void {
    if (!/[\p{L}\p{N}]/u.test(name)) throw new UserError(`${JSON.stringify(name)} has no letter: give a name`);
    if (looksLikeId(name)) throw new UserError(`"${name}" has the shape of an id: as a name it could never be looked up`);
    if (this.db.prepare('SELECT 1 FROM cases WHERE ref_key = ?').get(caseRefKey(name))) {
      throw new UserError(`"${name}" is the reference of a case: as a name it could never be looked up`);
    }
  }

  insertEvent(id: string, input: NewEvent): void {
    const at = this.now();
    this.db.prepare(
      `INSERT INTO events (id, case_id, type, status, summary, place, actor, date, date_approx, date_text, whole_case, created_at, updated_at)
       VALUES (@id, @case_id, @type, @status, @summary, @place, @actor, @date, @date_approx, @date_text, @whole, @at, @at)`,
    ).run({ id, case_id: input.caseId ?? null, type: input.type, status: input.status ?? null, summary: input.summary,
      place: input.place ?? null, actor: input.actor ?? null, ...dateParams('date', input.date),
      whole: input.personIds.length === 0 && input.caseId ? 1 : 0, at });
    const person = this.db.prepare('INSERT OR IGNORE INTO event_people (event_id, person_id) VALUES (?, ?)');
    for (const p of input.personIds) person.run(id, p);
    const source = this.db.prepare('INSERT OR IGNORE INTO event_sources (event_id, source_id) VALUES (?, ?)');
    for (const s of input.sourceIds) source.run(id, s);
    refreshPeople(this.db, peopleTouchedBy(this.db, id));
  }

  async addDeadline(input: NewDeadline): Promise<DeadlineRecord> {
    return this.write(() => this.insertDeadline(input));
  }

  /** A new deadline, logged; inside the caller's transaction (ingest writes several in one). */
  insertDeadline(input: NewDeadline): DeadlineRecord {
    const id = this.newId('deadline');
    const at = this.now();
    const due = firstDay(input.date);
    const warnsFrom = warnFrom(due, input.warnDays);
    this.db.prepare(
      `INSERT INTO deadlines (id, case_id, date, date_approx, date_text, due, warn_days, warn_from, note, done_on, created_at, updated_at)
       VALUES (@id, @case_id, @date, @date_approx, @date_text, @due, @warn, @warn_from, @note, @done_on, @at, @at)`,
    ).run({ id, case_id: input.caseId ?? null, ...dateParams('date', input.date), due: dayIso(due), warn: input.warnDays ?? null,
      warn_from: dayIso(warnsFrom), note: input.note, done_on: input.doneOn ?? null, at });
    const person = this.db.prepare('INSERT OR IGNORE INTO deadline_people (deadline_id, person_id) VALUES (?, ?)');
    for (const p of input.personIds) person.run(id, p);
    const record = this.read.deadlineById(id)!;
    this.logChange('add', 'deadlines', id, null, this.snapshot('deadlines', id));
    return record;
  }

  async addSource(input: NewSource): Promise<SourceRecord> {
    return this.write(() => this.read.sourceById(this.insertSource(input))!);
  }

  /** A new source, logged; inside the caller's transaction. Returns its id. */
  insertSource(input: NewSource): string {
    const id = this.newId('source');
    const at = this.now();
    this.db.prepare(
      `INSERT INTO sources (id, title, publisher, ref, ref_key, date, date_approx, date_text, url, reliability, body, hash, created_at, updated_at)
       VALUES (@id, @title, @publisher, @ref, @ref_key, @date, @date_approx, @date_text, @url, @reliability, @body, @hash, @at, @at)`,
    ).run({ id, title: input.title, publisher: input.publisher ?? null, ref: input.ref ?? null,
      ref_key: input.ref ? caseRefKey(input.ref) : null, ...dateParams('date', input.date), url: input.url ?? null,
      reliability: input.reliability ?? null, body: input.body ?? null, hash: input.hash ?? null, at });
    this.logChange('add', 'sources', id, null, this.snapshot('sources', id));
    return id;
  }

  async markDone(deadlineId: string, on: string): Promise<{ deadline: DeadlineRecord; changed: boolean }> {
    return this.write(() => {
      const before = this.snapshot('deadlines', deadlineId);
      if (!before) throw new UserError(`no deadline ${deadlineId}`);
      // Done by another process since the caller read it: nothing to change, nothing to log.
      if (before.doneOn !== undefined && before.doneOn !== null) return { deadline: this.read.deadlineById(deadlineId)!, changed: false };
      this.db.prepare('UPDATE deadlines SET done_on = ?, updated_at = ? WHERE id = ?').run(on, this.now(), deadlineId);
      this.logChange('done', 'deadlines', deadlineId, before, this.snapshot('deadlines', deadlineId));
      return { deadline: this.read.deadlineById(deadlineId)!, changed: true };
    });
  }

  /** A deadline marked done by mistake, open again; logged as 'reopen', so the log shows it and undo reverses it. */
  async markOpen(deadlineId: string): Promise<{ deadline: DeadlineRecord; changed: boolean }> {
    return this.write(() => {
      const before = this.snapshot('deadlines', deadlineId);
      if (!before) throw new UserError(`no deadline ${deadlineId}`);
      // Reopened by another process since the caller read it, as markDone: nothing to change or log.
      if (before.doneOn === undefined || before.doneOn === null) return { deadline: this.read.deadlineById(deadlineId)!, changed: false };
      this.db.prepare('UPDATE deadlines SET done_on = NULL, updated_at = ? WHERE id = ?').run(this.now(), deadlineId);
      this.logChange('reopen', 'deadlines', deadlineId, before, this.snapshot('deadlines', deadlineId));
      return { deadline: this.read.deadlineById(deadlineId)!, changed: true };
    });
  }

  async findCaseByRef(ref: string) { return this.read.caseByRef(ref); }
  async getCase(id: string) { return this.read.caseById(id); }
  async getPerson(id: string) { return this.read.personToday(id); }
  async getDeadline(id: string) { return this.read.deadlineById(id); }
  async idsByPrefix(kind: RecordKind, prefix: string) { return this.read.idsByPrefix(kind, prefix); }
  async countIdsByPrefix(kind: RecordKind, prefix: string) { return this.read.countIdsByPrefix(kind, prefix); }
  async nameCandidates(query: string): Promise<NameCandidate[]> { return this.read.nameCandidates(query); }
  async nearbyNames(query: string, limit: number) { return this.read.nearbyNames(query, limit); }
  async findSources(text: string) { return this.read.findSources(text); }
  async listCases() { return this.read.listCases(); }
  async listPeople() { return this.read.listPeople(); }
  async personTimeline(personId: string) { return this.read.personTimeline(personId); }
  async caseTimeline(caseId: string) { return this.read.caseTimeline(caseId); }
  async dueDeadlines(query: DueQuery) { return this.read.dueDeadlines(query); }
  async atRisk(risk?: Risk): Promise<AtRiskRow[]> { return this.read.atRisk(risk); }
  async atRiskList(risk?: Risk): Promise<AtRiskEntry[]> { return this.read.atRiskList(risk); }

  close(): void {
    this.db.close();
  }

  /** After a refused first command: removes the file when this connection created it and nothing was recorded. */
  discardIfUnused(): void {
    discardIfUnused(this.db);
  }
}

export function translateWriteError(error: unknown): Error {
  if (error instanceof UserError) return error;
  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_CORRUPT_INDEX, ...) mean what their base code means.
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_FULL')) return new UserError('the disk is full: nothing was changed');
  if (code.startsWith('SQLITE_READONLY')) return new UserError('the database is read-only: nothing was changed');
  if (code.startsWith('SQLITE_BUSY')) return new UserError('the database stayed busy in another caselog for too long: nothing was changed, try again');
  // A record this change links to was removed between its reading and its writing (another caselog
  // merged or deleted it): the transaction was refused whole.
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new UserError('a record this change refers to was deleted or merged meanwhile (by another caselog?): nothing was changed; run the command again');
  if (code.startsWith('SQLITE_CORRUPT')) return new UserError('the database is damaged: run "caselog doctor"; nothing was changed');
  const table = missingTableOf(error);
  if (table !== undefined) return new UserError(`${missingTableMessage(table)}; nothing was changed`);
  return error as Error;
}
