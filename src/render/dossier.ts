// The parts of a Markdown dossier about records themselves: safe text, the case and the people.
// User text is escaped so that a name with * or _ or a summary with | stays text.
import { formatDate, onDate, precisionOf } from '../domain/dates';
import { givenText } from '../domain/date-as-given';
import type { CaseRecord, PersonRecord } from '../domain/model';
import { gravestFirst } from '../domain/urgency';
import { statusSinceText } from './card';
import type { PartialDate } from '../domain/types';
import { linesOf, oneLine } from './lines';

/**
 * User text as Markdown that shows exactly that text, on one line. Only what Markdown would read is
 * escaped, so the file reads as plain text too ("Musakhanuly & Alimuly", not "\\&"): an & only where
 * it would begin an entity (&amp;), a # only where it would begin a heading; ! needs nothing, as [
 * is escaped.
 */
export function md(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=#])/, '\\$1')
    // A heading's closing #s are not shown: "Case number #" keeps its own.
    .replace(/#+$/, (hashes) => hashes.replace(/#/g, '\\#'));
}

/**
 * User text of several lines as Markdown paragraphs that show it as show does: a blank line parts
 * paragraphs, and a line break within one is a hard break. The break is a backslash at the end of
 * the line, not two trailing spaces, which editors and mail strip unseen. Each line is escaped as
 * md() escapes a line, so none of them begins a heading, a list or a quote.
 */
function mdParagraphs(text: string): string[] {
  const paragraphs: string[][] = [[]];
  for (const line of linesOf(text).map((l) => l.trim())) {
    if (line !== '') paragraphs[paragraphs.length - 1]!.push(md(line));
    else if (paragraphs[paragraphs.length - 1]!.length > 0) paragraphs.push([]);
  }
  return paragraphs.filter((p) => p.length > 0).flatMap((p, i) => [...(i > 0 ? [''] : []), ...p.map((line, j) => (j < p.length - 1 ? `${line}\\` : line))]);
}

/** A web address as a link when it is one, else as text. */
export function mdUrl(url: string): string {
  return /^https?:\/\/[^\s<>]+$/i.test(url.trim()) ? `<${url.trim()}>` : md(url);
}

/** A status or risk in prose: "at liberty", "death penalty"; "ill-treatment" is written with its hyphen. */
export const words = (code: string) => (code === 'ill-treatment' ? code : code.replace(/-/g, ' '));

/** "15 March 1999", and the date as the source wrote it when that says more. */
export function dateInWords(d: PartialDate): string {
  const when = formatDate(d);
  const given = givenText(d);
  const asGiven = given ? ` (given as "${md(given)}")` : '';
  return `${when}${asGiven}`;
}

const fact = (label: string, value: string | undefined) => (value ? [`- **${label}:** ${value}`] : []);

/** How a person is named in the dossier: their name, with their id when another person in it has the same name. */
export type Label = (p: { id: string; name: string }) => string;
const asNamed: Label = (p) => p.name;

export function caseSection(c: CaseRecord, heading: string, label: Label = asNamed): string[] {
  const state = c.closed ? `closed ${onDate(c.closed)}${c.closeReason ? ` (${md(c.closeReason)})` : ''}` : 'open';
  return [
    `${heading} ${md(c.ref)} — ${md(c.title)}`,
    '',
    ...fact('Countries', c.countries.map(md).join(', ')),
    ...fact('Opened', c.opened ? dateInWords(c.opened) : undefined),
    ...fact('Status', state),
    ...fact('People', c.people.map((p) => md(label(p))).join(', ')),
    ...(c.summary ? ['', ...mdParagraphs(c.summary)] : []),
    '',
  ];
}

export function personSection(p: PersonRecord, heading: string, caseTitles: ReadonlyMap<string, string>, label: Label = asNamed): string[] {
  const others = p.names.filter((n) => n.name !== p.name).map((n) => `${md(n.name)}${n.note ? ` (${md(n.note)})` : ''}`);
  const status = `${words(p.status)}${statusSinceText(p)}`;
  const cases = p.cases.map((c) => `${md(c.ref)}${caseTitles.has(c.id) ? ` — ${md(caseTitles.get(c.id)!)}` : ''}`);
  return [
    `${heading} ${md(label(p))}`,
    '',
    ...fact('Other names', others.join('; ')),
    ...fact('Status', status),
    ...fact('Risks', gravestFirst(p.risks).map(words).join(', ') || 'none recorded'),
    ...fact('Age', age(p)),
    ...fact('Gender', p.gender && md(p.gender)),
    ...fact('Citizenship', p.citizenship && md(p.citizenship)),
    ...fact('Ethnicity', p.ethnicity && md(p.ethnicity)),
    ...fact('Cases', cases.join('; ')),
    ...fact('Latest news', p.latestNews ? formatDate(p.latestNews) : 'none recorded'),
    '',
  ];
}

/** "28 (in February 1999), born c. 1971" — an age is only true on the day it was given. */
function age(p: PersonRecord): string | undefined {
  const parts: string[] = [];
  if (p.age !== undefined) {
    const on = p.ageOn ? ` (${precisionOf(p.ageOn) === 'day' ? 'on' : 'in'} ${formatDate(p.ageOn)})` : '';
    parts.push(`${p.age}${on}`);
  }
  if (p.born) parts.push(`born ${formatDate(p.born)}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
