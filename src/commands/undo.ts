// caselog undo: reverses the latest change caselog made (add, edit, status, risk, close, done, delete,
// merge, import...) and says what it reversed; run again, it walks further back, up to an erase.
import type { Context } from '../context';
import { printJson, say } from '../context';
import { formatDate, fromIso, onDate } from '../domain/dates';
import { changeTime } from '../render/change-time';
import { shortId } from '../domain/ids';
import { nextToUndo, UndoMoved, UndoStops, undoLatest, type Undone, type UndoneRecord } from '../store/upkeep-undo';
import { UserError } from '../errors';
import { count } from '../render/style';
import { keepMemorySteady } from './steady-memory';

export async function undo(ctx: Context, opts: { force?: boolean } = {}) {
  // An import undone is every record of it read, logged and removed in one go, as an import is.
  keepMemorySteady();
  const store = await ctx.openStore({ create: false });
  // Read before the write begins: a change made elsewhere (a colleague's in a shared database, or one
  // of another terminal) is said, and asked about, without holding the write lock while someone thinks.
  const next = await stopsSaid(async () => nextToUndo(store));
  const elsewhere = madeElsewhere(ctx, next);
  if (elsewhere !== undefined && !opts.force) await confirmElsewhere(ctx, next, elsewhere);
  const undone = await stopsSaid(() => undoLatest(store, next.batch)).catch((error: unknown) => {
    // Another caselog wrote between the question and the undo: the change now latest was not the one asked about.
    if (error instanceof UndoMoved) {
      throw new UserError(`another change was made meanwhile (${whose(ctx, error.latest.user)}"caselog ${error.latest.command ?? error.latest.action}" of ${changeTime(error.latest.at)}): nothing was undone; caselog undo again starts from that one`);
    }
    throw error;
  });
  const { batch, action, command, at, user, file, records } = undone;
  if (ctx.json) {
    printJson(ctx, { batch, action, command, at, user, ...(file !== undefined ? { file } : {}),
      records: records.map((r) => ({ kind: r.kind, id: r.id, restored: r.restored })), ...(undone.erasedAgain ? { erasedAgain: undone.erasedAgain.map((p) => p.id) } : {}) });
  }
  // What the batch added is gone again; what it changed or deleted is back as it was (a risk change:
  // the person back as before, its event removed). A record is named by its first change.
  const phrase = (list: UndoneRecord[], verb: string, tail = '') => (list.length === 0 ? ''
    : `${verb} ${label(list[0]!)}${list.length > 1 ? ` and ${count(list.length - 1, 'other record')}` : ''}${tail}`);
  const what = [phrase(records.filter((r) => r.restored), 'put back', ' as before'), phrase(records.filter((r) => !r.restored), 'removed')]
    .filter(Boolean).join('; ') || 'it had changed nothing';
  say(ctx, `Undid ${whose(ctx, user)}"caselog ${command ?? action}"${file !== undefined ? ` (${file})` : ''} of ${changeTime(at)}: ${what}`);
  for (const p of undone.erasedAgain ?? []) {
    say(ctx, `${p.name} [${shortId(p.id)}] had been erased here for their safety before the import brought them back: erased again, ` +
      `the change log keeps nothing of them${undone.fileCompacted ? ' and the file was rewritten' : ' (the file is rewritten the next time caselog opens it)'}, as after the erase`);
  }
}

/** A change undo cannot reverse holds back every change made before it: said where it matters. */
async function stopsSaid<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    if (error instanceof UndoStops) {
      throw new UserError(`undo stops at the ${error.action} of ${changeTime(error.at)}: ${error.why}; the changes made before it can no longer be undone`);
    }
    throw error;
  });
}

/** "berik's " before a colleague's change; nothing before the user's own (or one a log did not name). */
function whose(ctx: Context, user: string | null): string {
  return user !== null && user !== ctx.user ? `${user}'s ` : '';
}

/** Where the latest change was made, when not here ("was made <made>"), and whose it is ("<theirs> stays"). */
interface Elsewhere { made: string; theirs: string }

/**
 * A change made elsewhere than this terminal session, as far as the log says: by a colleague (another
 * OS user), or by this user in another terminal session (one laptop and account a family shares, two
 * terminals open). A change of a log that did not name its session (before migration 12) is not known
 * to be another's, nor is any change where this system does not say its session.
 */
function madeElsewhere(ctx: Context, next: Omit<Undone, 'records'>): Elsewhere | undefined {
  if (next.user !== null && next.user !== ctx.user) return { made: `by ${next.user}, not by you (${ctx.user})`, theirs: `${next.user}'s change` };
  if (next.session === null) return undefined;
  const here = ctx.session();
  return here !== null && here !== next.session ? { made: 'in another terminal session', theirs: "the other session's change" } : undefined;
}

/**
 * Taking back a change made elsewhere by mistake loses someone's work (a colleague's, or one typed in
 * another terminal), so it is asked on a terminal (No unless answered) and, without one, needs
 * --force. A script undoing its own change runs as before.
 */
async function confirmElsewhere(ctx: Context, next: Omit<Undone, 'records'>, { made, theirs }: Elsewhere): Promise<void> {
  const change = `"caselog ${next.command ?? next.action}"${next.file !== undefined ? ` (${next.file})` : ''} of ${changeTime(next.at)}`;
  if (!ctx.interactive) {
    throw new UserError(`the latest change, ${change}, was made ${made}: nothing was undone; caselog undo --force takes it back all the same`);
  }
  say(ctx, `The latest change, ${change}, was made ${made}; caselog log shows it.`);
  if (!(await (await ctx.prompter()).confirm(`Undo ${theirs}?`, false))) throw new UserError(`nothing was undone: ${theirs} stays`);
}

/** The record a change was about, from its snapshot: a name, a reference, an event or a deadline. */
function label(c: UndoneRecord): string {
  const r = c.logged ?? {};
  const read = (d: unknown) => {
    const v = d as { date: string; approximate: boolean; dateText: string };
    return fromIso(v.date, v.approximate, v.dateText);
  };
  const date = (d: unknown) => (d ? formatDate(read(d)) : '');
  switch (c.kind) {
    case 'people': return `${r.name} [${shortId(c.id)}]`;
    case 'cases': return `case ${r.ref} [${shortId(c.id)}]`;
    // An import logs what it added by name alone (an event or deadline has none): the kind and id say which.
    case 'events': return r.type ? `${r.type}${r.date ? ` ${onDate(read(r.date))}` : ''}: ${r.summary} [${shortId(c.id)}]` : `event [${shortId(c.id)}]`;
    case 'deadlines': return r.note ? `deadline ${date(r.date)}: ${r.note} [${shortId(c.id)}]` : `deadline [${shortId(c.id)}]`;
    // As add names it; an import of an older caselog logged a source with a reference by that alone.
    case 'sources': return `source ${[r.ref, r.title !== undefined ? `"${r.title as string}"` : undefined].filter(Boolean).join(' ')} [${shortId(c.id)}]`;
    case 'targets': return `appeal target ${r.name} [${shortId(c.id)}]`;
    case 'plans': return 'an appeal plan';
    case 'appeals': return 'a record of an appeal';
    default: return c.id;
  }
}
