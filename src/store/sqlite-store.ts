// The SQLite implementation of Store: every write is one immediate transaction with its change-log rows.
// The records themselves are written in add-records.ts, add-people.ts and deadline-done.ts; the
// reads are the Reader's (store-reads.ts). Here: the transaction, the change log and new ids.
import { makeId, type RecordKind } from '../domain/ids';
import type { CaseRecord, DeadlineRecord, EventRecord, PersonRecord, SourceRecord } from '../domain/model';
import { storedRecord } from './export';
import type { Section } from '../exchange/format';
import { insertCase, insertDeadline, insertEvent, insertLoggedEvent, insertSource, refuseRefHidingName } from './add-records';
import { insertName, insertPerson, joinCase, joinNamesAndCases, setNameKeys } from './add-people';
import { markDone, markOpen } from './deadline-done';
import { discardIfUnused, madeHere, type DB } from './open';
import { databaseFile } from './open-read-only';
import { Reader } from './reader';
import { StoreReads } from './store-reads';
import type { NewCase, NewDeadline, NewEvent, NewPerson, NewSource, Store } from './store';
import { translateWriteError } from './write-errors';
import { waitSaid, waitStopping, WAITING } from './busy-wait';

/** Who writes: the command, the OS user, and the terminal session, read at the first change logged (none said without it). */
export interface Actor { command: string; user: string; session?: () => string | null }

export class SqliteStore extends StoreReads implements Store {
  private batch: number | undefined;
  /** When the batch's changes were made: one time for one transaction (an import logs every record). */
  private batchAt: string | undefined;
  private logStatement: ReturnType<DB['prepare']> | undefined;
  readonly now: () => string;
  /** Says a note on stderr ("caselog: " before it): here, that a write waits for another caselog. */
  private readonly warn: ((message: string) => void) | undefined;
  private waitingSaid = false;
  /**
   * today (YYYY-MM-DD): the day people are read as of (getPerson, listPeople, atRisk: see Reader);
   * now: the real time the change log records.
   */
  constructor(readonly db: DB, private readonly actor: Actor, options: { today?: string; now?: () => string; warn?: (message: string) => void } = {}) {
    super(new Reader(db, options.today));
    this.now = options.now ?? (() => new Date().toISOString());
    this.warn = options.warn;
  }

