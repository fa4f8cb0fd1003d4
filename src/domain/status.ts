// A person's status follows from their latest status-moving event, as git-bug derives an
// entity's state from its operations.
import type { EventType, Status } from './types';

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
