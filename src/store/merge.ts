// Writes about who is who: another name for a person, and two records found to be one person
// merged into one. Each runs as one transaction and one change batch, and logs every record it
// changes before and after in export form, so the log shows it and undo can put it all back.
import type { PersonRecord } from '../domain/model';
import type { PartialDate, Risk } from '../domain/types';
import { UserError } from '../errors';
import type { Section } from '../exchange/format';
import { refreshPeople } from './derived';
import { eventsMadeSame } from './merge-same-events';
import { dateFrom, type Row } from './rows';
import { birthProblem, fromIso } from '../domain/dates';
import type { SqliteStore } from './sqlite-store';
import { asShown } from './plan-shown';

/** Adds one name (with an optional note) to a person; refuses a name they already have. */
export async function addAlias(store: SqliteStore, personId: string, name: string, note?: string): Promise<PersonRecord> {
  return store.write(() => {
    const before = store.snapshot('people', personId);
    if (!before) throw new UserError(`no person ${personId}`);
    if (!store.insertName(personId, name, false, note)) throw new UserError(`"${name.trim()}" is already a name of ${before.name as string}`);
    store.db.prepare('UPDATE people SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), personId);
    store.logChange('edit', 'people', personId, before, store.snapshot('people', personId));
    return store.read.personToday(personId)!;
  });
}

/** Takes one of a person's other names away (a wrong alias), in one logged change that undo reverses. */
export async function removeAlias(store: SqliteStore, personId: string, nameId: string): Promise<PersonRecord> {
  return store.write(() => {
    const before = store.snapshot('people', personId);
    if (!before) throw new UserError('that person is no longer recorded (deleted meanwhile?): nothing was changed');
    const gone = store.db.prepare('DELETE FROM person_names WHERE id = ? AND person_id = ? AND is_primary = 0').run(nameId, personId);
    if (gone.changes === 0) throw new UserError('that name is no longer one of theirs (changed meanwhile?): nothing was changed');
    store.db.prepare('UPDATE people SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), personId);
    store.logChange('edit', 'people', personId, before, store.snapshot('people', personId));
    return store.read.personToday(personId)!;
  });
}

/** A field of WHO's left out: its value, and the day it holds on (an age's, a status's) or the date (born). */
export interface DroppedField { field: string; value: string | number | null; date?: PartialDate }

export interface MergePlan {
  who: PersonRecord;
  into: PersonRecord;
  /** WHO's names that INTO does not have yet, primary first. */
  names: string[];
  /** Cases, risks and fields INTO gains. */
  cases: string[];
  risks: Risk[];
  filled: string[];
  /** Events and deadlines naming WHO: moved to INTO (those naming both keep one link). */
  events: string[];
  deadlines: string[];
  /** WHO's recorded status, taken only when nothing is known of INTO's (status unknown). */
  statusTaken?: string;
  /** WHO's values that INTO's own (or INTO's known status) win over: left out, and said so. */
  dropped: DroppedField[];
  /** Events that say the same once WHO is INTO: each group the one to keep first, then its copies. */
  sameEvents: string[][];
}

// Other fields: INTO's are kept, blanks filled from WHO, a date with its precision and text.
const FIELDS: Record<string, string[]> = {
  age: ['age', 'age_on', 'age_on_approx', 'age_on_text'],
  born: ['born', 'born_approx', 'born_text'],
  gender: ['gender'],
  citizenship: ['citizenship'],
  ethnicity: ['ethnicity'],
  status: ['recorded_status', 'recorded_status_on'],
};

const ids = (store: SqliteStore, sql: string, params: Record<string, string>): string[] =>
  (store.db.prepare(sql).all(params) as Row[]).map((r) => r.id as string);

function planNow(store: SqliteStore, whoId: string, intoId: string): MergePlan {
  if (whoId === intoId) throw new UserError('these are the same person: nothing to merge');
  const who = store.read.personById(whoId);
  const into = store.read.personById(intoId);
  if (!who || !into) throw new UserError(`no person ${who ? intoId : whoId}`);
  const rows = store.db.prepare('SELECT * FROM people WHERE id IN (?, ?)').all(whoId, intoId) as Row[];
  const [w, i] = [rows.find((r) => r.id === whoId)!, rows.find((r) => r.id === intoId)!];
  // A recorded status is a claim dated when it was typed: taken from WHO only when nothing is known
  // of INTO's status, as a later claim would otherwise overrule what INTO's events say (a duplicate
  // typed as "detained" made a disappeared man detained).
  const takes = (field: string, cols: string[]) => i[cols[0]!] == null && w[cols[0]!] != null && (field !== 'status' || into.status === 'unknown')
    && !ageAgainstBirth(field, w, i);
  const filled = Object.entries(FIELDS).filter(([field, cols]) => takes(field, cols)).map(([field]) => field);
  const dropped = Object.entries(FIELDS)
    .filter(([field, cols]) => w[cols[0]!] != null && !takes(field, cols) && cols.some((c) => w[c] !== i[c]))
    .map(([field]) => droppedField(field, w));
  const p = { who: whoId, into: intoId };
  return {
    who, into, filled,
    names: who.names.map((n) => n.name).filter((n) => !into.names.some((m) => m.name === n)),
    cases: who.cases.filter((c) => !into.cases.some((k) => k.id === c.id)).map((c) => c.ref),
    risks: who.risks.filter((r) => !into.risks.includes(r)),
    events: ids(store, 'SELECT event_id AS id FROM event_people WHERE person_id = @who ORDER BY event_id', p),
    deadlines: ids(store, 'SELECT deadline_id AS id FROM deadline_people WHERE person_id = @who ORDER BY deadline_id', p),
    statusTaken: filled.includes('status') ? (w.recorded_status as string) : undefined,
    dropped,
    sameEvents: eventsMadeSame(store.db, whoId, intoId),
  };
}

/**
 * An age and a birth date are one fact: WHO's age beside INTO's birth date (or WHO's birth date beside
 * INTO's age) that contradict it is left out, as add, edit and a sheet refuse the pair ("aged 19 in
 * 1998" beside "born c. 1958" made a card, and a people sheet, that contradicted itself).
 */
function ageAgainstBirth(field: string, w: Row, i: Row): boolean {
  const [aged, born] = field === 'age' ? [w, i] : field === 'born' ? [i, w] : [undefined, undefined];
  if (!aged || !born || aged.age == null || born.born == null) return false;
  const on = dateFrom(aged, 'age_on');
  const birth = dateFrom(born, 'born');
  return on !== undefined && birth !== undefined && birthProblem(birth, undefined, { age: aged.age as number, on }) !== undefined;
}

function droppedField(field: string, row: Row): DroppedField {
  if (field === 'age') return { field, value: row.age as number, date: dateFrom(row, 'age_on') };
  if (field === 'born') return { field, value: null, date: dateFrom(row, 'born') };
  const on = row.recorded_status_on as string | null;
  if (field === 'status') return { field, value: row.recorded_status as string, date: on ? fromIso(on, false, on) : undefined };
  return { field, value: row[FIELDS[field]![0]!] as string };
}

/** What the confirmation of a merge shows of its plan (src/commands/merge.ts): the two names and what moves. */
const mergeShown = (p: MergePlan) => [p.who.name, p.into.name, p.names, p.cases, p.risks, p.filled, p.events, p.deadlines, p.statusTaken ?? null, p.dropped];

/** What a merge of WHO into INTO would do, for the user to confirm. */
export async function planMerge(store: SqliteStore, whoId: string, intoId: string): Promise<MergePlan> {
  return planNow(store, whoId, intoId);
}

/**
 * Merges WHO into INTO in one transaction: all WHO's names become other names of INTO; case
 * memberships, risks, and the links of events and deadlines move; blank fields are filled; the WHO
 * record is deleted and INTO's derived status and news refreshed. Logged as one batch of 'merge'.
 */
export async function mergePeople(store: SqliteStore, whoId: string, intoId: string, shown?: MergePlan): Promise<MergePlan> {
  return store.write(() => {
    // The plan the user confirmed (`shown`), or nothing: a PlanChanged with the plan now.
    const plan = asShown(shown, planNow(store, whoId, intoId), mergeShown, 'nothing merged');
    const touched: Array<[Section, string]> = [
      ['people', intoId], ['people', whoId],
      ...plan.events.map((e) => ['events', e] as [Section, string]),
      ...plan.deadlines.map((d) => ['deadlines', d] as [Section, string]),
    ];
    const before = new Map(touched.map(([section, id]) => [id, store.snapshot(section, id)]));
    const p = { who: whoId, into: intoId, at: new Date().toISOString() };
    const run = (sql: string) => store.db.prepare(sql).run(p);

    // New name rows (fresh ids): an export of the merged record can then be imported into a
    // colleague's database that still holds WHO, without two people claiming one name id.
    for (const n of plan.who.names) store.insertName(intoId, n.name, false, n.note, false);
    run('INSERT OR IGNORE INTO case_people (case_id, person_id) SELECT case_id, @into FROM case_people WHERE person_id = @who');
    run('INSERT OR IGNORE INTO person_risks (person_id, risk) SELECT @into, risk FROM person_risks WHERE person_id = @who');
    run('UPDATE events SET updated_at = @at WHERE id IN (SELECT event_id FROM event_people WHERE person_id = @who)');
    run('UPDATE deadlines SET updated_at = @at WHERE id IN (SELECT deadline_id FROM deadline_people WHERE person_id = @who)');
    run('INSERT OR IGNORE INTO event_people (event_id, person_id) SELECT event_id, @into FROM event_people WHERE person_id = @who');
    run('INSERT OR IGNORE INTO deadline_people (deadline_id, person_id) SELECT deadline_id, @into FROM deadline_people WHERE person_id = @who');
    const cols = plan.filled.flatMap((field) => FIELDS[field]!);
    const set = cols.map((c) => `${c} = (SELECT ${c} FROM people WHERE id = @who)`).join(', ');
    run(`UPDATE people SET ${set ? `${set}, ` : ''}updated_at = @at WHERE id = @into`);
    // Its names, name keys, risks, memberships and remaining links go with it (ON DELETE CASCADE).
    run('DELETE FROM people WHERE id = @who');
    refreshPeople(store.db, [intoId]);

    for (const [section, id] of touched) store.logChange('merge', section, id, before.get(id), store.snapshot(section, id) ?? null);
    return { ...plan, into: store.read.personToday(intoId)! };
  });
}
