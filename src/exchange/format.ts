// The caselog export format (version 1): one JSON document, one record a line, so that large
// files stream and a bad record can be named by its line. Documented in docs/export-format.md,
// with a JSON Schema in docs/export.schema.json.
import { fromIso, parseDay, precisionOf } from '../domain/dates';
import { daysInMonth } from '../domain/dates-calendar';
import { RESPONSES, VIAS } from '../domain/appeals';
import { EVENT_TYPES, RISKS, STATUSES, type PartialDate } from '../domain/types';
import { MAX_AGE, MAX_WARN_DAYS } from '../domain/model';
import { controlCharacter, disguisingCharacter, loneSurrogate } from '../domain/text';
import { KIND_LETTERS, kindOfId, RECORD_ID, type RecordKind } from '../domain/ids';
import { canonical } from './canonical';

export const FORMAT_NAME = 'caselog-export';
export const FORMAT_VERSION = 1;
// Each section refers only to sections before it, so a file imports in one pass.
export const SECTIONS = ['cases', 'sources', 'targets', 'people', 'events', 'deadlines', 'plans', 'appeals'] as const;
export type Section = (typeof SECTIONS)[number];

export interface DateField { date: string; precision: 'day' | 'month' | 'year'; approximate: boolean; dateText: string }

export class RecordError extends Error {}

type Obj = Record<string, unknown>;

/** The kind of record each section's ids are, and what it is called in a message. */
const ID_KIND: Record<Section, [RecordKind, string]> = {
  cases: ['case', 'a case'], sources: ['source', 'a source'], people: ['person', 'a person'], events: ['event', 'an event'],
  deadlines: ['deadline', 'a deadline'], targets: ['target', 'an appeal target'], plans: ['plan', 'an appeal plan'], appeals: ['event', 'an event'],
};
/** An id from a file, in a message: as it is when it is one, else quoted, its control characters escaped. */
export const shownId = (id: unknown): string => (typeof id === 'string' && RECORD_ID.test(id) ? id : JSON.stringify(id));

/** "line 5 (p-...)"; a sheet's "row 4 (line 7)" takes the id into its parenthesis: "row 4 (line 7, p-...)". */
export const placeWithId = (where: string, id: string): string => (where.endsWith(')') ? `${where.slice(0, -1)}, ${id})` : `${where} (${id})`);

/** An id of this kind, as caselog writes it (16 characters) or an import may bring (4 to 32). */
const isIdOf = (kind: RecordKind, id: unknown): boolean => typeof id === 'string' && RECORD_ID.test(id) && kindOfId(id) === kind;

const FIELDS = new Map<Section, ReadonlySet<string>>();

/** The fields a record of the section has, as canonical() writes them. */
function fieldsOf(section: Section): ReadonlySet<string> {
  let fields = FIELDS.get(section);
  if (!fields) FIELDS.set(section, (fields = new Set(Object.keys(canonical(section, {})))));
  return fields;
}

/** The first key of an object that is not one of these, if any. */
const strayKey = (o: object, known: readonly string[]) => Object.keys(o).find((key) => !known.includes(key));

/** Why caselog never writes this name, or undefined when it is a name: a sheet's row checks its names so, before its record is made. */
export function nameProblem(name: string): string | undefined {
  const control = controlCharacter(name, true);
  if (control) return `the name ${JSON.stringify(name)} holds a line break, tab or control character (${control})`;
  const disguise = disguisingCharacter(name);
  if (disguise) return `a name holds an invisible direction or format character (${disguise}), which caselog never writes`;
  if (name.includes(';')) return `the name ${JSON.stringify(name)} holds a semicolon, which separates names in CSV sheets and which caselog refuses in a name`;
  // "?????? ??????": a sheet saved in an encoding that could not write the name's letters.
  if (!/[\p{L}\p{N}]/u.test(name)) {
    return `the name ${JSON.stringify(name)} has no letter, which caselog never writes${/\?/.test(name) ? ' (its letters were lost as "?" when the file was saved in an encoding that cannot write them: save it as CSV UTF-8)' : ''}`;
  }
  return undefined;
}

