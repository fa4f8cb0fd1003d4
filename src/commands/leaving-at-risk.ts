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

/** People with open risks, not out of danger, who are in cases and only closed ones (this case's, with caseId). */
export async function atRiskOnlyInClosedCases(store: SqliteStore, f: { caseId?: string; risk?: Risk }): Promise<PersonRecord[]> {
  return (await peopleWhere(store, { closed: true, caseId: f.caseId, risk: f.risk }))
    .filter((p) => p.risks.length > 0 && !OUT_OF_DANGER.includes(p.status));
}

/** After a case is closed: "Kasim Mahpir (death-penalty) leaves at-risk: no other open case". */
export async function sayWhoLeavesAtRisk(ctx: Context, store: SqliteStore, caseId: string): Promise<void> {
  const leaving = await atRiskOnlyInClosedCases(store, { caseId });
  if (leaving.length === 0) return;
  const who = leaving.map((p) => `${p.name} (${gravestFirst(p.risks).join(', ')})`).join(', ');
  say(ctx, `${who} ${leaving.length > 1 ? 'leave' : 'leaves'} at-risk: no other open case`);
}
