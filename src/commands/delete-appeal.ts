// What deleting a letter sent leaves behind in the case's appeal plan.
import type { SqliteStore } from '../store/sqlite-store';
import { appealEntries, appealsOfEvents, planForCase } from '../store/appeals';
import { addedToPlanWith } from '../store/trust-audit';
import { shellWord } from './hints';

/**
 * Recording a letter to a target outside the plan added them to it; deleting that letter (their only
 * one in the case) leaves them there, counted as not written to (undo of the recording takes both
 * back). The line that says so and how to take them out, worked out before the delete; undefined for
 * any other event.
 */
export async function targetLeftInPlan(store: SqliteStore, eventId: string): Promise<string | undefined> {
  const letter = (await appealsOfEvents(store, [eventId])).get(eventId);
  const theCase = store.read.eventById(eventId)?.case;
  if (!letter || letter.kind !== 'sent' || !theCase) return undefined;
  const target = (await planForCase(store, theCase.id))?.targets.find((t) => t.id === letter.targetId);
  if (!target || !addedToPlanWith(store, eventId, target.id)) return undefined;
  const others = (await appealEntries(store, theCase.id)).some((e) => e.kind === 'sent' && e.targetId === target.id && e.eventId !== eventId);
  if (others) return undefined;
  return `${target.name} stays in the appeal plan of ${theCase.ref}, which recording this letter had added them to, and counts as not written to: `
    + `to take them out, caselog appeal plan ${shellWord(theCase.ref)} --remove-target ${shellWord(target.name)}`;
}
