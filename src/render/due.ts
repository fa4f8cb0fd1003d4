// "UA 77/98  Hemit Memet, Kasim Mahpir, Ilyas Zordun
//    check with the International Secretariat — check before 15 March 1999 (in 14 days)"
import { firstDay, formatDate, precisionOf } from '../domain/dates';
import { monthName } from '../domain/dates-calendar';
import { whenInWords } from '../domain/due';
import { shortId } from '../domain/ids';
import { urgentText, type Style } from './style';
import { namesakeLabels } from './namesakes';
import { oneLine } from './lines';
import type { AppealSummary } from '../domain/appeals';
import type { DeadlineRecord } from '../domain/model';
import type { PartialDate } from '../domain/types';

export interface DueItem { deadline: DeadlineRecord; days: number; appeals?: AppealSummary }

/**
 * Whose a deadline is: its case and the people it names, or the case's people when it names nobody
 * ("UA 77/98  Hemit Memet, Kasim Mahpir"); empty for one on no case and for nobody. The calendar
 * export heads its entries with it too, so an entry says whose it is as due does.
 */
export function deadlineHeading(d: DeadlineRecord, label: (p: { id: string; name: string }) => string, ref: (text: string) => string = (text) => text): string {
  const who = d.people.map(label).join(', ');
  return [d.case ? ref(oneLine(d.case.ref)) : '', who].filter(Boolean).join('  ');
}

/**
 * Why a deadline known only to its month or year counts from its first day, as due and the calendar
 * entry say it: "known only to the month: due from 1 January". Undefined for a day.
 */
export function knownOnlyTo(d: PartialDate): string | undefined {
  const precision = precisionOf(d);
  if (precision === 'day') return undefined;
  const first = firstDay(d);
  return `known only to the ${precision}: due from ${first.day} ${monthName(first.month)}`;
}

/**
 * The sentence due writes of a deadline's timing: "check before 15 March 1999 (in 14 days)"; of one
 * known to the month, "check before January 2020 (known only to the month: due from 1 January; 5 days
 * overdue)", as "5 days overdue" alone read as if January were over.
 */
export function checkBefore(d: PartialDate, days: number): string {
  const known = knownOnlyTo(d);
  return `check before ${formatDate(d)} (${known ? `${known}; ` : ''}${whenInWords(days)})`;
}

/** The days --within looks at, today included: "the next 0 days" or "the next day" would leave today in doubt. */
function nextDays(within: number): string {
  if (within === 0) return 'today';
  if (within === 1) return 'today or tomorrow';
  return `in the next ${within} days`;
}

export function renderDue(items: DueItem[], within: number, c: Style, sharedElsewhere?: ReadonlySet<string>): string {
  if (items.length === 0) return `Nothing due ${nextDays(within)}, and nothing overdue.`;
  // Once a case: under its reminder about appeals when it has one, else its first (most urgent).
  // One pass (due may list thousands), and only for cases with an appeal plan.
  const underThis = new Map<string, { id: string; aboutAppeals: boolean }>();
  for (const { deadline: d, appeals } of items) {
    if (!appeals || !d.case || underThis.get(d.case.id)?.aboutAppeals) continue;
    // Letters to send ("before sending appeals"), not a court's appeal hearing.
    const aboutAppeals = /\b(appeals|sending appeals?|appeal letters?|letters?)\b/i.test(d.note) && !/\bappeals? (hearing|court|trial|judge)/i.test(d.note);
    if (aboutAppeals || !underThis.has(d.case.id)) underThis.set(d.case.id, { id: d.id, aboutAppeals });
  }
  const label = namesakeLabels(items.flatMap((i) => i.deadline.people), sharedElsewhere);
  const blocks = items.map(({ deadline: d, days, appeals }) => {
    // A deadline on no case and for nobody (an older version let one in) still says so.
    const head = deadlineHeading(d, label, c.bold) || 'no case, nobody named';
    const line = `  ${oneLine(d.note)} — ${urgentText(checkBefore(d.date, days), days, c)}`;
    const unsent = appeals && d.case && underThis.get(d.case.id)?.id === d.id && appeals.sent < appeals.targets
      ? `\n  ${c.yellow(`appeals not sent to ${appeals.targets - appeals.sent} of ${appeals.targets} target${appeals.targets === 1 ? '' : 's'}`)}` : '';
    return `${head}  ${c.dim(shortId(d.id))}\n${line}${unsent}`;
  });
  return blocks.join('\n\n');
}
