// One canonical shape per record, used both to write an export and to compare an imported record
// with what is stored: same fields, same order, nulls for absent values.
import type { Section } from './format';

type Obj = Record<string, unknown>;
const v = (x: unknown) => (x === undefined ? null : x);
const date = (x: unknown) => {
  if (x == null) return null;
  const d = x as Obj;
  return { date: d.date, precision: d.precision, approximate: d.approximate === true, dateText: d.dateText ?? d.date };
};
const sorted = (x: unknown) => [...((x as string[] | undefined) ?? [])].sort();

export function canonical(section: Section, r: Obj): Obj {
  switch (section) {
    case 'cases':
      return { id: r.id, ref: r.ref, title: r.title, countries: v(r.countries) ?? [], summary: v(r.summary), opened: date(r.opened),
        closed: date(r.closed), closeReason: v(r.closeReason), recorded: v(r.recorded) };
    case 'sources':
      return { id: r.id, title: r.title, publisher: v(r.publisher), ref: v(r.ref), date: date(r.date), url: v(r.url),
        reliability: v(r.reliability), hash: v(r.hash), text: v(r.text), recorded: v(r.recorded) };
    case 'people':
      return { id: r.id, name: r.name,
        names: ((r.names as Obj[]) ?? []).map((n) => ({ id: n.id, name: n.name, note: v(n.note) })),
        age: v(r.age), ageOn: date(r.ageOn), born: date(r.born), gender: v(r.gender), citizenship: v(r.citizenship),
        ethnicity: v(r.ethnicity), status: v(r.status), statusOn: v(r.statusOn), risks: sorted(r.risks), cases: sorted(r.cases), recorded: v(r.recorded) };
    case 'events':
      return { id: r.id, case: v(r.case), type: r.type, status: v(r.status), date: date(r.date), summary: r.summary,
        place: v(r.place), actor: v(r.actor), people: sorted(r.people), sources: sorted(r.sources), recorded: v(r.recorded) };
    case 'deadlines':
      return { id: r.id, case: v(r.case), date: date(r.date), note: r.note, warn: v(r.warn), doneOn: v(r.doneOn),
        people: sorted(r.people), recorded: v(r.recorded) };
    case 'targets':
      return { id: r.id, name: r.name, title: r.title, address: r.address, fax: v(r.fax), email: v(r.email), salutation: v(r.salutation),
        language: v(r.language), country: v(r.country), recorded: v(r.recorded) };
    case 'plans': {
      // Targets keep the plan's order (letters follow it); each request lists its targets in that order too.
      const targets = (r.targets as string[] | undefined) ?? [];
      return { id: r.id, case: r.case, targets,
        actions: ((r.actions as Obj[]) ?? []).map((a) => ({ text: a.text, targets: targets.filter((t) => (a.targets as string[]).includes(t)) })),
        copiesTo: v(r.copiesTo), recorded: v(r.recorded) };
    }
    case 'appeals':
      return { id: r.id, target: r.target, kind: r.kind, via: v(r.via), response: v(r.response), recorded: v(r.recorded) };
  }
}

/**
 * The fields in which two records of one section differ in what a user can see. Not "recorded" (when
 * each database first held it: a sheet carries no such time, so a record moved by CSV was recorded
 * when it was read), nor the ids of a person's names (a sheet gives names without them, and each
 * database that read one made its own): no command shows either, and a record that differed only
 * there was refused as differing from its own origin. The stored side is composed (NFC) as the
 * file's text is read: an earlier caselog stored a decomposed file's names as they came.
 */
export function differingFields(stored: Obj, incoming: Obj): string[] {
  const seen = (k: string, r: Obj) => JSON.stringify(k === 'names' ? ((r.names as Obj[] | null) ?? []).map((n) => [n.name, n.note ?? null]) : r[k] ?? null);
  return [...new Set([...Object.keys(stored), ...Object.keys(incoming)])]
    .filter((k) => k !== 'recorded' && seen(k, stored).normalize('NFC') !== seen(k, incoming));
}
