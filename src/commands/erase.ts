// caselog erase WHO [--force]: removes a person and everything only about them, for their safety, so
// that nothing of them remains in the database file. Unlike delete it cannot be undone.
import type { Context } from '../context';
import { asConfirmed } from './as-confirmed';
import { printJson, say } from '../context';
import { looksLikeId, shortId } from '../domain/ids';
import { NotFoundError, UsageError, UserError } from '../errors';
import { asTyped } from '../domain/text';
import type { PersonRecord } from '../domain/model';
import { sameButCase } from '../domain/names-case';
import type { SqliteStore } from '../store/sqlite-store';
import { copiesBeside, removeUnfinishedCopy, unfinishedCopies } from '../store/trust-copy';
import type { Mention } from '../store/erase-mentions';
import { planEraseSteps, planStamp, type ErasePlan, type NamesPlan, type StampedPlan } from '../store/erase-plan';
import { stepsStopping } from '../store/scan-steps';
import { LOG_LEFT, looking, NOT_REPLACED, sayUnfinished, stoppable } from './erase-stages';
import { eraseFormerPerson, erasePerson, formerPeople, type Erased, type FormerPerson, type WordsErased } from '../store/upkeep-erase';
import { nameWords, planWords, type WordsPlan } from '../store/erase-words';
import { count } from '../render/style';
import { resolveWho } from './who';

export interface EraseOptions { force?: boolean; words?: boolean; word?: string; anyCase?: boolean }

export async function erase(ctx: Context, whoText: string | undefined, opts: EraseOptions) {
  if (opts.anyCase && opts.word === undefined) throw new UsageError('--any-case goes with --word WORD: a word of someone\'s names that is no ordinary word, replaced in lower case too');
  if (opts.word !== undefined) {
    if (whoText !== undefined || opts.words) throw new UsageError('--word erases one word on its own: give it without a person or --words');
    return (await import('./erase-word')).eraseWordCommand(ctx, opts.word, opts);
  }
  if (whoText === undefined) throw new UsageError('name the person to erase (caselog erase "Hemit Memet"), or give a word left in records after an erase with --word');
  const store = await ctx.openStore({ create: false });
  let who: Awaited<ReturnType<typeof resolveWho>>;
  try {
    who = await resolveWho(ctx, store, whoText, { writing: true, irreversible: true });
  } catch (error) {
    // Someone deleted, or whose adding was undone, is named still by the change log: erase takes that out.
    const former = error instanceof NotFoundError ? formerPeople(store, whoText) : [];
    if (former.length === 0) throw error;
    return eraseFormer(ctx, store, whoText, former, opts);
  }
  if (who.kind === 'case') throw new UserError(`erase removes a person; to remove case ${who.case.ref} use caselog delete`);
  const person = who.person;
  // A name someone no longer tracked also had: which one is meant cannot be told, and an erase is for good.
  const formerToo = looksLikeId(whoText.trim()) ? [] : formerPeople(store, whoText).filter((f) => f.id !== person.id);
  if (formerToo.length > 0) {
    throw new UserError(`"${whoText}" is the name of ${person.name} [${shortId(person.id)}], tracked, and of ${formerToo.length === 1 ? 'someone' : `${formerToo.length} people`} no longer tracked (${formerToo.map((f) => shortId(f.id)).join(', ')}): give the id of the one to erase; to erase both, the one no longer tracked first (erasing the tracked one takes the name out of the other's traces too, and they could no longer be found by it)`);
  }
  // Refused before the search for their names, which takes a long while on a large database.
  if (!opts.force && !ctx.interactive) throw new UserError(`erasing ${person.name} cannot be undone and needs confirmation: use --force`);
  const stamp = planStamp(store);
  const first = await looking(ctx, Boolean(opts.force), (point) => stepsStopping(planEraseSteps(store, person.id), point));
  const result = await confirmedErase(ctx, store, person, opts, { plan: first, stamp, confirmed: !opts.force });
  const plan = result.plan;
  removeUnfinishedCopy(ctx.dbPath);
  const copies = copiesBeside(ctx.dbPath);
  if (ctx.json) {
    printJson(ctx, { erased: true, events: plan.events.length, deadlines: plan.deadlines.length, unlinkedEvents: plan.sharedEvents.length,
      logEntriesRemoved: result.log.removed, logEntriesRewritten: result.log.rewritten, logEntriesLeft: result.log.left, fileCompacted: result.fileCompacted,
      mergedRecords: result.mergedRecords, ...namesJson(plan, result.words),
      formerNameHolders: plan.formerNamesNowOthers.people, keptForFormerNameHolders: plan.formerNamesNowOthers.kept, oldCopies: copies });
  }
  // The name is not repeated: the terminal's scrollback is one more place it would stay. The counts
  // are said now and not kept: the change log records only that someone was erased.
  say(ctx, `Erased one person${mergedToo(result.mergedRecords)} with ${count(plan.events.length, 'event')} and ${count(plan.deadlines.length, 'deadline')}; `
    + `${count(result.log.removed, 'change-log entry', 'change-log entries')} of theirs removed and `
    + `${count(result.log.rewritten, 'other', 'others')} rewritten without them; ${result.fileCompacted ? 'the file was rewritten' : 'the file is still to be rewritten'}. This cannot be undone.`);
  reportNames(ctx, plan, result.words);
  const formerKept = listed(plan.formerNamesNowOthers.kept, false, false);
  if (formerKept.length) say(ctx, `Warning: a name they once had (taken away) is a tracked person's now (${holders(plan)}), taken as theirs; these hold it and stay as they are, check them: ${formerKept.join(', ')}`);
  if (result.log.left > 0) say(ctx, `Warning: ${LOG_LEFT(result.log.left, 'a name of theirs')}`);
  if (!result.fileCompacted) say(ctx, NOT_REWRITTEN);
  if (copies.length) say(ctx, `Warning: copies kept before a schema upgrade or a restore may still hold them: ${copies.join(', ')}`);
  sayUnfinished(ctx, unfinishedCopies(ctx.dbPath), 'them');
}

