// A name two new rows of one sheet both give, one as its name or other name, the other as an other
// name: imported, two people would hold it and every later lookup of it (an events sheet, timeline)
// would find both. Refused as a stored person's name given as an --alias is, and with --new allowed
// as that is (two people who share a name, on purpose). Mostly a name pasted into the wrong row.
import { ButCaseMap, sameButCase } from '../domain/names-case';
import type { Problem } from './csv-read';
import type { PersonDraft } from './csv-rows';

const WHY = 'two people would then share it';

/** The clashes among these new rows, each reported once, on the later of its two rows. */
export function sheetNameClashes(drafts: PersonDraft[], placeOf: (line: number) => string): Problem[] {
  const rows = drafts.filter((d) => d.name);
  const named = new ButCaseMap<PersonDraft>();
  for (const d of rows) if (!named.get(d.name)) named.set(d.name, d);
  const heldBy = new ButCaseMap<PersonDraft>();
  const problems: Problem[] = [];
  // Rows that carry ids are people their own database tells apart: a name they share was shared there.
  const apart = (a: PersonDraft, b: PersonDraft) => a === b || (a.id !== undefined && b.id !== undefined);
  const on = (d: PersonDraft) => `${placeOf(d.line)} (${d.name})`;
  for (const d of rows) {
    for (const other of ownOthers(d)) {
      const owner = named.get(other);
      if (owner && !apart(owner, d)) {
        problems.push(owner.line < d.line
          ? { line: d.line, column: 'other_names', message: `${JSON.stringify(other)} is the name of the person on ${placeOf(owner.line)}: ${WHY}; ` +
            `if they are one person, give one row with all their names; if the name was put in this row by mistake, take it out; or import with --new if they are two people` }
          : { line: owner.line, column: 'name', message: `${JSON.stringify(owner.name)} is already one of the other names on ${on(d)}: ${WHY}; ` +
            `if they are one person, give one row with all their names; if the name was put in that row by mistake, take it out; or import with --new if they are two people` });
      }
      const earlier = heldBy.get(other);
      if (earlier && !apart(earlier, d)) {
        problems.push({ line: d.line, column: 'other_names', message: `${JSON.stringify(other)} is also one of the other names on ${on(earlier)}: ${WHY}; ` +
          'take it out of the row it does not belong to, or import with --new if they are two people of that name' });
      }
      if (!earlier) heldBy.set(other, d);
    }
  }
  return problems;
}

/** Whether one of the two rows gives the other's name among its other names (reported by sheetNameClashes). */
export function givesNameOf(a: PersonDraft, b: PersonDraft): boolean {
  const holds = (x: PersonDraft, name: string) => ownOthers(x).some((o) => sameButCase(o, name));
  return holds(a, b.name) || holds(b, a.name);
}

/** A row's other names but its own name written again (in other capitals), each once. */
function ownOthers(d: PersonDraft): string[] {
  const seen = new ButCaseMap<true>().set(d.name, true);
  return d.otherNames.filter((o) => !seen.get(o) && !!seen.set(o, true));
}
