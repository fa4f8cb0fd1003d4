// caselog add case|person|event|deadline|source — each works with flags alone; on a terminal,
// missing required values are asked for.
import type { Context } from '../context';
import { singleSpaced } from '../domain/text';
import { printJson, say } from '../context';
import { birthProblem, bornFromAge, dayInWords, dayIso, firstDay, formatDate, onDate, parseDate, precisionOf, readDeadlineDate } from '../domain/dates';
import { monthName } from '../domain/dates-calendar';
import { kindOfId, looksLikeId, shortId } from '../domain/ids';
import { caseRefKey, MAX_AGE, type CaseRecord, type DeadlineRecord, type EventRecord, type PersonRecord } from '../domain/model';
import { EVENT_TYPES, STATUSES, type Day, type EventType, type PartialDate, type Risk, type Status } from '../domain/types';
import { UserError, UsageError } from '../errors';
import { caseJson, deadlineJson, eventJson, personJson, sourceJson } from '../render/json';
import type { SqliteStore } from '../store/sqlite-store';
import { need, needAll, needParsed, warnDays as warnDaysOf, wholeNumber } from './ask';
import { choiceOf } from './flags';
import { allowNewName, checkNewName, otherNames } from './duplicates';
import { trackedLabels } from './namesakes';
import { noteLaterAccount } from './note-later-account';
import { noteAsylumDecision, noteIfAfterToday, noteIfFutureRecord, noteOutsideCase, noteStatusOutcome, shellWord } from './hints';
import { statusFromEvent, WHOLE_CASE_STATUS } from '../domain/status';
import { resolvePerson, resolveWhoList, uniqueId } from './who';
import { deadlineCaseId } from './deadline-case';

const todayDate = (ctx: Context): PartialDate => {
  const iso = dayIso(ctx.today);
  return parseDate(iso);
};

export async function addCase(ctx: Context, opts: { ref?: string; title?: string; country: string[]; opened?: string; summary?: string }) {
  needAll(ctx, [[opts.ref, '--ref'], [opts.title, '--title']]);
  const ref = await need(ctx, opts.ref, '--ref', 'Case reference (e.g. UA 77/98):');
  const title = await need(ctx, opts.title, '--title', 'Title:');
  const opened = opts.opened ? parseDate(opts.opened, ctx.today) : todayDate(ctx);
  const store = await ctx.openStore({ create: true });
  const record = await store.addCase({ ref, title, countries: countriesOf(opts.country), opened, summary: opts.summary });
  report(ctx, `Opened case ${record.ref} — ${record.title} [${shortId(record.id)}]`, caseJson(record));
  if (record.opened) noteIfFutureRecord(ctx, record.opened, `the opening of ${record.ref}`);
}

interface PersonOptions {
  alias: string[]; case: string[]; age?: string; ageOn?: string; born?: string; gender?: string; citizenship?: string;
  ethnicity?: string; status?: Status; risk: Risk[]; new?: boolean; aliasOf?: string;
}

/** Refuses a birth date that cannot be (after today, or at odds with the age): `fix` says how to put it right. */
export function checkBirth(born: PartialDate, today: Day, age: { age: number; on: PartialDate } | undefined, fix: string): void {
  const problem = birthProblem(born, today, age);
  if (problem) throw new UserError(`${problem}: ${problem.startsWith('born') ? 'check the birth date' : fix}`);
}

