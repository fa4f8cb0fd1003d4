// A document's other spelling of a tracked person that is another tracked person's own name (Hemit
// Memet "previously written as Khamit Memet", while a Khamit Memet is tracked apart): never added as
// theirs, as person alias refuses it, since neither could then be found by name. Said instead, with
// the merge to type if the two are one person (unless the document's age rules that out).
import type { Context } from '../context';
import { say } from '../context';
import { shortId } from '../domain/ids';
import type { PersonRecord } from '../domain/model';
import { oneLine } from '../render/lines';
import { notByAge } from './ingest-age';
import { newSpellings } from './ingest-people';
import type { IngestPlan, PersonProposal } from './ingest-plan';

/** A spelling not given to the person it names: whose own name it is. */
export interface Held { name: string; holder: PersonRecord }

/** The document's spellings of a tracked person that are someone else's own name. */
export function heldByOthers(plan: IngestPlan, p: PersonProposal, person: PersonRecord): Held[] {
  return newSpellings(p.candidate, person).flatMap((name) => {
    const holder = (plan.holders.get(name) ?? []).find((h) => h.id !== person.id);
    return holder ? [{ name, holder }] : [];
  });
}

/** The document's spellings to add to a tracked person: those no one else is called. */
export function spellingsToAdd(plan: IngestPlan, p: PersonProposal, person: PersonRecord): string[] {
  const held = new Set(heldByOthers(plan, p, person).map((h) => h.name));
  return newSpellings(p.candidate, person).filter((name) => !held.has(name));
}

/** "the name of Khamit Memet [p-…], tracked apart". */
export const heldText = (h: Held): string => `the name of ${oneLine(h.holder.name)} [${shortId(h.holder.id)}], tracked apart`;

/** Each spelling a tracked person is not given, as --yes and the dry run take the proposals. */
export function noteHeldNames(ctx: Context, plan: IngestPlan): void {
  for (const p of plan.people) {
    if (p.choice.action !== 'tracked') continue;
    const { person } = p.choice;
    for (const h of heldByOthers(plan, p, person)) {
      const apart = notByAge(h.holder, p.candidate.age, plan.source.date);
      const one = apart ? `by age they are not one (${oneLine(h.holder.name)}: ${apart.theirs}; the document gives ${apart.document})` : `if they are one person, caselog merge ${shortId(h.holder.id)} ${shortId(person.id)}`;
      say(ctx, `note: "${oneLine(h.name)}" is not added as another name of ${oneLine(person.name)} [${shortId(person.id)}]: it is ${heldText(h)}; ${one}`);
    }
  }
}
