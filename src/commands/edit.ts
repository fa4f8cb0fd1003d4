// caselog edit ID|WHO [flags]: change any field of an event, deadline, person or case with the flags
// `add` uses; bare on a terminal, prompts with the current values filled in.
import { namesakeLabels } from '../render/namesakes';
import { statusFromEvent } from '../domain/status';
import { noteLaterAccount } from './note-later-account';
import type { Context } from '../context';
import { printJson, say } from '../context';
import { bornAsGiven, bornFromAge, dayIso, formatDate, onDate, opensAfterClosing, parseDate, readDeadlineDate } from '../domain/dates';
import { MAX_AGE, type CaseRecord, type DeadlineRecord, type EventRecord, type PersonRecord, type SourceRecord } from '../domain/model';
import type { EventType, Reliability, Risk, Status } from '../domain/types';
import { UsageError, UserError } from '../errors';
import { caseJson, deadlineJson, eventJson, personJson, sourceJson } from '../render/json';
import { editCase, editDeadline, editEvent, editPerson, editSource, editTarget } from '../store/upkeep-edit';
import { addressLines } from '../domain/appeals';
import { targetJson } from '../render/appeals';
import type { SqliteStore } from '../store/sqlite-store';
import { warnDays as warnDaysOf, wholeNumber } from './ask';
import { allowNewName, holdsName, otherNames } from './duplicates';
import { caseByRef, checkBirth, countriesOf, refuseTakenSourceRef, sourceId, yearChosenWords } from './add';
import { noteIfFutureRecord, noteOutsideCase, shellWord } from './hints';
import { describeTarget, findTarget, reread, type Target } from './record';
import { listChange } from '../render/log-lists';
import { resolvePerson } from './who';
import { writeOrWait } from './keep-waiting';
import { shortId } from '../domain/ids';

export interface EditOptions {
  date?: string; type?: EventType; status?: Status; summary?: string; place?: string; actor?: string; source?: string[];
  note?: string; warn?: string; title?: string; ref?: string; country?: string[]; opened?: string;
  name?: string; alias?: string[]; age?: string; ageOn?: string; born?: string; gender?: string; citizenship?: string; ethnicity?: string;
  case?: string[]; risk?: Array<Risk | ''>; person?: string[]; force?: boolean;
  publisher?: string; url?: string; reliability?: Reliability;
  address?: string[]; fax?: string; email?: string; salutation?: string; language?: string;
}

export const FIELDS: Record<Target['kind'], Array<keyof EditOptions>> = {
  event: ['date', 'type', 'status', 'summary', 'place', 'actor', 'source', 'person'],
  deadline: ['date', 'note', 'warn', 'person'],
  person: ['name', 'alias', 'age', 'ageOn', 'born', 'gender', 'citizenship', 'ethnicity', 'case', 'risk'],
  case: ['ref', 'title', 'country', 'opened', 'summary'],
  source: ['title', 'publisher', 'ref', 'date', 'url', 'reliability'],
  target: ['name', 'title', 'address', 'fax', 'email', 'salutation', 'language', 'country'],
};

const A_KIND: Record<Target['kind'], string> = {
  event: 'an event', deadline: 'a deadline', person: 'a person', case: 'a case', source: 'a source', target: 'an appeal target',
};

const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
/** An empty value clears an optional field. */
const orNull = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v);
/** The same, trimmed. */
const trimmedOrNull = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v.trim());
const required = (v: string | undefined, key: string) => {
  if (v !== undefined && v.trim() === '') throw new UsageError(`${flag(key)} cannot be empty`);
  return v;
};

