// What a recording command adds on stderr beside its record (an event outside its case, a change
// dated after today), and the shell words of the commands those notes suggest.
import { shellWord } from '../domain/shell-path';
import type { Context } from '../context';
import { say } from '../context';
import { DateInputError, dayInWords, dayIso, firstDay, formatDate, isoOf, lastDay, onDate, parseDeadlineDate } from '../domain/dates';
import { statusLater } from '../domain/status';
import type { EventRecord, PersonRecord } from '../domain/model';
import { OUT_OF_DANGER, type PartialDate, type Status } from '../domain/types';
import type { SqliteStore } from '../store/sqlite-store';
import { describeEvent } from './record';

/** An event or deadline on a case that also names someone outside it is kept as given: say how to add them. */
export function noteOutsideCase(ctx: Context, theCase: { id: string; ref: string } | undefined, people: PersonRecord[]): void {
  for (const p of people) {
    if (!theCase || p.cases.some((c) => c.id === theCase.id)) continue;
    const cases = [...p.cases.map((c) => c.ref), theCase.ref].map((ref) => `--case ${shellWord(ref)}`).join(' ');
    say(ctx, `note: ${p.name} is not in ${theCase.ref}; to add them to it: caselog edit ${shellWord(p.name)} ${cases}`);
  }
}

/**
 * An event dated after today is accepted (a back-filled record, a wrong --today), but it becomes the
 * latest news and may set a status now: point to what something expected is (add event, status, risk).
 */
export function noteIfAfterToday(ctx: Context, date: PartialDate, deadline: { who: string[]; dateText: string; note: string }): void {
  if (dayIso(firstDay(date)) <= dayIso(ctx.today)) return;
  const command = deadlineCommand(ctx, deadline.who, deadline.dateText, deadline.note);
  say(ctx, `note: ${formatDate(date)} is after today; if it is expected rather than done, take it back with caselog undo and record a deadline: ${command}`);
}

/**
 * Whether a change of status just recorded (by status, or an event that moves it) takes, as show
 * has it today, said of each person it does not take for. A change dated after today has its own
 * note (noteIfAfterToday); one out of danger in a month or year today is in, its own.
 */
export async function noteStatusOutcome(ctx: Context, store: SqliteStore, people: Array<{ id: string; name: string }>, wouldBe: Status, on: PartialDate): Promise<void> {
  if (dayIso(firstDay(on)) > dayIso(ctx.today)) return;
  const said = noteCountsFromLastDay(ctx, people, wouldBe, on, (day) => store.read.statusOn(people.map((p) => p.id), day));
  for (const p of people.filter((q) => !said.includes(q))) {
    const person = (await store.getPerson(p.id))!;
    noteStatusStays(ctx, person, wouldBe, on, person.statusEventId ? store.read.eventById(person.statusEventId) : undefined);
  }
}

/**
 * A change of status that does not take: the person's status is decided by something later, an
 * event or the status recorded when they were added (typed today, it outdates an event of last
 * week). Said, with what decides, so a re-arrest is not silently shown as "released".
 */
function noteStatusStays(ctx: Context, person: PersonRecord, wouldBe: Status, on: PartialDate, deciding: EventRecord | undefined): void {
  if (person.status === wouldBe) return;
  const day = dayIso(firstDay(on));
  if (person.statusEventId && deciding) {
    const when = isoOf(deciding.date) === isoOf(on) ? 'an event of the same date' : 'a later event';
    say(ctx, `Note: ${when} still decides ${person.name}'s status, which stays ${person.status}: ${describeEvent(deciding)}`);
  } else if (person.recordedStatus && person.recordedStatusOn) {
    // A status recorded on a day wins over an event of that day, as an explicit status change does.
    const when = person.recordedStatusOn === day ? 'the same day, where it wins over an event' : 'later than this';
    // The recorded status is dated the day it was typed: news of an earlier day cannot pass it by
    // date, so the way out is to say that it was wrong (a later --date would misdate the change).
    say(ctx, `Note: ${person.name}'s status stays ${person.status}, as recorded on ${dayInWords(person.recordedStatusOn)}, ${when}; `
      + `if ${person.status} was out of date when recorded: caselog status ${shellWord(person.name)} ${wouldBe} --date ${isoOf(on)} --replace`);
  }
}