/**
 * Erases as the user confirmed, no more: when another caselog changed what the erase does while the
 * question waited (no lock is held meanwhile), nothing is erased, and the plan as it is now is shown
 * and asked again. With --force nothing is shown: what is there when the write runs.
 */
async function confirmedErase(ctx: Context, store: SqliteStore, person: PersonRecord, opts: EraseOptions, first: StampedPlan): Promise<Erased> {
  return asConfirmed(ctx, first, { asking: !opts.force, changed: 'What this erases changed after it was shown (another caselog wrote meanwhile); nothing was erased. Now:' },
    async (planned) => {
      const plan = planned.plan;
      const words = opts.words ? planWords(store, nameWords(plan.names), person.id, plan.namesakes.records) : undefined;
      // Their own record and what goes with it hold the words too, before the erase.
      const gone = new Set([person.id, ...plan.events, ...plan.deadlines]);
      const staying = (ms: Mention[]) => ms.filter((m) => !gone.has(m.id));
      for (const line of warning(person.name, plan, words && { ...words, mentions: staying(words.mentions), kept: staying(words.kept) })) say(ctx, line);
      await confirmErase(ctx, person.names.map((n) => n.name), person.id);
    },
    (planned) => stoppable(ctx, (stopping) => erasePerson(store, person.id, { words: opts.words, closing: true }, planned, stopping)));
}

/** Where the names were replaced, and what is left to check, said without the word (it would stay in the scrollback). */
function reportNames(ctx: Context, named: NamesPlan, words?: WordsErased): void {
  const [replaced, kept] = [listed(named.mentions, false, false), listed(named.keptForNamesakes, false, false)];
  if (replaced.length) say(ctx, `Their name was replaced by [erased] in records that stay: ${replaced.join(', ')}`);
  if (words) reportWords(ctx, words);
  const partly = listed(words ? stillHolding(words) : named.mentions, true, false);
  // Editing them by hand takes the word out of the record, not out of the change log: the edit's before-value keeps it.
  if (partly.length) {
    say(ctx, `Warning: these stay and hold a word of their names${words ? ` ${NOT_REPLACED}` : ''}; check them: ${partly.join(', ')} (an edit keeps the old text in the change log${words ? '' : '; caselog erase --word WORD replaces a word everywhere'})`);
  }
  if (kept.length) {
    say(ctx, `Warning: a tracked person has the same name (${named.namesakes.people.map(shortId).join(', ')}); it stays in their own records, check them: ${kept.join(', ')}`);
  }
  const longer = listed(named.keptInOtherNames, false, false);
  if (longer.length) say(ctx, `Warning: these keep a longer name that holds theirs, taken as someone else's; check them: ${longer.join(', ')}`);
}