export async function edit(ctx: Context, text: string, opts: EditOptions) {
  const store = await ctx.openStore({ create: false });
  const target = await findTarget(ctx, store, text);
  // --force is no field: it lets a person's new name be close to another's.
  const given = (Object.keys(opts) as Array<keyof EditOptions>).filter((k) => opts[k] !== undefined && k !== 'force');
  const wrong = given.filter((k) => !FIELDS[target.kind].includes(k));
  if (opts.force !== undefined && (target.kind !== 'person' || (opts.name === undefined && opts.alias === undefined))) {
    // Alone it changes nothing, and beside another field it would pass for one.
    if (target.kind !== 'person' || given.length > 0) throw new UsageError(`--force goes with a person's --name or --alias`);
  }
  if (wrong.length > 0) {
    // A person's status comes from events: a change of it is one, with its date and reason.
    const hint = target.kind === 'person' && wrong.includes('status') ? `; a change of status is recorded with caselog status ${shellWord(text)} STATUS` : '';
    throw new UsageError(`${wrong.map(flag).join(', ')} cannot be set on ${A_KIND[target.kind]}; it takes ${FIELDS[target.kind].map(flag).join(', ')}${hint}`);
  }
  let changes = opts;
  const prompted = given.length === 0;
  if (prompted) {
    if (!ctx.interactive) throw new UsageError(`say what to change, e.g. caselog edit ${shellWord(text)} ${flag(FIELDS[target.kind][0]!)} ...; on a terminal, caselog edit ${shellWord(text)} alone asks`);
    changes = await (await import('./edit-prompts')).askChanges(ctx, target);
    // Asked for as long as the caseworker takes: another caselog may have deleted, merged or erased it
    // meanwhile, and the changes would then land on nothing (an unexpected error said so).
    if (gone(await reread(store, target))) {
      throw new UserError(`${A_KIND[target.kind].replace(/^an? /, 'the ')} being edited was deleted, merged or erased meanwhile (by another caselog?): nothing was changed`);
    }
  }
  // Answered at prompts, the changes are not lost to a database that stays busy (keep-waiting.ts);
  // given as flags, they are in the command the caseworker typed.
  const changed = prompted
    ? await writeOrWait(ctx, () => apply(ctx, store, target, changes), async () => editCommand(target, changes))
    : await apply(ctx, store, target, changes);
  const after = await reread(store, target);
  if (ctx.json) printJson(ctx, jsonOf(after));
  say(ctx, changed ? `Edited ${describeTarget(after)}${listsChanged(target, after)}` : `Nothing changed: ${describeTarget(after)} already says that`);
  if (changed && after.kind === 'case' && changes.opened?.trim() && after.case.opened) noteIfFutureRecord(ctx, after.case.opened, `the opening of ${after.case.ref}`);
  // An event moved later (or retyped) may now decide a status recorded between two accounts of it.
  const wouldBe = changed && after.kind === 'event' ? statusFromEvent(after.event.type, after.event.status) : undefined;
  if (wouldBe && after.kind === 'event') await noteLaterAccount(ctx, store, after.event, wouldBe);
}

/** The command that makes the same changes: the record by its id, each change as its flag (a list, the flag again a value). */
function editCommand(target: Target, changes: EditOptions): string {
  const flags = Object.entries(changes).filter(([, value]) => value !== undefined).flatMap(([key, value]) => {
    const values = Array.isArray(value) ? value as string[] : [String(value)];
    // An empty list (countries all taken away) is the flag with nothing: --country "".
    return (values.length > 0 ? values : ['']).map((v) => `${flag(key)} ${shellWord(v)}`);
  });
  return ['caselog edit', shortId(target.id), ...flags].join(' ');
}

/** A record read again that is no longer there. */
function gone(t: Target): boolean {
  switch (t.kind) {
    case 'event': return !t.event;
    case 'deadline': return !t.deadline;
    case 'person': return !t.person;
    case 'case': return !t.case;
    case 'source': return !t.source;
    case 'target': return !t.target;
  }
}

/**
 * What a list given whole (--risk, --case, an event's --person) took away and added: "Edited Kasim
 * Mahpir" alone hid that --risk health had removed torture and death-penalty.
 */
function listsChanged(before: Target, after: Target): string {
  const lists: Array<[string, string[], string[]]> = [];
  if (before.kind === 'person' && after.kind === 'person') {
    lists.push(['risks', before.person.risks, after.person.risks], ['cases', before.person.cases.map((c) => c.ref), after.person.cases.map((c) => c.ref)]);
  } else if (before.kind === 'event' && after.kind === 'event') {
    // Namesakes by their ids: "about: added Ali Hassan" would not say which one.
    const label = namesakeLabels([...before.event.people, ...after.event.people]);
    const ids = (people: Array<{ id: string; name: string }>) => new Set(people.map((p) => p.id));
    const moved = [...ids(before.event.people)].sort().join() !== [...ids(after.event.people)].sort().join();
    if (moved) lists.push(['about', before.event.people.map(label), after.event.people.map(label)]);
  } else if (before.kind === 'deadline' && after.kind === 'deadline') {
    // The people it names: one naming nobody lists its case's people, who are not named on it.
    const named = (d: DeadlineRecord) => (d.namesPeople ? d.people : []);
    const label = namesakeLabels([...named(before.deadline), ...named(after.deadline)]);
    lists.push(['about', named(before.deadline).map(label), named(after.deadline).map(label)]);
  }
  const said = lists.filter(([, was, now]) => [...was].sort().join('\n') !== [...now].sort().join('\n'))
    .map(([what, was, now]) => `${what}: ${listChange(was, now, String)}`);
  return said.length > 0 ? ` (${said.join('; ')})` : '';
}

