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

export function renderAtRisk(items: AtRiskItem[], today: Day, c: Style): string {
  if (items.length === 0) return 'Nobody with open risks.';
  const label = namesakeLabels(items.map((i) => i.person));
  return items
    .map(({ person: p, nextDeadline, daysToDeadline, appeals }) => {
      const cases = p.cases.map((k) => oneLine(k.ref)).join(', ');
      const head = `${c.bold(label(p))}${cases ? `  ${cases}` : ''}  ${statusText(p.status, c)}`;
      const news = p.latestNews ? `latest news ${formatDate(p.latestNews)} (${agoInWords(p.latestNews, today)})` : c.yellow('no news recorded');
      const next = nextDeadline
        ? `next: ${oneLine(nextDeadline.note)} — ${formatDate(nextDeadline.date)} (${urgentText(whenInWords(daysToDeadline ?? 0), daysToDeadline ?? 0, c)})`
        : 'no open deadline';
      const written = appeals ? `\n  ${appealsLine(appeals)}` : '';
      return `${head}\n  risks: ${gravestFirst(p.risks).join(', ')}\n  ${news}\n  ${next}${written}`;
    })
    .join('\n\n');
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
