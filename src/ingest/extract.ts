// The pure core of `caselog ingest`: a document's text in, proposed facts out, each with the
// sentence it came from. Nothing here is stored; the caseworker confirms what to keep.
import type { Day, EventType, PartialDate, Risk } from '../domain/types';
import { dayKey, precisionOf, findDateMentions, needingDocumentDate } from './date-mentions';
import { clauseNote, readDeadline, reportsPostponement, speaksOfFuture, toldAsDone } from './deadlines';
import { isoOf, lastDay } from '../domain/dates';
import { addMonths } from '../domain/dates-calendar';
import { guessEventType, PARTLY_SERVED } from './event-types';
import { toPlainDocument } from './markup';
import { dayOf, documentDate, layOut, type DateSource } from './passages';
import { PeopleIndex, type PersonFound } from './people';
import { SubjectTracker } from './subjects';
import { inRiskOrder, risksIn } from './risks';
import { findReferences, proseDateline, publisherFromProse, referencedDocument } from './source';

export interface Candidate {
  kind: 'event' | 'deadline' | 'person' | 'reference';
  text: string;
  date?: PartialDate;
  type?: EventType;
  people?: string[];
  name?: string;
  knownAs?: string;
  /** kind 'person': other spellings the document gives ("previously written as ..."). */
  aliases?: string[];
  risks?: Risk[];
  /** kind 'person': named by an office or profession, and nothing harmful told of them: not proposed for tracking. */
  role?: string;
  /** kind 'event': who acted or spoke, named by their office ("Darhan Dilmanov, director of ..."). */
  actor?: string;
  /** kind 'person': their age as the document gives it, on the document's date. */
  age?: number;
  /**
   * kind 'person': named only in passing, apart from the people the document is about (another
   * asylum-seeker in a paragraph of background): tracked, by default, outside the case it is read into.
   */
  inPassing?: boolean;
  note?: string;
  reference?: string;
  /** kind 'deadline': the day it was done on (YYYY-MM-DD), when the document tells what came of it then. */
  done?: string;
}

export interface Extraction {
  source: { title?: string; publisher?: string; reference?: string; date?: PartialDate; dateFrom?: DateSource };
  candidates: Candidate[];
  /** "yesterday", "two days ago" as written, that date events or deadlines proposed: counted from the document's date. */
  countedFromDocumentDate: string[];
  /** "5 March" as written, that dates events or deadlines proposed: a date without a year, which took the document's. */
  yearFromDocumentDate: string[];
  /** The same, left out for the document has no date to count them from. */
  uncounted: string[];
  /** "9 May" as written, left out for the document has no date to take the year from. */
  yearless: string[];
}

export interface ExtractOptions {
  lookupPerson?: (name: string) => string | null;
  documentDate?: PartialDate;
  /** Nothing after today has happened yet, whatever date the document gives itself (or when it gives none). */
  today?: Day;
  format?: 'text' | 'markdown' | 'html';
}

/**
 * Events that tell of harm done to the people in them. Not a hearing: a lawyer or a judge is named
 * at one for their work ("she was not allowed to consult her clients during the hearing").
 */
const HARM = new Set<EventType>(['arrest', 'detention', 'charge', 'sentence', 'deportation', 'extradition-request', 'disappearance', 'ill-treatment']);

/**
 * The people named in passing: not among those the document names most often, nor ever named in
 * a passage with one of them, nor harmed in it. Where nobody stands out (each named once), nobody
 * is in passing.
 * Someone named by their office is judged by their role instead (left out, or kept when harmed).
 */