function apply(ctx: Context, store: SqliteStore, t: Target, o: EditOptions): Promise<boolean> {
  switch (t.kind) {
    case 'event': return applyEvent(ctx, store, t.event, o);
    case 'deadline': return applyDeadline(ctx, store, t.deadline, o);
    case 'person': return applyPerson(ctx, store, t.id, o);
    case 'case': return applyCase(ctx, store, t.case, o);
    case 'source': return applySource(ctx, store, t.source, o);
    case 'target': {
      if (o.country && o.country.length > 1) throw new UsageError('an appeal target is in one country: give --country once');
      const address = o.address ? addressLines(o.address) : undefined;
      return editTarget(store, t.id, {
        name: required(o.name, 'name'), title: required(o.title, 'title'), address, fax: trimmedOrNull(o.fax), email: trimmedOrNull(o.email),
        salutation: trimmedOrNull(o.salutation), language: trimmedOrNull(o.language), country: o.country ? trimmedOrNull(o.country[0]) : undefined,
      });
    }
  }
}

async function applySource(ctx: Context, store: SqliteStore, current: SourceRecord, o: EditOptions): Promise<boolean> {
  const ref = trimmedOrNull(o.ref);
  await refuseTakenSourceRef(store, ref, current.id);
  return editSource(store, current.id, {
    title: required(o.title, 'title'), publisher: orNull(o.publisher), ref, url: orNull(o.url),
    reliability: o.reliability, date: o.date === undefined ? undefined : o.date.trim() === '' ? null : parseDate(o.date, ctx.today),
  });
}

async function applyCase(ctx: Context, store: SqliteStore, current: CaseRecord, o: EditOptions): Promise<boolean> {
  const opened = o.opened === undefined ? undefined : o.opened.trim() === '' ? null : parseDate(o.opened, ctx.today);
  // As close refuses a closing before the opening.
  if (opened && current.closed && opensAfterClosing(opened, current.closed)) {
    throw new UserError(`${current.ref} cannot have opened ${onDate(opened)}, after it closed ${onDate(current.closed)}`);
  }
  return editCase(store, current.id, {
    ref: required(o.ref, 'ref'), title: required(o.title, 'title'), countries: o.country && countriesOf(o.country), summary: orNull(o.summary), opened,
  });
}

async function applyDeadline(ctx: Context, store: SqliteStore, deadline: DeadlineRecord, o: EditOptions): Promise<boolean> {
  const read = o.date !== undefined ? readDeadlineDate(o.date, ctx.today) : undefined;
  const date = read?.date;
  const warnDays = o.warn === undefined ? undefined : o.warn.trim() === '' ? null : warnDaysOf(o.warn, '--warn');
  const people = await peopleNamed(ctx, store, o.person);
  const changed = await editDeadline(store, deadline.id, { date, note: required(o.note, 'note'), warnDays, personIds: people?.map((p) => p.id) });
  // Whom a deadline on a case names is the caseworker's to say, as add deadline CASE NAME lets them:
  // someone outside the case is said, with the way to add them to it.
  if (people && deadline.case) noteOutsideCase(ctx, deadline.case, people);
  if (changed && read?.yearChosen) say(ctx, `note: no year given: ${formatDate(read.date)} is ${yearChosenWords(read.date)}`);
  return changed;
}

/**
 * The people an event or a deadline is about, named as add names them (a loose name is confirmed,
 * one at a time); "" alone: nobody named, the case as a whole. Undefined when --person is not given.
 */
async function peopleNamed(ctx: Context, store: SqliteStore, names: string[] | undefined): Promise<PersonRecord[] | undefined> {
  if (!names) return undefined;
  const people: PersonRecord[] = [];
  for (const name of names.filter((n) => n.trim() !== '')) {
    const person = await resolvePerson(ctx, store, name, { writing: true });
    if (!people.some((p) => p.id === person.id)) people.push(person);
  }
  return people;
}

