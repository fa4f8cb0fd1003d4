// Which request of `appeal plan` is asked of which target: each --action of the --target (or run of
// --target) typed before it, as --help says; an --action before any --target, of every target.
import { asTyped } from '../domain/text';

/** One --target or --action as typed, in the order typed. */
export interface GivenFlag { flag: 'target' | 'action'; value: string }

/** Typed targets with the requests given after them; no targets: asked of all; no requests: targets alone. */
export interface TypedRequests { targets: string[]; actions: string[] }

/** A request as kept: one line, its spaces as one (as any text typed is compared). */
export const requestText = asTyped;

export function requestsAsTyped(given: GivenFlag[]): TypedRequests[] {
  const groups: TypedRequests[] = [];
  for (const { flag, value } of given) {
    let last = groups[groups.length - 1];
    // A --target after requests starts the next group; one after a --target joins it.
    if (!last || (flag === 'target' && last.actions.length > 0)) groups.push(last = { targets: [], actions: [] });
    if (flag === 'target') last.targets.push(value);
    else if (requestText(value)) last.actions.push(requestText(value));
  }
  return groups;
}

/** Without the order (a caller other than the command line): every target first, then every request. */
export const inGivenOrder = (targets: string[], actions: string[]): GivenFlag[] => [
  ...targets.map((value) => ({ flag: 'target' as const, value })),
  ...actions.map((value) => ({ flag: 'action' as const, value })),
];
