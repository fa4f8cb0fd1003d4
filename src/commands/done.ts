// caselog done ID
import type { Context } from '../context';
import { printJson, say } from '../context';
import { dayInWords, dayIso, formatDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import type { DeadlineRecord } from '../domain/model';
import { NotFoundError, UserError } from '../errors';
import { deadlineJson } from '../render/json';
import { uniqueId } from './who';

export async function done(ctx: Context, idText: string) {
  if (!/^d-/i.test(idText.trim())) throw new UserError(`"${idText}" is not a deadline id: use the d-... id that "caselog due" shows`);
  const store = await ctx.openStore({ create: false });
  const id = await uniqueId(store, 'deadline', idText);
  if (!id) throw new NotFoundError(`no deadline ${idText}: "caselog due" shows the open deadlines with their ids`);
  const current = (await store.getDeadline(id))!;
  if (current.done) return alreadyDone(ctx, current);
  const { deadline: record, changed } = await store.markDone(id, dayIso(ctx.today));
  // Marked done by another process between the read above and the write: its day stands.
  if (!changed) return alreadyDone(ctx, record);
  if (ctx.json) printJson(ctx, deadlineJson(record));
  say(ctx, `Done: ${record.note} (${formatDate(record.date)}${record.case ? `, ${record.case.ref}` : ''}) [${shortId(record.id)}]`);
}

function alreadyDone(ctx: Context, deadline: DeadlineRecord): void {
  say(ctx, `Already done on ${dayInWords(deadline.doneOn!)}: ${deadline.note}`);
  if (ctx.json) printJson(ctx, deadlineJson(deadline));
}
