// Bare `caselog add` on a terminal: pick or create the case and person, then the event or deadline.
import type { Context } from '../context';
import { say } from '../context';
import { dayIso, formatDate, onDate, parseDate, parseDeadlineDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import type { CaseRecord, PersonRecord } from '../domain/model';
import { EVENT_TYPES, RISKS, STATUSES, type EventType, type Risk, type Status } from '../domain/types';
import { UsageError } from '../errors';
import type { Prompter } from '../prompter';
import type { SqliteStore } from '../store/sqlite-store';
import { validatorFor } from './ask';
import { checkNewName } from './duplicates';

export async function addGuided(ctx: Context): Promise<void> {
  if (!ctx.interactive) {
    throw new UsageError('bare "caselog add" needs a terminal; use: caselog add case|person|event|deadline|source with flags');
  }
  const ask = await ctx.prompter();
  const what = await ask.select('What do you want to record?', [
    { name: 'An event (something that happened)', value: 'event' },
    { name: 'A deadline (something to check or do by a date)', value: 'deadline' },
    { name: 'A person', value: 'person' },
    { name: 'A case', value: 'case' },
  ] as const);
  const store = await ctx.openStore({ create: true });
  const theCase = await pickCase(ask, store, ctx, what === 'case');
  if (what === 'case') return;
  const person = await pickPerson(ask, store, ctx, theCase, what === 'person');
  if (what === 'person') return;
  if (what === 'event') {
    const date = await askParsed(ask, 'When did it happen? (11 February 1999, Feb 1999, 1998, ~1998)', parseDate);
    const type = await ask.select<EventType>('What kind of event?', EVENT_TYPES.filter((t) => t !== 'status').map((t) => ({ name: t, value: t })));
    const summary = await ask.input('What happened?', { validate: required });
    const place = await ask.input('Where? (optional)');
    const actor = await ask.input('Who did it? (optional)');
    const record = await store.addEvent({
      caseId: theCase?.id, personIds: person ? [person.id] : [], type, summary, place: place || undefined,
      actor: actor || undefined, date, sourceIds: [],
    });
    say(ctx, `Recorded ${record.type} ${onDate(record.date)} [${shortId(record.id)}]`);
  } else {
    const date = await askParsed(ask, 'By when? (15 March 1999, +14d, in 2 weeks)', (t) => parseDeadlineDate(t, ctx.today));
    const note = await ask.input('What must be checked or done?', { validate: required });
    const warn = await ask.input('Remind how many days before? (optional)', { validate: (v) => (v === '' || /^\d+$/.test(v) ? true : 'a whole number of days') });
    const record = await store.addDeadline({ caseId: theCase?.id, personIds: person ? [person.id] : [], date, note, warnDays: warn ? Number(warn) : undefined });
    say(ctx, `Deadline ${formatDate(record.date)}: ${record.note} [${shortId(record.id)}]`);
  }
}

const required = (v: string) => (v.trim() ? true : 'required');

async function askParsed<T>(ask: Prompter, question: string, parse: (t: string) => T): Promise<T> {
  return parse(await ask.input(question, { validate: validatorFor(parse) }));
}

async function pickCase(ask: Prompter, store: SqliteStore, ctx: Context, mustCreate: boolean): Promise<CaseRecord | undefined> {
  const cases = mustCreate ? [] : (await store.listCases()).filter((c) => !c.closed);
  const choice = mustCreate ? 'new' : await ask.select<string>('Which case?', [
    ...cases.map((c) => ({ name: `${c.ref} — ${c.title}`, value: c.id })),
    { name: 'A new case', value: 'new' },
    { name: 'No case', value: 'none' },
  ]);
  if (choice === 'none') return undefined;
  if (choice !== 'new') return cases.find((c) => c.id === choice);
  const ref = await ask.input('Case reference (e.g. UA 77/98):', { validate: required });
  const title = await ask.input('Title:', { validate: required });
  const record = await store.addCase({ ref, title, countries: [], opened: parseDate(dayIso(ctx.today)) });
  say(ctx, `Opened case ${record.ref} [${shortId(record.id)}]`);
  return record;
}

async function pickPerson(ask: Prompter, store: SqliteStore, ctx: Context, theCase: CaseRecord | undefined, mustCreate: boolean): Promise<PersonRecord | undefined> {
  const people = theCase && !mustCreate ? theCase.people : [];
  const choice = mustCreate ? 'new' : await ask.select<string>('About whom?', [
    ...people.map((p) => ({ name: p.name, value: p.id })),
    { name: 'Someone new', value: 'new' },
    ...(theCase ? [{ name: 'The whole case', value: 'none' }] : []),
  ]);
  if (choice === 'none') return undefined;
  if (choice !== 'new') return store.getPerson(choice);
  const name = (await ask.input("The person's name:", { validate: required })).trim();
  const existing = await checkNewName(ctx, store, name, [name]);
  if (existing) {
    const updated = await store.addNames(existing.id, [name], theCase ? [theCase.id] : []);
    say(ctx, `Added "${name}" as another name of ${updated.name}`);
    return updated;
  }
  const risks = parseRisks(await ask.input(`Risks they face, comma-separated (${RISKS.join(', ')}; optional):`, {
    validate: (v) => { try { parseRisks(v); return true; } catch (error) { return (error as Error).message; } },
  }));
  const status = await ask.select<Status | ''>('Their status now?', [
    { name: 'not known yet', value: '' }, ...STATUSES.filter((s) => s !== 'unknown').map((s) => ({ name: s, value: s })),
  ]);
  const record = await store.addPerson({
    name, aliases: [], caseIds: theCase ? [theCase.id] : [], risks,
    status: status || undefined, statusOn: status ? dayIso(ctx.today) : undefined,
  });
  say(ctx, `Added ${record.name} [${shortId(record.id)}]`);
  return record;
}

/** "torture, refoulement" -> the risks; a word that is not one of them is refused with the list. */
function parseRisks(text: string): Risk[] {
  const words = text.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  const unknown = words.filter((w) => !(RISKS as readonly string[]).includes(w));
  if (unknown.length > 0) throw new Error(`not a risk: ${unknown.join(', ')} (one of ${RISKS.join(', ')})`);
  return [...new Set(words)] as Risk[];
}
