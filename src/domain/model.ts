// Records as the rest of caselog sees them, whatever the storage.
import type { EventType, PartialDate, Risk, Status } from './types';

export interface PersonRef { id: string; name: string }
export interface CaseRef { id: string; ref: string }

export interface CaseRecord {
  id: string;
  ref: string;
  title: string;
  countries: string[];
  summary?: string;
  opened?: PartialDate;
  closed?: PartialDate;
  closeReason?: string;
  people: PersonRef[];
}

export interface PersonName { id: string; name: string; primary: boolean; note?: string }

export interface PersonRecord {
  id: string;
  name: string;
  names: PersonName[];
  age?: number;
  ageOn?: PartialDate;
  born?: PartialDate;
  gender?: string;
  citizenship?: string;
  ethnicity?: string;
  /** Status as the user recorded it on the person (with the day it was recorded). */
  recordedStatus?: Status;
  recordedStatusOn?: string;
  /** Status derived from the latest status-moving event, or the recorded one. */
  status: Status;
  statusSince?: PartialDate;
  statusEventId?: string;
  risks: Risk[];
  cases: CaseRef[];
  latestNews?: PartialDate;
}

export interface SourceRecord {
  id: string;
  title: string;
  publisher?: string;
  ref?: string;
  date?: PartialDate;
  url?: string;
  reliability?: string;
}

export interface EventRecord {
  id: string;
  case?: CaseRef;
  type: EventType;
  /** For `status` events: the status the user set. */
  status?: Status;
  summary: string;
  place?: string;
  actor?: string;
  date: PartialDate;
  people: PersonRef[];
  sources: SourceRecord[];
}

export interface DeadlineRecord {
  id: string;
  case?: CaseRef;
  date: PartialDate;
  note: string;
  warnDays?: number;
  done: boolean;
  doneOn?: string;
  /** The people it names, or, when it names nobody, the case's people. */
  people: PersonRef[];
  namesPeople: boolean;
}

export function caseRefKey(ref: string): string {
  return ref.toLowerCase().replace(/\s+/g, '');
}

/** The oldest age a person can be given (an age is "aged N" as a source reports it). */
export const MAX_AGE = 130;
/** The longest advance warning a deadline can have, in days: ten years. */
export const MAX_WARN_DAYS = 3653;
