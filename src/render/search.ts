// Search results as a caseworker reads them: what was found, the words in context, whose it is.
// Matched words stand out in colour on a terminal, and are put in [brackets] without colour
// (and in JSON), so that plain output still shows why a record matched.
import type { Style } from './style';
import { dateJson, dayInWords, formatDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import { MARK, type SearchHit } from '../store/search';
import { dayJson } from './json';
import { oneLine } from './lines';

const MARKED = new RegExp(`${MARK.open}([^${MARK.close}]*)${MARK.close}`, 'g');

/** The snippet on one line, the matched words coloured or bracketed. */
export function highlight(snippet: string, c: Style | undefined): string {
  const line = oneLine(snippet).replace(/\s+/g, ' ').trim();
  return line.replace(MARKED, (_all, word: string) => (c?.color ? c.bold.yellow(word) : `[${word}]`));
}

function heading(hit: SearchHit): string {
  switch (hit.kind) {
    case 'event': return `${formatDate(hit.date!)}  ${hit.type}`;
    case 'deadline': return `deadline ${formatDate(hit.date!)}${hit.doneOn ? ` (done ${dayInWords(hit.doneOn)})` : ''}`;
    case 'source': return `source  ${hit.label}${hit.date ? `, ${formatDate(hit.date)}` : ''}`;
    case 'case': return `case  ${hit.label}`;
    case 'person': return `person  ${hit.label}`;
  }
}

function whose(hit: SearchHit): string {
  const cases = hit.cases.map((k) => k.ref).join(', ');
  const people = hit.kind === 'person' ? '' : hit.people.map((p) => p.name).join(', ');
  return [cases, people].filter(Boolean).join(' · ');
}

export function renderSearch(query: string, hits: SearchHit[], c: Style): string {
  if (hits.length === 0) return `Nothing matches "${oneLine(query)}".`;
  return hits.map((hit) => {
    const lines = [`${c.bold(oneLine(heading(hit)))}  ${c.dim(shortId(hit.id))}`];
    const found = highlight(hit.snippet, c);
    const via = hit.via ? `  ${c.dim(oneLine(`(as "${hit.via.name}": ${hit.via.detail})`))}` : '';
    lines.push(`  ${found}${via}`);
    const owner = oneLine(whose(hit));
    if (owner) lines.push(`  ${c.dim(owner)}`);
    return lines.join('\n');
  }).join('\n\n');
}

export function searchJson(hit: SearchHit) {
  return {
    kind: hit.kind,
    id: hit.id,
    ...(hit.kind === 'person' ? { name: hit.label } : {}),
    ...(hit.kind === 'source' || hit.kind === 'case' ? { title: hit.title, ref: hit.ref ?? null } : {}),
    ...(hit.kind === 'source' ? { publisher: hit.publisher ?? null } : {}),
    ...(hit.type ? { type: hit.type } : {}),
    ...(hit.date ? dateJson(hit.date) : {}),
    ...(hit.summary !== undefined ? { summary: hit.summary } : {}),
    ...(hit.kind === 'event' ? { place: hit.place ?? null, actor: hit.actor ?? null } : {}),
    ...(hit.note !== undefined ? { note: hit.note } : {}),
    ...(hit.kind === 'deadline' ? { doneOn: dayJson(hit.doneOn) } : {}),
    snippet: highlight(hit.snippet, undefined),
    case: hit.cases[0] ?? null,
    cases: hit.cases,
    people: hit.people,
    ...(hit.via ? { via: hit.via } : {}),
  };
}
