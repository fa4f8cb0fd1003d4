// A plan shown for a confirmation is what the write carries out, or nothing is: the write, under its
// lock, plans again and compares (what goes, what moves, what is replaced) with what was shown.
import { PlanChanged } from '../errors';

/** Whether two plans do the same, as `key` gives what of a plan the user was shown. */
export const sameShown = <P>(a: P, b: P, key: (plan: P) => unknown): boolean => JSON.stringify(key(a)) === JSON.stringify(key(b));

/** Thrown inside the write, it rolls the write back; `now` (the plan as it is now) goes with it, to show. */
export const planChanged = <C>(refusal: string, now: C): PlanChanged<C> =>
  new PlanChanged(`${refusal}: the records changed after it was shown (another caselog wrote meanwhile); run it again to see what it does now`, now);

/** The plan made now inside the write, when it is the one shown (or none was: --force); else PlanChanged. */
export function asShown<P>(shown: P | undefined, now: P, key: (plan: P) => unknown, refusal: string): P {
  if (shown === undefined || sameShown(shown, now, key)) return now;
  throw planChanged(refusal, now);
}
