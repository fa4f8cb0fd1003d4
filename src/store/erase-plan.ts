// An erase's planning, before anything changes: what goes with the person (as a delete would take
// it), and where their names are replaced or left, as a namesake's or inside someone else's name.
import { nameNeedles, spellingsHolding } from '../domain/name-mentions';
import { foldName } from '../domain/names';
import { mentionSteps, nameMayHoldSql, type Mention } from './erase-mentions';
import { mergedAway } from './erase-merged';
import type { Row } from './rows';
import { allSteps, inSteps } from './scan-steps';
import type { SqliteStore } from './sqlite-store';
import { parseLogged } from './trust-audit';
import { planDelete, type DeletePlan } from './upkeep-delete';

export interface ErasePlan extends DeletePlan, NamesPlan {
  names: string[];
  /**
   * A name they once had (an alias taken away) that other tracked people (`people`) have now: theirs,
   * left where it stands, in the records that stay and hold it (`kept`), listed to check.
   */
  formerNamesNowOthers: { people: string[]; kept: Mention[] };
}

/** Where an erase replaces a person's names, and where it leaves them (another person's). */
export interface NamesPlan {
  /** Records that stay and name them (replaced), or hold a word of a name (`part`: listed to check). */
  mentions: Mention[];
  /** Other people's names that hold one of theirs ("Ali Hassan" for "Ali"): left alone where they stand. */
  protect: string[];
  /**
   * Tracked people with one of their names exactly, and the records linked to those people and not
   * to them (their events, deadlines, cases, their own record): there the name is the namesake's,
   * and stays (`protect` with the shared names), in the records and in their history alike.
   */
  namesakes: { people: string[]; records: Set<string>; protect: string[] };
  /** Records of a namesake's that hold the name, left as they are: listed to check. */
  keptForNamesakes: Mention[];
  /** People and appeal targets whose longer name holds theirs ("Murat Bekov"), left as they are: listed to check. */
  keptInOtherNames: Mention[];
}

/**
 * What the database was when a plan was made: a commit by any other connection (another caselog)
 * moves SQLite's data_version, a change by this one moves total_changes(). Equal stamps mean the
 * same rows, so the plan shown for the confirmation can be the one the erase carries out.
 */
export function planStamp(store: SqliteStore): string {
  const version = store.db.pragma('data_version', { simple: true }) as number;
  const own = (store.db.prepare('SELECT total_changes() AS n').get() as Row).n as number;
  return `${version}:${own}`;
}

/**
 * A plan with the stamp of the database it was made from; `confirmed`: shown to the user and agreed
 * to, so carried out only as it is (src/store/plan-shown.ts).
 */
export interface StampedPlan { plan: ErasePlan; stamp: string; confirmed?: boolean }

/** What an erase's warning shows of its plan (src/commands/erase.ts): what goes, and where names are replaced or stay. */
export const eraseShown = (p: ErasePlan) => [p.names, p.events, p.deadlines, p.sharedEvents, p.mentions, p.keptForNamesakes, p.keptInOtherNames, p.namesakes.people,
  p.formerNamesNowOthers.people, p.formerNamesNowOthers.kept];

/** The names, with their ids, that a logged person record (a change-log before- or after-value) holds. */
export function loggedNames(json: unknown): Array<{ id?: string; name: string }> {
  const snapshot = parseLogged(json);
  const names = Array.isArray(snapshot?.names) ? (snapshot.names as Array<{ id?: unknown; name?: unknown }>) : [];
  return names.flatMap((n) => (typeof n?.name === 'string' ? [{ name: n.name, ...(typeof n.id === 'string' ? { id: n.id } : {}) }] : []));
}

/**
 * A person's names now, and those the change log holds for them (or for a duplicate merged into
 * them) that they no longer have (an alias taken away, a name before a correction): the records that
 * stay may name them by one, and an erase that left it left them named. Not a former name another
 * tracked person has now (`nowOthers`): an alias taken away because it was someone else's is theirs.
 */
export function namesOf(store: SqliteStore, personId: string): { names: string[]; nowOthers: string[] } {
  const names = (store.db.prepare('SELECT name FROM person_names WHERE person_id = ? ORDER BY is_primary DESC, rowid').all(personId) as Row[])
    .map((r) => r.name as string);
  const nowOthers: string[] = [];
  // Theirs, and those of the duplicates merged into them (whose names they took, or had taken away before).
  const records = [personId, ...mergedAway(store.db, personId).ids];
  const logged = store.db.prepare(`SELECT before, after FROM changes WHERE kind = 'people' AND record_id IN (SELECT value FROM json_each(?)) ORDER BY seq`)
    .all(JSON.stringify(records)) as Row[];
  const someoneElses = store.db.prepare('SELECT 1 FROM person_names WHERE folded = ? AND person_id <> ?');
  for (const r of logged) {
    for (const { name } of [...loggedNames(r.before), ...loggedNames(r.after)]) {
      if (names.includes(name) || nowOthers.includes(name)) continue;
      (someoneElses.get(foldName(name), personId) === undefined ? names : nowOthers).push(name);
    }
  }
  return { names, nowOthers };
}

/** What erasing the person would do, in steps (scan-steps.ts): a long while on a large database, which Ctrl-C can stop. */
export function* planEraseSteps(store: SqliteStore, personId: string): Generator<void, ErasePlan> {
  const plan = planDelete(store, 'person', personId);
  const { names, nowOthers } = namesOf(store, personId);
  const gone = new Set([personId, ...plan.events, ...plan.deadlines]);
  const named = yield* planNameSteps(store, names, personId);
  const formerNamesNowOthers = nowOthers.length > 0 ? yield* nowOthersSteps(store, nowOthers, personId, gone) : { people: [], kept: [] };
  return { ...plan, ...named, names, mentions: named.mentions.filter((m) => !gone.has(m.id)), formerNamesNowOthers };
}

