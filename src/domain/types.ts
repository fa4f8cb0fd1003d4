// The caseworker's vocabulary, shared by every layer. Pure types and constant lists only.

export const STATUSES = [
  'at-liberty', 'in-hiding', 'detained', 'imprisoned', 'returned', 'disappeared',
  'released', 'protected', 'deceased', 'unknown',
] as const;
export type Status = (typeof STATUSES)[number];
/**
 * What a status stands for, where the word alone may leave a caseworker unsure which to pick: the
 * spec's own words, and for the others the events that set them (arrest, sentence, release).
 */
export const STATUS_MEANINGS: Partial<Record<Status, string>> = {
  detained: 'arrested or held, not sentenced',
  imprisoned: 'serving a sentence',
  returned: 'forcibly returned, deported or extradited',
  released: 'freed from detention or prison',
  protected: 'asylum granted or resettled',
};

/** Dead, or safe (asylum granted, resettled): no longer at risk, whatever risks are recorded. */
export const OUT_OF_DANGER: readonly Status[] = ['protected', 'deceased'];

export const RISKS = [
  'torture', 'ill-treatment', 'death-penalty', 'refoulement', 'arbitrary-detention',
  'enforced-disappearance', 'unfair-trial', 'health',
] as const;
export type Risk = (typeof RISKS)[number];

export const EVENT_TYPES = [
  'arrest', 'detention', 'charge', 'hearing', 'sentence', 'release', 'deportation',
  'extradition-request', 'asylum-application', 'asylum-decision', 'disappearance',
  'ill-treatment', 'statement', 'appeal', 'report', 'status', 'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type Precision = 'day' | 'month' | 'year';

/** A calendar date known to a day, a month or a year; never a JS Date. */
export interface PartialDate {
  year: number;
  month?: number; // 1-12, present for month and day precision
  day?: number; // 1-31, present for day precision
  approximate: boolean;
  /** What was typed or read, e.g. "during 1998" or "15 Mar 1999". */
  text: string;
}

/** A plain calendar day, used for "today" and deadline arithmetic. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** How far a source can be trusted, most first. */
export const RELIABILITIES = ['highly-reliable', 'reliable', 'fairly-reliable', 'unreliable', 'unknown'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
