// Targets and appeal plans as text and JSON.
import { REPLY_WORDS, type AppealEntry, type AppealResponse, type AppealSummary, type PlanRecord, type TargetRecord, type Via } from '../domain/appeals';
import { dateJson, formatDate, isoOf } from '../domain/dates';
import { shortId } from '../domain/ids';
import { count, type Style } from './style';
import { oneLine } from './lines';

export function targetJson(t: TargetRecord) {
  return {
    id: t.id, name: t.name, title: t.title, address: t.address, fax: t.fax ?? null, email: t.email ?? null,
    salutation: t.salutation ?? null, language: t.language ?? null, country: t.country ?? null,
  };
}

export function renderTargets(targets: TargetRecord[], c: Style): string {
  if (targets.length === 0) return 'No targets yet: add one with caselog add target NAME --title TEXT --address TEXT';
  return targets.map((t) => {
    const facts = targetFacts(t);
    return [`${c.bold(oneLine(t.name))} — ${oneLine(t.title)}  ${c.dim(shortId(t.id))}`, ...(t.address.length ? [`  ${oneLine(t.address.join(' / '))}`] : []),
      ...(facts ? [`  ${facts}`] : [])].join('\n');
  }).join('\n\n');
}

/** "fax: ... · salutation: Dear Minister · language: en · country: Kazakstan", on one line; '' when none is known. */
export function targetFacts(t: TargetRecord): string {
  const facts = [
    t.fax && `fax: ${t.fax}`, t.email && `email: ${t.email}`, t.salutation && `salutation: ${t.salutation}`,
    t.language && `language: ${t.language}`, t.country && `country: ${t.country}`,
  ].filter(Boolean);
  return oneLine(facts.join(' \u00B7 '));
}

const addressee = (t: TargetRecord) => `${t.title} (${t.name})`;

/** The timeline's words for a letter sent. */
export function sentSummary(t: TargetRecord, via: Via | undefined): string {
  return `Appeal sent${via ? ` by ${via}` : ''} to ${addressee(t)}`;
}

/** The timeline's words for an answer (its event names the target as actor), or for the lack of one; replyNote reads the note back. */
export function replySummary(t: TargetRecord, response: AppealResponse, note: string | undefined): string {
  return `${REPLY_WORDS[response]}${response === 'none' ? ` yet from ${addressee(t)}` : ''}${note ? `: ${note}` : ''}`;
}

export function planJson(plan: PlanRecord, summary: AppealSummary, entries: AppealEntry[]) {
  return {
    id: plan.id, case: plan.case, copiesTo: plan.copiesTo ?? null, ...summary,
    targets: plan.targets.map((t) => ({
      ...targetJson(t),
      ...lettersJson(entries.filter((e) => e.targetId === t.id)),
    })),
    actions: plan.actions.map((a) => ({ text: a.text, targets: a.targetIds })),
  };
}

/** One target's letters sent and answers, by event id, as the plan's JSON gives them. */
export function lettersJson(entries: AppealEntry[]) {
  return {
    sent: entries.filter((e) => e.kind === 'sent').map((e) => ({ id: e.eventId, ...dateJson(e.date), via: e.via ?? null })),
    responses: entries.filter((e) => e.kind === 'response').map((e) => ({ id: e.eventId, ...dateJson(e.date), response: e.response, note: e.note ?? null })),
  };
}

/** today (YYYY-MM-DD): a letter or answer dated after it is marked, and not counted (summary). */
export function renderPlan(plan: PlanRecord, summary: AppealSummary, entries: AppealEntry[], c: Style, today: string): string {
  const lines = [
    `${c.bold(`Appeal plan for ${oneLine(plan.case.ref)}`)} — ${count(summary.targets, 'target')}, written to ${summary.sent}, answered by ${summary.answered}`,
  ];
  plan.targets.forEach((t) => {
    const history = appealHistory(entries.filter((e) => e.targetId === t.id), today);
    const asks = plan.actions.flatMap((a, i) => (a.targetIds.includes(t.id) ? [String(i + 1)] : []));
    lines.push('', `${oneLine(`${t.name}, ${t.title}`)}  ${c.dim(shortId(t.id))}`);
    lines.push(`  ${history.length ? history.join(' · ') : c.yellow('not written to yet')}`);
    lines.push(`  requests: ${asks.length ? asks.join(', ') : c.yellow('none')}`);
  });
  lines.push('', 'Requests:');
  if (plan.actions.length === 0) lines.push('  none yet: add them with --action TEXT');
  plan.actions.forEach((a, i) => lines.push(`  ${i + 1}. ${oneLine(a.text)}`));
  if (plan.copiesTo) lines.push('', `Copies to: ${oneLine(plan.copiesTo)}`);
  return lines.join('\n');
}

/** "sent 1 March 1999 by fax", "answered 3 April 1999: denial": a target's letters and answers, one phrase each. */
export function appealHistory(entries: AppealEntry[], today: string): string[] {
  const later = (e: AppealEntry) => (isoOf(e.date) > today ? ' (after today)' : '');
  return entries.map((e) => (e.kind === 'sent'
    ? `sent ${formatDate(e.date)}${e.via ? ` by ${e.via}` : ''}${later(e)}`
    : e.response === 'none' ? `no reply by ${formatDate(e.date)}${later(e)}` : `answered ${formatDate(e.date)}${later(e)}: ${e.response}`));
}

/** The `appeal` object of an appeal event's JSON: whom it went to (or came from) and how. */
export function appealJson(a: Pick<AppealEntry, 'targetId' | 'kind' | 'via' | 'response' | 'note'>) {
  return a.kind === 'sent'
    ? { target: a.targetId, kind: 'sent' as const, via: a.via ?? null }
    : { target: a.targetId, kind: 'response' as const, response: a.response ?? null, note: a.note ?? null };
}

/** "appeals: written to 2 of 6 targets, 1 answered" — for show and at-risk. */
export function appealsLine(a: AppealSummary): string {
  return `appeals: written to ${a.sent} of ${a.targets} target${a.targets === 1 ? '' : 's'}, ${a.answered} answered`;
}