/**
 * A change out of danger (protected, deceased) known only to a month or year that today is still in
 * counts from its last day (as appeal letters count it): said, so it is not taken for overruled.
 * Returns the people it was said of (no other note on their status is due). `statusOn(day)`: each
 * person's status on a day; said of those whose status on the period's last day is this one (for
 * another, a day-dated event in the same period sorts after it and decides instead: the note on
 * what decides is theirs).
 */
function noteCountsFromLastDay<P extends { name: string }>(ctx: Context, people: P[], status: Status, on: PartialDate, statusOn: (day: string) => Status[]): P[] {
  if (people.length === 0 || on.day !== undefined || !statusLater(status, isoOf(on), dayIso(ctx.today))) return [];
  const then = statusOn(dayIso(lastDay(on)));
  const said = people.filter((_, i) => then[i] === status);
  if (said.length > 0) say(ctx, `note: ${status} ${onDate(on)} counts from ${dayInWords(dayIso(lastDay(on)))}, its last day (until then ${said.map((p) => p.name).join(', ')} may still be in danger)`);
  return said;
}

/**
 * An asylum decision moves nobody's status (it may be a refusal): said, with the command that records
 * a grant, so that someone granted asylum is not left shown as detained, and at risk. Not said of
 * someone already protected, or dead.
 */
export async function noteAsylumDecision(ctx: Context, store: SqliteStore, record: EventRecord, dateText: string): Promise<void> {
  if (record.type !== 'asylum-decision') return;
  const grant = (names: string[]) => `if asylum was granted: caselog status ${names.join(' ')} protected --date ${shellWord(dateText.trim())}`;
  if (record.people.length === 0) {
    say(ctx, `note: an asylum decision changes nobody's status; ${grant(['NAME...'])}`);
    return;
  }
  const people = (await Promise.all(record.people.map((p) => store.getPerson(p.id))))
    .filter((p): p is PersonRecord => p !== undefined && !OUT_OF_DANGER.includes(p.status));
  if (people.length === 0) return;
  const whose = people.length === 1 ? `${people[0]!.name}'s status (${people[0]!.status})`
    : `the status of ${people.map((p) => `${p.name} (${p.status})`).join(', ')}`;
  say(ctx, `note: an asylum decision does not change ${whose}; ${grant(people.map((p) => shellWord(p.name)))}`);
}

/** A letter or an answer dated after today has not happened yet: most likely a mistyped date. */
export function noteIfFutureRecord(ctx: Context, date: PartialDate, what: string): void {
  if (dayIso(firstDay(date)) <= dayIso(ctx.today)) return;
  say(ctx, `note: ${what} is dated ${formatDate(date)}, after today: check the date (caselog undo takes it back)`);
}

/**
 * The command that records a deadline instead of something dated after today, with the date as
 * typed; one a deadline does not take (a season) is left as DATE to fill in, not offered to be refused.
 */
export function deadlineCommand(ctx: Context, who: string[], dateText: string, note: string): string {
  let date = shellWord(dateText.trim());
  try {
    parseDeadlineDate(dateText, ctx.today);
  } catch (error) {
    if (!(error instanceof DateInputError)) throw error;
    date = 'DATE';
  }
  return ['caselog add deadline', ...who.map(shellWord), '--date', date, '--note', shellWord(note)].join(' ');
}

export { shellWord };

/**
 * "; and 13 more (list them all: caselog search ...)": after the first people a line shows of those
 * a name fits. search shows 20 unless asked for more.
 */
export function listAllHint(left: number, total: number, name: string): string {
  return `; and ${left} more (list them all: ${searchAll(total, name)})`;
}

/** The search that lists all `total` people a name fits: search shows 20 unless asked for more. */
export function searchAll(total: number, name: string): string {
  return `caselog search${total > 20 ? ` --limit ${total}` : ''} ${shellWord(name)}`;
}
