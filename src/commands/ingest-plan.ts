// What an ingest proposes, what the caseworker decided about each proposal, and what that means for the
// store. Where facts go:
// - the case is --case, else the one existing case whose reference the document cites (if exactly one);
// - a new person joins that case, if any; a tracked person keeps their cases and gains the document's
//   spellings of their name (but another tracked person's own name) and the risks it names;
// - an event goes to the case, else to the one case all its people share, else to no case (it is still
//   in their timelines); an event that names nobody needs a case, and is left out without one;
// - a deadline that names nobody goes to the case naming nobody (`due` lists the case's people, those
//   added later too); without a case it is about the people of the accepted events, and goes to the one
//   case they share, else to no case (`due` still lists it, with its people);
// - a deadline's note says which source set it, since `due` shows no sources.
import type { CaseRecord, PersonRecord } from '../domain/model';
import type { EventType, PartialDate, Risk } from '../domain/types';
import type { Candidate, Extraction } from '../ingest/extraction';
import type { IngestWrite, PersonKey } from '../store/ingest';
import type { Alike, Found, Lookup } from './ingest-people';
import { spellingsToAdd } from './ingest-held';
import { bornFromAge } from '../domain/dates';
import type { SourceDraft } from './ingest-source';
import { notByAge, type NotByAge } from './ingest-age';

/**
 * new: added, in the case the document is read into unless outsideCase (someone named in passing).
 * confirm: the name is only close to the person's (a loose match): theirs after confirmation on a
 * terminal, and --yes records nothing while one is unconfirmed (spec: Commands).
 */
export type PersonChoice =
  | { action: 'new'; outsideCase?: boolean } | { action: 'tracked'; person: PersonRecord } | { action: 'confirm'; person: PersonRecord } | { action: 'skip' }
  /** Another name of a person this document names (key: theirs), chosen on a terminal. */
  | { action: 'same'; key: string };

/**
 * notByAge: the tracked person the name reaches, ruled out by the document's age. alike: the person
 * named earlier in the document whose name this one is only close to (kept apart unless joined).
 */
export interface PersonProposal { key: string; candidate: Candidate; lookup: Lookup; choice: PersonChoice; notByAge?: NotByAge; alike?: Alike & { key: string } }

export interface FactProposal {
  kind: 'event' | 'deadline';
  candidate: Candidate;
  date: PartialDate;
  type?: EventType;
  /** An event's summary or a deadline's note. */
  text: string;
  /** Keys of PersonProposal. */
  people: string[];
  accepted: boolean;
}

export interface IngestPlan {
  source: SourceDraft;
  theCase?: CaseRecord;
  extraction: Extraction;
  people: PersonProposal[];
  facts: FactProposal[];
  /** The document's names of people of several names, each with the tracked people whose own name it is. */
  holders: Map<string, PersonRecord[]>;
}

export function sourceLabel(s: { title: string; publisher?: string; ref?: string }): string {
  return [s.publisher, s.ref].filter(Boolean).join(' ') || `"${s.title}"`;
}

/** Everything accepted, as --yes takes it (see defaultChoice for people). */
export function planIngest(found: Found, source: SourceDraft, theCase: CaseRecord | undefined): IngestPlan {
  const people = [...found.people.entries()].map(([key, { candidate, lookup: found }]): PersonProposal => {
    const ruledOut = found.kind === 'tracked' ? notByAge(found.person, candidate.age, source.date) : undefined;
    // Not the tracked person by age: someone new, whatever the names say.
    const lookup: Lookup = ruledOut ? { kind: 'new' } : found;
    // Someone named by their office is left out unless surely someone tracked: not a reason to refuse the document.
    const choice: PersonChoice = candidate.role && !(lookup.kind === 'tracked' && !lookup.loose) ? { action: 'skip' } : defaultChoice(lookup, Boolean(theCase && candidate.inPassing));
    return { key, candidate, lookup: found, choice, ...(ruledOut ? { notByAge: ruledOut } : {}) };
  });
  // The earlier person of the document a new name is close to: theirs only if the caseworker joins them.
  const keyByName = new Map(people.flatMap((p) => [p.candidate.name!, ...(p.candidate.aliases ?? [])].map((n) => [n, p.key] as const)));
  for (const p of people) {
    if (p.lookup.kind !== 'new' && !p.notByAge) continue;
    const alike = [p.candidate.name!, ...(p.candidate.aliases ?? [])].map((n) => found.alike.get(n)).find((a) => a && keyByName.get(a.name) !== p.key);
    const key = alike && keyByName.get(alike.name);
    if (alike && key !== undefined) p.alike = { ...alike, key };
  }
  const facts: FactProposal[] = [];
  for (const c of found.extraction.candidates) {
    if (c.kind === 'event') facts.push({ kind: 'event', candidate: c, date: c.date!, type: c.type, text: c.text, people: c.people ?? [], accepted: true });
    if (c.kind === 'deadline') {
      facts.push({ kind: 'deadline', candidate: c, date: c.date!, text: `${c.note ?? c.text} (source: ${sourceLabel(source)})`, people: c.people ?? [], accepted: true });
    }
  }
  return { source, theCase, extraction: found.extraction, people, facts, holders: found.holders };
}

