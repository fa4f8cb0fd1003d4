// What a confirmation showed is what the write does, or nothing is: no lock is held while someone
// reads the question, so the write plans again under its lock and throws PlanChanged (with the plan
// as it is now) when another caselog changed it meanwhile; the new plan is then shown and asked again.
import type { Context } from '../context';
import { say } from '../context';
import { PlanChanged } from '../errors';

/**
 * Asks (`ask` shows the plan and confirms, or throws) while `asking` and there is a plan to show, then
 * writes; when the write finds the plan changed, says `changed` and asks again. `first` undefined
 * (--force, nothing shown): the write takes what is there when it runs.
 */
export async function asConfirmed<P, R>(ctx: Context, first: P | undefined, how: { asking: boolean; changed: string },
  ask: (plan: P) => Promise<void>, write: (plan: P | undefined) => Promise<R>): Promise<R> {
  for (let plan = first, again = false; ; again = true) {
    if (how.asking && plan !== undefined) {
      if (again) say(ctx, how.changed);
      await ask(plan);
    }
    try {
      return await write(plan);
    } catch (error) {
      if (!(error instanceof PlanChanged)) throw error;
      plan = error.plan as P;
    }
  }
}
