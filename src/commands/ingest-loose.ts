// A document's name that reaches a tracked person only loosely (a spelling variant, other accents):
// theirs only once a caseworker confirms it on a terminal, as for every writing command (spec:
// Commands). --yes cannot ask, so it records nothing and says what would settle each one; it does
// not add them as someone new either, which add person refuses for a near-duplicate without --new.
import { shortId } from '../domain/ids';
import type { PersonRecord } from '../domain/model';
import { UserError } from '../errors';
import { oneLine } from '../render/lines';
import { shellWord } from './hints';
import type { IngestPlan, PersonProposal } from './ingest-plan';
import type { Context } from '../context';
import { say } from '../context';

/** At most this many such names are spelled out in the refusal. */
const SHOWN = 3;

/** otherScript: the document's name in another script, which differs from theirs. */
type Unconfirmed = { name: string; person: PersonRecord; how: string; otherScript?: string };

/** The people --yes would have to take on a loose match, with the tracked person each would have meant. */
export function unconfirmed(plan: IngestPlan): Unconfirmed[] {
  return plan.people.flatMap((p) => (p.choice.action === 'confirm'
    ? [{ name: p.candidate.name!, person: p.choice.person, how: howClose(p), ...(p.lookup.kind === 'tracked' && p.lookup.otherScript ? { otherScript: p.lookup.otherScript.document } : {}) }]
    : []));
}

/** "close spelling, score 0.85", and the stored name it came near when it is not their primary one. */
export function howClose(p: PersonProposal): string {
  if (p.lookup.kind !== 'tracked') return '';
  const { through, person, detail, score, otherScript } = p.lookup;
  if (otherScript) return detail;
  return `${through !== person.name ? `as "${through}": ` : ''}${alikeText({ detail, score })}`;
}

const looksLike = (u: Unconfirmed) => `${oneLine(u.person.name)} [${shortId(u.person.id)}] (${u.how})`;

/** Why --yes records nothing when a name is only close to a tracked person's, and what settles it; undefined when none is. */
export function unconfirmedProblem(plan: IngestPlan, file: string): string | undefined {
  const loose = unconfirmed(plan);
  const [first] = loose;
  if (first === undefined) return undefined;
  const listed = loose.length === 1
    ? first.otherScript
      ? `"${oneLine(first.name)}" is the name of ${oneLine(first.person.name)} [${shortId(first.person.id)}], but ${first.how}: it may be someone else of that name`
      : `"${oneLine(first.name)}" is not a stored name; it looks like ${looksLike(first)}, who may be someone else`
    : `names in it are not stored but look like tracked people, who may be others: ${loose.slice(0, SHOWN).map((u) => `"${oneLine(u.name)}" like ${looksLike(u)}`).join('; ')}`;
  const more = loose.length > SHOWN ? `; and ${loose.length - SHOWN} more (caselog ingest ${shellWord(file)} --dry-run lists them)` : '';
  const inCase = plan.theCase ? ` --case ${shellWord(plan.theCase.ref)}` : '';
  // The name in another script is what tells them apart: given to the one it is.
  const named = first.otherScript ?? first.name;
  const settle = loose.length === 1
    ? `if they are one person, caselog person alias ${shellWord(first.person.name)} ${shellWord(named)}; if not, caselog add person ${shellWord(first.name)}${first.otherScript ? ` --alias ${shellWord(first.otherScript)}` : ''} --new${inCase}`
    : `for each, if they are one person, caselog person alias TRACKED-NAME DOCUMENT-NAME; if not, caselog add person DOCUMENT-NAME --new${inCase}`;
  return `${listed}${more}. To decide, ingest it on a terminal without --yes; or, ${settle}; then ingest it again`;
}

/** --yes given a name only close to a tracked person's: refused, nothing written. */
export function refuseUnconfirmed(plan: IngestPlan, file: string): void {
  const problem = unconfirmedProblem(plan, file);
  if (problem) throw new UserError(`nothing was recorded: ${problem}`);
}

/** "spelling variant (vowels), score 0.93". */
export const alikeText = (a: { detail: string; score: number }): string => `${a.detail}, score ${a.score.toFixed(2)}`;

/**
 * Names of one document only close to each other (Marat Omarov, then Marat Umarov): --yes cannot ask
 * whether they are one person, so it records them apart, as it never joins a loose match, and says so
 * with the merge that joins them if they are one.
 */
export function noteKeptApart(ctx: Context, plan: IngestPlan, file: string): void {
  const apart = plan.people.filter((p) => p.alike && p.choice.action === 'new');
  for (const p of apart.slice(0, SHOWN)) {
    say(ctx, `note: "${oneLine(p.candidate.name!)}" was kept apart from "${oneLine(p.alike!.name)}", named before it (${alikeText(p.alike!)}): --yes does not join names only close to each other; if they are one person, caselog merge ${shellWord(p.candidate.name!)} ${shellWord(p.alike!.name)}`);
  }
  if (apart.length > SHOWN) say(ctx, `note: and ${apart.length - SHOWN} more names kept apart from ones close to them (caselog ingest ${shellWord(file)} --dry-run lists them)`);
}