/**
 * A tracked person's own name is that person: --yes accepts the proposals as they stand (issue 4).
 * A name only close to theirs is theirs only once a caseworker says so (the walk on a terminal
 * asks), as for every writing command. One that may be several people is left for a human.
 */
function defaultChoice(lookup: Lookup, outsideCase: boolean): PersonChoice {
  if (lookup.kind === 'tracked') return { action: lookup.loose ? 'confirm' : 'tracked', person: lookup.person };
  return lookup.kind === 'new' ? { action: 'new', ...(outsideCase ? { outsideCase } : {}) } : { action: 'skip' };
}

/** A person a fact keeps; outside: new, and kept out of the document's case (named in passing). */
interface Kept { ref: PersonKey; cases: string[]; outside: boolean }

/**
 * The case a fact goes on: the document's case, unless everyone it names was kept out of it (named
 * in passing): then none, as for their record.
 */
function caseOf(caseId: string | undefined, kept: Kept[]): string | undefined {
  if (kept.length > 0 && kept.every((k) => k.outside)) return undefined;
  return caseId ?? sharedCase(kept.map((k) => k.cases));
}

function sharedCase(caseLists: string[][]): string | undefined {
  if (caseLists.length === 0) return undefined;
  const shared = caseLists[0]!.filter((id) => caseLists.every((list) => list.includes(id)));
  return shared.length === 1 ? shared[0] : undefined;
}

/**
 * A person a proposal names, as everywhere in caselog's JSON: their id when tracked (as --yes takes
 * them), else null with the document's name (not the tracked name it is only close to).
 */
export function personRef(plan: IngestPlan, key: string): { id: string | null; name: string } {
  const p = joinedProposal(plan, key) ?? proposalOf(plan, key);
  return p?.choice.action === 'tracked' ? { id: p.choice.person.id, name: p.choice.person.name } : { id: null, name: p?.candidate.name ?? key };
}

// Each plan's proposals by key: a search through everyone for each person of each fact made recording
// a list of thousands arrested on one day take minutes.
const byKey = new WeakMap<PersonProposal[], Map<string, PersonProposal>>();
function proposalOf(plan: IngestPlan, key: string): PersonProposal | undefined {
  let proposals = byKey.get(plan.people);
  if (proposals?.size !== plan.people.length) {
    proposals = new Map(plan.people.map((p) => [p.key, p]));
    byKey.set(plan.people, proposals);
  }
  return proposals.get(key);
}

/** The proposal a key stands for once names joined on a terminal are followed ("same": another name of that person). */
export function joinedProposal(plan: IngestPlan, key: string): PersonProposal | undefined {
  let p = proposalOf(plan, key);
  for (let steps = 0; p?.choice.action === 'same' && steps < plan.people.length; steps++) p = proposalOf(plan, p.choice.key);
  return p?.choice.action === 'same' ? undefined : p;
}

/** The person's candidate with the names of the document joined to them on a terminal as their other names. */
export function withJoined(plan: IngestPlan, p: PersonProposal): Candidate {
  const joined = plan.people.filter((q) => q !== p && q.choice.action === 'same' && joinedProposal(plan, q.key) === p);
  if (joined.length === 0) return p.candidate;
  const names = [p.candidate.name!, ...(p.candidate.aliases ?? [])];
  for (const q of joined) for (const n of [q.candidate.name!, ...(q.candidate.aliases ?? [])]) if (!names.includes(n)) names.push(n);
  const risks = [...new Set([...(p.candidate.risks ?? []), ...joined.flatMap((q) => q.candidate.risks ?? [])])];
  return { ...p.candidate, aliases: names.slice(1), risks, age: p.candidate.age ?? joined.find((q) => q.candidate.age !== undefined)?.candidate.age };
}

