// caselog merge WHO INTO [--force]: two records that turn out to be one person become one.
// On a terminal the user sees what will move and confirms; without one, --force is required.
import type { Context } from '../context';
import { asConfirmed } from './as-confirmed';
import { printJson, say } from '../context';
import { dateJson, formatDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import type { EventRecord } from '../domain/model';
import { UserError } from '../errors';
import { personJson } from '../render/json';
import { namesakeLabels } from '../render/namesakes';
import { mergePeople, planMerge, type DroppedField, type MergePlan } from '../store/merge';
import type { SqliteStore } from '../store/sqlite-store';
import { personNamed } from './person-alias';
import { count } from '../render/style';

const LISTED = 5;
const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

export async function merge(ctx: Context, whoText: string, intoText: string, opts: { force?: boolean }) {
  const store = await ctx.openStore({ create: false });
  // Two people of one name (merge "Ali Hassan" "Ali Hassan"): two different questions, the first pick left out of the second.
  const who = await personNamed(ctx, store, whoText, { question: (name) => `Which ${name} is the duplicate to merge away?` });
  const into = await personNamed(ctx, store, intoText, { question: (name) => `Which ${name} should it go into?`, leaveOut: [who.id] });
  if (who.id === into.id) throw new UserError(`"${whoText}" and "${intoText}" are the same person (${who.name}): nothing to merge`);
  const plan = await planMerge(store, who.id, into.id);
  const title = `merge ${who.name} [${shortId(who.id)}] into ${into.name} [${shortId(into.id)}]`;
  // Two of one name: "Merge Ahmed Ali into Ahmed Ali?" does not say which goes, so each has its id.
  const label = namesakeLabels([who, into]);

  if (!opts.force && !ctx.interactive) {
    throw new UserError(`to ${title} without a terminal to confirm on, pass --force (it would move ${summary(plan)}); nothing was changed`);
  }
  // What moves is what the user confirmed, or nothing: asked again when another caselog changed it meanwhile.
  const done = await asConfirmed(ctx, opts.force ? undefined : plan, { asking: true, changed: 'What this merges changed after it was shown (another caselog wrote meanwhile); nothing was merged. Now:' },
    async (shown: MergePlan) => {
      for (const line of [`This will ${title}:`, ...(await details(store, shown))]) say(ctx, line);
      const yes = await (await ctx.prompter()).confirm(`Merge ${label(who)} into ${label(into)}?`, false);
      if (!yes) throw new UserError('nothing merged');
    },
    (shown) => mergePeople(store, who.id, into.id, shown));
  if (ctx.json) {
    printJson(ctx, {
      merged: { id: who.id, name: who.name }, into: personJson(done.into),
      moved: { names: done.names, cases: done.cases, events: done.events, deadlines: done.deadlines, risks: done.risks, filled: done.filled },
      // Dates as every date in --json: date, precision, approximate, dateText.
      leftOut: done.dropped.map((d) => ({ field: d.field, value: d.value, ...(d.date ? dateJson(d.date) : {}) })),
      // Full ids, the one kept first: what a script deletes to keep one of each.
      sameEvents: sameEvents(store, done).map(({ event, ids: [kept, ...copies] }) => ({
        kept, copies, type: event.type, summary: event.summary, ...dateJson(event.date),
      })),
    });
  }
  say(ctx, `Merged ${label(who)} into ${done.into.name} [${shortId(done.into.id)}]: ${summary(done)}`);
  for (const { event, ids } of sameEvents(store, done)) {
    const deletes = ids.slice(1).map((id) => `caselog delete ${shortId(id)} --force`).join('; ');
    say(ctx, `${done.into.name} now has the same event ${times(ids.length)}: ${describeEvent(event)} [${ids.map(shortId).join(', ')}]; to keep one: ${deletes}`);
  }
}

/** Each group of events now alike, with the first of them as read back (the one to keep). */
function sameEvents(store: SqliteStore, plan: MergePlan): Array<{ event: EventRecord; ids: string[] }> {
  return plan.sameEvents.flatMap((ids) => {
    const event = store.read.eventById(ids[0]!);
    return event ? [{ event, ids }] : [];
  });
}

const times = (n: number) => (n === 2 ? 'twice' : `${n} times`);
const describeEvent = (e: EventRecord) => `${formatDate(e.date)} ${e.type}: ${e.summary}`;

/** One line: what moves. */
function summary(plan: MergePlan): string {
  return [
    plan.names.length > 0 ? `names ${quoted(plan.names)}` : 'no new names',
    count(plan.events.length, 'event', 'events'),
    count(plan.deadlines.length, 'deadline', 'deadlines'),
    ...(plan.cases.length > 0 ? [`cases ${plan.cases.join(', ')}`] : []),
    ...(plan.risks.length > 0 ? [`risks ${plan.risks.join(', ')}`] : []),
    ...(plan.statusTaken ? [`recorded status ${plan.statusTaken}`] : []),
  ].join(', ') + (plan.dropped.length > 0 ? `; kept ${plan.into.name}'s own, leaving out ${plan.who.name}'s ${plan.dropped.map(describeDropped).join(', ')}` : '');
}

/** "age 29 on 10 January 1999", "born c. 1970", "status detained as of 1 March 1999", "gender male". */
function describeDropped(d: DroppedField): string {
  const on = d.date ? formatDate(d.date) : undefined;
  if (d.field === 'age') return `age ${d.value}${on ? ` on ${on}` : ''}`;
  if (d.field === 'born') return `born ${on}`;
  if (d.field === 'status') return `status ${d.value}${on ? ` as of ${on}` : ''}`;
  return `${d.field} ${d.value}`;
}

/** What the user confirms: every kind of thing that moves, events and deadlines by date. */
async function details(store: SqliteStore, plan: MergePlan): Promise<string[]> {
  const { who, into } = plan;
  const lines = [
    `  names: ${plan.names.length > 0 ? `${quoted(plan.names)} become other names of ${into.name}` : `${into.name} has them all already`}`,
  ];
  if (plan.cases.length > 0) lines.push(`  cases: ${into.name} joins ${plan.cases.join(', ')}`);
  lines.push(`  events: ${count(plan.events.length, 'event moves', 'events move')}`);
  for (const id of plan.events.slice(0, LISTED)) {
    const e = store.read.eventById(id);
    if (e) lines.push(`    ${formatDate(e.date)}  ${e.type}: ${e.summary}`);
  }
  if (plan.events.length > LISTED) lines.push(`    … and ${plan.events.length - LISTED} more`);
  lines.push(`  deadlines: ${count(plan.deadlines.length, 'deadline moves', 'deadlines move')}`);
  for (const id of plan.deadlines.slice(0, LISTED)) {
    const d = store.read.deadlineById(id);
    if (d) lines.push(`    ${formatDate(d.date)}  ${d.note}`);
  }
  if (plan.risks.length > 0) lines.push(`  risks added: ${plan.risks.join(', ')}`);
  if (plan.statusTaken) lines.push(`  recorded status: ${plan.statusTaken} (from ${who.name}; nothing is known of ${into.name}'s)`);
  if (plan.dropped.length > 0) lines.push(`  left out, ${into.name}'s own kept: ${who.name}'s ${plan.dropped.map(describeDropped).join(', ')}`);
  for (const { event, ids } of sameEvents(store, plan)) {
    lines.push(`  then the same event ${times(ids.length)}: ${describeEvent(event)} [${ids.map(shortId).join(', ')}] (how to keep one is said after the merge)`);
  }
  if (plan.filled.filter((f) => f !== 'status').length > 0) {
    lines.push(`  filled in from ${who.name}: ${plan.filled.filter((f) => f !== 'status').join(', ')}`);
  }
  lines.push(`  then the record of ${who.name} [${shortId(who.id)}] is deleted (undo puts it back)`);
  return lines;
}
