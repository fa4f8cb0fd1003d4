// The JSON shapes of the spec: id, ref, name, names, status, risks, type, summary, place, actor,
// note, people, case, sources, and date/precision/approximate/dateText for every date.
import { dateJson, dayIso, firstDay, formatDate, fromIso } from '../domain/dates';
import type { CaseRecord, DeadlineRecord, EventRecord, PersonRecord, SourceRecord } from '../domain/model';
import type { PartialDate } from '../domain/types';

const when = (d: PartialDate | undefined) => (d ? dateJson(d) : null);
/**
 * A day caselog worked out (done on, falls due on) in the same fields as every date. Nothing was
 * typed, so its text is the day as the text output writes it ("15 March 1999"), as a typed date's is.
 */
export const dayJson = (iso: string | undefined) => {
  if (!iso) return null;
  const day = fromIso(iso, false, iso);
  return dateJson({ ...day, text: formatDate(day) });
};
/** The day a deadline falls due (a month's, on its first day), as dayJson gives it. */
export const dueJson = (date: PartialDate) => dayJson(dayIso(firstDay(date)));

export function caseJson(c: CaseRecord) {
  return {
    id: c.id, ref: c.ref, title: c.title, countries: c.countries, summary: c.summary ?? null,
    opened: when(c.opened), closed: when(c.closed), closeReason: c.closeReason ?? null,
    status: c.closed ? 'closed' : 'open', people: c.people,
  };
}

export function personJson(p: PersonRecord) {
  return {
    id: p.id, name: p.name, names: p.names.map((n) => n.name), status: p.status, statusSince: when(p.statusSince),
    risks: p.risks, cases: p.cases, age: p.age ?? null, ageOn: when(p.ageOn), born: when(p.born),
    gender: p.gender ?? null, citizenship: p.citizenship ?? null, ethnicity: p.ethnicity ?? null,
    latestNews: when(p.latestNews),
  };
}

export function sourceJson(s: SourceRecord) {
  return {
    id: s.id, title: s.title, publisher: s.publisher ?? null, ref: s.ref ?? null,
    ...(s.date ? dateJson(s.date) : { date: null, precision: null, approximate: false, dateText: null }),
    url: s.url ?? null, reliability: s.reliability ?? null,
  };
}

export function eventJson(e: EventRecord, extra: Record<string, unknown> = {}) {
  return {
    id: e.id, type: e.type, ...(e.status ? { status: e.status } : {}), ...dateJson(e.date), summary: e.summary,
    place: e.place ?? null, actor: e.actor ?? null, people: e.people, case: e.case ?? null,
    sources: e.sources.map(sourceJson), ...extra,
  };
}

export function deadlineJson(d: DeadlineRecord, extra: Record<string, unknown> = {}) {
  return {
    id: d.id, ...dateJson(d.date), note: d.note, warn: d.warnDays ?? null, done: d.done, doneOn: dayJson(d.doneOn),
    case: d.case ?? null, people: d.people, ...extra,
  };
}

/**
 * JSON.stringify(items, null, 2) and a line break, as printJson writes a list, an item at a time:
 * a list of a hundred thousand people is written as it is read, never held whole.
 */
export function* jsonArrayPieces(items: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? '[\n' : ',\n'}${JSON.stringify(item, null, 2).replace(/^/gm, '  ')}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}