/** The people of a fact who are kept, with the cases each is (or will be) in. */
function keptPeople(plan: IngestPlan, keys: string[]): Kept[] {
  const kept: Kept[] = [];
  const refs = new Set<string>();
  for (const given of keys) {
    const p = joinedProposal(plan, given);
    const key = p?.key ?? given;
    if (!p || (p.choice.action !== 'new' && p.choice.action !== 'tracked')) continue;
    const ref = p.choice.action === 'tracked' ? { id: p.choice.person.id } : { key };
    const refKey = JSON.stringify(ref);
    if (refs.has(refKey)) continue;
    refs.add(refKey);
    const outside = p.choice.action === 'new' && Boolean(p.choice.outsideCase);
    kept.push({ ref, outside, cases: p.choice.action === 'tracked' ? p.choice.person.cases.map((c) => c.id) : plan.theCase && !outside ? [plan.theCase.id] : [] });
  }
  return kept;
}

/**
 * Whether an event has someone to be about: people kept, else the case for an event naming nobody.
 * An event about people who were all left out is not about the case as a whole: it would show in
 * every member's timeline and count as their news.
 */
export function eventHasOwner(plan: IngestPlan, fact: FactProposal): boolean {
  return keptPeople(plan, fact.people).length > 0 || (Boolean(plan.theCase) && fact.people.length === 0);
}

/** What the store writes: the decisions resolved into records. */
export function toWrite(plan: IngestPlan): IngestWrite {
  const caseId = plan.theCase?.id;
  const write: IngestWrite = { source: plan.source, newPeople: [], trackedPeople: [], events: [], deadlines: [] };
  for (const p of plan.people) {
    const candidate = withJoined(plan, p);
    const names = [candidate.name!, ...(candidate.aliases ?? [])];
    const risks: Risk[] = candidate.risks ?? [];
    // An age is as of the document's date: without one, it would say nothing certain.
    const age = candidate.age !== undefined && plan.source.date ? { age: candidate.age, ageOn: plan.source.date, born: bornFromAge(candidate.age, plan.source.date) } : {};
    if (p.choice.action === 'new') write.newPeople.push({ key: p.key, name: names[0]!, aliases: names.slice(1), risks, caseIds: caseId && !p.choice.outsideCase ? [caseId] : [], ...age });
    if (p.choice.action === 'tracked') write.trackedPeople.push({ personId: p.choice.person.id, names: spellingsToAdd(plan, { ...p, candidate }, p.choice.person), risks });
  }
  for (const f of plan.facts.filter((x) => x.kind === 'event' && x.accepted)) {
    if (!eventHasOwner(plan, f)) continue;
    const kept = keptPeople(plan, f.people);
    write.events.push({ caseId: caseOf(caseId, kept), people: kept.map((k) => k.ref), type: f.type ?? 'other', summary: f.text, date: f.date, actor: f.candidate.actor });
  }
  for (const f of plan.facts.filter((x) => x.kind === 'deadline' && x.accepted)) {
    let kept = keptPeople(plan, f.people);
    // A deadline naming nobody on the document's case is the whole case's ("send appeals before"): stored
    // naming nobody, `due` lists the case's people, those added to it later too.
    if (kept.length === 0 && caseId) {
      write.deadlines.push({ caseId, people: [], note: f.text, date: f.date, ...(f.candidate.done ? { doneOn: f.candidate.done } : {}) });
      continue;
    }
    // Without a case, it is about the people of the events: those in the case, not those kept out of it.
    if (kept.length === 0) kept = keptPeople(plan, deadlineKeys(plan, f)).filter((k) => !k.outside);
    write.deadlines.push({ caseId: caseOf(caseId, kept), people: kept.map((k) => k.ref), note: f.text, date: f.date,
      ...(f.candidate.done ? { doneOn: f.candidate.done } : {}) });
  }
  return write;
}

/**
 * Whom a deadline is about: the people it names who are kept, else, without a case, the people of the
 * accepted events (the review shows them, as they are recorded).
 */
export function deadlineKeys(plan: IngestPlan, f: FactProposal): string[] {
  if (plan.theCase || keptPeople(plan, f.people).length > 0) return f.people;
  return plan.facts.filter((x) => x.kind === 'event' && x.accepted && eventHasOwner(plan, x)).flatMap((x) => x.people);
}

/** The names a fact will carry after the people decisions, as the caseworker will read them. */
export function keptNames(plan: IngestPlan, keys: string[]): string[] {
  const names: string[] = [];
  for (const key of keys) {
    const p = joinedProposal(plan, key);
    const name = !p ? undefined : p.choice.action === 'tracked' ? p.choice.person.name : p.choice.action === 'new' ? p.candidate.name : undefined;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}