function namesJson(named: NamesPlan, words?: WordsErased) {
  const strip = (ms: Mention[]) => ms.map(({ part: _part, ...m }) => m);
  return {
    nameReplacedIn: named.mentions.filter((m) => m.part === undefined),
    stillMentionedIn: strip((words ? stillHolding(words) : named.mentions).filter((m) => m.part !== undefined)),
    namesakes: named.namesakes.people, keptForNamesakes: named.keptForNamesakes, keptInOtherNames: named.keptInOtherNames,
    ...(words ? { wordsReplacedIn: strip(words.replacedIn), wordsKeptIn: strip(words.kept), wordsLogEntriesRewritten: words.logRewritten, wordsLogEntriesLeft: words.logLeft } : {}),
  };
}

/** erase of a person no longer tracked: their names out of the change log and the records that stay. */
async function eraseFormer(ctx: Context, store: SqliteStore, whoText: string, former: FormerPerson[], opts: EraseOptions) {
  if (former.length > 1) {
    throw new UserError(`"${whoText}" was the name of ${former.length} people no longer tracked: give the id of one (${former.map((f) => shortId(f.id)).join(', ')}), as caselog log shows them`);
  }
  const [person] = former as [FormerPerson];
  const shown = `${person.names[0]!} [${shortId(person.id)}]`;
  if (!opts.force) {
    if (!ctx.interactive) throw new UserError(`${shown} is no longer tracked (deleted, or their adding undone), but the change log still names them; erasing those traces cannot be undone and needs confirmation: use --force`);
    say(ctx, `${shown} is no longer tracked, but the change log still names them. This erases every trace of them (${person.names.join(', ')}) from it and their names from the records that stay. This cannot be undone.`);
    await confirmErase(ctx, person.names, person.id);
  }
  const result = await stoppable(ctx, (stopping) => eraseFormerPerson(store, person, { words: opts.words, closing: true }, stopping));
  removeUnfinishedCopy(ctx.dbPath);
  if (ctx.json) {
    printJson(ctx, { erased: true, formerlyTracked: true, logEntriesRemoved: result.log.removed, logEntriesRewritten: result.log.rewritten, logEntriesLeft: result.log.left,
      fileCompacted: result.fileCompacted, mergedRecords: result.mergedRecords, ...namesJson(result.named, result.words) });
  }
  say(ctx, `Erased the traces of one person no longer tracked${mergedToo(result.mergedRecords)}: ${count(result.log.removed, 'change-log entry', 'change-log entries')} of theirs removed and `
    + `${count(result.log.rewritten, 'other', 'others')} rewritten without them; ${result.fileCompacted ? 'the file was rewritten' : 'the file is still to be rewritten'}. This cannot be undone.`);
  reportNames(ctx, result.named, result.words);
  if (result.log.left > 0) say(ctx, `Warning: ${LOG_LEFT(result.log.left, 'a name of theirs')}`);
  if (!result.fileCompacted) say(ctx, NOT_REWRITTEN);
}

/**
 * The name typed to confirm an erase: one of their names as stored (capitals and spacing aside, not
 * a loose spelling: this cannot be undone), or their id: a name in a script the keyboard lacks.
 */
async function confirmErase(ctx: Context, names: string[], id: string): Promise<void> {
  const typed = await (await ctx.prompter()).input(`Type the name "${names[0]!}" (${names.length > 1 ? 'or another of their names, or' : 'or'} ${shortId(id)}) to erase them for good:`);
  const answer = asTyped(typed).toLowerCase();
  const accepted = names.some((n) => sameButCase(n, typed)) || answer === shortId(id) || answer === id;
  if (!accepted) throw new UserError(`nothing erased: "${typed}" is not "${names[0]!}"`);
}

/** " (and the 2 records merged into them)": their ids are refused by an import as theirs is. */
const mergedToo = (n: number): string => (n === 0 ? '' : ` (and ${n === 1 ? 'the record' : `the ${n} records`} merged into them)`);

const NOT_REWRITTEN = 'Warning: the file could not be rewritten yet (another program has it open, or the disk is full), so pieces of the erased records may stay in it until then: close other programs using it; the next caselog command rewrites it';

