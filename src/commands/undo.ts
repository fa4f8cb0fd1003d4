// caselog undo: reverses the latest change caselog made (add, edit, status, risk, close, done, delete,
// merge...) and says what it reversed; run again, it walks further back.
import type { Context } from '../context';
import { printJson, say } from '../context';
import { formatDate, fromIso, onDate } from '../domain/dates';
import { changeTime } from '../render/change-time';
import { shortId } from '../domain/ids';
import { UndoStops, undoLatest, type LoggedChange } from '../store/upkeep-undo';
import { UserError } from '../errors';
import { count } from '../render/style';

export async function undo(ctx: Context) {
  const store = await ctx.openStore({ create: false });
  const { batch, changes } = await undoLatest(store).catch((error: unknown) => {
    throw error instanceof UndoStops ? new UserError(`undo stops at the ${error.action} of ${changeTime(error.at)}: ${error.why}`) : error;
  });
  const first = changes[0]!;
  if (ctx.json) {
    printJson(ctx, { batch, action: first.action, command: first.command, at: first.at,
      records: changes.map((c) => ({ kind: c.kind, id: c.recordId, restored: c.before !== null })) });
  }
  // What the batch added is gone again; what it changed or deleted is back as it was (a risk change:
  // the person back as before, its event removed). A record is named by its first change.
  const seen = new Set<string>();
  const byRecord: LoggedChange[] = [];
  for (const c of changes) {
    const key = `${c.kind}:${c.recordId}`;
    if (!seen.has(key)) byRecord.push(c);
    seen.add(key);
  }
  const phrase = (list: LoggedChange[], verb: string, tail = '') => (list.length === 0 ? ''
    : `${verb} ${label(list[0]!)}${list.length > 1 ? ` and ${count(list.length - 1, 'other record')}` : ''}${tail}`);
  const what = [phrase(byRecord.filter((c) => c.before !== null), 'put back', ' as before'), phrase(byRecord.filter((c) => c.before === null), 'removed')]
    .filter(Boolean).join('; ');
  say(ctx, `Undid "caselog ${first.command ?? first.action}" of ${changeTime(first.at)}: ${what}`);
}

/** The record a change was about, from its snapshot: a name, a reference, an event or a deadline. */
function label(c: LoggedChange): string {
  const r = c.before ?? c.after ?? {};
  const read = (d: unknown) => {
    const v = d as { date: string; approximate: boolean; dateText: string };
    return fromIso(v.date, v.approximate, v.dateText);
  };
  const date = (d: unknown) => (d ? formatDate(read(d)) : '');
  switch (c.kind) {
    case 'people': return `${r.name} [${shortId(c.recordId!)}]`;
    case 'cases': return `case ${r.ref} [${shortId(c.recordId!)}]`;
    case 'events': return `${r.type}${r.date ? ` ${onDate(read(r.date))}` : ''}: ${r.summary} [${shortId(c.recordId!)}]`;
    case 'deadlines': return `deadline ${date(r.date)}: ${r.note} [${shortId(c.recordId!)}]`;
    case 'sources': return `source "${r.title}" [${shortId(c.recordId!)}]`;
    case 'targets': return `appeal target ${r.name} [${shortId(c.recordId!)}]`;
    case 'plans': return 'an appeal plan';
    case 'appeals': return 'a record of an appeal';
    default: return c.recordId ?? 'a record';
  }
}
