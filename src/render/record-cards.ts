// `caselog show ID` for one event, deadline, source or appeal target: everything caselog knows of
// it, with the ids of the records it links to, so that a caseworker can follow them on.
import { dayInWords, formatDate } from '../domain/dates';
import { formatDay } from '../domain/dates-calendar';
import { checkBefore } from './due';
import { shortId } from '../domain/ids';
import type { DeadlineRecord, EventRecord, PersonRef, SourceRecord } from '../domain/model';
import type { TargetAppeals, TargetRecord } from '../domain/appeals';
import type { Day } from '../domain/types';
import { appealHistory, targetFacts } from './appeals';
import { fit } from './cell-width';
import { indented, oneLine } from './lines';
import { count, urgentText, type Style } from './style';
import { dateAsGiven, describeSource, reliabilityInWords } from './timeline';

/** How much of a summary a line listing several events keeps. */
const SHORT = 72;

export interface EventCard { event: EventRecord; reportsVaryWith: EventRecord[] }
export interface DeadlineCard { deadline: DeadlineRecord; days: number; caseClosed: boolean; warnFrom: Day }
export interface SourceCard { source: SourceRecord; documentLength?: number; events: EventRecord[] }
export interface TargetCard { target: TargetRecord; appeals: TargetAppeals[]; today: string }

const people = (list: PersonRef[], c: Style) => list.map((p) => `${oneLine(p.name)} ${c.dim(shortId(p.id))}`).join(', ');
const caseLine = (k: { id: string; ref: string } | undefined, c: Style) => (k ? `${oneLine(k.ref)}  ${c.dim(shortId(k.id))}` : 'none');
/** An event on one line of a list: date, type, id and the start of its summary. */
const eventItem = (e: EventRecord, c: Style) =>
  `${formatDate(e.date)}  ${e.type}  ${c.dim(shortId(e.id))}  ${fit(oneLine(e.summary, ' / '), SHORT)}`;

export function renderEventCard({ event: e, reportsVaryWith }: EventCard, c: Style): string {
  const lines = [`${c.bold(formatDate(e.date))}  ${c.cyan(e.type)}${e.status ? ` \u2192 ${e.status}` : ''}  ${c.dim(shortId(e.id))}`];
  lines.push(`  ${indented(e.summary, '  ')}`);
  const given = dateAsGiven(e.date);
  if (given) lines.push(`  ${given}`);
  const about = e.people.length > 0 ? people(e.people, c) : e.case ? 'the case as a whole' : 'nobody named, and no case';
  lines.push(`  about: ${about}`, `  case: ${caseLine(e.case, c)}`);
  if (e.place) lines.push(`  place: ${oneLine(e.place)}`);
  if (e.actor) lines.push(`  by: ${oneLine(e.actor)}`);
  lines.push(`  sources:${e.sources.length ? '' : ' none recorded'}`);
  for (const s of e.sources) {
    lines.push(`    ${describeSource(s)}  ${c.dim(shortId(s.id))}`);
    if (s.url) lines.push(`      ${oneLine(s.url)}`);
  }
  if (reportsVaryWith.length > 0) {
    lines.push(`  ${c.yellow('reports vary')}: ${count(reportsVaryWith.length, 'other account')} of this happening (see timeline)`);
    for (const o of reportsVaryWith) {
      lines.push(`    ${eventItem(o, c)}`, ...o.sources.map((s) => `      source: ${describeSource(s)}`));
    }
  }
  return lines.join('\n');
}

export function renderDeadlineCard({ deadline: d, days, caseClosed, warnFrom }: DeadlineCard, c: Style): string {
  const lines = [`${c.bold('deadline')}  ${c.dim(shortId(d.id))}`];
  // The sentence due writes: "NOTE — check before 15 March 1999 (in 14 days)"; done, only the day.
  lines.push(`  ${oneLine(d.note)} \u2014 ${d.done ? formatDate(d.date) : urgentText(checkBefore(d.date, days), days, c)}`);
  const state = d.done ? `done${d.doneOn ? ` on ${dayInWords(d.doneOn)}` : ''}`
    : caseClosed ? c.yellow('open, but its case is closed: due leaves it out') : 'open';
  const warning = d.warnDays ? `${count(d.warnDays, 'day')} (due lists it from ${formatDay(warnFrom)})` : 'none';
  lines.push(`  ${state} \u00B7 advance warning: ${warning}`, `  case: ${caseLine(d.case, c)}`);
  // A deadline that names nobody is for the case's people, as due lists them.
  if (d.namesPeople) lines.push(`  people: ${people(d.people, c)}`);
  else lines.push(`  people: none named; the case's people: ${d.people.length ? people(d.people, c) : 'none'}`);
  return lines.join('\n');
}

export function renderSourceCard({ source: s, documentLength, events }: SourceCard, c: Style): string {
  const lines = [`${c.bold(oneLine(s.title))}  ${c.dim(shortId(s.id))}`];
  const given = s.date ? dateAsGiven(s.date) : undefined;
  const facts: Array<[string, string | undefined]> = [
    ['publisher', s.publisher], ['reference', s.ref], ['date', s.date ? `${formatDate(s.date)}${given ? ` (${given})` : ''}` : 'not recorded'],
    ['url', s.url], ['reliability', reliabilityInWords(s.reliability)],
  ];
  for (const [label, value] of facts) if (value) lines.push(`  ${label}: ${oneLine(value)}`);
  lines.push(`  document: ${documentLength === undefined ? 'none ingested (recorded by hand)' : `ingested, ${count(documentLength, 'character')}`}`);
  lines.push(`  cited by ${events.length ? `${count(events.length, 'event')}:` : 'no event'}`, ...events.map((e) => `    ${eventItem(e, c)}`));
  return lines.join('\n');
}

export function renderTargetCard({ target: t, appeals, today }: TargetCard, c: Style): string {
  const lines = [`${c.bold(oneLine(t.name))} \u2014 ${oneLine(t.title)}  ${c.dim(shortId(t.id))}`];
  if (t.address.length > 0) lines.push('  address:', ...t.address.map((line) => `    ${oneLine(line)}`));
  const facts = targetFacts(t);
  if (facts) lines.push(`  ${facts}`);
  lines.push(`  appeals:${appeals.length ? '' : ' in no case\'s plan, nothing sent'}`);
  for (const a of appeals) {
    const history = appealHistory(a.entries, today);
    lines.push(`    ${oneLine(a.case.ref)}${a.inPlan ? '' : ' (no longer in its plan)'}: ${history.length ? history.join(' \u00B7 ') : c.yellow('not written to yet')}  ${c.dim(shortId(a.case.id))}`);
  }
  return lines.join('\n');
}
