// One block a person: name, case, status, risks, latest news, next deadline.
import { appealsLine } from './appeals';
import { statusText, urgentText, type Style } from './style';
import { namesakeLabels } from './namesakes';
import { oneLine } from './lines';
import { formatDate } from '../domain/dates';
import { agoInWords, whenInWords } from '../domain/due';
import { gravestFirst } from '../domain/urgency';
import type { AppealSummary } from '../domain/appeals';
import type { DeadlineRecord, PersonRecord } from '../domain/model';
import type { Day } from '../domain/types';

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
