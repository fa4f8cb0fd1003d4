// caselog appeal sent REF --target WHO... [--date D] [--via post|fax|email]
// caselog appeal response REF --target WHO [--date D] --response R [--note TEXT]
// Each letter and each answer is an event on the case (so it shows in the timeline), linked to its target.
import { noteIfFutureRecord, shellWord } from './hints';
import type { Context } from '../context';
import { printJson, say } from '../context';
import { RESPONSES, type AppealResponse, type Via } from '../domain/appeals';
import { dayInWords, dayIso, daysBetween, firstDay, formatDate, isoOf, lastDay, onDate, parseDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import { UsageError, UserError } from '../errors';
import { eventJson } from '../render/json';
import { appealJson, replySummary, sentSummary } from '../render/appeals';
import { appealEntries, recordAppeals } from '../store/appeals';
import { caseByRef } from './add';
import { need } from './ask';
import { resolveTargets } from './appeal-targets';

export async function appealSent(ctx: Context, ref: string, opts: { target: string[]; date?: string; via?: Via }) {
  if (opts.target.length === 0) throw new UsageError('name whom you wrote to: --target WHO (repeatable)');
  const date = parseDate(opts.date ?? dayIso(ctx.today), ctx.today);
  const store = await ctx.openStore({ create: false });
  const theCase = await caseByRef(store, ref);
  const targets = await resolveTargets(store, opts.target);
  // The same letter recorded twice would count twice in the timeline and the case's record.
  const sent = (await appealEntries(store, theCase.id)).filter((a) => a.kind === 'sent' && isoOf(a.date) === isoOf(date) && a.via === opts.via);
  for (const t of targets) {
    const same = sent.find((a) => a.targetId === t.id);
    if (same) {
      throw new UserError(`the appeal to ${t.name} ${onDate(date)}${opts.via ? ` by ${opts.via}` : ''} is already recorded [${shortId(same.eventId)}]: nothing was recorded`);
    }
  }
  const { events, joinedPlan } = await recordAppeals(store, theCase.id, targets.map((t) => ({
    targetId: t.id, kind: 'sent' as const, via: opts.via, date, type: 'appeal' as const, summary: sentSummary(t, opts.via),
  })));
  for (const id of joinedPlan) say(ctx, `${targets.find((t) => t.id === id)!.name} was not in the appeal plan of ${theCase.ref}: added`);
  events.forEach((e, i) => say(ctx, `Recorded appeal to ${targets[i]!.name} ${onDate(e.date)}${opts.via ? ` by ${opts.via}` : ''} (${theCase.ref}) [${shortId(e.id)}]`));
  noteIfFutureRecord(ctx, date, events.length > 1 ? 'the letters' : 'the letter');
  // Recorded all the same: the letter may have gone from another office's fax, or the case closed
  // while its letters were on their way.
  for (const t of targets) {
    const missing = opts.via === 'email' && !t.email ? 'email' : opts.via === 'fax' && !t.fax ? 'fax' : opts.via === 'post' && t.address.length === 0 ? 'address' : undefined;
    if (missing) say(ctx, `note: no ${missing} is recorded for ${t.name}: to keep it, caselog edit ${shortId(t.id)} --${missing} ${{ fax: 'NUMBER', email: 'ADDRESS', address: 'LINE' }[missing]}`);
  }
  // Closed after the letter's day (a letter recorded late), the case was open when it went.
  if (theCase.closed && daysBetween(lastDay(theCase.closed), firstDay(date)) >= 0) say(ctx, `note: ${theCase.ref} is closed (since ${formatDate(theCase.closed)}): ${events.length > 1 ? 'the letters are' : 'the letter is'} recorded all the same; caselog reopen ${shellWord(theCase.ref)} if the case goes on`);
  if (ctx.json) printJson(ctx, events.map((e, i) => eventJson(e, { appeal: appealJson({ targetId: targets[i]!.id, kind: 'sent', via: opts.via }) })));
}

export interface ResponseOptions { target: string[]; date?: string; response?: AppealResponse; note?: string }

export async function appealResponse(ctx: Context, ref: string, opts: ResponseOptions) {
  if (opts.target.length !== 1) throw new UsageError(opts.target.length === 0 ? 'missing --target: who answered' : 'one --target at a time: who answered');
  // As appeal sent: the day it is recorded, unless told (spec: --today drives the defaults that are "now").
  const date = parseDate(opts.date ?? dayIso(ctx.today), ctx.today);
  // The flag's value is checked by commander; an answer typed at the prompt is checked here.
  const response = (await need(ctx, opts.response, '--response', `The answer (${RESPONSES.join(', ')}):`,
    (v) => ((RESPONSES as readonly string[]).includes(v.trim()) ? true : `one of ${RESPONSES.join(', ')}`))).trim() as AppealResponse;
  const store = await ctx.openStore({ create: false });
  const theCase = await caseByRef(store, ref);
  const [target] = await resolveTargets(store, opts.target);
  const note = opts.note?.replace(/\s+/g, ' ').trim() || undefined;
  const entries = await appealEntries(store, theCase.id);
  const wasSent = entries.some((e) => e.targetId === target!.id && e.kind === 'sent');
  // No reply is only news of a letter that went: without one, the plan would show it as awaited.
  if (!wasSent && response === 'none') {
    throw new UserError(`no appeal to ${target!.name} is recorded as sent for ${theCase.ref}, so no reply is awaited: record the letter first with caselog appeal sent ${shellWord(theCase.ref)} --target ${shellWord(target!.name)}`);
  }
  // The same answer twice (same day, kind and note); another answer of that kind that day is its own.
  const summary = replySummary(target!, response, note);
  const same = entries.find((e) => e.targetId === target!.id && e.kind === 'response' && e.response === response && isoOf(e.date) === isoOf(date)
    && store.read.eventById(e.eventId)?.summary === summary);
  if (same) throw new UserError(`${target!.name}'s ${response === 'none' ? 'lack of a reply' : `${response} reply`} ${onDate(date)} is already recorded [${shortId(same.eventId)}]: nothing was recorded`);
  // An answer belongs to the appeal (an appeal event, as the letter is): not news of the people, whose
  // silence it would otherwise end (a token acknowledgement made twenty years "2 days ago").
  const { events } = await recordAppeals(store, theCase.id, [{
    targetId: target!.id, kind: 'response', response, date, type: 'appeal',
    actor: response === 'none' ? undefined : `${target!.name}, ${target!.title}`, summary,
  }]);
  const event = events[0]!;
  if (!wasSent) say(ctx, `no appeal to ${target!.name} is recorded as sent for ${theCase.ref}: record it with caselog appeal sent`);
  say(ctx, `Recorded ${response === 'none' ? 'no reply' : `${response} reply`} from ${target!.name} ${onDate(event.date)} (${theCase.ref}) [${shortId(event.id)}]`);
  // An answer wholly before the first letter to them went is most likely a mistyped date ("May 2024"
  // may be after a letter of 10 May).
  const first = entries.filter((e) => e.targetId === target!.id && e.kind === 'sent').map((e) => firstDay(e.date)).sort((a, b) => daysBetween(b, a))[0];
  if (first && daysBetween(lastDay(date), first) > 0) {
    say(ctx, `note: the answer is dated ${formatDate(date)}, before the first letter to ${target!.name} (${dayInWords(dayIso(first))}): check the date (caselog undo takes it back)`);
  }
  noteIfFutureRecord(ctx, date, 'the answer');
  if (ctx.json) printJson(ctx, eventJson(event, { appeal: appealJson({ targetId: target!.id, kind: 'response', response, note }) }));
}
