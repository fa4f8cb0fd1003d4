// The guided `caselog add` asks everything first and then writes it here at once: a new case, new
// people or other names of tracked ones (and the case, for those not in it), and the event or
// deadline, in one transaction and one change batch. Cancelled or refused, it leaves nothing half-recorded; one undo takes it all back.
import type { CaseRecord, DeadlineRecord, EventRecord, PersonRecord } from '../domain/model';
import { UserError } from '../errors';
import type { SqliteStore } from './sqlite-store';
import type { NewCase, NewDeadline, NewEvent, NewPerson } from './store';

/** A tracked person by id (with a name of theirs to add, when one was typed), or a new one. */
export type PersonAnswer = { id: string; otherName?: string } | { add: Omit<NewPerson, 'caseIds'> };

export interface Together {
  /** A tracked case by id, or one to open. */
  case?: { id: string } | { open: NewCase };
  /** Whom the event or deadline is about; none: the case as a whole. */
  people: PersonAnswer[];
  event?: Omit<NewEvent, 'caseId' | 'personIds'>;
  deadline?: Omit<NewDeadline, 'caseId' | 'personIds'>;
}

/** One person as written: added, or tracked and given the typed name or the case. */
export interface PersonWritten {
  person: PersonRecord;
  added: boolean;
  /** The typed name, when a tracked person gained it. */
  nameAdded?: string;
  /** A tracked person joined the case. */
  joined: boolean;
}

export interface Recorded {
  case?: CaseRecord;
  caseOpened: boolean;
  people: PersonWritten[];
  event?: EventRecord;
  deadline?: DeadlineRecord;
}

/**
 * Writes it all as one transaction. Its wait for another caselog's lock is cut into seconds with
 * `point` awaited between (sqlite-store.ts writeStopping), where Ctrl-C is heard: the answers are
 * then given back as a command (keep-waiting.ts), not lost at the end of a wait that nothing could stop.
 */
export async function addTogether(store: SqliteStore, input: Together, point: () => Promise<void> = async () => {}): Promise<Recorded> {
  // One step: what is cut is the wait for the lock, not the writing.
  // eslint-disable-next-line require-yield
  return store.writeStopping(function* () {
    return writeTogether(store, input);
  }, point);
}

function writeTogether(store: SqliteStore, input: Together): Recorded {
  const done: Recorded = { caseOpened: false, people: [] };
  if (input.case) {
    done.caseOpened = 'open' in input.case;
    done.case = 'open' in input.case ? store.insertCase(input.case.open) : store.read.caseById(input.case.id);
    if (!done.case) throw new UserError('that case was deleted meanwhile: nothing was recorded');
  }
  const caseIds = done.case ? [done.case.id] : [];
  for (const answer of input.people) {
    done.people.push('add' in answer
      ? { person: store.insertPerson({ ...answer.add, caseIds }), added: true, joined: false }
      : addToTracked(store, answer.id, answer.otherName, done.case?.id));
  }
  const personIds = done.people.map((p) => p.person.id);
  if (input.event?.sourceIds.some((id) => !store.read.sourceById(id))) {
    throw new UserError('a source picked was deleted meanwhile: nothing was recorded');
  }
  if (input.event) done.event = store.insertLoggedEvent({ ...input.event, caseId: done.case?.id, personIds });
  if (input.deadline) done.deadline = store.insertDeadline({ ...input.deadline, caseId: done.case?.id, personIds });
  // As it stands now, with the people who joined it.
  if (done.case) done.case = store.read.caseById(done.case.id);
  return done;
}

/** The typed name and the case, for a tracked person who lacks them; logged only when something changed. */
function addToTracked(store: SqliteStore, personId: string, name: string | undefined, caseId: string | undefined): PersonWritten {
  const done = store.joinNamesAndCases(personId, name === undefined ? [] : [name], caseId === undefined ? [] : [caseId]);
  return { person: store.read.personById(personId)!, added: false, nameAdded: done.names[0], joined: done.caseIds.length > 0 };
}
