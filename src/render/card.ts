// `caselog show`: a person's card or a case's card, as a caseworker reads them before a call.
import { dayInWords, formatDate, onDate } from '../domain/dates';
import { agoInWords, whenInWords } from '../domain/due';
import { shortId } from '../domain/ids';
import { gravestFirst } from '../domain/urgency';
import type { CaseRecord, DeadlineRecord, EventRecord, PersonRecord, SourceRecord } from '../domain/model';
import { describeSource } from './timeline';
import { count, statusText, urgentText, type Style } from './style';
import { appealsLine } from './appeals';
import { indented, oneLine } from './lines';
import type { AppealSummary } from '../domain/appeals';
import type { Day } from '../domain/types';

export interface DeadlineDue { deadline: DeadlineRecord; days: number }

export interface PersonCard {
  person: PersonRecord; statusEvent?: EventRecord; nextDeadline?: DeadlineDue; daysSilent?: number; today: Day;
  events: number; sources: SourceRecord[];
  /** Deadlines not done on their closed cases, by case: due leaves them out. */
  inClosedCases?: Array<{ id: string; ref: string; count: number }>;
}

export interface CaseCard {
  theCase: CaseRecord; people: PersonRecord[]; sources: SourceRecord[]; deadlines: DeadlineDue[]; events: number; appeals?: AppealSummary;
}

export function renderPersonCard(card: PersonCard, c: Style): string {
  const p = card.person;
  const others = p.names.filter((n) => n.name !== p.name).map((n) => oneLine(n.name));
  const lines = [`${c.bold(oneLine(p.name))}  ${c.dim(shortId(p.id))}`];
  if (others.length) lines.push(`  also known as: ${others.join(', ')}`);
  lines.push(`  cases: ${p.cases.length ? p.cases.map((k) => oneLine(k.ref)).join(', ') : 'none'}`);
  const facts = [age(p), p.gender ? `gender: ${oneLine(p.gender)}` : '', p.citizenship ? `citizenship: ${oneLine(p.citizenship)}` : '',
    p.ethnicity ? `ethnicity: ${oneLine(p.ethnicity)}` : ''].filter(Boolean);
  if (facts.length) lines.push(`  ${facts.join(' · ')}`);
  lines.push(`  status: ${statusLine(card, c)}`);
  lines.push(`  risks: ${p.risks.length ? gravestFirst(p.risks).join(', ') : 'none recorded'}`);
  lines.push(`  latest news: ${p.latestNews ? `${formatDate(p.latestNews)} (${agoInWords(p.latestNews, card.today)})` : c.yellow('none recorded')}`);
  lines.push(`  next deadline: ${card.nextDeadline ? deadlineLine(card.nextDeadline, c) : noNextDeadline(card, c)}`);
  lines.push(`  record: ${count(card.events, 'event')}, ${count(card.sources.length, 'source')}`);
  return lines.join('\n');
}

/** None in open cases is not none at all: those not done on a closed case are counted, as due leaves them out. */
function noNextDeadline(card: PersonCard, c: Style): string {
  const closed = card.inClosedCases ?? [];
  if (closed.length === 0) return 'none open';
  return `none in open cases ${c.yellow(`(${closed.map((k) => `${k.count} open in closed ${oneLine(k.ref)}`).join(', ')})`)}`;
}

/** "aged 28 on 10 January 1999 (born c. 1971)", "born 1950", or nothing when neither is recorded. */
export function age(p: Pick<PersonRecord, 'age' | 'ageOn' | 'born'>): string {
  const born = p.born ? `born ${formatDate(p.born)}` : '';
  if (p.age === undefined) return born;
  return `aged ${p.age}${p.ageOn ? ` ${onDate(p.ageOn)}` : ''}${born ? ` (${born})` : ''}`;
}

/**
 * Since when a person's status holds, in words: the day of the event that set it; or, for a status
 * given when they were added (not known to have begun that day), the day it was recorded.
 */
export function statusSinceText(p: PersonRecord): string {
  if (!p.statusEventId && p.recordedStatus && p.recordedStatus === p.status) {
    return `, as recorded${p.recordedStatusOn ? ` on ${dayInWords(p.recordedStatusOn)}` : ''}`;
  }
  return p.statusSince ? ` since ${formatDate(p.statusSince)}` : '';
}

function statusLine(card: PersonCard, c: Style): string {
  const p = card.person;
  const e = card.statusEvent;
  if (e) return `${statusText(p.status, c)}${statusSinceText(p)}, set by ${e.type === 'status' ? 'a status change' : e.type}: ${oneLine(e.summary)} ${c.dim(shortId(e.id))}`;
  if (p.recordedStatus && p.recordedStatus === p.status) return `${statusText(p.status, c)}${statusSinceText(p)}`;
  // Up to today: an event dated later (expected, or a look back with --today) has not set it yet.
  return `${statusText(p.status, c)} (no event up to today has set it)`;
}

function deadlineLine({ deadline: d, days }: DeadlineDue, c: Style): string {
  const when = whenInWords(days);
  return `${oneLine(d.note)} — ${formatDate(d.date)} (${urgentText(when, days, c)})${d.case ? ` ${oneLine(d.case.ref)}` : ''} ${c.dim(shortId(d.id))}`;
}

export function renderCaseCard(card: CaseCard, c: Style): string {
  const k = card.theCase;
  const lines = [`${c.bold(oneLine(`${k.ref} — ${k.title}`))}  ${c.dim(shortId(k.id))}`];
  if (k.countries.length) lines.push(`  countries: ${oneLine(k.countries.join(', '))}`);
  const opened = k.opened ? `opened ${formatDate(k.opened)}` : 'opening date not recorded';
  lines.push(`  ${opened} · ${k.closed ? c.yellow(`closed ${formatDate(k.closed)}${k.closeReason ? ` (${oneLine(k.closeReason)})` : ''}`) : 'open'}`);
  if (k.summary) lines.push(`  ${indented(k.summary, '  ')}`);
  lines.push('  people:');
  if (card.people.length === 0) lines.push('    none');
  for (const p of card.people) {
    lines.push(`    ${oneLine(p.name)} — ${statusText(p.status, c)}${statusSinceText(p)}  ${c.dim(shortId(p.id))}`);
  }
  lines.push(`  sources:${card.sources.length ? '' : ' none cited'}`, ...card.sources.map((s) => `    ${describeSource(s)}`));
  // A closed case's deadlines leave due: said so, rather than listed as if they were still coming up.
  const heading = k.closed && card.deadlines.length ? 'deadlines not done (the case is closed: due leaves them out)' : 'open deadlines';
  lines.push(`  ${heading}:${card.deadlines.length ? '' : ' none'}`, ...card.deadlines.map((d) => `    ${deadlineLine(d, c)}`));
  if (card.appeals) lines.push(`  ${appealsLine(card.appeals)}`);
  lines.push(`  record: ${count(card.events, 'event')}`);
  return lines.join('\n');
}
