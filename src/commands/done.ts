// caselog done ID, and caselog reopen ID of a deadline marked done by mistake (reopen REF of a case
// is close.ts's).
import type { Context } from '../context';
import { printJson, say } from '../context';
import { dayInWords, dayIso, formatDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import type { DeadlineRecord } from '../domain/model';
import { NotFoundError, UserError } from '../errors';
import { deadlineJson } from '../render/json';
import type { SqliteStore } from '../store/sqlite-store';
import { goneMessage } from './gone';
import { shellWord } from './hints';
import { uniqueId } from './who';

const isDeadlineId = (text: string) => /^d-/i.test(text.trim());

async function deadlineFor(store: SqliteStore, idText: string): Promise<DeadlineRecord> {
  const id = await uniqueId(store, 'deadline', idText);
  if (!id) throw new NotFoundError(goneMessage(store, 'deadline', idText) ?? `no deadline ${idText}: "caselog due" shows the open deadlines with their ids`);
  return (await store.getDeadline(id))!;
}

/** The deadline, its date and its case, as done and reopen name it. */
const described = (d: DeadlineRecord) => `${d.note} (${formatDate(d.date)}${d.case ? `, ${d.case.ref}` : ''}) [${shortId(d.id)}]`;

export async function done(ctx: Context, idText: string) {
  if (!isDeadlineId(idText)) throw new UserError(`"${idText}" is not a deadline id: use the d-... id that "caselog due" shows`);
  const store = await ctx.openStore({ create: false });
  const current = await deadlineFor(store, idText);
  if (current.done) return alreadyDone(ctx, current);
  const { deadline: record, changed } = await store.markDone(current.id, dayIso(ctx.today));
  // Marked done by another process between the read above and the write: its day stands.
  if (!changed) return alreadyDone(ctx, record);
  if (ctx.json) printJson(ctx, deadlineJson(record));
  say(ctx, `Done: ${described(record)}`);
}

/** caselog reopen WHAT: a deadline by its id (unless a case has that reference), else a case. */
export async function reopen(ctx: Context, what: string) {
  if (isDeadlineId(what)) {
    const store = await ctx.openStore({ create: false });
    if (!(await store.findCaseByRef(what))) return reopenDeadline(ctx, store, what);
  }
  return (await import('./close')).reopen(ctx, what);
}

async function reopenDeadline(ctx: Context, store: SqliteStore, idText: string) {
  const current = await deadlineFor(store, idText);
  // As done of a deadline done already: said, and nothing to change (exit 0).
  if (!current.done) return alreadyOpen(ctx, current);
  const { deadline: record, changed } = await store.markOpen(current.id);
  // Reopened by another process between the read above and the write: nothing to change or log.
  if (!changed) return alreadyOpen(ctx, record);
  if (ctx.json) printJson(ctx, deadlineJson(record));
  say(ctx, `Reopened deadline: ${described(record)}, marked done on ${dayInWords(current.doneOn!)}`);
  if (record.case && (await store.getCase(record.case.id))?.closed) {
    say(ctx, `note: ${record.case.ref} is closed: due leaves its deadlines out until it is reopened (caselog reopen ${shellWord(record.case.ref)})`);
  }
}

function alreadyDone(ctx: Context, deadline: DeadlineRecord): void {
  say(ctx, `Already done on ${dayInWords(deadline.doneOn!)}: ${deadline.note}`);
  if (ctx.json) printJson(ctx, deadlineJson(deadline));
}

function alreadyOpen(ctx: Context, deadline: DeadlineRecord): void {
  say(ctx, `Already open: ${described(deadline)}`);
  if (ctx.json) printJson(ctx, deadlineJson(deadline));
}