export async function addPerson(ctx: Context, nameArg: string | undefined, opts: PersonOptions) {
  // Stored with its words one space apart, as typed names are (store.insertName).
  const name = singleSpaced(await need(ctx, nameArg, 'NAME', "The person's name:"));
  if (opts.ageOn && !opts.age) throw new UsageError('--age-on goes with --age');
  const age = opts.age !== undefined ? wholeNumber(opts.age, '--age', MAX_AGE) : undefined;
  const ageOn = age !== undefined ? (opts.ageOn ? parseDate(opts.ageOn, ctx.today) : todayDate(ctx)) : undefined;
  const born = opts.born ? parseDate(opts.born, ctx.today) : age !== undefined ? bornFromAge(age, ageOn!) : undefined;
  if (born) checkBirth(born, ctx.today, age !== undefined ? { age, on: ageOn! } : undefined, 'give the age or the birth date that is right, or both as they agree');
  const store = await ctx.openStore({ create: true });
  const caseIds = await Promise.all(opts.case.map(async (ref) => (await caseByRef(store, ref)).id));

  if (opts.aliasOf) {
    const person = await resolvePerson(ctx, store, opts.aliasOf, { writing: true });
    const fresh = otherNames([name, ...opts.alias], person.names.map((n) => n.name));
    if (fresh.length === 0 && caseIds.every((id) => person.cases.some((c) => c.id === id))) {
      // Done already, as person alias says (exit 0).
      report(ctx, `Nothing to add: "${name}" is already a name of ${person.name} [${shortId(person.id)}]`, personJson(person));
      return;
    }
    for (const n of fresh) await allowNewName(ctx, store, person, singleSpaced(n), 'close names');
    const updated = await store.addNames(person.id, fresh, caseIds);
    const joined = updated.cases.filter((c) => caseIds.includes(c.id) && !person.cases.some((k) => k.id === c.id)).map((c) => c.ref);
    const what = [
      ...(fresh.length > 0 ? [`${fresh.map((n) => `"${singleSpaced(n)}"`).join(', ')} as ${fresh.length === 1 ? 'another name' : 'other names'} of ${updated.name}`] : []),
      ...(joined.length > 0 ? [`${updated.name} to ${joined.join(', ')}`] : []),
    ];
    report(ctx, `Added ${what.join('; and ')}`, personJson(updated));
    return;
  }
  // Checked before the write; re-checked inside it only when nobody was near (another caselog may add them meanwhile).
  let nobodyNear = false;
  if (!opts.new) {
    const merged = await checkNewName(ctx, store, name, [name, ...opts.alias]);
    nobodyNear = merged === undefined;
    if (merged) {
      const fresh = otherNames([name, ...opts.alias], merged.names.map((n) => n.name));
      const updated = await store.addNames(merged.id, fresh, caseIds);
      const joined = updated.cases.filter((c) => caseIds.includes(c.id) && !merged.cases.some((k) => k.id === c.id)).map((c) => c.ref);
      report(ctx, namesAddedLine(updated, name, fresh, joined), personJson(updated));
      // What described a new person is not laid over a tracked one's record unasked.
      const unused = (['age', 'born', 'gender', 'citizenship', 'ethnicity', 'status'] as const).filter((k) => opts[k] !== undefined)
        .map((k) => `--${k}`).concat(opts.risk.length > 0 ? ['--risk'] : []);
      if (unused.length > 0) say(ctx, `${unused.join(', ')} not applied to ${updated.name}: change them with caselog edit, risk or status`);
      return;
    }
  }
  // An alias that is the name again in other capitals is no other name: added once, as person alias would.
  const aliases = otherNames(opts.alias, [name]);
  const record = await store.addPerson({
    name, aliases, caseIds, age, ageOn, born, gender: opts.gender, citizenship: opts.citizenship,
    ethnicity: opts.ethnicity, status: opts.status, statusOn: opts.status ? dayIso(ctx.today) : undefined, risks: opts.risk,
    refuseTakenName: nobodyNear,
  });
  const where = record.cases.length > 0 ? ` in ${record.cases.map((c) => c.ref).join(', ')}` : '';
  report(ctx, `Added ${record.name}${where} [${shortId(record.id)}]`, personJson(record));
  for (const alias of opts.alias.filter((a) => !aliases.includes(a))) {
    const held = record.names.find((n) => otherNames([alias], [n.name]).length === 0)!;
    say(ctx, `Nothing to add for --alias "${singleSpaced(alias)}": "${held.name}" is already a name of ${record.name} [${shortId(record.id)}]`);
  }
}

/** What taking a new name as a tracked person's added: the names they lacked, if any, and the cases they joined. */
function namesAddedLine(person: PersonRecord, name: string, fresh: string[], joined: string[]): string {
  const where = joined.length > 0 ? `, in ${joined.join(', ')}` : '';
  if (fresh.length > 0) {
    return `Added ${fresh.map((n) => `"${singleSpaced(n)}"`).join(', ')} as ${fresh.length === 1 ? 'another name' : 'other names'} of ${person.name}${where}`;
  }
  // Their own name in other capitals: nothing new to keep.
  const held = `"${name}" is already a name of ${person.name} [${shortId(person.id)}]`;
  return joined.length > 0 ? `Added ${person.name} to ${joined.join(', ')}: ${held}` : `Nothing to add: ${held}`;
}

