// A document's age that cannot be a tracked person's (a "19-year-old student" against someone born in
// 1951) rules that person out, whatever their names: on a terminal the question says so and Enter
// adds someone new; --yes adds someone new and names the one ruled out, with the merge that undoes it.
import type { Context } from '../context';
import { say } from '../context';
import { birthProblem, bornFromAge, onDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import type { PersonRecord } from '../domain/model';
import type { PartialDate } from '../domain/types';
import { age as ageText } from '../render/card';
import { oneLine } from '../render/lines';
import type { Ingested, IngestWrite } from '../store/ingest';
import type { IngestPlan } from './ingest-plan';

/** A tracked person ruled out by age: what the document says, and what is recorded of them. */
export interface NotByAge { person: PersonRecord; document: string; theirs: string }

/**
 * The tracked person, when the document's age on its date cannot be theirs. Ages in reports are often
 * a year or two out, so the recorded birth year is read as approximate (two years either way, as
 * birthProblem allows): only a plain contradiction rules them out.
 */
export function notByAge(person: PersonRecord, age: number | undefined, on: PartialDate | undefined): NotByAge | undefined {
  if (age === undefined || on === undefined) return undefined;
  const born = person.born ?? (person.age !== undefined && person.ageOn ? bornFromAge(person.age, person.ageOn) : undefined);
  if (!born || !birthProblem({ ...born, approximate: true }, undefined, { age, on })) return undefined;
  return { person, document: `aged ${age} ${onDate(on)}`, theirs: ageText(person) };
}

/** "not Li Yuhan [p-…] (born 1951): the document gives aged 19 on 21 November 2026". */
export const notByAgeText = (n: NotByAge): string =>
  `not ${oneLine(n.person.name)} [${shortId(n.person.id)}] (${n.theirs}): the document gives ${n.document}`;

/** After --yes: who was added rather than taken as someone tracked, and the merge if they are one after all. */
export function noteAddedNotByAge(ctx: Context, plan: IngestPlan, write: IngestWrite, done: Ingested): void {
  // The store adds new people in the order given.
  const added = new Map(write.newPeople.map((p, i) => [p.key, done.newPeople[i]]));
  for (const p of plan.people) {
    const person = added.get(p.key);
    if (!p.notByAge || !person) continue;
    say(ctx, `note: ${oneLine(p.candidate.name!)} was added as someone new [${shortId(person.id)}], ${notByAgeText(p.notByAge)}; ` +
      `if they are one person after all, caselog merge ${shortId(person.id)} ${shortId(p.notByAge.person.id)}`);
  }
}
