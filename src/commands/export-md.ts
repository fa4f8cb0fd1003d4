// caselog export --format md WHO [--out FILE]: a dossier on a person or a case.
import type { Context } from '../context';
import type { CaseRecord, DeadlineRecord, PersonRecord } from '../domain/model';
import { groupHappenings } from '../domain/timeline';
import { renderDossier, type Dossier } from '../exchange/dossier';
import type { SqliteStore } from '../store/sqlite-store';
import { deadlinesAbout, openDeadlinesOf } from '../store/upkeep-read';
import type { ExportOptions } from './export';
import { writeTo } from './write-out';
import { resolveWho } from './who';

export async function exportMarkdown(ctx: Context, store: SqliteStore, whoText: string, opts: ExportOptions): Promise<void> {
  const who = await resolveWho(ctx, store, whoText, { writing: false });
  let dossier: Dossier;
  if (who.kind === 'case') {
    const people = await recordsOf(who.case.people.map((p) => p.id), (id) => store.getPerson(id));
    const about = { kind: 'case' as const, id: who.case.id };
    dossier = {
      subject: who, people, cases: [who.case],
      happenings: groupHappenings(await store.caseTimeline(who.case.id)),
      // The case's own deadlines, and those on no case that name its people.
      deadlines: await deadlinesAbout(store, about),
      inClosedCases: await notDoneIn(store, [who.case]),
      done: await deadlinesAbout(store, about, 'done'),
      today: ctx.today,
    };
  } else {
    const cases = await recordsOf(who.person.cases.map((c) => c.id), (id) => store.getCase(id));
    const theirs = (d: DeadlineRecord) => d.people.some((p) => p.id === who.person.id);
    const about = { kind: 'person' as const, id: who.person.id };
    dossier = {
      subject: who, people: [who.person], cases,
      happenings: groupHappenings(await store.personTimeline(who.person.id)),
      deadlines: await deadlinesAbout(store, about),
      inClosedCases: (await notDoneIn(store, cases)).filter(theirs),
      done: await deadlinesAbout(store, about, 'done'),
      today: ctx.today,
    };
  }
  await writeTo(ctx, opts.out, [renderDossier(dossier)]);
}

/** Deadlines never marked done on those of the cases that are closed: due leaves them out, the dossier does not. */
async function notDoneIn(store: SqliteStore, cases: CaseRecord[]): Promise<DeadlineRecord[]> {
  return (await Promise.all(cases.filter((c) => c.closed).map((c) => openDeadlinesOf(store, c.id)))).flat();
}

async function recordsOf<T extends CaseRecord | PersonRecord>(ids: string[], get: (id: string) => Promise<T | undefined>): Promise<T[]> {
  const found = await Promise.all(ids.map(get));
  return found.filter((r): r is Awaited<T> => r !== undefined) as T[];
}
