// Appeals: whom to write to (targets), what to ask of them (a case's plan), and what was sent and
// what came back. Pure types and constant lists, shared by store, render and commands.
import { compareDates, dayIso, firstDay, lastDay } from './dates';
import { asTyped } from './text';
import { OUT_OF_DANGER, type Day, type EventType, type PartialDate, type Risk, type Status } from './types';

export const VIAS = ['post', 'fax', 'email'] as const;
export type Via = (typeof VIAS)[number];

/** How the authorities answered. `none` records that no answer came; it is not news. */
export const RESPONSES = ['favourable', 'commitment', 'denial', 'request-for-information', 'token', 'none'] as const;
export type AppealResponse = (typeof RESPONSES)[number];

/** The words an answer's event begins with in the timeline (render/appeals.ts replySummary). */
export const REPLY_WORDS: Record<AppealResponse, string> = {
  favourable: 'Favourable reply to the appeal', commitment: 'Reply to the appeal with a commitment',
  denial: 'Reply to the appeal denying the allegations', 'request-for-information': 'Reply to the appeal asking for more information',
  token: 'Token reply to the appeal (acknowledgement only)', none: 'No reply to the appeal',
};

/**
 * The note an answer was recorded with, read back from its event's summary ("Token reply to the
 * appeal (acknowledgement only): acknowledged"; "No reply to the appeal yet from TITLE (NAME): ...",
 * whose addressee ends at its first "): "). The summary is where the note is kept; one rewritten
 * since in other words has none.
 */
export function replyNote(summary: string, response: AppealResponse): string | undefined {
  const words = REPLY_WORDS[response];
  if (!summary.startsWith(words)) return undefined;
  let rest = summary.slice(words.length);
  if (response === 'none') {
    if (!rest.startsWith(' yet from ')) return undefined;
    const end = rest.indexOf('): ');
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return rest.startsWith(': ') && rest.length > 2 ? rest.slice(2) : undefined;
}

export interface TargetRecord {
  id: string;
  name: string;
  title: string;
  /** The postal address, one line each, in whatever script it was given. */
  address: string[];
  fax?: string;
  email?: string;
  salutation?: string;
  language?: string;
  country?: string;
}

export interface PlanAction {
  text: string;
  /** The targets this request is addressed to (ids), in plan order. */
  targetIds: string[];
}

/**
 * A request as compared with the plan's: "Seeking assurance of a fair trial." typed again as
 * "seeking  assurance of a fair trial" is the same request, not a second one in the letter.
 */
export const requestKey = (text: string): string => asTyped(text).replace(/\s*\.$/, '').toLowerCase();

export interface PlanRecord {
  id: string;
  case: { id: string; ref: string };
  targets: TargetRecord[];
  actions: PlanAction[];
  copiesTo?: string;
}

/** One letter sent to a target, or one answer from it: an event on the case. */
export interface AppealEntry {
  eventId: string; targetId: string; kind: 'sent' | 'response'; via?: Via; response?: AppealResponse; date: PartialDate;
  /** What an answer said, in short (`appeal response --note`). */
  note?: string;
}

/** A case's appeals work with one target: whether its plan names the target, and the letters and answers. */
export interface TargetAppeals { case: { id: string; ref: string }; inPlan: boolean; entries: AppealEntry[] }

export interface AppealSummary {
  /** Targets in the case's plan. */
  targets: number;
  /** Targets written to at least once. */
  sent: number;
  /** Targets that answered (a reply other than `none`). */
  answered: number;
}

/** An address as typed: real line breaks and a typed "\n" start a new line; blank lines go. */
export function addressLines(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(/\r?\n|\\n/))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Why a letter may not plead for this person: dead, or safe (asylum granted or resettled);
 * undefined otherwise. Someone with no risks recorded is still written for (risks are optional
 * when a person is added): the letter names no risk for them.
 */
export function notPleadedFor(person: Pleaded, day: Day): string | undefined {
  return OUT_OF_DANGER.includes(person.status) && reachedBy(person, day) ? person.status : undefined;
}

/** What a letter pleads for someone: their risks, but not forcible return once they have been returned (see returnedBy). */
export function pleadedRisks(person: { risks: Risk[] }, returned: boolean): Risk[] {
  return returned ? person.risks.filter((r) => r !== 'refoulement') : person.risks;
}

/** A piece of news about a person that may say where they are; no date: as recorded, from the start. */
export interface WhereaboutsNews { type: EventType; status?: Status; date?: PartialDate }

const RETURN = (n: WhereaboutsNews) => n.type === 'deportation' || (n.type === 'status' && n.status === 'returned');
// Only someone in another country's hands applies for asylum there, is granted it, or is asked for.
const ABROAD_AGAIN: readonly EventType[] = ['asylum-application', 'asylum-decision', 'extradition-request'];
const ABROAD = (n: WhereaboutsNews) => ABROAD_AGAIN.includes(n.type) || (n.type === 'status' && n.status === 'protected');

/**
 * Whether the person had been forcibly returned by the letter's day and nothing since shows them
 * abroad again: then the letter no longer pleads against forcible return (it has happened; asked
 * still, the letter reads as if the writer had not heard). Released or detained after it, they are
 * still in the country they were sent to, so their present status alone does not decide it.
 * - A return is a deportation, or the status returned (set, or recorded when they were added), once
 *   surely past on the letter's day: a return "in 1999" is not yet one in February 1999.
 * - Then an asylum application or decision, an extradition request or the status protected (asylum
 *   granted, or resettled), begun by the letter's day, shows them abroad again, facing return anew.
 * Both lean towards pleading: a letter asking too much does less harm than one silent on a risk.
 */
export function returnedBy(news: WhereaboutsNews[], day: Day): boolean {
  const letterDay = dayIso(day);
  const ordered = [...news].sort((a, b) => (a.date && b.date ? compareDates(a.date, b.date) : Number(Boolean(a.date)) - Number(Boolean(b.date))));
  let returned = false;
  for (const n of ordered) {
    if (RETURN(n) && (!n.date || dayIso(lastDay(n.date)) <= letterDay)) returned = true;
    else if (ABROAD(n) && (!n.date || dayIso(firstDay(n.date)) <= letterDay)) returned = false;
  }
  return returned;
}

interface Pleaded { status: Status; statusSince?: PartialDate }

/**
 * Whether the person's present status was surely theirs on the letter's day (a letter dated back
 * with --today). A status known to the month or year counts from its last day: while it may not
 * have begun yet, the letter still pleads (released "in 1999" does not end pleading in January).
 */
function reachedBy(person: Pleaded, day: Day): boolean {
  return !person.statusSince || dayIso(lastDay(person.statusSince)) <= dayIso(day);
}
