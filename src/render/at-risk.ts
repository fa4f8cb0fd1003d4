// One block a person: name, case, status, risks, latest news, next deadline.
import { appealsLine } from './appeals';
import { count, statusText, urgentText, type Style } from './style';
import { namesakeLabels } from './namesakes';
import { oneLine } from './lines';
import { formatDate } from '../domain/dates';
import { agoInWords, whenInWords } from '../domain/due';
import { gravestFirst } from '../domain/urgency';
import type { AppealSummary } from '../domain/appeals';
import type { DeadlineRecord, PersonRecord } from '../domain/model';
import type { Day, Risk } from '../domain/types';

export interface AtRiskItem {
  person: Pick<PersonRecord, 'id' | 'name' | 'status' | 'risks' | 'cases' | 'latestNews'>;
  nextDeadline?: Pick<DeadlineRecord, 'note' | 'date'>;
  daysToDeadline?: number; daysSilent?: number; appeals?: AppealSummary;
}

/**
 * The list, a piece at a time, to be written as it is made: each piece some people's blocks and the
 * blank line after them (the last piece ends with its last block). Made whole, the text of thousands
 * of people lived long enough for V8 to copy it twice through its young generation.
 */
export function* atRiskPieces(items: AtRiskItem[], today: Day, c: Style): Generator<string> {
  const label = namesakeLabels(items.map((i) => i.person));
  for (let from = 0; from < items.length; from += PIECE) {
    const blocks = items.slice(from, from + PIECE).map((item) => block(item, label, today, c));
    // The blank line after, joined in rather than added: one flat string, not one to copy again.
    if (from + PIECE < items.length) blocks.push('');
    yield blocks.join('\n\n');
  }
}

/** People in a piece of the list: some 20,000 characters. */
const PIECE = 100;

function block({ person: p, nextDeadline, daysToDeadline, appeals }: AtRiskItem, label: (p: AtRiskItem['person']) => string, today: Day, c: Style): string {
  const cases = p.cases.map((k) => oneLine(k.ref)).join(', ');
  const head = `${c.bold(label(p))}${cases ? `  ${cases}` : ''}  ${statusText(p.status, c)}`;
  const news = p.latestNews ? `latest news ${formatDate(p.latestNews)} (${agoInWords(p.latestNews, today)})` : c.yellow('no news recorded');
  const next = nextDeadline
    ? `next: ${oneLine(nextDeadline.note)} \u2014 ${formatDate(nextDeadline.date)} (${urgentText(whenInWords(daysToDeadline ?? 0), daysToDeadline ?? 0, c)})`
    : 'no open deadline';
  const written = appeals ? `\n  ${appealsLine(appeals)}` : '';
  return `${head}\n  risks: ${gravestFirst(p.risks).join(', ')}\n  ${news}\n  ${next}${written}`;
}

const NAMED_AT_MOST = 10;

/**
 * The answer when at-risk lists nobody: true of open cases, naming whoever with open risks only
 * closed cases hold (a closed case leaves at-risk), so that an empty list never reads as "all safe".
 */
export function renderNobodyAtRisk(closedOnly: Array<Pick<PersonRecord, 'name' | 'cases'>>, risk?: Risk): string {
  if (closedOnly.length === 0) return risk ? `Nobody with an open risk of ${risk}.` : 'Nobody with open risks.';
  const named = closedOnly.slice(0, NAMED_AT_MOST).map((p) => `${oneLine(p.name)} (${p.cases.map((k) => oneLine(k.ref)).join(', ')})`);
  const more = closedOnly.length > NAMED_AT_MOST ? `, and ${closedOnly.length - NAMED_AT_MOST} more (caselog list people --closed)` : '';
  return `Nobody at risk${risk ? ` of ${risk}` : ''} in open cases; ${count(closedOnly.length, 'person', 'people')} with ${risk ? 'that risk' : 'open risks'} `
    + `${closedOnly.length === 1 ? 'is' : 'are'} only in closed cases: ${named.join(', ')}${more}`;
}