function namedInPassing(people: PersonFound[], passages: PersonFound[][]): Set<PersonFound> {
  const count = new Map<PersonFound, number>();
  for (const found of passages) for (const p of found) count.set(p, (count.get(p) ?? 0) + 1);
  const most = Math.max(0, ...[...count].filter(([p]) => !p.role).map(([, n]) => n));
  if (most < 2) return new Set();
  const about = new Set([...count].filter(([p, n]) => !p.role && n === most).map(([p]) => p));
  for (const found of passages) if (found.some((p) => about.has(p) && count.get(p) === most)) for (const p of found) about.add(p);
  // Harm told of someone (arrested, sentenced) makes them someone the document is about.
  return new Set(people.filter((p) => !p.role && !p.harmed && !about.has(p)));
}

/** "sentenced to one year", "to 18 months", "to two and a half years", "to 2 years and 6 months". */
const NUMBER = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)';
// "sentenced on 2 May 2021 to", "a court sentenced Ivan Petrov to": a date or a name may come between
// (nothing else: "sentenced after being held for up to six months" gives no term).
// Without the i flag, which would make \\p{Lu} take any letter: the words are lower case mid-sentence.
const TERM = new RegExp(`\\b[Ss]entenced\\s+(?:on\\s+[\\p{L}\\d ,]{1,25}?\\s+|(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,4})?to\\s+${NUMBER}(\\s+and\\s+a\\s+half)?\\s+(years?|months?)(?:,?\\s+(?:and\\s+)?${NUMBER}\\s+months?)?\\b`, 'u');
/** More than one term in a sentence ("A to one year and B to two"): whose is which is not read. */
const TERMS = new RegExp(`\\bto\\s+${NUMBER}(\\s+and\\s+a\\s+half)?\\s+(years?|months?)\\b`, 'gi');
const TERM_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** The day a prison term given on a day ends (before any time served is counted), or undefined. */
function sentenceEnd(sentence: string, given: PartialDate): PartialDate | undefined {
  const m = TERM.exec(sentence);
  // Several terms (whose is which is not read), or a term partly suspended (the release comes earlier): no end.
  if (!m || given.day === undefined || given.month === undefined || [...sentence.matchAll(TERMS)].length > 1 || PARTLY_SERVED.test(sentence)) return undefined;
  const count = (word: string) => (/^\d+$/.test(word) ? Number(word) : TERM_WORDS[word.toLowerCase()]!);
  const n = count(m[1]!);
  const years = /^y/i.test(m[3]!);
  const months = years ? n * 12 + (m[2] ? 6 : 0) + (m[4] ? count(m[4]) : 0) : n;
  if (months <= 0 || months > 600) return undefined;
  const end = addMonths({ year: given.year, month: given.month, day: given.day }, months);
  return { ...end, approximate: false, text: `${m[0].replace(/^sentenced\s+(?:[^.;]*?\s)?to\s+/iu, '')} from ${given.text}` };
}

/** What a court day ends in: a deadline on its day is past when the document tells one of these then. */
const OUTCOMES = new Set<EventType>(['hearing', 'sentence', 'release', 'deportation', 'charge']);

/**
 * A deadline whose day the same document tells the outcome of ("postponed to 21 January", then
 * "Update: on 21 January they were sentenced"): past and known, so proposed as done on that day
 * (kept, so the record shows the hearing was set, but never overdue).
 */
function outcomeTold(deadline: Candidate, events: Map<string, Candidate>): boolean {
  const day = deadline.date!;
  if (day.day === undefined) return false;
  const people = new Set(deadline.people ?? []);
  return [...events.values()].some((e) => isoOf(e.date!) === isoOf(day) && OUTCOMES.has(e.type!)
    && (people.size === 0 || (e.people ?? []).some((p) => people.has(p))));
}

/** Told as where people are now, undated: "are currently in pre-trial detention", "remains in custody", "is still held in". */
const HELD_NOW = /\b(?:is|are|remains?|has been|have been)\s+(?:currently\s+|still\s+|now\s+)?(?:in\s+(?:pre-?trial\s+)?(?:detention|custody)\b|(?:being\s+)?(?:held|detained)\s+(?:in|at|incommunicado)\b)|\b(?:currently|still)\s+(?:detained|held|in\s+detention|in\s+custody)\b/i;

