// Who at-risk no longer lists because their cases are closed: by design a closed case leaves due and
// at-risk, but the people with open risks it takes along are said, on closing and when at-risk is
// empty, so that nobody drops out of sight unnoticed.
import type { Context } from '../context';
import { say } from '../context';
import type { PersonRecord } from '../domain/model';
import { OUT_OF_DANGER, type Risk } from '../domain/types';
import { gravestFirst } from '../domain/urgency';
import { peopleWhere } from '../store/upkeep-read';
import type { SqliteStore } from '../store/sqlite-store';
import type { AtRiskEntry } from '../store/store';

/** People with open risks, not out of danger, who are in cases and only closed ones (said when at-risk lists nobody). */
export async function atRiskOnlyInClosedCases(store: SqliteStore, f: { risk?: Risk }): Promise<PersonRecord[]> {
  return (await peopleWhere(store, { closed: true, risk: f.risk }))
    .filter((p) => p.risks.length > 0 && !OUT_OF_DANGER.includes(p.status));
}

/**
 * Who of the closing case's people at-risk lists now, for sayWhoLeavesAtRisk after the close: taken
 * by at-risk's own query, so that "leaves at-risk" means exactly that (a person also in a case not
 * yet opened leaves it too). Of those people only: closing one case changes nobody else, and the
 * whole list took most of a second at a million events.
 */
export async function listedAtRisk(store: SqliteStore, people: string[]): Promise<Map<string, AtRiskEntry['person']>> {
  const listed = new Map((await store.atRiskList(undefined, people)).map((e) => [e.person.id, e.person]));
  // In the order given (the case's), not the order the ids were looked up in.
  return new Map(people.flatMap((id) => (listed.has(id) ? [[id, listed.get(id)!] as const] : [])));
}

/** After a case is closed: "Kasim Mahpir (death-penalty) leaves at-risk: no other open case". */
export async function sayWhoLeavesAtRisk(ctx: Context, store: SqliteStore, before: Map<string, AtRiskEntry['person']>): Promise<void> {
  const after = await listedAtRisk(store, [...before.keys()]);
  const leaving = [...before.values()].filter((p) => !after.has(p.id));
  if (leaving.length === 0) return;
  const who = leaving.map((p) => `${p.name} (${gravestFirst(p.risks).join(', ')})`).join(', ');
  say(ctx, `${who} ${leaving.length > 1 ? 'leave' : 'leaves'} at-risk: no other open case`);
}
