// The pure core of `caselog ingest`: a document's text in, proposed facts out, each with the
// sentence it came from. Nothing here is stored; the caseworker confirms what to keep.
import type { Day, EventType, PartialDate } from '../domain/types';
import { clauseOwner, clausesOf, groupCount, namedInClause, HARM, namedInPassing, nameTheGroups, personCandidates, type UnnamedGroup } from './about-whom';
import { HELD_NOW, lastCustody, NEGATED, outcomeTold } from './custody';
import { dayKey, precisionOf, findDateMentions, needingDocumentDate } from './date-mentions';
import { clauseNote, putOff, readDeadline, reportsPostponement, speaksOfFuture, toldAsDone } from './deadlines';
import { fromIso, isoOf, lastDay } from '../domain/dates';
import { guessEventType, undatedHappening } from './event-types';
import { toldAsPast } from './tense';
import type { Candidate, ExtractOptions, Extraction } from './extraction';
import { toPlainDocument } from './markup';
import { dayOf, documentDate, layOut } from './passages';
import { relativesDatedAt } from './kin';
import { refuted } from './corrections';
import { PeopleIndex, type PersonFound } from './people';
import { sentenceEnd } from './sentence-terms';
import { SubjectTracker } from './subjects';
import { risksIn } from './risks';
import { unreadDates, type UnreadDate } from './numeric-dates';
import { findReferences, proseDateline, referencedDocument, sourceOf } from './source';

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
  const dated = documentDate(layout, opts.documentDate, plain.published ? fromIso(plain.published, false, plain.published) : undefined);
  const docDate = dated.date;
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
  const unnamedGroups: UnnamedGroup[] = [];
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
  const unread = new Map<string, UnreadDate>();

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
  layout.passages.forEach((passage, place) => {
    const { text } = passage;
    const following = layout.passages[place + 1];
    // "we reported he was detained on 12 May. This was incorrect": the wrong date is told, not claimed.
    const takenBack = refuted(text, following?.block === passage.block ? following.text : undefined);
    for (const r of findReferences(text)) if (!references.has(r.reference)) references.set(r.reference, { kind: 'reference', text, reference: r.reference });

    const { named: everyoneNamed, aside, harmedHere, at, kin } = index.read(text);
    // A relative named to say whose relative someone is ("X, the father of Y") is no one the sentence's facts are about.
    const named = everyoneNamed.filter((p) => !kin.has(p));
    for (const p of harmedHere) if (p.role && !kin.has(p)) p.harmed = true;
    const subjects = tracker.subjectsOf(text, named.filter((p) => !aside.has(p)), aside.size > 0, (p) => p.role !== undefined && !p.harmed)
      .filter((p) => !kin.has(p));
    if (subjects.length && !passage.inHeader) mainSubjects ??= subjects;
    // Someone named by their office faces the sentence's risks only when harm is done to them in it
    // (the men's lawyer "was not allowed to consult her clients": the unfair trial is theirs).
    // A clause with a subject of its own gives its risks to them ("X was beaten, while Y was released").
    for (const clause of clausesOf(text)) {
      const inClause = namedInClause(text, clause.start, clause.end, at)?.filter((p) => subjects.includes(p));
      const whom = inClause?.length ? inClause : subjects;
      for (const risk of risksIn(text.slice(clause.start, clause.end))) for (const person of whom) if (!person.role || person.harmed) person.risks.add(risk);
    }
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
    if (!passage.inHeader) for (const u of unreadDates(text)) unread.set(`${u.text}|${u.sentence}`, u);
    const mentions = findDateMentions(text, { documentDate: documentDay, contextDate: context?.date, toldAsPast });
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
      if (passage.inHeader || m === dateline || m.selfDated || takenBack) return;
      const deadline = readDeadline(text, m, documentDay);
      // The date a hearing was first set for, before it was put off, is neither a deadline nor an event.
      if (deadline && putOff(text, m, mentions)) return;
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
      const relatives = relativesDatedAt(text, m.start, m.end, at, kin).map((p) => p.knownAs ?? p.name);
      // "the arrest of X, ..., and of her lawyer Y, arrested on 16 March": the date's clause is Y's alone.
      // "X was beaten, while his cellmate Y was released on 7 June": the release is Y's, whose clause it is in.
      const clauseNames = namedInClause(text, m.start, m.end, at)?.map((p) => p.knownAs ?? p.name).filter((n) => everyone.includes(n));
      const inClause = clauseNames?.length ? clauseNames : everyone;
      const eventPeople = relatives.length ? relatives : owner && everyone.includes(owner.knownAs ?? owner.name) ? [owner.knownAs ?? owner.name] : inClause;
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
    // "China has requested the extradition of X": news the document tells undated, known by its date.
    const undated = docDate && !passage.inHeader && !expected(docDate) ? undatedHappening(text, mentions) : undefined;
    if (undated) {
      const people = about(undated);
      if (people.length > 0) addEvent(docDate!, undated, people, text);
    }
    // "X and Y are currently in pre-trial detention": where they are on the document's own date (not
    // "is not currently detained"). Kept until the whole document is read (see below).
    const held = HELD_NOW.exec(text);
    if (held && mentions.length === 0 && docDate && !passage.inHeader && !NEGATED.test(text.slice(0, held.index + 12)) && !expected(docDate)) {
      const people = about('detention');
      if (people.length > 0) heldNow.push({ people, text });
    }
  });
  // Not for someone the document sentences, wherever it says so: a prisoner who "remains in custody"
  // would be made merely detained.
  for (const h of heldNow) {
    const people = h.people.filter((name) => lastCustody(events, name)?.type !== 'sentence');
    if (people.length > 0) addEvent(docDate!, 'detention', people, h.text);
  }

  // What the title fears ("Fear of Torture", "faces extradition") is the fear for the people the document is about.
  const title = plain.title ?? layout.header.title;
  if (title) for (const risk of risksIn(title)) for (const person of mainSubjects ?? []) if (!person.role || person.harmed) person.risks.add(risk);

  const passing = namedInPassing(index.people, namedTogether);
  // The people the document is about: who an unnamed group of as many is (see nameTheGroups).
  const aboutThem = index.people.filter((p) => !passing.has(p) && (!p.role || p.harmed)).map((p) => p.knownAs ?? p.name);
  nameTheGroups(events, unnamedGroups, aboutThem);
  const persons = personCandidates(index.people, passing);
  const source = sourceOf(layout.header, layout.passages, title, dated);
  const kept = [...deadlines.values()].map((d): Candidate => (outcomeTold(d, events) ? { ...d, done: isoOf(d.date!) } : d));
  const facts = [...events.values(), ...kept];
  const datedBy = (dates: Set<PartialDate>) => [...new Set(facts.filter((f) => dates.has(f.date!)).map((f) => f.date!.text))];
  return {
    source, candidates: [...facts, ...persons, ...references.values()],
    countedFromDocumentDate: datedBy(countedDates), yearFromDocumentDate: datedBy(yearTaken), uncounted: [...uncounted], yearless: [...yearless],
    unread: [...unread.values()],
  };
}
