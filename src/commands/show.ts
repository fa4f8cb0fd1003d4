// caselog show WHO: a person's card (names, cases, age, status and what set it, risks, latest news,
// next deadline, how much is recorded) or a case's card (people, dates, sources, open deadlines).
import type { Context } from '../context';
import { print, printJson } from '../context';
import { firstDay } from '../domain/dates';
import { daysLeft, daysSince } from '../domain/due';
import type { CaseRecord, EventRecord, PersonRecord, SourceRecord } from '../domain/model';
import { renderCaseCard, renderPersonCard, type CaseCard, type PersonCard } from '../render/card';
import { caseJson, deadlineJson, dueJson, eventJson, personJson, sourceJson } from '../render/json';
import { style } from '../render/style';
import type { SqliteStore } from '../store/sqlite-store';
import { nextDeadlineOf, openDeadlinesOf } from '../store/upkeep-read';
import { appealSummary } from '../store/appeals-read';
import { resolveWho } from './who';

export async function show(ctx: Context, whoText: string) {
  const store = await ctx.openStore({ create: false });
  const who = await resolveWho(ctx, store, whoText, { writing: false });
  if (who.kind === 'person') {
    const card = await personCard(ctx, store, who.person);
    if (ctx.json) return printJson(ctx, personCardJson(card));
    print(ctx, renderPersonCard(card, style(ctx.color)));
  } else {
    const card = await caseCard(ctx, store, who.case);
    if (ctx.json) return printJson(ctx, caseCardJson(card));
    print(ctx, renderCaseCard(card, style(ctx.color)));
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