/** The countries given, trimmed, each once; an empty one (--country "") names none. */
export const countriesOf = (given: string[]): string[] => [...new Set(given.map((c) => c.trim()).filter((c) => c !== ''))];

/** A case by its reference (exactly, ignoring case and spacing), else by its id or a unique prefix of it. */
export async function caseByRef(store: SqliteStore, ref: string): Promise<CaseRecord> {
  const found = await store.findCaseByRef(ref);
  if (found) return found;
  if (looksLikeId(ref)) {
    const kind = kindOfId(ref.trim().toLowerCase());
    if (kind !== 'case') throw new UserError(`"${ref}" is ${kind === 'event' ? 'an' : 'a'} ${kind} id, not a case: give the case's reference or id ("caselog list cases" shows them)`);
    const id = await uniqueId(store, 'case', ref.trim());
    if (id) return (await store.getCase(id))!;
    throw new UserError(`no case with reference or id "${ref}": "caselog list cases" shows them`);
  }
  throw new UserError(`no case with reference "${ref}": open it first with caselog add case --ref ${shellWord(ref)} --title ...`);
}

/** A case and people from WHO arguments; at most one case. */
async function resolveAll(ctx: Context, store: SqliteStore, who: string[]) {
  let theCase: CaseRecord | undefined;
  const people: PersonRecord[] = [];
  for (const found of await resolveWhoList(ctx, store, who, { writing: true })) {
    if (found.kind === 'case') {
      if (theCase && theCase.id !== found.case.id) throw new UserError(`name one case at a time (${theCase.ref} and ${found.case.ref})`);
      theCase = found.case;
    } else if (!people.some((p) => p.id === found.person.id)) {
      people.push(found.person);
    }
  }
  return { theCase, people };
}


/** The one case all the people share, when there is exactly one. */
function sharedCase(people: PersonRecord[]): string | undefined {
  if (people.length === 0) return undefined;
  const shared = people[0]!.cases.filter((c) => people.every((p) => p.cases.some((k) => k.id === c.id)));
  return shared.length === 1 ? shared[0]!.id : undefined;
}

interface EventOptions {
  date?: string; type?: EventType; summary?: string; place?: string; actor?: string; source: string[]; status?: Status;
}

export async function addEvent(ctx: Context, who: string[], opts: EventOptions) {
  if (who.length === 0 && !ctx.interactive) throw new UsageError('name the people or the case: caselog add event WHO... --date DATE --type TYPE --summary TEXT');
  needAll(ctx, [[opts.date, '--date'], [opts.type, '--type'], [opts.summary, '--summary']]);
  const { text: dateText, value: date } = await needParsed(ctx, opts.date, '--date', 'When (e.g. 11 February 1999, Feb 1999, 1998):', (t) => parseDate(t, ctx.today));
  // Read as --type reads it, so a word caselog does not know is asked again, never stored (the database refuses it).
  const type = (await needParsed(ctx, opts.type, '--type', 'Type of event (arrest, detention, hearing, ...):', (v) => choiceOf(v, EVENT_TYPES, 'type'))).value;
  if (opts.status && type !== 'status') throw new UsageError('--status goes with --type status');
  const status = type === 'status' ? await newStatus(ctx, opts.status) : undefined;
  // A summary keeps its lines, as --summary does: a paragraph pasted in is kept whole.
  const summary = await need(ctx, opts.summary, '--summary', 'What happened:', undefined, { lines: true });
  const store = await ctx.openStore({ create: false });
  const whoList = who.length > 0 ? who : [await need(ctx, undefined, 'WHO', 'Who (a name or a case reference):')];
  const { theCase, people } = await resolveAll(ctx, store, whoList);
  if (type === 'status' && people.length === 0) throw new UserError(WHOLE_CASE_STATUS);
  const sourceIds = await Promise.all(opts.source.map((s) => sourceId(ctx, store, s)));
  const record = await store.addEvent({
    caseId: theCase?.id ?? sharedCase(people), personIds: people.map((p) => p.id), type, status, summary,
    place: opts.place, actor: opts.actor, date, sourceIds,
  });
  report(ctx, eventRecorded(record, await trackedLabels(store, record.people)), eventJson(record));
  noteOutsideCase(ctx, theCase, people);
  await notesOnEvent(ctx, store, record, { who: whoList, dateText });
}

