// caselog log [WHO] [--limit N]: the change log, newest first.
import type { Context } from '../context';
import { print, printJson } from '../context';
import { UsageError } from '../errors';
import { changedFields, renderLog } from '../render/log';
import { style } from '../render/style';
import { changeLog, linkedRecordIds } from '../store/trust-audit';
import { listTargets } from '../store/appeals';
import { resolveWho } from './who';

export async function log(ctx: Context, who: string | undefined, opts: { limit: string }) {
  const limit = Number(opts.limit);
  if (!/^\d+$/.test(opts.limit.trim()) || !Number.isSafeInteger(limit)) {
    throw new UsageError(`--limit must be a whole number of changes (0 for all), not "${opts.limit}"`);
  }
  const store = await ctx.openStore({ create: false });
  let about: { id: string; linked: string[] } | undefined;
  if (who !== undefined) {
    const found = await resolveWho(ctx, store, who, { writing: false });
    const record = found.kind === 'case' ? { kind: 'case' as const, id: found.case.id } : { kind: 'person' as const, id: found.person.id };
    about = { id: record.id, linked: linkedRecordIds(store, record) };
  }
  const entries = changeLog(store, { about, limit });
  if (ctx.json) {
    printJson(ctx, entries.map((e) => ({
      seq: e.seq, batch: e.batch, at: e.at, user: e.user, command: e.command, action: e.action, kind: e.kind,
      id: e.recordId, changed: changedFields(e.before, e.after), before: e.before, after: e.after,
    })));
    return;
  }
  // A plan holds its targets by id: the log names them.
  const targetNames = new Map((await listTargets(store)).map((t) => [t.id, t.name]));
  print(ctx, renderLog(entries, style(ctx.color), targetNames));
}
