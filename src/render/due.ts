// "UA 77/98  Hemit Memet, Kasim Mahpir, Ilyas Zordun
//    check with the International Secretariat — check before 15 March 1999 (in 14 days)"
import type { ChalkInstance } from 'chalk';
import { formatDate } from '../domain/dates';
import { whenInWords } from '../domain/due';
import { shortId } from '../domain/ids';
import type { DeadlineRecord } from '../domain/model';

export interface DueItem { deadline: DeadlineRecord; days: number }

export function renderDue(items: DueItem[], within: number, c: ChalkInstance): string {
  if (items.length === 0) return `Nothing due in the next ${within} days, and nothing overdue.`;
  const blocks = items.map(({ deadline: d, days }) => {
    const who = d.people.map((p) => p.name).join(', ');
    const head = [d.case ? c.bold(d.case.ref) : '', who].filter(Boolean).join('  ');
    const when = whenInWords(days);
    const timing = `check before ${formatDate(d.date)} (${when})`;
    const line = `  ${d.note} — ${days < 0 ? c.red.bold(timing) : days <= 7 ? c.yellow(timing) : timing}`;
    return `${head}  ${c.dim(shortId(d.id))}\n${line}`;
  });
  return blocks.join('\n\n');
}
