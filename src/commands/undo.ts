// caselog undo: reverses the latest change caselog made (add, edit, status, risk, close, done, delete,
// merge...) and says what it reversed; run again, it walks further back.
import type { Context } from '../context';
import { printJson, say } from '../context';
import { changeTime, formatDate, fromIso, onDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import { undoLatest, type LoggedChange } from '../store/upkeep-undo';
import { count } from '../render/style';

export async function undo(ctx: Context) {
  const store = await ctx.openStore({ create: false });
  const { batch, changes } = await undoLatest(store);
  const [first, ...rest] = changes as [LoggedChange, ...LoggedChange[]];
  if (ctx.json) {
    printJson(ctx, { batch, action: first.action, command: first.command, at: first.at,
      records: changes.map((c) => ({ kind: c.kind, id: c.recordId, restored: c.before !== null })) });
  }
  const others = new Set(rest.map((c) => c.recordId).filter((id) => id !== first.recordId)).size;
  const also = others ? ` and ${count(others, 'other record')}` : '';
  const when = changeTime(first.at);
  // What the batch added is gone again; what it changed or deleted is back as it was.
  const what = first.before === null ? `removed ${label(first)}${also}` : `put back ${label(first)}${also} as before`;
  say(ctx, `Undid "caselog ${first.command ?? first.action}" of ${when}: ${what}`);
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