  /** Said once a command, however many of its writes wait. */
  readonly waiting = (): void => {
    if (this.waitingSaid) return;
    this.waitingSaid = true;
    this.warn?.(WAITING);
  };

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
      // Inside a transaction already (a rehearsal), a savepoint: no lock to wait for.
      if (this.db.inTransaction || !this.warn) return this.db.transaction(work).immediate();
      // A wait for another caselog's lock is said after a second (busy-wait.ts).
      return waitSaid(this.db, (taken) => this.db.transaction(() => {
        taken();
        return work();
      }).immediate(), this.waiting);
    } catch (error) {
      throw translateWriteError(error, databaseFile(this.db));
    }
  }

  /**
   * A write in steps that can be stopped between them (an import, see commands/cancel.ts): `point`
   * is awaited after each step and before the commit; when it throws, all of it is rolled back.
   * One transaction, as write's: within a rehearsal, a savepoint of it. Its wait for another
   * caselog's lock is cut into seconds with `point` between (busy-wait.ts).
   */
  async writeStopping<T>(steps: () => Generator<void, T>, point: () => Promise<void>): Promise<T> {
    this.batch = undefined;
    this.batchAt = undefined;
    const nested = this.db.inTransaction;
    try {
      if (nested) this.db.exec('SAVEPOINT caselog_steps');
      else await waitStopping(this.db, () => this.db.exec('BEGIN IMMEDIATE'), this.waiting, point);
    } catch (error) {
      throw translateWriteError(error, databaseFile(this.db));
    }
    const run = steps();
    try {
      let step = run.next();
      for (; !step.done; step = run.next()) await point();
      await point();
      this.db.exec(nested ? 'RELEASE caselog_steps' : 'COMMIT');
      return step.value;
    } catch (error) {
      // Stopped between steps: the work's own clean-up (a file it reads) runs first, and lets go of a
      // statement it was reading (a rollback cannot run while one is).
      run.return(undefined as T);
      if (this.db.inTransaction) this.db.exec(nested ? 'ROLLBACK TO caselog_steps; RELEASE caselog_steps' : 'ROLLBACK');
      throw translateWriteError(error, databaseFile(this.db));
    }
  }

  /**
   * Runs work, its writes included, and takes all of it back (import --dry-run): what it would do is
   * found by doing it, checks, counts and notes exactly as a real run has them, and nothing stays.
   * Its writes become savepoints of this transaction. Awaited: the work loads modules on the way
   * (it asks nothing of the user); the write lock is held as long as a real import holds it. A wait
   * for another caselog's lock is said, with `point` between its seconds (as writeStopping's).
   */
  async rehearse<T>(work: () => Promise<T>, point: () => Promise<void> = async () => {}): Promise<T> {
    try {
      await waitStopping(this.db, () => this.db.exec('BEGIN IMMEDIATE'), this.waiting, point);
    } catch (error) {
      throw translateWriteError(error, databaseFile(this.db));
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
      .prepare('INSERT INTO changes (batch, at, os_user, session, command, action, kind, record_id, before, after) VALUES (?,?,?,?,?,?,?,?,?,?)'))
      .run(this.batch, (this.batchAt ??= this.now()), this.actor.user, this.actor.session?.() ?? null, this.actor.command, action, kind, recordId,
        before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after));
  }

  // Each add is one write; its insert, the same inside a caller's transaction (see add-records.ts).
  async addCase(input: NewCase): Promise<CaseRecord> { return this.write(() => this.insertCase(input)); }
  insertCase(input: NewCase): CaseRecord { return insertCase(this, input); }
  async addEvent(input: NewEvent): Promise<EventRecord> { return this.write(() => this.insertLoggedEvent(input)); }
  insertLoggedEvent(input: NewEvent, action = 'add'): EventRecord { return insertLoggedEvent(this, input, action); }
  insertEvent(id: string, input: NewEvent): void { insertEvent(this, id, input); }
  async addDeadline(input: NewDeadline): Promise<DeadlineRecord> { return this.write(() => this.insertDeadline(input)); }
  insertDeadline(input: NewDeadline): DeadlineRecord { return insertDeadline(this, input); }
  async addSource(input: NewSource): Promise<SourceRecord> { return this.write(() => this.read.sourceById(this.insertSource(input))!); }
  insertSource(input: NewSource): string { return insertSource(this, input); }
  refuseRefHidingName(ref: string): void { refuseRefHidingName(this, ref); }

  // People, their names and cases (see add-people.ts).
  async addPerson(input: NewPerson): Promise<PersonRecord> { return this.write(() => this.insertPerson(input)); }
  insertPerson(input: NewPerson): PersonRecord { return insertPerson(this, input); }
  /** Adds other names (and case memberships) to a person. */
  async addNames(personId: string, names: string[], caseIds: string[] = []): Promise<PersonRecord> {
    return this.write(() => {
      this.joinNamesAndCases(personId, names, caseIds);
      return this.read.personToday(personId)!;
    });
  }
  joinNamesAndCases(personId: string, names: string[], caseIds: string[]): { names: string[]; caseIds: string[] } {
    return joinNamesAndCases(this, personId, names, caseIds);
  }
  insertName(personId: string, name: string, primary: boolean, note?: string, given = true): boolean {
    return insertName(this, personId, name, primary, note, given);
  }
  setNameKeys(nameId: string, name: string): void { setNameKeys(this, nameId, name); }
  async addToCase(caseId: string, personId: string): Promise<void> { this.write(() => joinCase(this, caseId, personId)); }

  // Deadlines done, and open again (see deadline-done.ts).
  async markDone(deadlineId: string, on: string): Promise<{ deadline: DeadlineRecord; changed: boolean }> { return markDone(this, deadlineId, on); }
  async markOpen(deadlineId: string): Promise<{ deadline: DeadlineRecord; changed: boolean }> { return markOpen(this, deadlineId); }

  close(): void {
    this.db.close();
  }

  /** After a refused first command: removes the file when this connection created it and nothing was recorded. */
  discardIfUnused(): void {
    discardIfUnused(this.db);
  }

  /** This command made the database file, and kept it. */
  madeNew(): boolean {
    return madeHere(this.db);
  }
}
