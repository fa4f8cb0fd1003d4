// What a colleague's record of a person merged away here adds over that person as they were when
// merged (the merge's change-log entry keeps them), given to the person kept the way `merge`
// combines two people: names become other names, risks and cases are unioned, empty fields filled.
// A field the kept person has otherwise is not overwritten: it is named, with the command to take it.
// Without this the file's record was dropped whole, and a risk added there was lost while the
// timeline showed the event that added it.
import { bornAsGiven } from '../domain/dates';
import { shortId } from '../domain/ids';
import { shellWord } from '../domain/shell-path';
import { canonical } from '../exchange/canonical';
import type { DB } from './open';
import type { Row } from './rows';

type Obj = Record<string, unknown>;

/** A person's fields in export form, each with those that go with it (an age with its day). */
const FIELDS: Record<string, string[]> = {
  age: ['age', 'ageOn'], born: ['born'], gender: ['gender'], citizenship: ['citizenship'], ethnicity: ['ethnicity'], status: ['status', 'statusOn'],
};

/** What the file's record gives the kept person, and what of it they do not take, each with its command. */
export interface MergedFacts { record?: Obj; taken: string[]; left: string[] }

/** The merged-away person as they were just before the latest merge took them away. */
export function beforeMerge(db: DB, awayId: string): Obj | undefined {
  const row = db.prepare(`SELECT before FROM changes WHERE record_id = ? AND action = 'merge' AND kind = 'people'
    AND (after IS NULL OR after = 'null') ORDER BY seq DESC LIMIT 1`).get(awayId) as Row | undefined;
  return typeof row?.before === 'string' ? (JSON.parse(row.before) as Obj) : undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** A value as typed: a date as its text (export form: date, dateText). */
const shown = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as Obj).dateText ?? (v as Obj).date) : String(v));
const arg = (v: unknown) => shellWord(shown(v));

/** The command that takes the file's value of a field the kept person has otherwise. */
function command(field: string, file: Obj, keptId: string): string {
  const id = shortId(keptId);
  if (field === 'age') return `caselog edit ${id} --age ${arg(file.age)}${file.ageOn ? ` --age-on ${arg(file.ageOn)}` : ''}`;
  if (field === 'status') return `caselog status ${id} ${arg(file.status)}${file.statusOn ? ` --date ${arg(file.statusOn)}` : ''}`;
  return `caselog edit ${id} --${field} ${arg(file[field])}`;
}

/**
 * The kept person's record with what `file` adds over `then` (the merged-away person when merged),
 * or no record when it adds nothing. caseHere: the case here a case id of the file is (none: not here).
 */
export function mergedFacts(file: Obj, then: Obj | undefined, kept: Obj, newNameId: () => string, caseHere: (id: string) => string | undefined): MergedFacts {
  const was = then ?? { names: [], risks: [], cases: [] };
  const list = (r: Obj, key: string) => (r[key] as unknown[] | undefined) ?? [];
  const names = (r: Obj) => list(r, 'names').map((n) => (n as Obj).name as string);
  const taken: string[] = [];
  const left: string[] = [];
  const record: Obj = { ...kept, names: [...list(kept, 'names')], risks: [...list(kept, 'risks')], cases: [...list(kept, 'cases')] };
  for (const n of list(file, 'names') as Obj[]) {
    if (names(was).includes(n.name as string) || names(record).includes(n.name as string)) continue;
    (record.names as Obj[]).push({ id: newNameId(), name: n.name, note: n.note ?? null });
    taken.push(`other name "${n.name as string}"`);
  }
  for (const risk of list(file, 'risks') as string[]) {
    if (list(was, 'risks').includes(risk) || (record.risks as string[]).includes(risk)) continue;
    (record.risks as string[]).push(risk);
    taken.push(`risk ${risk}`);
  }
  for (const c of list(file, 'cases') as string[]) {
    if (list(was, 'cases').includes(c)) continue;
    const here = caseHere(c);
    if (here === undefined) left.push(`case ${shortId(c)}, not here`);
    else if (!(record.cases as string[]).includes(here)) {
      (record.cases as string[]).push(here);
      taken.push(`case ${shortId(here)}`);
    }
  }
  for (const [field, keys] of Object.entries(FIELDS)) {
    const [main] = keys as [string];
    // What the file says that the person merged here did not: a field cleared there is not a fact to add.
    if (file[main] == null || keys.every((k) => same(file[k], was[k]))) continue;
    if (keys.every((k) => same(file[k], kept[k]))) continue;
    // A birth year worked out from the age goes with it (edit --age sets it): not a fact of its own.
    if (field === 'born' && !bornAsGiven({ text: shown(file.born) }) && !same(file.age, was.age)) {
      if (kept.born == null && record.age === file.age) record.born = file.born;
      continue;
    }
    // A recorded status is a dated claim that would overrule what the kept person's events say: never filled.
    if (kept[main] == null && field !== 'status') {
      for (const k of keys) record[k] = file[k] ?? null;
      taken.push(`${field} ${shown(file[main])}`);
    } else left.push(`${field} ${shown(file[main])} (${command(field, file, kept.id as string)})`);
  }
  return { record: taken.length > 0 ? canonical('people', record) : undefined, taken, left };
}
