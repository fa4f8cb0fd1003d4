// A timeline as a caseworker reads it: date, type, what happened, where, who did it, who says so.
import type { Style } from './style';
import { dayIso, firstDay, formatDate } from '../domain/dates';
import { givenText } from '../domain/date-as-given';
import { shortId } from '../domain/ids';
import type { EventRecord, SourceRecord } from '../domain/model';
import type { Happening } from '../domain/timeline';
import { RELIABILITIES, type PartialDate } from '../domain/types';
import { indented, oneLine } from './lines';

/** How an event's people are named: one line each; a case's timeline gives namesakes their ids (render/namesakes). */
type Label = (p: { id: string; name: string }) => string;
const asNamed: Label = (p) => oneLine(p.name);

/**
 * `today` (YYYY-MM-DD): an event dated after it (a release expected when a sentence ends) is said to
 * be so, beside a heading whose status counts only what has happened.
 */
export function renderTimeline(title: string, happenings: Happening[], c: Style, showPeople: boolean, label: Label = asNamed, today?: string): string {
  // The title is one line whatever the case's title or a name holds.
  const lines = [c.bold(oneLine(title))];
  if (happenings.length === 0) lines.push('  no events recorded yet');
  for (const h of happenings) {
    lines.push('');
    if (h.reportsVary) {
      lines.push(`${c.yellow('reports vary')}  ${h.events[0]!.type} — ${h.events.length} accounts`);
      for (const e of h.events) lines.push(...eventLines(e, c, showPeople, '  ', label, today));
    } else {
      lines.push(...eventLines(h.events[0]!, c, showPeople, '', label, today));
    }
    // Another source within 7 days, told as its own happening (it is nearer another): still named here.
    // Beside two accounts of one day ("February 1999" twice) the line would be said twice: once.
    const said = new Set<string>();
    for (const { account, beside } of h.otherAccounts) {
      const line = `  ${c.yellow('reports vary')}: ${formatDate(account.date)} in another account${account.sources.length > 0 ? ` (${citedSource(account.sources[0]!, true)})` : ''}` +
        `${h.reportsVary ? ` beside ${formatDate(beside.date)}` : ''}  ${c.dim(shortId(account.id))}`;
      if (!said.has(line)) lines.push(line);
      said.add(line);
    }
  }
  return lines.join('\n');
}

function eventLines(e: EventRecord, c: Style, showPeople: boolean, indent: string, label: Label, today: string | undefined): string[] {
  const later = today !== undefined && dayIso(firstDay(e.date)) > today ? `  ${c.yellow('after today')}` : '';
  const head = `${indent}${c.bold(formatDate(e.date))}  ${c.cyan(e.type)}${e.status ? ` → ${e.status}` : ''}  ${c.dim(shortId(e.id))}${later}`;
  // A summary of several lines keeps to its indent, so the next event's date still stands out.
  const lines = [head, `${indent}  ${indented(e.summary, `${indent}  `)}`];
  const facts: string[] = [];
  // A person's timeline too says which events are about their case as a whole, not about them.
  if (showPeople || e.people.length === 0) facts.push(e.people.length > 0 ? e.people.map(label).join(', ') : `whole case${e.case ? ` ${oneLine(e.case.ref)}` : ''}`);
  if (e.place) facts.push(`place: ${oneLine(e.place)}`);
  if (e.actor) facts.push(`by ${oneLine(e.actor)}`);
  if (facts.length > 0) lines.push(`${indent}  ${c.dim(facts.join(' · '))}`);
  for (const s of e.sources) lines.push(`${indent}  ${c.dim(`source: ${citedSource(s)}`)}`);
  const given = dateAsGiven(e.date);
  if (given) lines.push(`${indent}  ${c.dim(given)}`);
  return lines;
}

/** 'date as given: "during 1998"' when the words it was typed or read in say more than the date. */
export function dateAsGiven(d: PartialDate): string | undefined {
  const given = givenText(d);
  return given ? `date as given: "${oneLine(given)}"` : undefined;
}

export function describeSource(s: SourceRecord): string {
  const parts = [s.publisher, s.ref, `"${s.title}"`, s.date ? formatDate(s.date) : undefined].filter(Boolean);
  return oneLine(parts.join(', '));
}

/** A source as an event cites it: how far it can be trusted too, where that is known, so that where reports vary each can be weighed. */
function citedSource(s: SourceRecord, inBrackets = false): string {
  const trust = reliabilityInWords(s.reliability);
  if (!trust) return describeSource(s);
  // Inside brackets already, it follows a comma: (X1, "Other outlet", unreliable).
  return inBrackets ? `${describeSource(s)}, ${trust}` : `${describeSource(s)} (${trust})`;
}

/**
 * How far a source can be trusted, in words: "fairly reliable"; nothing when it is not known. A
 * colleague's file may hold other words (import keeps them): shown as they are, on one line.
 */
export function reliabilityInWords(reliability: string | undefined): string | undefined {
  const text = oneLine(reliability ?? '').trim();
  if (text === '' || text.toLowerCase() === 'unknown') return undefined;
  return (RELIABILITIES as readonly string[]).includes(text) ? text.replace(/-/g, ' ') : text;
}
