// log WHO of a person or a case no longer tracked (deleted, merged into someone, their adding undone):
// the change log still holds them, by the names, references and ids it logged, and who took them away
// is what a colleague asks it. And a person's log holds the records merged into them.
import type { Context } from '../context';
import { say } from '../context';
import { kindOfId, looksLikeId, shortId } from '../domain/ids';
import { UserError } from '../errors';
import { changeTimeAndZone } from '../render/change-time';
import { mergedAway } from '../store/erase-merged';
import { formerCases, mergedAwayById, mergedInto, renamedCases, renamedPeople } from '../store/former-records';
import { goneRecord } from '../store/gone-records';
import type { SqliteStore } from '../store/sqlite-store';
import { recordLabels } from '../store/trust-audit';
import { formerPeople } from '../store/upkeep-erase';

/** A record no longer tracked that what was typed stands for, or one tracked that was called so before (`renamed`). */
interface Former { kind: 'person' | 'case'; id: string; renamed?: boolean }

/**
 * The people and cases no longer tracked whose logged name or reference is the typed text, or whose
 * id starts with it: people deleted or whose adding was undone (by name or id), people merged into
 * someone (by id: their name is the kept person's now), cases (by reference or id). And those still
 * tracked whose name or reference it was before a change (edit --ref, a name taken away).
 */
function formerOnes(store: SqliteStore, typed: string, only?: Former['kind']): Former[] {
  const kind = only ?? (looksLikeId(typed) ? kindOfId(typed.trim().toLowerCase()) : undefined);
  const people = kind === 'case' ? [] : [...formerPeople(store, typed).map((f) => f.id), ...mergedAwayById(store, typed)];
  const cases = kind === 'person' ? [] : formerCases(store, typed);
  const renamed = looksLikeId(typed) ? [] : [
    ...(kind === 'case' ? [] : renamedPeople(store, typed).map((id): Former => ({ kind: 'person', id, renamed: true }))),
    ...(kind === 'person' ? [] : renamedCases(store, typed).map((id): Former => ({ kind: 'case', id, renamed: true }))),
  ];
  return [...new Set(people)].map((id): Former => ({ kind: 'person', id })).concat(cases.map((id) => ({ kind: 'case', id })), renamed);
}

/**
 * What it was called ("Hemit Memet [p-a5qq2d4s]"), and how it went ("deleted 2026-11-25 00:24 +00:00 by
 * root"); one still tracked, what it is called now, and that it is.
 */
function gone(store: SqliteStore, former: Former): { named: string; how?: string } {
  const named = `${former.kind === 'case' ? 'case ' : ''}${labelled(store, former.id)}`;
  if (former.renamed) return { named, how: `still tracked, by another ${former.kind === 'case' ? 'reference' : 'name'} now` };
  const last = goneRecord(store, former.kind === 'case' ? 'cases' : 'people', former.id);
  if (!last) return { named };
  const into = last.action === 'merge' ? mergedInto(store, former.id) : undefined;
  const how = into ? `merged into ${labelled(store, into)}`
    : last.action === 'delete' ? 'deleted' : last.action === 'undo' ? `${former.kind === 'case' ? 'its' : 'their'} adding undone` : last.action;
  return { named, how: `${how} ${changeTimeAndZone(last.at)}${last.user !== null ? ` by ${last.user}` : ''}` };
}

/** A record by what the log last called it, with its short id: "Hemit Memet [p-a5qq2d4s]". */
const labelled = (store: SqliteStore, id: string): string => [recordLabels(store, [id]).get(id), `[${shortId(id)}]`].filter(Boolean).join(' ');

const described = (store: SqliteStore, former: Former): string => {
  const { named, how } = gone(store, former);
  return how ? `${named} (${how})` : named;
};

/**
 * The record to log for text that names no one tracked: the one no longer tracked it names, said on
 * stderr; several, refused with each and its id; none, `notFound` (what was said before).
 */
export function formerToLog(ctx: Context, store: SqliteStore, typed: string, notFound: unknown): Former {
  const former = formerOnes(store, typed);
  if (former.length === 0) throw notFound;
  if (former.length > 1) {
    const kinds = new Set(former.map((f) => f.kind));
    const what = kinds.size > 1 ? `the name or reference of ${former.length} records` : kinds.has('case') ? `the reference of ${former.length} cases` : `the name of ${former.length} people`;
    const untracked = former.every((f) => !f.renamed) ? ' no longer tracked' : '';
    throw new UserError(`"${typed}" was ${what}${untracked}: ${former.map((f) => described(store, f)).join('; ')}. Give the id of one`);
  }
  const [found] = former as [Former];
  const { named, how } = gone(store, found);
  const its = found.kind === 'case' ? 'its' : 'their';
  if (found.renamed) {
    say(ctx, `"${typed}" was the ${found.kind === 'case' ? 'reference' : 'name'} of ${named} before it was changed: ${its} changes`);
    return found;
  }
  say(ctx, `${named} is no longer tracked${how ? ` (${how})` : ''}: ${its} changes as the change log holds them`);
  return found;
}

/**
 * A tracked person or case found by a name or reference that was also one of someone no longer
 * tracked: their changes are not in this log, and the reader is told where they are.
 */
export function sayFormerToo(ctx: Context, store: SqliteStore, typed: string, found: Former): void {
  if (looksLikeId(typed)) return;
  const others = formerOnes(store, typed, found.kind).filter((f) => f.id !== found.id);
  if (others.length === 0) return;
  const [what, one, many] = found.kind === 'case' ? ['reference', 'a case', 'cases'] : ['name', 'someone', 'people'];
  const shows = others.length === 1 ? `caselog log ${shortId(others[0]!.id)} shows ${found.kind === 'case' ? 'its' : 'their'} changes` : 'caselog log ID shows the changes of each';
  // Of someone still tracked who had it before a change, it was theirs.
  const untracked = others.every((f) => !f.renamed);
  say(ctx, `"${typed}" ${untracked ? 'is' : 'was'} also the ${what} of ${others.length === 1 ? one : `${others.length} ${many}`}${untracked ? ' no longer tracked' : ''}: `
    + `${others.map((f) => described(store, f)).join('; ')}; ${shows}`);
}

/** The records merged into a person (however long the chain), each with what the person is called now. */
export function mergedIntoPerson(store: SqliteStore, personId: string): Map<string, string> {
  const away = mergedAway(store.db, personId).ids;
  if (away.length === 0) return new Map();
  const label = labelled(store, personId);
  return new Map(away.map((id) => [id, label]));
}