/** "Heading: a, b, c." when there is anything to list. */
const line = (heading: string, items: string[]): string[] => (items.length ? [`${heading}: ${items.join(', ')}.`] : []);

function warning(name: string, plan: ErasePlan, words?: WordsPlan): string[] {
  return [
    `This erases ${name} for good: all their names (${plan.names.join(', ')}), ${count(plan.events.length, 'event')} and `
      + `${count(plan.deadlines.length, 'deadline')} about them only, their own entries in the change log and their names in the others.`,
    ...(plan.sharedEvents.length ? [`They are taken off ${count(plan.sharedEvents.length, 'shared event')}, which stay.`] : []),
    ...line('These stay, with their name replaced by [erased]', listed(plan.mentions, false, true)),
    ...(words
      ? [...line(`These stay, with each word of their names replaced by [erased] (--words), wherever it stands as a word written with a capital (${wordList(words.words)})`, listed(words.mentions, false, true)),
        ...line('These people and appeal targets hold a word of their names and stay as they are, for you to check', listed(words.kept, false, true)),
        ...line(`These hold a word of their names ${NOT_REPLACED}, and stay as they are, for you to check`, listed(words.unreplaced, true, true))]
      : line('These stay and hold a word of their names, for you to check (--words replaces them)', listed(plan.mentions, true, true))),
    ...line(`These are a tracked namesake's own (${plan.namesakes.people.map(shortId).join(', ')}) and keep the name they share`, listed(plan.keptForNamesakes, false, true)),
    ...line('These keep a longer name that holds theirs, taken as someone else\'s', listed(plan.keptInOtherNames, false, true)),
    ...line(`A name they once had (taken away) is a tracked person's now (${holders(plan)}), taken as theirs: these hold it and stay as they are`, listed(plan.formerNamesNowOthers.kept, false, true)),
    'This cannot be undone, not even with caselog undo.',
  ];
}

/** The tracked people who have a name they once had (said by id: the name would stay in the scrollback). */
const holders = (plan: ErasePlan): string => plan.formerNamesNowOthers.people.map(shortId).join(', ');

/** The words --words replaces, quoted. */
const wordList = (words: string[]): string => words.map((w) => `"${w}"`).join(', ');

/**
 * The records that stay and name the person (or, `partly`, hold only a word of a name, with the
 * word when `withWord`); an appeal plan's requests are edited through its case.
 */
function listed(mentions: Mention[], partly: boolean, withWord: boolean): string[] {
  const all = mentions.filter((m) => (m.part !== undefined) === partly)
    .map((m) => `${m.kind === 'appeal plan' ? `the appeal plan of ${m.ref}` : `${m.kind} ${shortId(m.id)}`}${withWord && m.part ? ` ("${m.part}")` : ''}`);
  // Thousands of events may name them: the first few, and how many more (--json lists them all).
  return all.length > LISTED ? [...all.slice(0, LISTED), `and ${all.length - LISTED} more`] : all;
}

const LISTED = 20;

/** Where their words were replaced, and the people and appeal targets holding one, left as they are. */
function reportWords(ctx: Context, words: WordsErased): void {
  const [replaced, kept] = [listed(words.replacedIn, false, false), listed(words.kept, false, false)];
  const inLog = words.logRewritten > 0 ? `${count(words.logRewritten, 'change-log entry', 'change-log entries')} rewritten` : '';
  if (replaced.length || inLog) {
    say(ctx, `Each word of their names was replaced by [erased]${replaced.length ? ` in records that stay: ${replaced.join(', ')}` : ''}${replaced.length && inLog ? '; and in ' : inLog ? ' in ' : ''}${inLog}`);
  }
  if (kept.length) say(ctx, `Warning: these people and appeal targets hold a word of their names and stay as they are; check them: ${kept.join(', ')}`);
  if (words.logLeft > 0) say(ctx, `Warning: ${LOG_LEFT(words.logLeft, 'a word of their names')}`);
}

/** What holds a word still after --words: a declined form, not a person or appeal target already listed as kept. */
function stillHolding(words: WordsErased): Mention[] {
  const kept = new Set(words.kept.map((m) => m.id));
  return words.left.filter((m) => !kept.has(m.id));
}