/** The status a status event sets: --status, else asked on a terminal, as --status reads it. */
async function newStatus(ctx: Context, given: Status | undefined): Promise<Status> {
  if (given) return given;
  if (!ctx.interactive) throw new UsageError('--type status needs --status S (the new status)');
  return (await needParsed(ctx, undefined, '--status', `The new status (${STATUSES.join(', ')}):`, (v) => choiceOf(v, STATUSES, 'status'))).value;
}

/** The line that says an event was recorded, and whom it is about (flags and guided alike). */
export function eventRecorded(record: EventRecord, label: (p: { id: string; name: string }) => string = (p) => p.name): string {
  const about = record.people.length > 0 ? record.people.map(label).join(', ') : `case ${record.case?.ref}`;
  return `Recorded ${record.type} ${onDate(record.date)} for ${about} [${shortId(record.id)}]`;
}

/** What an event just recorded may need said: whether the status it sets takes, that it sets none, a date after today. */
export async function notesOnEvent(ctx: Context, store: SqliteStore, record: EventRecord, typed: { who: string[]; dateText: string }): Promise<void> {
  const wouldBe = statusFromEvent(record.type, record.status);
  // Events on a case as a whole never change a person's status (spec): said, so nobody expects it.
  if (wouldBe && record.people.length === 0 && record.case) {
    say(ctx, `note: an event on the case as a whole changes nobody's status: to set theirs, name them (caselog status NAME... ${wouldBe} --date ${shellWord(typed.dateText)})`);
  }
  if (wouldBe) await noteStatusOutcome(ctx, store, record.people, wouldBe, record.date);
  if (wouldBe) await noteLaterAccount(ctx, store, record, wouldBe);
  await noteAsylumDecision(ctx, store, record, typed.dateText);
  noteIfAfterToday(ctx, record.date, { who: typed.who, dateText: typed.dateText, note: record.summary });
}



/**
 * A source by its reference or title (exactly, ignoring case and spacing), else by a prefix of its
 * id: a reference such as "S-1" is tried before the ids that happen to start with it.
 */
export async function sourceId(ctx: Context, store: SqliteStore, text: string): Promise<string> {
  const found = await store.findSources(text);
  if (found.length === 1) return found[0]!.id;
  if (found.length > 1) throw new UserError(`"${text}" fits several sources (${found.map((s) => shortId(s.id)).join(', ')}): give the id`);
  const byId = /^s-/i.test(text.trim()) ? await uniqueId(store, 'source', text) : undefined;
  if (byId) return byId;
  // The start of a long title ("Kazakhstan: Don't Return" of "Kazakhstan: Don't Return Asylum Seekers").
  const titled = text.trim().length >= 4 ? store.read.sourcesTitled(text) : [];
  if (titled.length === 1) {
    say(ctx, `--source "${text}": "${titled[0]!.title}" [${shortId(titled[0]!.id)}]`);
    return titled[0]!.id;
  }
  if (titled.length > 1) throw new UserError(`"${text}" starts the titles of several sources (${titled.map((s) => `${shortId(s.id)} "${s.title}"`).join(', ')}): give more of the title, or the id`);
  // A publisher names many reports: its sources are offered, never one taken for the user.
  const published = store.read.sourcesPublishedBy(text);
  if (published.length > 0) {
    throw new UserError(`"${text}" is a publisher, not one source: give the reference, title or id of one of ${published.map((s) => `${shortId(s.id)} "${s.title}"${s.date ? ` (${formatDate(s.date)})` : ''}`).join(', ')}`);
  }
  throw new UserError(`no source "${text}" (by reference, title or id): record it first with caselog add source --title TITLE [--ref CODE]`);
}

