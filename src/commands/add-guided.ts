// Bare `caselog add` on a terminal: pick or create the case and the people, then the event or deadline.
// Every question is asked before anything is written, and what was answered is then written in one
// transaction: Ctrl-C at any question (exit 130) leaves the database as it was.
import type { Context } from '../context';
import { say } from '../context';
import { dayIso, firstDay, formatDate, parseDate, parseDeadlineDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import { EVENT_TYPES, type EventType, type PartialDate } from '../domain/types';
import { UsageError, UserError } from '../errors';
import type { Prompter } from '../prompter';
import { addTogether, type Recorded, type Together } from '../store/add-together';
import { readOnlyRefusal } from '../store/open-errors';
import type { SqliteStore } from '../store/sqlite-store';
import { validatorFor, warnDays, warnUpTo } from './ask';
import { askSources } from './add-guided-sources';
import { askNewPerson, askPeople, required, type CaseAnswer } from './add-guided-people';
import { deadlineRecorded, eventRecorded, notesOnDeadline, notesOnEvent } from './add';
import { trackedLabels } from './namesakes';
import { writeOrWait } from './keep-waiting';
import { guidedCommand } from './add-guided-command';

type What = 'event' | 'deadline' | 'person' | 'case';

export async function addGuided(ctx: Context): Promise<void> {
  if (!ctx.interactive) {
    throw new UsageError('bare "caselog add" needs a terminal; use: caselog add case|person|event|deadline|source with flags');
  }
  const ask = await ctx.prompter();
  const what = await ask.select<What>('What do you want to record?', [
    { name: 'An event (something that happened)', value: 'event' },
    { name: 'A deadline (something to check or do by a date)', value: 'deadline' },
    { name: 'A person', value: 'person' },
    { name: 'A case', value: 'case' },
  ]);
  const store = await ctx.openStore({ create: true });
  // A database it may only read (an archived copy, a read-only disk): said before the questions, not after them.
  const readOnly = readOnlyRefusal(ctx.dbPath);
  if (readOnly) throw new UserError(readOnly);
  try {
    const answers = await askEverything(ask, store, ctx, what);
    // The database still busy after the usual wait: asked whether to wait on, else the command to run later.
    await tell(ctx, store, await writeOrWait(ctx, (point) => addTogether(store, answers, point), () => guidedCommand(ctx, store, answers)));
  } catch (error) {
    // Cancelled or refused on first use: no empty database is left behind.
    store.discardIfUnused();
    throw error;
  }
}

async function askEverything(ask: Prompter, store: SqliteStore, ctx: Context, what: What): Promise<Together> {
  const answer = await askCase(ask, store, ctx, what === 'case');
  const theCase = answer && ('tracked' in answer ? { id: answer.tracked.id } : answer);
  if (what === 'case') return { case: theCase, people: [] };
  if (what === 'person') return { case: theCase, people: [await askNewPerson(ask, store, ctx, answer, true)] };
  const people = await askPeople(ask, store, ctx, answer);
  if (what === 'event') {
    const date = await askWhenItHappened(ask, ctx);
    const type = await ask.select<EventType>('What kind of event?', EVENT_TYPES.filter((t) => t !== 'status').map((t) => ({ name: t, value: t })));
    const summary = await ask.input('What happened?', { validate: required, lines: true });
    const place = await ask.input('Where? (optional)');
    const actor = await ask.input('Who did it? (optional)');
    const sourceIds = await askSources(ask, store.read.sourcesNewest());
    return { case: theCase, people, event: { type, summary, place: place || undefined, actor: actor || undefined, date, sourceIds } };
  }
  const date = await askParsed(ask, 'By when? (15 March 1999, +14d, in 2 weeks)', (t) => parseDeadlineDate(t, ctx.today));
  const note = await ask.input('What must be checked or done?', { validate: required });
  const warn = (await ask.input('Remind how many days before? (optional)', { validate: warnUpTo('days before') })).trim();
  return { case: theCase, people, deadline: { date, note, warnDays: warn ? warnDays(warn, 'days before') : undefined } };
}

/** A date after today is asked about before anything is saved (a typo for 1999, say); No asks the date again. */
async function askWhenItHappened(ask: Prompter, ctx: Context): Promise<PartialDate> {
  for (;;) {
    const date = await askParsed(ask, 'When did it happen? (11 February 1999, Feb 1999, 1998, ~1998)', (t) => parseDate(t, ctx.today));
    if (dayIso(firstDay(date)) <= dayIso(ctx.today)) return date;
    if (await ask.confirm(`${formatDate(date)} is in the future: is that right?`, false)) return date;
  }
}

async function askParsed<T>(ask: Prompter, question: string, parse: (t: string) => T): Promise<T> {
  return parse(await ask.input(question, { validate: validatorFor(parse) }));
}

async function askCase(ask: Prompter, store: SqliteStore, ctx: Context, mustCreate: boolean): Promise<CaseAnswer> {
  const cases = mustCreate ? [] : (await store.listCases()).filter((c) => !c.closed);
  const choice = mustCreate ? 'new' : await ask.select<string>('Which case?', [
    ...cases.map((c) => ({ name: `${c.ref} — ${c.title}`, value: c.id })),
    { name: 'A new case', value: 'new' },
    { name: 'No case', value: 'none' },
  ]);
  if (choice === 'none') return undefined;
  if (choice !== 'new') return { tracked: cases.find((c) => c.id === choice)! };
  // A reference already in use is refused as it is typed, not after the title.
  const ref = await ask.input('Case reference (e.g. UA 77/98):', {
    validate: (v) => {
      if (!v.trim()) return 'required';
      const taken = store.read.caseByRef(v);
      return taken ? `a case ${taken.ref} already exists ("${taken.title}"): give another reference` : true;
    },
  });
  const title = await ask.input('Title:', { validate: required });
  return { open: { ref, title, countries: [], opened: parseDate(dayIso(ctx.today)) } };
}

/** What was written, a line a record, in the order it was asked, with the notes the flags' form gives. */
async function tell(ctx: Context, store: SqliteStore, done: Recorded): Promise<void> {
  if (done.caseOpened) say(ctx, `Opened case ${done.case!.ref} [${shortId(done.case!.id)}]`);
  for (const { person, added, nameAdded, joined } of done.people) {
    if (added) say(ctx, `Added ${person.name} [${shortId(person.id)}]`);
    if (!nameAdded && !joined) continue;
    const what = [
      ...(nameAdded ? [`"${nameAdded}" as another name of ${person.name}`] : []),
      ...(joined ? [`${person.name} to ${done.case!.ref}`] : []),
    ];
    say(ctx, `Added ${what.join('; and ')}`);
  }
  const who = (people: Array<{ name: string }>) => (people.length > 0 ? people.map((p) => p.name) : [done.case?.ref ?? '']);
  if (done.event) {
    say(ctx, eventRecorded(done.event, await trackedLabels(store, done.event.people)));
    await notesOnEvent(ctx, store, done.event, { who: who(done.event.people), dateText: done.event.date.text });
    // Nothing stored to cite was offered: how to cite one later.
    if (store.read.sourcesNewest(1).length === 0) {
      say(ctx, `note: no source is stored to cite: record one with caselog add source --title TITLE [--ref CODE], then caselog edit ${shortId(done.event.id)} --source CODE`);
    }
  }
  if (done.deadline) {
    say(ctx, deadlineRecorded(done.deadline));
    notesOnDeadline(ctx, done.deadline);
  }
}
