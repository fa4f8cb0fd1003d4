// caselog status WHO... STATUS [--date D] [--note TEXT]: an explicit status change, recorded as an event
// of type `status` so the timeline shows it; on its date it wins over other events (spec: Domain).
import type { Context } from '../context';
import { printJson, say } from '../context';
import { dayInWords, dayIso, isoOf, onDate, parseDate } from '../domain/dates';
import { statusLater } from '../domain/status';
import { shortId } from '../domain/ids';
import type { PersonRecord } from '../domain/model';
import type { PartialDate, Status } from '../domain/types';
import type { SqliteStore } from '../store/sqlite-store';
import { UserError } from '../errors';
import { eventJson, personJson } from '../render/json';
import { dropRecordedStatus, recordStatus } from '../store/upkeep-status';
import type { EventRecord } from '../domain/model';
import { noteIfAfterToday, noteStatusOutcome } from './hints';
import { resolveWhoList } from './who';
import { trackedLabels } from './namesakes';

export async function setStatus(ctx: Context, whoTexts: string[], status: Status, opts: { date?: string; note?: string; replace?: boolean }) {
  const date = parseDate(opts.date ?? dayIso(ctx.today), ctx.today);
  const store = await ctx.openStore({ create: false });
  const befores: PersonRecord[] = [];
  for (const who of await resolveWhoList(ctx, store, whoTexts, { writing: true })) {
    if (who.kind === 'case') throw new UserError(`a status belongs to a person, not to case ${who.case.ref}: caselog status "NAME" ${status}`);
    if (!befores.some((p) => p.id === who.person.id)) befores.push(who.person);
  }
  const replacing = opts.replace ? befores.filter((p) => p.recordedStatus !== undefined).map((p) => p.id) : [];
  // The change on the timeline already (the note after a status that did not take repeats the command):
  // only the recorded status goes, not a second event of the same.
  const already = replacing.length > 0 ? await sameStatusEvent(store, befores, status, date) : undefined;
  if (already) {
    await dropRecordedStatus(store, replacing);
    const people = await Promise.all(befores.map(async (p) => (await store.getPerson(p.id))!));
    if (ctx.json) printJson(ctx, { event: eventJson(already), ...(people.length === 1 ? { person: personJson(people[0]!) } : {}), people: people.map(personJson) });
    const label = await trackedLabels(store, people);
    people.forEach((person, i) => {
      const before = befores[i]!;
      say(ctx, `${label(person)}: ${status} ${onDate(date)} was recorded already [${shortId(already.id)}]; dropped the status ${before.recordedStatus ?? before.status} recorded${before.recordedStatusOn ? ` on ${dayInWords(before.recordedStatusOn)}` : ''}, now ${person.status} (caselog undo brings it back)`);
    });
    return;
  }
  // One event about them all (released together), on the one case they share, so its timeline shows it.
  const shared = befores[0]!.cases.filter((c) => befores.every((p) => p.cases.some((k) => k.id === c.id)));
  const id = await recordStatus(store, {
    caseId: shared.length === 1 ? shared[0]!.id : undefined, personIds: befores.map((p) => p.id), type: 'status', status,
    summary: opts.note?.trim() || `status set to ${status}`, date, sourceIds: [],
  }, replacing);
  const people = await Promise.all(befores.map(async (p) => (await store.getPerson(p.id))!));
  const event = store.read.eventById(id)!;
  if (ctx.json) {
    // `people` always; `person` too when there is one (as status printed before it took several).
    const json = people.map(personJson);
    printJson(ctx, { event: eventJson(event), ...(json.length === 1 ? { person: json[0] } : {}), people: json });
  }
  const label = await trackedLabels(store, people);
  // Out of danger in a month today is in: it takes, from the month's last day (a note says so).
  const countsLater = statusLater(status, isoOf(date), dayIso(ctx.today));
  people.forEach((person, i) => {
    const before = befores[i]!;
    say(ctx, `Recorded ${label(person)}: ${status} ${onDate(date)}${before.status !== status && (person.status === status || countsLater) ? ` (was ${before.status})` : ''} [${shortId(id)}]`);
    if (opts.replace && before.recordedStatus) {
      say(ctx, `Dropped the status ${before.recordedStatus} recorded${before.recordedStatusOn ? ` on ${dayInWords(before.recordedStatusOn)}` : ''} (caselog undo brings it back)`);
    }
  });
  if (opts.replace && befores.every((p) => p.recordedStatus === undefined)) {
    say(ctx, `note: --replace changed nothing more: no status was recorded for ${befores.length === 1 ? befores[0]!.name : 'them'} when added or imported`);
  }
  await noteStatusOutcome(ctx, store, people, status, date);
  if (opts.date !== undefined) {
    noteIfAfterToday(ctx, date, { who: people.map((p) => p.name), dateText: opts.date, note: `check: ${opts.note?.trim() || `status ${status}`}` });
  }
}

/** A status event of this status and date already about every one of these people, if any. */
async function sameStatusEvent(store: SqliteStore, people: PersonRecord[], status: Status, date: PartialDate): Promise<EventRecord | undefined> {
  const events = await store.personTimeline(people[0]!.id);
  return events.find((e) => e.type === 'status' && e.status === status && isoOf(e.date) === isoOf(date)
    && people.every((p) => e.people.some((q) => q.id === p.id)));
}