async function applyEvent(ctx: Context, store: SqliteStore, event: EventRecord, o: EditOptions): Promise<boolean> {
  if (o.status && (o.type ?? event.type) !== 'status') throw new UsageError('--status goes with --type status');
  const date = o.date !== undefined ? parseDate(o.date, ctx.today) : undefined;
  const sourceIds = o.source ? await Promise.all(o.source.map((s) => sourceId(ctx, store, s))) : undefined;
  const people = await peopleNamed(ctx, store, o.person);
  const changed = await editEvent(store, event.id, {
    date, type: o.type, status: o.status, summary: required(o.summary, 'summary'),
    place: orNull(o.place), actor: orNull(o.actor), sourceIds, personIds: people?.map((p) => p.id),
  });
  if (people && event.case) noteOutsideCase(ctx, event.case, people);
  return changed;
}

async function applyPerson(ctx: Context, store: SqliteStore, id: string, o: EditOptions): Promise<boolean> {
  if (o.ageOn !== undefined && o.age === undefined) throw new UsageError('--age-on goes with --age');
  const age = o.age === undefined || o.age.trim() === '' ? undefined : wholeNumber(o.age, '--age', MAX_AGE);
  // A corrected age keeps the day it was given on (a typo fixed in a 1999 age must not move it, and
  // the birth year with it, to today); a first age, or --age-on, says its own day.
  const current = o.age !== undefined ? store.read.personById(id) : undefined;
  const keptOn = !o.ageOn ? current?.ageOn : undefined;
  const ageOn = age !== undefined ? (o.ageOn ? parseDate(o.ageOn, ctx.today) : keptOn ?? parseDate(dayIso(ctx.today))) : undefined;
  if (keptOn && age !== undefined) say(ctx, `aged ${age} ${onDate(keptOn)}, the day the age was given on (--age-on DATE for another)`);
  // A birth date given as such (--born 1990) outranks the one an age implies: kept, unless --born.
  const givenBorn = bornAsGiven(current?.born) ? current!.born : undefined;
  if (givenBorn && age !== undefined && o.born === undefined) say(ctx, `born ${formatDate(givenBorn)} is kept, as given (--born to change it)`);
  const born = o.born !== undefined ? (o.born.trim() === '' ? null : parseDate(o.born, ctx.today)) : age !== undefined && !givenBorn ? bornFromAge(age, ageOn!) : undefined;
  const cleared = o.age !== undefined && o.age.trim() === '';
  // The age and birth date the person will have, given here or kept, must agree.
  if (born || (age !== undefined && givenBorn)) {
    const stored = current ?? store.read.personById(id);
    const [nowAge, nowOn, nowBorn] = [age ?? (cleared ? undefined : stored?.age), ageOn ?? stored?.ageOn, born ?? givenBorn];
    if (nowBorn && (born || bornAsGiven(nowBorn))) {
      checkBirth(nowBorn, ctx.today, nowAge !== undefined && nowOn ? { age: nowAge, on: nowOn } : undefined,
        `give the age or the birth date that is right (--age, --born; --age "" clears the age), or both as they agree`);
    }
  }
  await checkNewNames(ctx, store, id, [o.name, ...(o.alias ?? [])], Boolean(o.force));
  return editPerson(store, id, {
    // An alias the person holds already in other capitals is not added again (as person alias says).
    name: required(o.name, 'name'), aliases: o.alias && otherNames(o.alias, [...store.read.personById(id)!.names.map((n) => n.name), o.name ?? '']), age: cleared ? null : age, ageOn: cleared ? null : ageOn, born,
    gender: orNull(o.gender), citizenship: orNull(o.citizenship), ethnicity: orNull(o.ethnicity),
    // An empty --case "" or --risk "" leaves the list empty.
    caseIds: o.case && (await Promise.all(o.case.filter((ref) => ref.trim() !== '').map(async (ref) => (await caseByRef(store, ref)).id))),
    risks: o.risk?.filter((r): r is Risk => r !== ''),
  });
}

/** New names pass the rule person alias applies (src/commands/duplicates.ts allowNewName). */
async function checkNewNames(ctx: Context, store: SqliteStore, id: string, given: Array<string | undefined>, force: boolean): Promise<void> {
  const person = store.read.personById(id)!;
  const added = given.map((n) => n?.trim()).filter((n): n is string => n !== undefined && n !== '' && !holdsName(person, n));
  for (const name of added) await allowNewName(ctx, store, person, name, force);
}

export function jsonOf(t: Target): unknown {
  switch (t.kind) {
    case 'event': return eventJson(t.event);
    case 'deadline': return deadlineJson(t.deadline);
    case 'person': return personJson(t.person);
    case 'case': return caseJson(t.case);
    case 'source': return sourceJson(t.source);
    case 'target': return targetJson(t.target);
  }
}