/** A "held now" phrase said not to hold: "is not currently detained", "no longer held". */
const NEGATED = /(\bnot|n['’]t|\bno longer|\bnever)\s+(\w+\s+){0,2}(currently\s+|still\s+)?(in\s+|being\s+)?(held|detained|detention|custody)\b|(\bnot|n['’]t|\bno longer|\bnever)\s+(currently|still)\b|\b(whether|unclear|unknown|not known)\b/i;

/**
 * Proposes events, deadlines, people and reference codes found in a document.
 *
 * Events need a type other than 'other'/'statement'/'report' or someone in the sentence:
 * a dated line of country background ("the crackdown began in 1996") is not a case fact.
 * A document's own date ("said today", the dateline) dates the source, never an event.
 * An event is something that happened: a date after today, or after the document's date, is an
 * expectation, proposed as a deadline only; so is the date a hearing is put off to, whatever the
 * document's date. One exception: a later date told as done ("Update: on 21 January X was
 * sentenced") is news the document was updated with, and stays an event (if not after today).
 * One event per date, precision and type (people merged); one deadline per date and note.
 */
export function extractFacts(documentText: string, opts: ExtractOptions = {}): Extraction {
  const plain = toPlainDocument(documentText, opts.format);
  const layout = layOut(plain.text);
  const { date: docDate, from: dateFrom } = documentDate(layout, opts.documentDate);
  const documentDay = docDate && dayOf(docDate);
  const index = new PeopleIndex(opts.lookupPerson);
  const events = new Map<string, Candidate>();
  const deadlines = new Map<string, Candidate>();
  const references = new Map<string, Candidate>();
  const tracker = new SubjectTracker();
  let mainSubjects: PersonFound[] | undefined;
  // Who each passage names, to tell the people the document is about from those named in passing.
  const namedTogether: PersonFound[][] = [];
  const heldNow: Array<{ people: string[]; text: string }> = [];
  // Events told of a group the sentence does not name ("two ethnic Kazakhs ... crossed the border").
  const unnamedGroups: Array<{ key: string; count: number; onlyIfTheirs: boolean }> = [];
  let context: { block: number; date: PartialDate } | undefined;
  // The paragraph's latest hearing: the day a hearing "was adjourned ... and postponed to" was put off.
  let lastHearing: { block: number; date: PartialDate } | undefined;
  const after = (d: PartialDate, limit: Day | undefined): boolean => limit !== undefined && dayKey(d) > dayKey(limit);
  // Dates counted from the document's date ("yesterday"): only as sure as that date, which may be a guess.
  const countedDates = new Set<PartialDate>();
  // Dates without a year ("on 5 March"): their year is the document's date's, as sure as it is.
  const yearTaken = new Set<PartialDate>();
  const uncounted = new Set<string>();
  const yearless = new Set<string>();

  // Who each event names so far: people join it without the list being copied each time (thousands
  // listed as arrested on one day made that quadratic).
  const eventPeople = new Map<string, Set<string>>();
  /** Adds the event, or its people to the one of the same day and type; its key, and whether it is new. */
  const addEvent = (date: PartialDate, type: EventType, people: string[], text: string, actor?: string): { key: string; isNew: boolean } => {
    const key = `${isoOf(date)}|${precisionOf(date)}|${type}`;
    const known = events.get(key);
    const named = eventPeople.get(key) ?? new Set<string>();
    const added = people.filter((p) => !named.has(p));
    for (const p of added) named.add(p);
    eventPeople.set(key, named);
    if (known) known.people!.push(...added);
    else events.set(key, { kind: 'event', text, date, type, people: added, ...(actor ? { actor } : {}) });
    return { key, isNew: !known };
  };
  const addDeadline = (date: PartialDate, note: string, people: string[], text: string): void => {
    const key = `${isoOf(date)}|${precisionOf(date)}|${note}`;
    if (!deadlines.has(key)) deadlines.set(key, { kind: 'deadline', text, date, people, note });
  };

  for (const passage of layout.passages) index.noteOrganisations(passage.text);
  for (const passage of layout.passages) {
    const { text } = passage;
    for (const r of findReferences(text)) if (!references.has(r.reference)) references.set(r.reference, { kind: 'reference', text, reference: r.reference });

    const { named, aside, harmedHere, at } = index.read(text);
    for (const p of harmedHere) if (p.role) p.harmed = true;
    const subjects = tracker.subjectsOf(text, named.filter((p) => !aside.has(p)), aside.size > 0);
    if (subjects.length && !passage.inHeader) mainSubjects ??= subjects;
    // Someone named by their office faces the sentence's risks only when harm is done to them in it
    // (the men's lawyer "was not allowed to consult her clients": the unfair trial is theirs).
    for (const risk of risksIn(text)) for (const person of subjects) if (!person.role || person.harmed) person.risks.add(risk);
    const found = [...new Set([...named, ...subjects])];
    if (!passage.inHeader) namedTogether.push(found);
    // Someone named by their office who speaks or acts ("the director of the border service,
    // Darhan Dilmanov, stated") is not what an event is about: only harm done to them makes it theirs.
    // Named, harm must be told of them by where the name stands; reached by a pronoun ("police
    // arrested her"), the harm is theirs. Once harmed anywhere, their role no longer keeps them out
    // (of a deadline, of tracking), wherever it was learnt.
    const about = (type: EventType): string[] => {
      const harm = HARM.has(type);
      // Who only speaks of it (a relative, a colleague: "her husband, X, said she was beaten") is not who it happened to.
      const kept = found.filter((p) => !(harm && aside.has(p)) && (!p.role || p.harmed || (harm && !aside.has(p) && (harmedHere.has(p) || !named.includes(p)))));
      if (harm) for (const p of kept) p.harmed = true;
      return kept.map((p) => p.knownAs ?? p.name);
    };

    if (context && context.block !== passage.block) context = undefined;
    if (lastHearing && lastHearing.block !== passage.block) lastHearing = undefined;
    const mentions = findDateMentions(text, { documentDate: documentDay, contextDate: context?.date });
    if (!documentDay && !passage.inHeader) {
      const needing = needingDocumentDate(text, context?.date);
      for (const phrase of needing.counted) uncounted.add(phrase);
      for (const phrase of needing.yearless) yearless.add(phrase);
    }
    for (const m of mentions) if (m.fromDocumentDate && !m.selfDated) countedDates.add(m.date);
    for (const m of mentions) if (!m.relative && !m.explicitYear) yearTaken.add(m.date);
    // "Cairo, 2 August 2022 —": the document's own date, like the dateline above the title.
    const dateline = proseDateline(text) ? mentions[0] : undefined;
    const ownDateline = passage.inHeader && text === layout.header.referenceDateline;
    const hearingBefore = lastHearing?.date;
    const told = toldAsDone(text);
    // A month or year that reaches past today (or the document's date), in a sentence about what
    // will be ("will be deported later in 2001"), has not happened either.
    const reaches = (d: PartialDate, limit: Day | undefined): boolean =>
      limit !== undefined && d.day === undefined && dayKey(lastDay(d)) > dayKey(limit);
    const future = speaksOfFuture(text);
    const expected = (d: PartialDate): boolean => after(d, opts.today) || (!told && after(d, documentDay))
      || (future && (reaches(d, opts.today) || reaches(d, documentDay)));
    mentions.forEach((m, i) => {
      if (!m.relative && m.precision !== 'year') context = { block: passage.block, date: m.date };
      // "UA 12/27, 14 March 2027" atop the document is its own reference and date, not one it cites.
      const cited = ownDateline ? undefined : referencedDocument(text, m.start);
      // "Further information on EXTRA 77/98 (EUR 57/12/98, 15 October 1998)": the cited document came
      // out that day, which the sentence itself (this document's title) would seem to say of itself.
      if (cited) { if (!after(m.date, opts.today)) addEvent(m.date, 'report', [], `${cited} issued`); return; }
      // Titles and datelines repeat what the body says, or date the document itself.
      if (passage.inHeader || m === dateline || m.selfDated) return;
      const deadline = readDeadline(text, m, documentDay);
      if (deadline) {
        addDeadline(m.date, deadline.note, about('other'), text);
        // "The hearing was adjourned ... and postponed to January 21": the adjournment is a hearing
        // on the day of the hearing it ended, when the sentence has no earlier date of its own.
        if (deadline.hearing && i === 0 && hearingBefore && dayKey(hearingBefore) < dayKey(m.date) && reportsPostponement(text)) {
          addEvent(hearingBefore, 'hearing', about('hearing'), text);
        }
        return;
      }
      const type = guessEventType(text, m.start, m.end, mentions.filter((o) => o !== m));
      const owner = clauseOwner(text, m.start, at);
      const everyone = about(type);
      // "the arrest of X, ..., and of her lawyer Y, arrested on 16 March": the date's clause is Y's alone.
      const eventPeople = owner && everyone.includes(owner.knownAs ?? owner.name) ? [owner.knownAs ?? owner.name] : everyone;
      // What an official says of people the sentence does not name ("two ethnic Kazakhs ... would be
      // returned") is still a fact of the case: the statement is theirs (of the other events in
      // their sentence, they are not the actor).
      const official = found.find((p) => p.role && !eventPeople.includes(p.knownAs ?? p.name));
      const actor = type === 'statement' ? official : undefined;
      const group = eventPeople.length === 0 ? groupCount(text) : undefined;
      const slight = type === 'other' || type === 'statement' || type === 'report';
      if (!eventPeople.length && !official && !group && slight) return;
      if (expected(m.date)) { addDeadline(m.date, clauseNote(text, m), about('other'), text); return; }
      const { key, isNew } = addEvent(m.date, type, eventPeople, text, actor && `${actor.name}, ${actor.role}`);
      if (group) unnamedGroups.push({ key, count: group, onlyIfTheirs: isNew && !official && slight });
      if (type === 'hearing') lastHearing = { block: passage.block, date: m.date };
      // "sentenced to one year in prison" on a day: the day the sentence ends is a date to check by.
      const ends = type === 'sentence' && eventPeople.length > 0 ? sentenceEnd(text, m.date) : undefined;
      if (ends && (!documentDay || dayKey(ends) > dayKey(documentDay))) {
        addDeadline(ends, 'sentence ends', eventPeople, text);
      }
    });
    // "X and Y are currently in pre-trial detention": where they are on the document's own date (not
    // "is not currently detained"). Kept until the whole document is read (see below).
    const held = HELD_NOW.exec(text);
    if (held && mentions.length === 0 && docDate && !passage.inHeader && !NEGATED.test(text.slice(0, held.index + 12)) && !expected(docDate)) {
      const people = about('detention');
      if (people.length > 0) heldNow.push({ people, text });
    }
  }
  // Not for someone the document sentences, wherever it says so: a prisoner who "remains in custody"
  // would be made merely detained.
  const CUSTODY = new Set<EventType>(['arrest', 'detention', 'sentence', 'release', 'deportation']);
  const lastCustody = (name: string) => [...events.values()].filter((e) => CUSTODY.has(e.type!) && e.people?.includes(name))
    .sort((a, b) => (isoOf(a.date!) < isoOf(b.date!) ? -1 : isoOf(a.date!) > isoOf(b.date!) ? 1 : 0)).at(-1);
  for (const h of heldNow) {
    const people = h.people.filter((name) => lastCustody(name)?.type !== 'sentence');
    if (people.length > 0) addEvent(docDate!, 'detention', people, h.text);
  }

  // What the title fears ("Fear of Torture", "faces extradition") is the fear for the people the document is about.
  const title = plain.title ?? layout.header.title;
  if (title) for (const risk of risksIn(title)) for (const person of mainSubjects ?? []) if (!person.role || person.harmed) person.risks.add(risk);

  const passing = namedInPassing(index.people, namedTogether);
  // "Two ethnic Kazakhs" in a document about two people is those two; any other count is left to the caseworker.
  const aboutThem = index.people.filter((p) => !passing.has(p) && (!p.role || p.harmed)).map((p) => p.knownAs ?? p.name);
  for (const g of unnamedGroups) {
    const e = events.get(g.key);
    if (!e || (e.people ?? []).length > 0) continue;
    if (g.count === aboutThem.length) e.people = aboutThem;
    // Kept for the group alone (an 'other' naming nobody is otherwise left out): left out again.
    else if (g.onlyIfTheirs) events.delete(g.key);
  }
  const persons: Candidate[] = index.people.map((p) => ({
    kind: 'person', text: p.text, name: p.name, people: [p.name],
    ...(passing.has(p) ? { inPassing: true } : {}),
    ...(p.knownAs ? { knownAs: p.knownAs } : {}),
    ...(p.aliases.length ? { aliases: p.aliases } : {}),
    ...(p.role && !p.harmed && p.risks.size === 0 ? { role: p.role } : {}),
    ...(p.age !== undefined ? { age: p.age } : {}),
    risks: inRiskOrder(p.risks),
  }));
  const source: Extraction['source'] = {
    title,
    publisher: layout.header.publisher ?? publisherFromProse(layout.passages.map((p) => p.text).join('\n')),
    reference: layout.header.reference,
    date: docDate,
    dateFrom,
  };
  for (const key of Object.keys(source) as (keyof typeof source)[]) if (source[key] === undefined) delete source[key];
  const kept = [...deadlines.values()].map((d): Candidate => (outcomeTold(d, events) ? { ...d, done: isoOf(d.date!) } : d));
  const facts = [...events.values(), ...kept];
  const datedBy = (dates: Set<PartialDate>) => [...new Set(facts.filter((f) => dates.has(f.date!)).map((f) => f.date!.text))];
  return {
    source, candidates: [...facts, ...persons, ...references.values()],
    countedFromDocumentDate: datedBy(countedDates), yearFromDocumentDate: datedBy(yearTaken), uncounted: [...uncounted], yearless: [...yearless],
  };
}

