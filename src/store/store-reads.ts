// The reading half of Store, as SQLite answers it: each one the Reader's, as a Promise (so that a
// server backend fits the same interface). Kept apart from the writes, which SqliteStore adds.
import type { RecordKind } from '../domain/ids';
import type { Risk } from '../domain/types';
import type { Reader } from './reader';
import type { AtRiskEntry, AtRiskRow, DueQuery, NameCandidate } from './store';

export class StoreReads {
  constructor(readonly read: Reader) {}

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
  async atRiskList(risk?: Risk, people?: string[]): Promise<AtRiskEntry[]> { return this.read.atRiskList(risk, people); }
}
