// caselog show ID for an event, a deadline, a source or an appeal target: what a caseworker copied
// from timeline, due, search or log, read whole, in text or --json.
import type { Context } from '../context';
import { printJson, printWrapped } from '../context';
import { dayIso, firstDay } from '../domain/dates';
import { daysLeft, warnFrom } from '../domain/due';
import type { EventRecord } from '../domain/model';
import { groupHappenings } from '../domain/timeline';
import { appealJson, lettersJson, targetJson } from '../render/appeals';
import { dayJson, deadlineJson, dueJson, eventJson, sourceJson } from '../render/json';
import { renderDeadlineCard, renderEventCard, renderSourceCard, renderTargetCard } from '../render/record-cards';
import { style } from '../render/style';
import { appealsOfEvents, appealsOfTarget } from '../store/appeals-read';
import { documentLength, eventsCiting } from '../store/sources-read';
import type { SqliteStore } from '../store/sqlite-store';
import type { ById } from './record';

export async function showRecord(ctx: Context, store: SqliteStore, t: ById): Promise<void> {
  const c = style(ctx.color);
  switch (t.kind) {
    case 'event': {
      const others = reportsVaryWith(t.event, await timelineOf(store, t.event));
      if (!ctx.json) return printWrapped(ctx, renderEventCard({ event: t.event, reportsVaryWith: others }, c));
      // As timeline --json gives the event: the other reports of its happening, and a letter's target.
      const appeal = (await appealsOfEvents(store, [t.id])).get(t.id);
      return printJson(ctx, eventJson(t.event, { reportsVaryWith: others.map((o) => o.id), ...(appeal ? { appeal: appealJson(appeal) } : {}) }));
    }
    case 'deadline': {
      const d = t.deadline;
      const due = firstDay(d.date);
      const card = { deadline: d, days: daysLeft(due, ctx.today), caseClosed: d.case ? Boolean((await store.getCase(d.case.id))?.closed) : false, warnFrom: warnFrom(due, d.warnDays) };
      if (!ctx.json) return printWrapped(ctx, renderDeadlineCard(card, c));
      return printJson(ctx, deadlineJson(d, {
        due: dueJson(d.date), daysLeft: card.days, overdue: !d.done && card.days < 0, namesPeople: d.namesPeople,
        warnFrom: d.warnDays ? dayJson(dayIso(card.warnFrom)) : null, caseClosed: card.caseClosed,
      }));
    }
    case 'source': {
      const card = { source: t.source, documentLength: await documentLength(store, t.id), events: await eventsCiting(store, t.id) };
      if (!ctx.json) return printWrapped(ctx, renderSourceCard(card, c));
      return printJson(ctx, { ...sourceJson(t.source), document: card.documentLength === undefined ? null : { characters: card.documentLength },
        events: card.events.map((e) => eventJson(e)) });
    }
    case 'target': {
      const appeals = await appealsOfTarget(store, t.id);
      if (!ctx.json) return printWrapped(ctx, renderTargetCard({ target: t.target, appeals, today: store.read.today }, c));
      return printJson(ctx, { ...targetJson(t.target), appeals: appeals.map((a) => ({ case: a.case, inPlan: a.inPlan, ...lettersJson(a.entries) })) });
    }
  }
}

/**
 * The timeline the event is grouped in: its case's, else its first person's. Either holds every event
 * of its type, case and people, which are all that groupHappenings puts with it.
 */
async function timelineOf(store: SqliteStore, e: EventRecord): Promise<EventRecord[]> {
  if (e.case) return store.caseTimeline(e.case.id);
  return e.people[0] ? store.personTimeline(e.people[0].id) : [e];
}

/** The other reports of the happening the event is one report of, as timeline shows them together. */
function reportsVaryWith(e: EventRecord, events: EventRecord[]): EventRecord[] {
  const happening = groupHappenings(events).find((h) => h.events.some((o) => o.id === e.id));
  return happening?.reportsVary ? happening.events.filter((o) => o.id !== e.id) : [];
}
