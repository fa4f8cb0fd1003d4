// Erasing a person for their safety: their rows, what is only about them, their traces in the change
// log and in any full-text index, then the file rewritten so that no free page or journal keeps a copy.
// Unlike delete, nothing is kept for undo: that is the point.
import { foldName } from '../domain/names';
import { peopleTouchedBy, refreshPeople } from './derived';
import { eraseLogSteps, type LogErased } from './erase-log';
import { mentionSteps, type Mention } from './erase-mentions';
import { eraseShown, loggedNames, planEraseSteps, planNameSteps, planStamp, type ErasePlan, type NamesPlan, type StampedPlan } from './erase-plan';
import { planChanged, sameShown } from './plan-shown';
import { clearFullText, replaceNames } from './erase-rewrite';
import { eraseThen, type EraseOptions, type Stopping } from './erase-run';
import type { MergedAway } from './erase-merged';
import { nameWords, planWordSteps, replaceWordSteps } from './erase-words';
import type { Row } from './rows';
import { allSteps } from './scan-steps';
import type { SqliteStore } from './sqlite-store';
import { removeRows } from './upkeep-delete';

export interface Erased {
  plan: ErasePlan; log: LogErased; fileCompacted: boolean;
  /** Duplicates merged into them earlier (src/store/erase-merged.ts), erased with them. */
  mergedRecords: number;
  /**
   * With --words: records whose words of their names were replaced, people and appeal targets that
   * hold one and were left, records still holding a word (as mentionsOf's `part`), log entries rewritten.
   */
  words?: WordsErased;
}
export interface WordsErased {
  replacedIn: Mention[]; kept: Mention[]; left: Mention[]; logRewritten: number;
  /** Change-log entries still holding a word in lower case (erase --word WORD --any-case takes it out). */
  logLeft: number;
}

/**
 * `planned`: the plan made before, carried out as it is when nothing was written since (looking for
 * their names takes a long while on a large database); made again when anything was. Confirmed by
 * the user and no longer what the erase would do: nothing is erased (PlanChanged, with the plan now).
 */
export async function erasePerson(store: SqliteStore, personId: string, opts: EraseOptions = {}, planned?: StampedPlan, stopping?: Stopping): Promise<Erased> {
  return eraseThen(store, personId, opts, function* (merged) {
    const stamp = planStamp(store);
    const plan = planned && planned.stamp === stamp ? planned.plan : yield* planEraseSteps(store, personId);
    if (planned?.confirmed && plan !== planned.plan && !sameShown(planned.plan, plan, eraseShown)) {
      throw planChanged<StampedPlan>('nothing erased', { plan, stamp, confirmed: true });
    }
    const nameIds = (store.db.prepare('SELECT id FROM person_names WHERE person_id = ?').all(personId) as Row[]).map((r) => r.id as string);
    const others = new Set(plan.sharedEvents.flatMap((e) => peopleTouchedBy(store.db, e)));
    others.delete(personId);
    removeRows(store, plan);
    replaceNames(store, plan, plan.names);
    const log = yield* eraseLogSteps(store, [personId, ...nameIds, ...merged.ids, ...merged.nameIds, ...plan.events, ...plan.deadlines],
      plan.names, plan.protect, plan.namesakes);
    const words = opts.words ? yield* eraseWordSteps(store, plan.names, plan, personId) : undefined;
    clearFullText(store);
    refreshPeople(store.db, others);
    return { plan, log, mergedRecords: merged.ids.length, ...(words ? { words } : {}) };
  }, stopping);
}

/** Their names' words replaced in the records that stay and their history but a namesake's; what still holds a word, listed. */
function* eraseWordSteps(store: SqliteStore, names: string[], plan: NamesPlan, personId: string): Generator<void, WordsErased> {
  const words = yield* planWordSteps(store, nameWords(names), personId, plan.namesakes.records);
  const log = yield* replaceWordSteps(store, words, plan.namesakes.records);
  // A declined form of a word (another ending) is not the word: still listed, to check.
  const left = (yield* mentionSteps(store, names, [...plan.protect, ...words.protect])).filter((m) => m.part !== undefined && !plan.namesakes.records.has(m.id));
  // And a word left in lower case (one of three letters too, which the names' own parts leave out).
  const listed = new Set(left.map((m) => m.id));
  return { replacedIn: words.mentions, kept: words.kept, left: [...left, ...words.unreplaced.filter((m) => !listed.has(m.id))], logRewritten: log.rewritten, logLeft: log.left };
}