/** The people who have a former name of theirs now, and the records that stay and hold it as written (not those people's own). */
function* nowOthersSteps(store: SqliteStore, nowOthers: string[], personId: string, gone: Set<string>): Generator<void, ErasePlan['formerNamesNowOthers']> {
  const people = (store.db.prepare('SELECT DISTINCT person_id FROM person_names WHERE folded IN (SELECT value FROM json_each(?)) AND person_id <> ? ORDER BY person_id')
    .all(JSON.stringify(nowOthers.map(foldName)), personId) as Row[]).map((r) => r.person_id as string);
  const holders = new Set(people);
  const kept = (yield* mentionSteps(store, nowOthers, [])).filter((m) => m.part === undefined && !gone.has(m.id) && !(m.kind === 'person' && holders.has(m.id)));
  return { people, kept };
}

/**
 * Where the names of a person being erased (`personId`, or someone no longer tracked) are replaced.
 * One rule for both: where a text could be theirs, their safety decides and the name goes, even
 * where a namesake's name is the same; in a namesake's own records (linked to the namesake and not
 * to them) it is the namesake's, and stays.
 */
export function planNames(store: SqliteStore, names: string[], personId: string): NamesPlan {
  return allSteps(planNameSteps(store, names, personId));
}

export function* planNameSteps(store: SqliteStore, names: string[], personId: string): Generator<void, NamesPlan> {
  const needles = nameNeedles(names);
  // Only names that may hold one of theirs matter below (a longer name holding it, or the same name).
  const holds = nameMayHoldSql(store, needles);
  const others = store.db.prepare(`SELECT person_id, name FROM person_names WHERE person_id <> ? AND ${holds('name')}`).all(personId) as Row[];
  // Appeal targets are people too (officials): "Murat Bekov" the prosecutor is not an erased "Murat".
  const targets = store.db.prepare(`SELECT id, name FROM targets WHERE ${holds('name')}`).all() as Row[];
  const named = [...others, ...targets].map((r) => r.name as string);
  // Folding thousands of names takes seconds on a large database: in steps, each once, keeping only
  // its spellings that hold one of theirs and whether it is one of theirs.
  const judged = yield* inSteps(named, (name) => {
    const spellings = nameNeedles([name]);
    return { holding: spellingsHolding(needles, spellings), same: spellings.some((n) => needles.includes(n)) };
  });
  const protect = judged.flatMap((j) => j.holding);
  // Those longer names stay as they are: listed, for the caseworker to check.
  const holding = (at: number) => judged[at]!.holding.length > 0;
  const keptInOtherNames: Mention[] = [
    ...[...new Set(others.filter((_, i) => holding(i)).map((o) => o.person_id as string))].map((id) => ({ kind: 'person' as const, id })),
    ...targets.filter((_, i) => holding(others.length + i)).map((t) => ({ kind: 'appeal target' as const, id: t.id as string })),
  ];
  const same = others.filter((_, i) => judged[i]!.same);
  const people = [...new Set(same.map((o) => o.person_id as string))];
  const records = new Set<string>(people);
  if (people.length > 0) {
    const linked = (table: string, key: string) => store.db.prepare(
      `SELECT ${key} AS id FROM ${table} WHERE person_id IN (SELECT value FROM json_each(@people))
        EXCEPT SELECT ${key} FROM ${table} WHERE person_id = @person`,
    ).all({ people: JSON.stringify(people), person: personId }) as Row[];
    for (const [table, key] of [['event_people', 'event_id'], ['deadline_people', 'deadline_id'], ['case_people', 'case_id']] as const) {
      for (const r of linked(table, key)) records.add(r.id as string);
    }
    // And what is on their cases without naming anyone (a whole-case event, a deadline for the case).
    const onCases = store.db.prepare(
      `SELECT e.id FROM events e WHERE e.case_id IN (SELECT value FROM json_each(@cases))
          AND NOT EXISTS (SELECT 1 FROM event_people ep WHERE ep.event_id = e.id)
        UNION SELECT d.id FROM deadlines d WHERE d.case_id IN (SELECT value FROM json_each(@cases))
          AND NOT EXISTS (SELECT 1 FROM deadline_people dp WHERE dp.deadline_id = d.id)
        UNION SELECT p.id FROM plans p WHERE p.case_id IN (SELECT value FROM json_each(@cases))`,
    ).all({ cases: JSON.stringify(linked('case_people', 'case_id').map((r) => r.id)) }) as Row[];
    for (const r of onCases) records.add(r.id as string);
  }
  const namesakes = { people, records, protect: [...protect, ...nameNeedles(same.map((o) => o.name as string))] };
  const everywhere = yield* mentionSteps(store, names, protect);
  if (people.length === 0) return { mentions: everywhere, protect, namesakes, keptForNamesakes: [], keptInOtherNames };
  // In a namesake's records, what is left to replace once their shared name stands.
  const theirs = yield* mentionSteps(store, names, namesakes.protect, records);
  const mentions = [...everywhere.filter((m) => !records.has(m.id)), ...theirs];
  const kept = everywhere.filter((m) => records.has(m.id) && m.part === undefined && !theirs.some((t) => t.id === m.id && t.part === undefined));
  return { mentions, protect, namesakes, keptForNamesakes: kept, keptInOtherNames };
}
