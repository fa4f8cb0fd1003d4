// caselog log [WHAT] [--limit N]: the change log, newest first; of a person or case and what is
// linked to it, or of one event, deadline, source or appeal target by its id.
import type { Context } from '../context';
import { say, wrapped, writeStream } from '../context';
import { kindOfId, looksLikeId, shortId } from '../domain/ids';
import { NotFoundError, UsageError, UserError } from '../errors';
import { jsonArrayPieces } from '../render/json';
import { changedFields, renderLog } from '../render/log';
import { count, style } from '../render/style';
import { undidChanges, undoneBatches } from '../store/log-undone';
import type { SqliteStore } from '../store/sqlite-store';
import { changeLogEntries, linkedRecordIds, loggedIdsByPrefix, recordLabels, type ChangeEntry, type LogQuery } from '../store/trust-audit';
import { shellWord } from './hints';
import { formerToLog, mergedIntoPerson, sayFormerToo } from './log-former';
import { recordById } from './record';
import { resolveWho } from './who';

export async function log(ctx: Context, what: string | undefined, opts: { limit: string }) {
  const limit = Number(opts.limit);
  if (!/^\d+$/.test(opts.limit.trim()) || !Number.isSafeInteger(limit)) {
    throw new UsageError(`--limit must be a whole number of changes (0 for all), not "${opts.limit}"`);
  }
  const store = await ctx.openStore({ create: false });
  const about = what !== undefined ? await aboutWhat(ctx, store, what) : undefined;
  const mergedInto = about?.mergedInto;
  // Changes an undo reversed no longer stand: said beside each.
  const undone = undoneBatches(store);
  // One more than shown: a log cut at its limit says so, as search does (a script saw 50 and stopped).
  // Entries are read, rendered and written a few hundred at a time: a whole log of a million changes
  // held at once (and as one JSON string) runs out of memory.
  const read = changeLogEntries(store, { about, limit: limit > 0 ? limit + 1 : 0 });
  let shown = 0;
  let cut = false;
  const chunks = function* (): Generator<ChangeEntry[]> {
    let chunk: ChangeEntry[] = [];
    for (const e of read) {
      if (limit > 0 && shown === limit) {
        cut = true;
        break;
      }
      shown++;
      chunk.push(e);
      if (chunk.length === logChunk.size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  };
  const pieces = function* (): Generator<string> {
    if (ctx.json) {
      // As printJson writes the whole list, an entry at a time.
      yield* jsonArrayPieces((function* () {
        for (const chunk of chunks()) {
          for (const e of chunk) {
            yield {
              seq: e.seq, batch: e.batch, at: e.at, user: e.user, session: e.session, command: e.command, action: e.action, kind: e.kind,
              id: e.recordId, changed: changedFields(e.before, e.after), before: e.before, after: e.after,
              // Only where they apply: scripts reading the fields above see them as before.
              ...(undone.has(e.batch) ? { undone: undone.get(e.batch) } : {}),
              ...(e.recordId && about?.mergedInto?.has(e.recordId) ? { mergedInto: about.id } : {}),
            };
          }
        }
      })());
      return;
    }
    const c = style(ctx.color);
    // Records held by id (a case, people, sources, a plan's targets): the log names them, a query a chunk.
    for (const chunk of chunks()) {
      const undid = new Map(chunk.filter((e) => e.action === 'undo' && e.kind === 'batch' && typeof e.after?.batch === 'number')
        .map((e) => [e.after!.batch as number, undidChanges(store, e.after!.batch as number)]));
      yield wrapped(ctx, renderLog(chunk, c, { names: recordLabels(store, idsIn(chunk)), undone, undid, mergedInto }));
    }
    if (shown === 0) yield wrapped(ctx, renderLog([], c));
  };
  await writeStream(ctx.stdout, pieces());
  if (cut) say(ctx, `Only the latest ${count(limit, 'change')} shown, of more: caselog log ${what !== undefined ? `${shellWord(what)} ` : ''}--limit 0 shows them all`);
}

/** Entries rendered and written together. Tests lower it. */
export const logChunk = { size: 500 };

/** The ids of other records that the entries' before and after hold. */
function idsIn(entries: ChangeEntry[]): string[] {
  const ids = new Set<string>();
  for (const e of entries) {
    for (const m of JSON.stringify([e.before, e.after]).matchAll(/"([cpst]-[0-9a-z]{4,32})"/g)) ids.add(m[1]!);
  }
  return [...ids];
}

/** The section each kind of record found by id alone is logged under. */
const SECTIONS = { event: 'events', deadline: 'deadlines', source: 'sources', target: 'targets' } as const;

/** What a log of one record shows: its changes and those of what is linked to it, and the records merged into a person. */
type About = NonNullable<LogQuery['about']> & { mergedInto?: Map<string, string> };

/**
 * The record whose changes to show: an id (as show takes it), else a person or a case with what is
 * linked to it, else one no longer tracked that the log holds by that name, reference or id.
 */
async function aboutWhat(ctx: Context, store: SqliteStore, text: string): Promise<About> {
  const typed = text.trim();
  // A case reference shaped like an id ("S-12") is still the case.
  const kind = looksLikeId(typed) && !(await store.findCaseByRef(typed)) ? kindOfId(typed.toLowerCase()) : undefined;
  if (kind === 'event' || kind === 'deadline' || kind === 'source' || kind === 'target') {
    try {
      return { id: (await recordById(store, typed, kind)).id, linked: [] };
    } catch (error) {
      // Deleted since: what the log holds of it is what is asked for.
      if (!(error instanceof NotFoundError)) throw error;
      const logged = loggedIdsByPrefix(store, SECTIONS[kind], typed);
      if (logged.length === 1) return { id: logged[0]!, linked: [] };
      if (logged.length > 1) throw new UserError(`"${typed}" fits several ${kind} ids in the change log (${logged.map(shortId).join(', ')}): type more of it`);
      throw error;
    }
  }
  const found = await resolveWho(ctx, store, typed, { writing: false }).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
    return formerToLog(ctx, store, typed, error);
  });
  // Tracked still, by another name or reference now: its log, with what is linked to it, as by that one.
  if ('id' in found) return withMerged(store, { kind: found.kind, id: found.id, linked: found.renamed ? linkedRecordIds(store, found) : [] });
  const record = found.kind === 'case' ? { kind: 'case' as const, id: found.case.id } : { kind: 'person' as const, id: found.person.id };
  sayFormerToo(ctx, store, typed, record);
  return withMerged(store, { kind: record.kind, id: record.id, linked: linkedRecordIds(store, record) });
}

/** A person's log holds the records merged into them: their changes before the merge are the person's history. */
function withMerged(store: SqliteStore, about: { kind: 'person' | 'case'; id: string; linked: string[] }): About {
  const merged = about.kind === 'person' ? mergedIntoPerson(store, about.id) : new Map<string, string>();
  return merged.size === 0 ? { id: about.id, linked: about.linked } : { id: about.id, linked: about.linked, mentioning: [...merged.keys()], mergedInto: merged };
}
