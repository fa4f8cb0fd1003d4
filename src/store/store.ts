// What commands may ask of storage. Promise-returning so a server backend can fit later;
// each method is one whole operation (and one transaction when it writes).
import type { CaseRecord, DeadlineRecord, EventRecord, PersonRecord, SourceRecord } from '../domain/model';
import type { RecordKind } from '../domain/ids';
import type { EventType, PartialDate, Risk, Status } from '../domain/types';

export interface NewCase {
  ref: string; title: string; countries: string[]; opened?: PartialDate; summary?: string;
}
export interface NewPerson {
  name: string; aliases: string[]; caseIds: string[]; age?: number; ageOn?: PartialDate; born?: PartialDate;
  gender?: string; citizenship?: string; ethnicity?: string; status?: Status; statusOn?: string; risks: Risk[];
  /**
   * Refuse, inside the write, when one of the names is by then someone's (but for case and accents):
   * the near-duplicate check ran before the write, and another caselog may have added them since.
   */
  refuseTakenName?: boolean;
}
export interface NewEvent {
  caseId?: string; personIds: string[]; type: EventType; status?: Status; summary: string;
  place?: string; actor?: string; date: PartialDate; sourceIds: string[];
}
export interface NewDeadline {
  caseId?: string; personIds: string[]; date: PartialDate; note: string; warnDays?: number;
  /** Done already (YYYY-MM-DD): an ingested document tells what came of it. */
  doneOn?: string;
}
export interface NewSource {
  title: string; publisher?: string; ref?: string; date?: PartialDate; url?: string; reliability?: string;
  body?: string; hash?: string;
}

/** A stored name that may be the one the user means; the matcher scores it. */
/**
 * A stored name a lookup may mean; primary: the person's own name, which a match is best explained by;
 * gender: theirs as recorded, which says whether a woman's form of the name can be theirs.
 */
export interface NameCandidate { personId: string; name: string; primary?: boolean; gender?: string }

/** limit: the most deadlines read (0 or none: all). */
export interface DueQuery { today: string; horizon: string; limit?: number }
/** What the at-risk list shows and ranks by, of one person and their next deadline. */
export interface AtRiskEntry {
  person: Pick<PersonRecord, 'id' | 'name' | 'status' | 'statusSince' | 'statusEventId' | 'risks' | 'cases' | 'latestNews'>;
  nextDeadline?: Pick<DeadlineRecord, 'id' | 'note' | 'date'>;
}
/** The same, as whole records (for --json). */
export interface AtRiskRow extends AtRiskEntry {
  person: PersonRecord;
  nextDeadline?: DeadlineRecord;
  /** The person's cases that are open (their record lists the closed ones too). */
  openCaseIds: string[];
}

export interface Store {
  addCase(input: NewCase): Promise<CaseRecord>;
  addPerson(input: NewPerson): Promise<PersonRecord>;
  addEvent(input: NewEvent): Promise<EventRecord>;
  addDeadline(input: NewDeadline): Promise<DeadlineRecord>;
  addSource(input: NewSource): Promise<SourceRecord>;
  addToCase(caseId: string, personId: string): Promise<void>;
  /** The deadline done on that day; one already done (by another process meanwhile) is left as it is: not changed. */
  markDone(deadlineId: string, on: string): Promise<{ deadline: DeadlineRecord; changed: boolean }>;
  /** The deadline open again; one already open (reopened by another process meanwhile) is not changed. */
  markOpen(deadlineId: string): Promise<{ deadline: DeadlineRecord; changed: boolean }>;

  findCaseByRef(ref: string): Promise<CaseRecord | undefined>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  getPerson(id: string): Promise<PersonRecord | undefined>;
  getDeadline(id: string): Promise<DeadlineRecord | undefined>;
  /** Full ids whose id starts with the prefix, of one kind (the first few). */
  idsByPrefix(kind: RecordKind, prefix: string): Promise<string[]>;
  countIdsByPrefix(kind: RecordKind, prefix: string): Promise<number>;
  /** Stored names sharing an index key with the query (exact, folded or variant). */
  nameCandidates(query: string): Promise<NameCandidate[]>;
  /** Names near the query, for "did you mean". */
  nearbyNames(query: string, limit: number): Promise<string[]>;
  findSources(text: string): Promise<SourceRecord[]>;
  listCases(): Promise<CaseRecord[]>;
  listPeople(): Promise<PersonRecord[]>;

  personTimeline(personId: string): Promise<EventRecord[]>;
  caseTimeline(caseId: string): Promise<EventRecord[]>;
  /** The deadlines due (the first query.limit of them), and how many there are in all. */
  dueDeadlines(query: DueQuery): Promise<{ deadlines: DeadlineRecord[]; total: number }>;
  /** People with open risks who are not protected or dead and not only in closed cases, whole. */
  atRisk(risk?: Risk): Promise<AtRiskRow[]>;
  /**
   * The same people with only what the list shows: at tens of thousands, whole records cost more
   * than the query. Given people, which of them alone.
   */
  atRiskList(risk?: Risk, people?: string[]): Promise<AtRiskEntry[]>;

  close(): void;
}