export async function addDeadline(ctx: Context, who: string[], opts: { date?: string; note?: string; warn?: string }) {
  if (who.length === 0 && !ctx.interactive) throw new UsageError('name the case or the people: caselog add deadline WHO... --date DATE --note TEXT');
  needAll(ctx, [[opts.date, '--date'], [opts.note, '--note']]);
  const { date, yearChosen } = (await needParsed(ctx, opts.date, '--date', 'By when (e.g. 15 March 1999, +14d, in 2 weeks):', (t) => readDeadlineDate(t, ctx.today))).value;
  const note = await need(ctx, opts.note, '--note', 'What must be checked or done:');
  const warnDays = opts.warn !== undefined ? warnDaysOf(opts.warn, '--warn') : undefined;
  const store = await ctx.openStore({ create: false });
  const whoList = who.length > 0 ? who : [await need(ctx, undefined, 'WHO', 'For whom (a case reference or a name):')];
  const { theCase, people } = await resolveAll(ctx, store, whoList);
  const caseId = await deadlineCaseId(ctx, store, theCase, people);
  const record = await store.addDeadline({ caseId, personIds: people.map((p) => p.id), date, note, warnDays });
  report(ctx, deadlineRecorded(record, yearChosen), deadlineJson(record));
  notesOnDeadline(ctx, record);
  noteOutsideCase(ctx, theCase, people);
}

/**
 * The line that says a deadline was recorded, and on which case (flags and guided alike); with
 * `yearChosen`, that its date was typed without a year, so the year it was given is looked at.
 */
export function deadlineRecorded(record: DeadlineRecord, yearChosen = false): string {
  return `Deadline ${formatDate(record.date)}${yearChosen ? ` (no year given: ${yearChosenWords(record.date)})` : ''}: ${record.note}${record.case ? ` (${record.case.ref})` : ''} [${shortId(record.id)}]`;
}

/** Why a deadline typed without a year has the one it has: "the next 21 January from today". */
export function yearChosenWords(date: PartialDate): string {
  return `the next ${date.day} ${monthName(date.month!)} from today`;
}

/** What a deadline just recorded may need said: overdue already. */
export function notesOnDeadline(ctx: Context, record: DeadlineRecord): void {
  // Recorded after the day (back-filling is allowed): due shows it overdue at once.
  if (dayIso(firstDay(record.date)) < dayIso(ctx.today)) {
    // A month or year falls due on its first day: "May 2024" is not before 10 May 2024, but due since the 1st.
    const when = precisionOf(record.date) === 'day' ? `${formatDate(record.date)} is before today` : `${formatDate(record.date)} falls due on its first day, ${dayInWords(dayIso(firstDay(record.date)))}`;
    say(ctx, `note: ${when}, so it is overdue already; if it is done, caselog done ${shortId(record.id)}`);
  }
}

/**
 * A reference names one document: a second source under it (any but `except`) would make
 * --source REF ambiguous.
 */
export async function refuseTakenSourceRef(store: SqliteStore, ref: string | null | undefined, except?: string): Promise<void> {
  if (!ref?.trim()) return;
  const same = (await store.findSources(ref)).find((found) => found.id !== except && found.ref && caseRefKey(found.ref) === caseRefKey(ref));
  if (same) throw new UserError(`source ${same.ref} is already recorded ("${same.title}") [${shortId(same.id)}]: cite it with --source ${shellWord(same.ref!)}`);
}

export async function addSource(ctx: Context, opts: { title?: string; publisher?: string; ref?: string; date?: string; url?: string; reliability?: string }) {
  const title = await need(ctx, opts.title, '--title', 'Title of the source:');
  const date = opts.date ? parseDate(opts.date, ctx.today) : undefined;
  const store = await ctx.openStore({ create: true });
  await refuseTakenSourceRef(store, opts.ref);
  const record = await store.addSource({ title, publisher: opts.publisher, ref: opts.ref, date, url: opts.url, reliability: opts.reliability });
  report(ctx, `Added source ${record.ref ? `${record.ref} ` : ''}"${record.title}" [${shortId(record.id)}]`, sourceJson(record));
}

function report(ctx: Context, message: string, json: unknown) {
  if (ctx.json) printJson(ctx, json);
  say(ctx, message);
}