// "Y, arrested on", "X, 34, detained by Baku police on": a clause set off after a name by a comma,
// opened by a participle and running to the date without another comma.
const CLAUSE_TO_DATE = /^(?:\s*\([^()]*\))?(?:,\s*\d{1,3})?,\s*(?:\p{Ll}+ly\s+)?\p{Ll}+ed\b[^,;()]*$/u;

/** The person whose participle clause the date at `start` stands in, if any. */
function clauseOwner(text: string, start: number, at: Array<{ person: PersonFound; end: number }>): PersonFound | undefined {
  const before = at.filter((a) => a.end <= start).at(-1);
  return before && CLAUSE_TO_DATE.test(text.slice(before.end, start)) ? before.person : undefined;
}

const GROUP_COUNTS: Record<string, number> = { two: 2, both: 2, three: 3, four: 4, five: 5 };
/** "two ethnic Kazakhs", "the three young Uighur men", "both asylum-seekers": a count of people, not of years. */
const GROUP = /\b(two|both|three|four|five)\s+(?:(?:[\p{L}-]+\s+){0,3}?(?:men|women|people|persons|brothers|sisters|asylum-seekers|asylum seekers|refugees|activists|students|detainees|defenders|journalists|lawyers)|ethnic\s+\p{Lu}\p{L}+s)\b/u;

function groupCount(text: string): number | undefined {
  const m = GROUP.exec(text);
  return m ? GROUP_COUNTS[m[1]!.toLowerCase()] : undefined;
}
