// caselog show WHO: a person's card (names, cases, age, status and what set it, risks, latest news,
// next deadline, how much is recorded) or a case's card (people, dates, sources, open deadlines); or,
// by its id, an event, a deadline, a source or an appeal target (show-record.ts).
import type { Context } from '../context';
import { printJson, printWrapped } from '../context';
import { firstDay } from '../domain/dates';
import { daysLeft, daysSince } from '../domain/due';
import type { CaseRecord, EventRecord, PersonRecord, SourceRecord } from '../domain/model';
import { renderCaseCard, renderPersonCard, type CaseCard, type PersonCard } from '../render/card';
import { caseJson, deadlineJson, dueJson, eventJson, personJson, sourceJson } from '../render/json';
import { style } from '../render/style';
import type { SqliteStore } from '../store/sqlite-store';
import { nextDeadlineOf, openDeadlinesOf, openInClosedCasesOf } from '../store/upkeep-read';
import { appealSummary } from '../store/appeals-read';
import { resolveWho } from './who';
import { recordById } from './record';
import { showRecord } from './show-record';
import { kindOfId, looksLikeId } from '../domain/ids';
import { NotFoundError } from '../errors';

export async function show(ctx: Context, whoText: string) {
  const store = await ctx.openStore({ create: false });
  const typed = whoText.trim();
  // An id of a record other than a person or a case: that record. A case reference shaped like an id ("S-12") is still the case.
  const kind = looksLikeId(typed) && !(await store.findCaseByRef(typed)) ? kindOfId(typed.toLowerCase()) : undefined;
  if (kind === 'event' || kind === 'deadline' || kind === 'source' || kind === 'target') {
    return showRecord(ctx, store, await recordById(store, typed, kind));
  }
  if (kind === 'name') throw new NotFoundError(`"${typed}" is the id of one of a person's names: show the person by their name or their p- id`);
  if (kind === 'plan') throw new NotFoundError(`"${typed}" is the id of an appeal plan: caselog appeal plan REF shows a case's plan`);
  const who = await resolveWho(ctx, store, typed, { writing: false }).catch((error: unknown) => {
    // A person's or case's id that fits nobody is said to be one, not matched against names.
    if (error instanceof NotFoundError && (kind === 'person' || kind === 'case')) {
      throw new NotFoundError(`no ${kind} has an id starting "${typed}": "caselog list ${kind === 'person' ? 'people' : 'cases'} --json" shows them with their ids`);
    }
    throw error;
  });
  if (who.kind === 'person') {
    const card = await personCard(ctx, store, who.person);
    // How the name typed matched (a loose match is said on stderr only otherwise): null when found by id.
    if (ctx.json) return printJson(ctx, { ...personCardJson(card), matched: who.matched ?? null });
    printWrapped(ctx, renderPersonCard(card, style(ctx.color)));
  } else {
    const card = await caseCard(ctx, store, who.case);
    if (ctx.json) return printJson(ctx, caseCardJson(card));
    printWrapped(ctx, renderCaseCard(card, style(ctx.color)));
  }
}

/** Each source once, in the order the timeline first cites it. */
function citedSources(events: EventRecord[]): SourceRecord[] {
  const seen = new Map<string, SourceRecord>();
  for (const e of events) for (const s of e.sources) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}

async function personCard(ctx: Context, store: SqliteStore, person: PersonRecord): Promise<PersonCard> {
  const events = await store.personTimeline(person.id);
  const next = await nextDeadlineOf(store, person.id);
  return {
    person,
    statusEvent: person.statusEventId ? events.find((e) => e.id === person.statusEventId) ?? store.read.eventById(person.statusEventId) : undefined,
    nextDeadline: next ? { deadline: next, days: daysLeft(firstDay(next.date), ctx.today) } : undefined,
    // Always looked up: the card prints them only when no open case has a deadline, --json gives them whatever.
    inClosedCases: await openInClosedCasesOf(store, person.id),
    daysSilent: person.latestNews ? daysSince(person.latestNews, ctx.today) : undefined,
    today: ctx.today,
    events: events.length,
    sources: citedSources(events),
  };
}

async function caseCard(ctx: Context, store: SqliteStore, theCase: CaseRecord): Promise<CaseCard> {
  const events = await store.caseTimeline(theCase.id);
  const people = await Promise.all(theCase.people.map(async (p) => (await store.getPerson(p.id))!));
  const deadlines = (await openDeadlinesOf(store, theCase.id)).map((d) => ({ deadline: d, days: daysLeft(firstDay(d.date), ctx.today) }));
  return { theCase, people, sources: citedSources(events), deadlines, events: events.length, appeals: await appealSummary(store, theCase.id) };
}

function personCardJson(card: PersonCard) {
  const n = card.nextDeadline;
  return {
    ...personJson(card.person),
    statusEvent: card.statusEvent ? eventJson(card.statusEvent) : null,
    recordedStatus: card.person.recordedStatus ?? null,
    nextDeadline: n ? deadlineJson(n.deadline, { due: dueJson(n.deadline.date), daysLeft: n.days }) : null,
    // What the card says as "none in open cases (1 open in closed C-OLD)": due leaves these out.
    openDeadlinesInClosedCases: (card.inClosedCases ?? []).map((k) => ({ case: { id: k.id, ref: k.ref }, count: k.count })),
    daysSinceNews: card.daysSilent ?? null,
    eventCount: card.events,
    sources: card.sources.map(sourceJson),
  };
}

function caseCardJson(card: CaseCard) {
  return {
    ...caseJson(card.theCase),
    people: card.people.map((p) => ({ id: p.id, name: p.name, status: p.status, statusSince: personJson(p).statusSince })),
    sources: card.sources.map(sourceJson),
    deadlines: card.deadlines.map((d) => deadlineJson(d.deadline, { daysLeft: d.days })),
    eventCount: card.events,
    appeals: card.appeals ?? null,
  };
}
