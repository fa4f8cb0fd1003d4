// The guided `caselog add` asks everything first and then writes it here at once: a new case, a new
// person or another name of a tracked one, and the event or deadline, in one transaction and one
// change batch. Cancelled or refused, it leaves nothing half-recorded; one undo takes it all back.
import type { CaseRecord, DeadlineRecord, EventRecord, PersonRecord } from '../domain/model';
import { UserError } from '../errors';
import type { SqliteStore } from './sqlite-store';
import type { NewCase, NewDeadline, NewEvent, NewPerson } from './store';

export interface Together {
  /** A tracked case by id, or one to open. */
  case?: { id: string } | { open: NewCase };
  /** A tracked person by id (with a name of theirs to add, when one was typed), or a new one. */
  person?: { id: string; otherName?: string } | { add: Omit<NewPerson, 'caseIds'> };
  event?: Omit<NewEvent, 'caseId' | 'personIds'>;
  deadline?: Omit<NewDeadline, 'caseId' | 'personIds'>;
}

export interface Recorded {
  case?: CaseRecord;
  caseOpened: boolean;
  person?: PersonRecord;
  personAdded: boolean;
  /** The typed name, when a tracked person gained it. */
  nameAdded?: string;
  /** A tracked person joined the case. */
  joined: boolean;
  event?: EventRecord;
  deadline?: DeadlineRecord;
}

export async function addTogether(store: SqliteStore, input: Together): Promise<Recorded> {
  return store.write(() => {
    const done: Recorded = { caseOpened: false, personAdded: false, joined: false };
    if (input.case) {
      done.caseOpened = 'open' in input.case;
      done.case = 'open' in input.case ? store.insertCase(input.case.open) : store.read.caseById(input.case.id);
      if (!done.case) throw new UserError('that case was deleted meanwhile: nothing was recorded');
    }
    const caseIds = done.case ? [done.case.id] : [];
    if (input.person && 'add' in input.person) {
      done.person = store.insertPerson({ ...input.person.add, caseIds });
      done.personAdded = true;
    } else if (input.person) {
      Object.assign(done, addToTracked(store, input.person.id, input.person.otherName, done.case?.id));
    }
    const personIds = done.person ? [done.person.id] : [];
    if (input.event) done.event = store.insertLoggedEvent({ ...input.event, caseId: done.case?.id, personIds });
    if (input.deadline) done.deadline = store.insertDeadline({ ...input.deadline, caseId: done.case?.id, personIds });
    // As it stands now, with the person who joined it.
    if (done.case) done.case = store.read.caseById(done.case.id);
    return done;
  });
}

/** The typed name and the case, for a tracked person who lacks them; logged only when something changed. */
function addToTracked(store: SqliteStore, personId: string, name: string | undefined, caseId: string | undefined) {
  const done = store.joinNamesAndCases(personId, name === undefined ? [] : [name], caseId === undefined ? [] : [caseId]);
  return { person: store.read.personById(personId), nameAdded: done.names[0], joined: done.caseIds.length > 0 };
}
