// Appeals: whom to write to (targets), what to ask of them (a case's plan), and what was sent and
// what came back. Pure types and constant lists, shared by store, render and commands.
import { dayIso, lastDay } from './dates';
import { OUT_OF_DANGER, type Day, type PartialDate, type Risk, type Status } from './types';

export const VIAS = ['post', 'fax', 'email'] as const;
export type Via = (typeof VIAS)[number];

/** How the authorities answered. `none` records that no answer came; it is not news. */
export const RESPONSES = ['favourable', 'commitment', 'denial', 'request-for-information', 'token', 'none'] as const;
export type AppealResponse = (typeof RESPONSES)[number];

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

/** What a letter pleads for someone: their risks, but not forcible return once they have been returned. */
export function pleadedRisks(person: Pleaded & { risks: Risk[] }, day: Day): Risk[] {
  return person.status === 'returned' && reachedBy(person, day) ? person.risks.filter((r) => r !== 'refoulement') : person.risks;
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