/** The first text in the value, at any depth, holding half a character alone (loneSurrogate): its field ("date.dateText") and the code. */
function halfCharacter(value: unknown, field = ''): { field: string; code: string } | undefined {
  if (typeof value === 'string') {
    const code = loneSurrogate(value);
    return code ? { field, code } : undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  // A list's items are named by the list, as its other checks name them.
  for (const [key, inner] of Object.entries(value)) {
    const found = halfCharacter(inner, Array.isArray(value) ? field : field ? `${field}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/** Checks a record's shape and values; throws RecordError naming the field. */
export function validateRecord(section: Section, record: unknown): Obj {
  if (!record || typeof record !== 'object' || Array.isArray(record)) throw new RecordError('not an object');
  const r = record as Obj;
  const [kind, called] = ID_KIND[section];
  if (!isIdOf(kind, r.id)) throw new RecordError(`"id" is missing or not the id of ${called} (${KIND_LETTERS[kind]}-...)`);
  // A field caselog never writes (a misspelt "gendr") would be dropped without a word: refused.
  const unknown = Object.keys(r).find((key) => !fieldsOf(section).has(key));
  if (unknown !== undefined) throw new RecordError(`unknown field "${unknown}" (${section} have ${[...fieldsOf(section)].join(', ')})`);
  const broken = halfCharacter(r);
  if (broken) throw new RecordError(`"${broken.field}" holds half a character (${broken.code}, a lone surrogate), which caselog never writes`);
  const plainText = (what: string, v: string, oneLine = false) => {
    const control = controlCharacter(v, oneLine);
    if (control) throw new RecordError(`${what} holds a control character (${control}), which caselog never writes`);
  };
  const text = (field: string, required = false) => {
    const v = r[field];
    if (v == null) {
      if (required) throw new RecordError(`"${field}" is required`);
      return;
    }
    if (typeof v !== 'string' || (required && !v.trim())) throw new RecordError(`"${field}" must be text`);
    plainText(`"${field}"`, v);
  };
  const list = (field: string, of?: readonly string[], once = false) => {
    const v = r[field];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || (of && !of.includes(x)))) {
      throw new RecordError(`"${field}" must be a list${of ? ` of ${of.join(', ')}` : ' of text'}`);
    }
    for (const x of v as string[]) plainText(`"${field}"`, x, true);
    // Ids and risks are sets: caselog never writes one twice.
    const twice = once ? (v as string[]).find((x, i) => v.indexOf(x) !== i) : undefined;
    if (twice !== undefined) throw new RecordError(`"${field}" holds ${JSON.stringify(twice)} twice, which caselog never writes`);
  };
  const oneOf = (field: string, values: readonly string[], required = false) => {
    const v = r[field];
    if (v == null && !required) return;
    if (typeof v !== 'string' || !values.includes(v)) throw new RecordError(`"${field}" must be one of ${values.join(', ')}`);
  };
  const date = (field: string, required = false) => {
    const v = r[field];
    if (v == null) {
      if (required) throw new RecordError(`"${field}" is required`);
      return;
    }
    readDateField(v, field);
  };
  // A day caselog itself records (done on, status on): ISO, as caselog writes it.
  const day = (field: string) => {
    const v = r[field];
    if (v == null) return;
    if (typeof v !== 'string') throw new RecordError(`"${field}" must be a day such as 1999-02-11`);
    try {
      parseDay(v);
    } catch (error) {
      throw new RecordError(`"${field}": ${(error as Error).message}`);
    }
  };
  text('recorded');
  // When the record was made, as caselog writes it (an ISO time in UTC).
  if (typeof r.recorded === 'string' && !isUtcTime(r.recorded)) {
    throw new RecordError(`"recorded" must be a time such as 2019-12-12T09:30:00.000Z, which caselog writes`);
  }
  switch (section) {
    case 'cases':
      text('ref', true); text('title', true); list('countries'); text('summary'); date('opened'); date('closed'); text('closeReason');
      {
        const odd = controlCharacter(r.ref as string, true) ?? disguisingCharacter(r.ref as string);
        if (odd) throw new RecordError(`"ref" holds a line break, tab or invisible character (${odd}), which caselog never writes`);
      }
      break;
    case 'sources':
      text('title', true); text('publisher'); text('ref'); date('date'); text('url'); text('reliability'); text('hash'); text('text');
      break;
    case 'people':
      text('name', true); date('ageOn'); date('born'); text('gender'); text('citizenship'); text('ethnicity');
      oneOf('status', STATUSES); day('statusOn'); list('risks', RISKS, true); list('cases', undefined, true);
      if (r.age != null && (!Number.isInteger(r.age) || (r.age as number) < 0 || (r.age as number) > MAX_AGE)) {
        throw new RecordError(`"age" must be a whole number up to ${MAX_AGE}`);
      }
      if (!Array.isArray(r.names) || r.names.some((n) => !n || typeof (n as Obj).name !== 'string' || !/\S/.test((n as Obj).name as string)
        || !isIdOf('name', (n as Obj).id)
        || ((n as Obj).note != null && typeof (n as Obj).note !== 'string'))) {
        throw new RecordError('"names" must be a list of {id, name, note}: an id n-..., a name that is not blank, a note that is text or null');
      }
      {
        const given = (r.names as Obj[]).map((n) => (n.name as string).trim());
        const twice = given.find((n, i) => given.indexOf(n) !== i);
        if (twice !== undefined) throw new RecordError(`"names" holds ${JSON.stringify(twice)} twice, which caselog never writes`);
      }
      for (const n of r.names as Obj[]) {
        const stray = strayKey(n, ['id', 'name', 'note']);
        if (stray !== undefined) throw new RecordError(`unknown field "${stray}" in a name (a name has id, name, note)`);
        const problem = nameProblem(n.name as string);
        if (problem) throw new RecordError(problem);
        if (typeof n.note === 'string') plainText('a name\'s "note"', n.note);
      }
      break;
    case 'events':
      oneOf('type', EVENT_TYPES, true); oneOf('status', STATUSES); text('summary', true); text('place'); text('actor');
      text('case'); date('date', true); list('people', undefined, true); list('sources', undefined, true);
      // A status only on a status event, and always there (it is what the event records).
      if (r.type === 'status' && r.status == null) throw new RecordError('a "status" event needs its "status"');
      if (r.type !== 'status' && r.status != null) throw new RecordError(`"status" goes only with "type": "status" (a ${String(r.type)} sets its own)`);
      // As edit refuses it: such an event would show in no timeline.
      if (r.case == null && (r.people as unknown[]).length === 0) throw new RecordError('an event must be about someone ("people") or a case ("case")');
      break;
    case 'deadlines':
      text('case'); date('date', true); text('note', true); day('doneOn'); list('people', undefined, true);
      if (r.warn != null && (!Number.isInteger(r.warn) || (r.warn as number) < 0 || (r.warn as number) > MAX_WARN_DAYS)) {
        throw new RecordError(`"warn" must be a whole number of days up to ${MAX_WARN_DAYS}`);
      }
      break;
    case 'targets':
      text('name', true); text('title', true); list('address'); text('fax'); text('email'); text('salutation'); text('language'); text('country');
      if ((r.address as string[]).length === 0 && [r.fax, r.email].every((v) => typeof v !== 'string' || !v.trim())) throw new RecordError('needs a way to reach the target: "address" lines, "fax" or "email"');
      break;
    case 'plans': {
      text('case', true); list('targets'); text('copiesTo');
      const actions = r.actions;
      if (!Array.isArray(actions) || actions.some((a) => !a || typeof (a as Obj).text !== 'string' || !Array.isArray((a as Obj).targets)
        || ((a as Obj).targets as unknown[]).some((t) => !(r.targets as string[]).includes(t as string)))) {
        throw new RecordError('"actions" must be a list of {text, targets}, each target one of the plan\'s "targets"');
      }
      // A plan holds each target, each action and each action's target once.
      const twice = (list: unknown[]) => new Set(list).size !== list.length;
      if (twice(r.targets as unknown[])) throw new RecordError('"targets" names a target twice');
      if (twice(actions.map((a) => (a as Obj).text))) throw new RecordError('"actions" has the same text twice');
      for (const a of actions) plainText('an action\'s "text"', (a as Obj).text as string);
      const stray = actions.map((a) => strayKey(a as Obj, ['text', 'targets'])).find((k) => k !== undefined);
      if (stray !== undefined) throw new RecordError(`unknown field "${stray}" in an action (an action has text, targets)`);
      if (actions.some((a) => twice((a as Obj).targets as unknown[]))) throw new RecordError('an action names a target twice');
      break;
    }
    case 'appeals':
      text('target', true); oneOf('kind', ['sent', 'response'], true); oneOf('via', VIAS); oneOf('response', RESPONSES);
      if ((r.kind === 'response') !== (r.response != null)) throw new RecordError('"response" is required for kind "response", and only then');
      break;
  }
  return r;
}

export function readDateField(value: unknown, field: string): PartialDate {
  const v = value as Obj;
  if (!v || typeof v !== 'object' || typeof v.date !== 'string') throw new RecordError(`"${field}" must be {date, precision, approximate, dateText}`);
  // What caselog writes, or left out: "approximate": "yes" is not false, and a day is no month.
  const stray = strayKey(v, ['date', 'precision', 'approximate', 'dateText']);
  if (stray !== undefined) throw new RecordError(`unknown field "${stray}" in "${field}" (a date has date, precision, approximate, dateText)`);
  if (v.approximate !== undefined && typeof v.approximate !== 'boolean') throw new RecordError(`"${field}.approximate" must be true or false`);
  if (v.dateText !== undefined && v.dateText !== null && typeof v.dateText !== 'string') throw new RecordError(`"${field}.dateText" must be text`);
  // Printed as given ("date as given: ...") in timelines and exports, as every other text is.
  const control = typeof v.dateText === 'string' ? controlCharacter(v.dateText) : undefined;
  if (control) throw new RecordError(`"${field}.dateText" holds a control character (${control}), which caselog never writes`);
  let date: PartialDate;
  try {
    date = fromIso(v.date, v.approximate === true, typeof v.dateText === 'string' ? v.dateText : v.date);
  } catch (error) {
    throw new RecordError(`"${field}": ${(error as Error).message}`);
  }
  if (v.precision !== undefined && v.precision !== precisionOf(date)) {
    throw new RecordError(`"${field}": ${JSON.stringify(v.date)} is a date to the ${precisionOf(date)}, not "precision": ${JSON.stringify(v.precision)}`);
  }
  return date;
}

/**
 * An ISO time in UTC as caselog writes it, on a day and at a time that exist. Read by hand, not
 * through Date: an import checks a million of them (Date cost a twentieth of the import).
 */
function isUtcTime(text: string): boolean {
  if (!UTC_TIME.test(text)) return false;
  // Days 29 to 31 exist only in some months.
  const day = Number(text.slice(8, 10));
  return day <= 28 || day <= daysInMonth(Number(text.slice(0, 4)), Number(text.slice(5, 7)));
}

const UTC_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?Z$/;
