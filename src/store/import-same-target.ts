// An appeal target of a file under an id new here may be one stored here under another: two
// colleagues each added the Minister an Urgent Action names. One person in one office is one target
// (add target and edit refuse a second, by name and title ignoring case): a second would make
// --target NAME ambiguous for good, as no command deletes or merges a target.
import { canonical, differingFields } from '../exchange/canonical';
import type { Section } from '../exchange/format';
import { storedRecord } from './export';
import type { DB } from './open';
import { SAME_TARGET } from './appeals';

type Obj = Record<string, unknown>;

/** The target stored here before the import (rowid up to `mark`) of the file's target's name and title, and where it differs. */
export function sameTarget(db: DB, mark: number, incoming: Obj): { here: string; fields: string[] } | undefined {
  // The rule by which add target refuses a second, among the targets that were here before.
  const here = db.prepare(`SELECT id FROM targets WHERE ${SAME_TARGET} AND rowid <= ? ORDER BY rowid LIMIT 1`)
    .pluck().get(incoming.name, incoming.title, mark) as string | undefined;
  if (!here) return undefined;
  return { here, fields: differingFields(storedRecord(db, 'targets', here)!, { ...incoming, id: here }) };
}

/** A plan or an appeal record of the file with its targets turned to those here it was taken as. */
export function onSameTargets(section: Section, r: Obj, same: Map<string, string>): Obj {
  const here = (id: string) => same.get(id) ?? id;
  if (section === 'appeals') return same.has(r.target as string) ? { ...r, target: here(r.target as string) } : r;
  if (section !== 'plans' || !(r.targets as string[]).some((t) => same.has(t))) return r;
  const targets = [...new Set((r.targets as string[]).map(here))];
  const actions = (r.actions as Obj[]).map((a) => ({ ...a, targets: [...new Set((a.targets as string[]).map(here))] }));
  return canonical(section, { ...r, targets, actions });
}
