// Whom a guided event or deadline is about: one or several of the case's people, someone typed anew
// (or a tracked person, by a name of theirs), or the case as a whole. Nothing is written here.
import type { Context } from '../context';
import { dayIso } from '../domain/dates';
import type { CaseRecord, PersonRecord } from '../domain/model';
import { sameButCase } from '../domain/names-case';
import { RISKS, STATUS_MEANINGS, STATUSES, type Risk, type Status } from '../domain/types';
import { choiceOf } from './flags';
import { validatorFor } from './ask';
import { CancelledError, UserError } from '../errors';
import type { Prompter } from '../prompter';
import type { PersonAnswer } from '../store/add-together';
import type { SqliteStore } from '../store/sqlite-store';
import type { NewCase } from '../store/store';
import { checkNewName, holdsName, nearPeople } from './duplicates';
import { namesakeIds, personChoice } from '../render/namesakes';

/** The case as answered: a tracked one, or one to open at the end. */
export type CaseAnswer = { tracked: CaseRecord } | { open: NewCase } | undefined;

const NEW = 'new';
const WHOLE = 'whole';

/** For an event or a deadline: the people it is about; none for the case as a whole. */
export async function askPeople(ask: Prompter, store: SqliteStore, ctx: Context, theCase: CaseAnswer): Promise<PersonAnswer[]> {
  const people = theCase && 'tracked' in theCase ? theCase.tracked.people : [];
  // Father and son of one name in a case: each with their id, born, status and cases, to tick the one meant.
  const shared = namesakeIds(people);
  const choices = [
    ...(await Promise.all(people.map(async (p) => ({ name: shared.has(p.id) ? personChoice((await store.getPerson(p.id))!) : p.name, value: p.id })))),
    { name: 'Someone new', value: NEW },
    ...(theCase ? [{ name: 'The whole case', value: WHOLE }] : []),
  ];
  // One person or nobody to choose among: a single question, as quick as a list can be.
  const picked = people.length < 2
    ? [await ask.select<string>('About whom?', choices)]
    : await ask.checkbox<string>('About whom?', choices, { validate: oneOrTheCase });
  if (picked.includes(WHOLE)) return [];
  const chosen: PersonAnswer[] = picked.filter((value) => value !== NEW).map((id) => ({ id }));
  if (!picked.includes(NEW)) return chosen;
  const added = await askNewPerson(ask, store, ctx, theCase, false);
  // A ticked person's name typed again as someone new: once, with the name typed.
  return [...chosen.filter((c) => !('id' in added && 'id' in c && c.id === added.id)), added];
}

/** The whole case names nobody: it goes alone (an event on it changes nobody's status). */
function oneOrTheCase(ticked: string[]): true | string {
  if (ticked.length === 0) return 'tick at least one (space): a person, someone new, or the whole case';
  if (ticked.includes(WHOLE) && ticked.length > 1) return 'the whole case names nobody: untick it, or untick the others';
  return true;
}

/** A person typed anew: a tracked one when the name is theirs (as the user says), else a new record. */
export async function askNewPerson(ask: Prompter, store: SqliteStore, ctx: Context, theCase: CaseAnswer, mustCreate: boolean): Promise<PersonAnswer> {
  const name = (await ask.input("The person's name:", { validate: required })).trim();
  // Someone's very name is no near-duplicate to tell apart: it is them, or a namesake.
  const holders = (await nearPeople(store, [name])).map((n) => n.person).filter((p) => holdsName(p, name));
  const tracked = holders.length > 0 ? await whoHolds(ask, theCase, name, holders) : await checkNewName(ctx, store, name, [name]);
  if (tracked) {
    const inCase = !theCase || ('tracked' in theCase && tracked.cases.some((c) => c.id === theCase.tracked.id));
    if (mustCreate && inCase && holdsName(tracked, name)) {
      throw new UserError(`"${name}" is already a name of ${tracked.name}: nothing to add`);
    }
    // Their name typed in other case is no other name of theirs: kept, it would be shown as one.
    return { id: tracked.id, otherName: holdsName(tracked, name) ? undefined : name };
  }
  const risks = parseRisks(await ask.input(`Risks they face, comma-separated (${RISKS.join(', ')}; optional):`, {
    validate: validatorFor(parseRisks),
  }));
  const status = await ask.select<Status | ''>('Their status now?', [
    { name: 'not known yet', value: '' }, ...STATUSES.filter((s) => s !== 'unknown').map((s) => ({ name: STATUS_MEANINGS[s] ? `${s} (${STATUS_MEANINGS[s]})` : s, value: s })),
  ]);
  // Nobody near when asked: if another caselog adds them before this writes, the write refuses.
  return { add: { name, aliases: [], risks, status: status || undefined, statusOn: status ? dayIso(ctx.today) : undefined, refuseTakenName: tracked === undefined } };
}

/**
 * The tracked person a typed name belongs to (joining the case, if not in it), or null for someone
 * else of the same name; saying neither writes nothing.
 */
async function whoHolds(ask: Prompter, theCase: CaseAnswer, name: string, holders: PersonRecord[]): Promise<PersonRecord | null> {
  const joins = (p: PersonRecord) => theCase !== undefined && !('tracked' in theCase && p.cases.some((c) => c.id === theCase.tracked.id));
  const where = (p: PersonRecord) => (p.cases.length > 0 ? `in ${p.cases.map((c) => c.ref).join(', ')}` : 'in no case');
  const who = (p: PersonRecord) => (sameButCase(p.name, name) ? p.name : `"${name}" (a name of ${p.name})`);
  if (holders.length > 1) {
    const id = await ask.select<string>(`"${name}" is the name of ${holders.length} people already tracked: which is it?`, [
      ...holders.map((p) => ({ name: `${personChoice(p)}${joins(p) ? ': add them to this case' : ''}`, value: p.id })),
      { name: 'Someone else of that name: add them', value: '' },
    ]);
    return holders.find((p) => p.id === id) ?? null;
  }
  const [person] = holders as [PersonRecord];
  if (await ask.confirm(`${who(person)} is already tracked (${where(person)}): ${joins(person) ? 'add them to this case' : 'is it them'}?`, true)) return person;
  if (await ask.confirm(`Then add someone else of the same name, "${name}"?`, false)) return null;
  throw new CancelledError();
}

export const required = (v: string) => (v.trim() ? true : 'required');

/** "Torture, death penalty" -> the risks, each read as --risk reads it; a word that is none is refused as there. */
function parseRisks(text: string): Risk[] {
  return [...new Set(text.split(',').filter((w) => w.trim() !== '').map((w) => choiceOf(w, RISKS, 'risk')))];
}