/** A person no longer in the database (deleted, their adding undone) whom the change log still names. */
export interface FormerPerson { id: string; names: string[]; nameIds: string[] }

/**
 * People the change log holds who are no longer tracked, whose logged record has the name (folded as
 * names are compared: case and accents) or whose id starts with the text: deleting them, or undoing
 * their adding, kept their names in the log, and only an erase takes them out.
 */
export function formerPeople(store: SqliteStore, typed: string): FormerPerson[] {
  const wanted = foldName(typed);
  const id = typed.trim().toLowerCase();
  // Every name each of them was logged with (a rename leaves the old one in earlier entries).
  const logged = new Map<string, FormerPerson>();
  // Not someone merged into another (their record went by a merge): they live on in that person.
  const rows = store.db.prepare(
    `SELECT record_id, before, after FROM changes
      WHERE kind = 'people' AND record_id IS NOT NULL AND record_id NOT IN (SELECT id FROM people)
        AND record_id NOT IN (SELECT record_id FROM changes WHERE kind = 'people' AND action = 'merge' AND (after IS NULL OR after = 'null') AND record_id IS NOT NULL)
      ORDER BY seq`,
  ).all() as Row[];
  for (const r of rows) {
    const former = logged.get(r.record_id as string) ?? { id: r.record_id as string, names: [], nameIds: [] };
    logged.set(former.id, former);
    for (const n of [...loggedNames(r.before), ...loggedNames(r.after)]) {
      if (!former.names.includes(n.name)) former.names.push(n.name);
      if (n.id !== undefined && !former.nameIds.includes(n.id)) former.nameIds.push(n.id);
    }
  }
  return [...logged.values()].filter((f) => f.names.length > 0
    && (f.names.some((n) => foldName(n) === wanted) || (id.length >= 4 && f.id.startsWith(id))));
}

/**
 * Erases what is left of a person no longer tracked: their names in the records that stay and
 * every trace of them in the change log, as erasePerson does for someone tracked.
 */
export async function eraseFormerPerson(store: SqliteStore, former: FormerPerson, opts: EraseOptions = {}, stopping?: Stopping): Promise<Omit<Erased, 'plan'> & { named: NamesPlan }> {
  return eraseThen(store, former.id, opts, (merged) => scrubFormerSteps(store, former, merged, opts), stopping);
}

/**
 * The work of eraseFormerPerson, inside a transaction already begun: also for someone an undo takes
 * away again after an import brought them back (src/store/undo-erased.ts), whose erase stands.
 */
export function scrubFormer(store: SqliteStore, former: FormerPerson, merged: MergedAway, opts: EraseOptions): Omit<Erased, 'plan' | 'fileCompacted'> & { named: NamesPlan } {
  return allSteps(scrubFormerSteps(store, former, merged, opts));
}

function* scrubFormerSteps(store: SqliteStore, former: FormerPerson, merged: MergedAway, opts: EraseOptions): Generator<void, Omit<Erased, 'plan' | 'fileCompacted'> & { named: NamesPlan }> {
  // As for someone tracked (planNames): their name goes where it could be theirs, and stays in a
  // tracked namesake's own records and history.
  const named = yield* planNameSteps(store, former.names, former.id);
  replaceNames(store, named, former.names);
  const log = yield* eraseLogSteps(store, [former.id, ...former.nameIds, ...merged.ids, ...merged.nameIds], former.names, named.protect, named.namesakes);
  const words = opts.words ? yield* eraseWordSteps(store, former.names, named, former.id) : undefined;
  clearFullText(store);
  return { log, named, mergedRecords: merged.ids.length, ...(words ? { words } : {}) };
}
