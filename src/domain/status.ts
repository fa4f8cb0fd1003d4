// A person's status follows from their latest status-moving event, as git-bug derives an
// entity's state from its operations.
import { OUT_OF_DANGER, type EventType, type Status } from './types';

const MOVES: Partial<Record<EventType, Status>> = {
  arrest: 'detained',
  detention: 'detained',
  sentence: 'imprisoned',
  deportation: 'returned',
  release: 'released',
  disappearance: 'disappeared',
};

export const STATUS_MOVING_TYPES: EventType[] = [...(Object.keys(MOVES) as EventType[]), 'status'];

/** The status an event moves its people to, if any. */
export function statusFromEvent(type: EventType, explicit?: Status): Status | undefined {
  return type === 'status' ? explicit : MOVES[type];
}

export interface StatusClaim {
  status: Status;
  /** ISO date at its precision; sorts as the timeline does. */
  date: string;
  explicit: boolean;
  eventId?: string;
}

/** The claim that decides the current status: latest by date; on the same date an explicit one wins. */
export function decidingClaim(claims: StatusClaim[]): StatusClaim | undefined {
  let best: StatusClaim | undefined;
  for (const claim of claims) {
    if (!best || claim.date > best.date || (claim.date === best.date && claim.explicit && !best.explicit)) {
      best = claim;
    }
  }
  return best;
}

/**
 * Whether a status, set on `since` (ISO at its precision), may not hold on `today` (YYYY-MM-DD): set
 * after it, or out of danger (protected, deceased) and known only to a month or year that today is
 * still in, which counts from its last day, as appeal letters count it (store/derived.ts has the
 * same rule in SQL).
 */
export function statusLater(status: Status, since: string | null | undefined, today: string): boolean {
  if (since == null) return false;
  return since > today || (OUT_OF_DANGER.includes(status) && since.length < 10 && today.startsWith(since));
}

/** A status is a person's (as `caselog status` says of a case): on a whole case it would read as everyone's and set no one's. */
export const WHOLE_CASE_STATUS = "a status event is about people, not a case as a whole (whose events change nobody's status): name them, or record it with caselog status NAME... STATUS --date DATE";
