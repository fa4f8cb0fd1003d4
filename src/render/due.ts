// "UA 77/98  Hemit Memet, Kasim Mahpir, Ilyas Zordun
//    check with the International Secretariat — check before 15 March 1999 (in 14 days)"
import { formatDate } from '../domain/dates';
import { whenInWords } from '../domain/due';
import { shortId } from '../domain/ids';
import { urgentText, type Style } from './style';
import type { AppealSummary } from '../domain/appeals';
import type { DeadlineRecord } from '../domain/model';

export interface DueItem { deadline: DeadlineRecord; days: number; appeals?: AppealSummary }

export function renderDue(items: DueItem[], within: number, c: Style): string {
  if (items.length === 0) return `Nothing due in the next ${within} days, and nothing overdue.`;
  const told = new Set<string>();
  const blocks = items.map(({ deadline: d, days, appeals }) => {
    const who = d.people.map((p) => p.name).join(', ');
    const head = [d.case ? c.bold(d.case.ref) : '', who].filter(Boolean).join('  ');
    const when = whenInWords(days);
    const timing = `check before ${formatDate(d.date)} (${when})`;
    const line = `  ${d.note} — ${urgentText(timing, days, c)}`;
    // Once a case, under its first reminder.
    const unsent = appeals && d.case && !told.has(d.case.id) && appeals.sent < appeals.targets
      ? `\n  ${c.yellow(`appeals not sent to ${appeals.targets - appeals.sent} of ${appeals.targets} target${appeals.targets === 1 ? '' : 's'}`)}` : '';
    if (d.case) told.add(d.case.id);
    return `${head}  ${c.dim(shortId(d.id))}\n${line}${unsent}`;
  });
  return blocks.join('\n\n');
}
