// A person as the store records them: their row, their names (each with its fold and lookup keys)
// and their cases. Names are refused here that no lookup could ever reach, whichever command gave them.
import { caseRefKey, type PersonRecord } from '../domain/model';
import { looksLikeId } from '../domain/ids';
import { foldName, nameKeys } from '../domain/names';
import { controlCharacter, disguisingCharacter, filledOrNull, singleSpaced } from '../domain/text';
import { UserError } from '../errors';
import { refreshPeople } from './derived';
import { dateParams } from './rows';
import type { SqliteStore } from './sqlite-store';
import type { NewPerson } from './store';

/** A new person, logged; inside the caller's transaction. */
export function insertPerson(store: SqliteStore, input: NewPerson): PersonRecord {
  if (input.refuseTakenName) {
    const taken = store.db.prepare(
      `SELECT p.name FROM person_names n JOIN people p ON p.id = n.person_id WHERE n.folded IN (SELECT value FROM json_each(?)) LIMIT 1`,
    ).get(JSON.stringify([input.name, ...input.aliases].map(foldName))) as { name: string } | undefined;
    if (taken) throw new UserError(`${taken.name} was added a moment ago by another caselog: run the command again to choose, or give --new`);
  }
  const id = store.newId('person');
  const at = store.now();
  store.db.prepare(
    `INSERT INTO people (id, name, age, age_on, age_on_approx, age_on_text, born, born_approx, born_text, gender, citizenship,
       ethnicity, recorded_status, recorded_status_on, created_at, updated_at)
     VALUES (@id, @name, @age, @age_on, @age_on_approx, @age_on_text, @born, @born_approx, @born_text, @gender, @citizenship,
       @ethnicity, @status, @status_on, @at, @at)`,
  ).run({ id, name: singleSpaced(input.name), age: input.age ?? null, ...dateParams('age_on', input.ageOn), ...dateParams('born', input.born),
    gender: filledOrNull(input.gender), citizenship: filledOrNull(input.citizenship), ethnicity: filledOrNull(input.ethnicity),
    status: input.status ?? null, status_on: input.status ? input.statusOn ?? null : null, at });
  insertName(store, id, input.name, true);
  for (const alias of input.aliases) insertName(store, id, alias, false);
  const risk = store.db.prepare('INSERT OR IGNORE INTO person_risks (person_id, risk) VALUES (?, ?)');
  for (const r of input.risks) risk.run(id, r);
  const member = store.db.prepare('INSERT OR IGNORE INTO case_people (case_id, person_id) VALUES (?, ?)');
  for (const caseId of input.caseIds) member.run(caseId, id);
  refreshPeople(store.db, [id]);
  const record = store.read.personById(id)!;
  store.logChange('add', 'people', id, null, store.snapshot('people', id));
  return record;
}

/**
 * Gives a person these names and cases where they lack them, inside the caller's transaction;
 * logged only when something changed. Returns the names added and the cases joined.
 */
export function joinNamesAndCases(store: SqliteStore, personId: string, names: string[], caseIds: string[]): { names: string[]; caseIds: string[] } {
  const before = store.snapshot('people', personId);
  if (!before) throw new UserError('that person is no longer recorded (deleted meanwhile?): nothing was changed');
  const added = names.filter((name) => insertName(store, personId, name, false)).map(singleSpaced);
  const member = store.db.prepare('INSERT OR IGNORE INTO case_people (case_id, person_id) VALUES (?, ?)');
  const joined = caseIds.filter((caseId) => member.run(caseId, personId).changes > 0);
  if (added.length + joined.length > 0) {
    refreshPeople(store.db, [personId]);
    store.logChange('edit', 'people', personId, before, store.snapshot('people', personId));
  }
  return { names: added, caseIds: joined };
}

/** A person put in a case, logged when they were not in it already; inside the caller's transaction. */
export function joinCase(store: SqliteStore, caseId: string, personId: string): void {
  const before = store.snapshot('people', personId);
  const added = store.db.prepare('INSERT OR IGNORE INTO case_people (case_id, person_id) VALUES (?, ?)').run(caseId, personId);
  if (added.changes > 0) {
    refreshPeople(store.db, [personId]);
    store.logChange('edit', 'people', personId, before, store.snapshot('people', personId));
  }
}

/**
 * Stores one name with its fold and match keys; returns false when the person already has it. A
 * name given anew is refused when no lookup could reach it; names moved by a merge or read from a
 * document (`given: false`) are kept as they are.
 */
export function insertName(store: SqliteStore, personId: string, name: string, primary: boolean, note?: string, given = true): boolean {
  // A name given here is stored in one form for the same letters (composed "ë", not e and a mark),
  // its words one space apart (a name pasted from a PDF has runs of them).
  const clean = given ? singleSpaced(name) : name.trim();
  const control = controlCharacter(clean, true);
  if (control) throw new UserError(`a name is one line of text, without tabs or control characters (${control} in ${JSON.stringify(clean)})`);
  if (given) {
    const disguise = disguisingCharacter(clean);
    // The name is not echoed: printed, the character would turn the message around too.
    if (disguise) throw new UserError(`the name holds an invisible direction or format character (${disguise}) that makes a name show as another: type it without`);
    // A semicolon separates names in a CSV list: a sheet read back would split it into two people's names.
    if (clean.includes(';')) throw new UserError(`${JSON.stringify(clean)} holds a semicolon, which separates names in CSV sheets: give each name on its own (--alias NAME for another)`);
    refuseUnreachable(store, clean);
  }
  const taken = store.db.prepare('SELECT 1 FROM person_names WHERE person_id = ? AND name = ?').get(personId, clean);
  if (taken) return false;
  const nameId = store.newId('name');
  store.db.prepare('INSERT INTO person_names (id, person_id, name, folded, is_primary, note) VALUES (?,?,?,?,?,?)')
    .run(nameId, personId, clean, foldName(clean), primary ? 1 : 0, note ?? null);
  setNameKeys(store, nameId, clean);
  return true;
}

/** A stored name's lookup keys, made (again) from the name as it now reads. */
export function setNameKeys(store: SqliteStore, nameId: string, name: string): void {
  store.db.prepare('DELETE FROM name_keys WHERE name_id = ?').run(nameId);
  const key = store.db.prepare('INSERT OR IGNORE INTO name_keys (key, name_id) VALUES (?, ?)');
  for (const k of nameKeys(name)) key.run(k, nameId);
}

/** A name WHO could never reach: lookups take it as an id, or as a case's reference, first. */
function refuseUnreachable(store: SqliteStore, name: string): void {
  if (!/[\p{L}\p{N}]/u.test(name)) throw new UserError(`${JSON.stringify(name)} has no letter: give a name`);
  if (looksLikeId(name)) throw new UserError(`"${name}" has the shape of an id: as a name it could never be looked up`);
  if (store.db.prepare('SELECT 1 FROM cases WHERE ref_key = ?').get(caseRefKey(name))) {
    throw new UserError(`"${name}" is the reference of a case: as a name it could never be looked up`);
  }
}
