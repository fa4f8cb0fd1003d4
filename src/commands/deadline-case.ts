// Which case a new deadline goes on. A closed case's deadlines never reach due, so a deadline is
// never put on one: a reminder that would stay silent is worse than a refusal.
import type { Context } from '../context';
import type { CaseRecord, CaseRef, PersonRecord } from '../domain/model';
import { UserError } from '../errors';
import type { SqliteStore } from '../store/sqlite-store';
import { shellWord } from './hints';

/** The refusal of a deadline on a closed case, with the two ways forward. */
export function closedCaseRefusal(ref: string): string {
  return `${ref} is closed: its deadlines are not shown by due; reopen it first (caselog reopen ${shellWord(ref)}) or name an open case`;
}

/**
 * The case named, else the one open case all the people share (asked on a terminal when they
 * share several), else none for people in no case at all; refused otherwise.
 */
export async function deadlineCaseId(ctx: Context, store: SqliteStore, theCase: CaseRecord | undefined, people: PersonRecord[]): Promise<string | undefined> {
  if (theCase) {
    if (theCase.closed) throw new UserError(closedCaseRefusal(theCase.ref));
    return theCase.id;
  }
  if (people.length === 0 || people.every((p) => p.cases.length === 0)) return undefined;
  const isOpen = (c: CaseRef) => !store.read.caseById(c.id)?.closed;
  const shared = people[0]!.cases.filter((c) => people.every((p) => p.cases.some((k) => k.id === c.id)));
  const sharedOpen = shared.filter(isOpen);
  if (sharedOpen.length === 1) return sharedOpen[0]!.id;
  if (sharedOpen.length > 1) return pickOpenCase(ctx, people, sharedOpen);
  if (shared.length === 1) throw new UserError(closedCaseRefusal(shared[0]!.ref));
  if (shared.length > 1) {
    const refs = shared.map((c) => c.ref);
    throw new UserError(`${refs.join(', ')} are closed: their deadlines are not shown by due; reopen one first (caselog reopen ${shellWord(refs[0]!)}) or name an open case`);
  }
  // A deadline belongs to a case: people of different cases share none to put it on (those in no
  // case yet, tracked before one is opened, may have one of their own).
  const inCases = people.map((p) => `${p.name} (${p.cases.map((k) => k.ref).join(', ') || 'no case'})`).join(', ');
  const example = people.flatMap((p) => p.cases).find(isOpen) ?? people.find((p) => p.cases.length > 0)!.cases[0]!;
  throw new UserError(`${inCases} are in no case together: record a deadline for each case, or name the case, e.g. caselog add deadline ${shellWord(example.ref)} ...`);
}

/** Several open cases fit: the user picks on a terminal; without one, the command names them. */
async function pickOpenCase(ctx: Context, people: PersonRecord[], open: CaseRef[]): Promise<string> {
  const who = people.length === 1 ? `${people[0]!.name} is` : `${people.map((p) => p.name).join(', ')} are`;
  if (!ctx.interactive) {
    const example = [shellWord(open[0]!.ref), ...people.map((p) => shellWord(p.name))].join(' ');
    throw new UserError(`${who} in several ${people.length === 1 ? '' : 'shared '}open cases (${open.map((c) => c.ref).join(', ')}): name the case too, e.g. caselog add deadline ${example} ...`);
  }
  const ask = await ctx.prompter();
  return ask.select<string>(`${who} in several open cases: which is the deadline for?`, open.map((c) => ({ name: c.ref, value: c.id })));
}
