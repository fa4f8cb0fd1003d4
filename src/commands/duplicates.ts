// Never a second record for someone already tracked because of a spelling difference.
import type { Context } from '../context';
import { say } from '../context';
import type { PersonRecord } from '../domain/model';
import { explainsBetter, PLAUSIBLE_MATCH, scoreName } from '../domain/names';
import { sameButCase } from '../domain/names-case';
import { UserError } from '../errors';
import { shortId } from '../domain/ids';
import type { SqliteStore } from '../store/sqlite-store';
import type { NameCandidate } from '../store/store';
import { namesakeIds, personChoice, tellApart } from '../render/namesakes';
import { listAllHint, shellWord } from './hints';

/** At most this many tracked people are offered. */
const SHOWN = 5;

/** A tracked person near a new name: through which of their names, and which of the new names (given) reached it. */
export interface Near { person: PersonRecord; through: string; given: string; score: number; detail: string; loose: boolean }

/**
 * Looks for tracked people whose names closely match the new ones; refuses without a terminal when
 * there are some. Returns the person the user chose to add the name to; null when the user said it
 * is a different person; undefined when nobody is near.
 */
export async function checkNewName(ctx: Context, store: SqliteStore, name: string, names: string[]): Promise<PersonRecord | null | undefined> {
  const all = await nearPeople(store, names);
  const near = all.slice(0, SHOWN);
  if (near.length === 0) return undefined;
  const listed = describeNear(near) + moreNear(all, near[0]!.given);
  const same = !near[0]!.loose;
  // The name that reached them: an --alias may be someone's where the new name is not.
  const { given, through } = near[0]!;
  const which = given === name ? `"${name}"` : `"${given}" (an --alias of ${name})`;
  if (!ctx.interactive) {
    // Their name but for capitals is theirs; with other accents or spacing it is not stored, as add event says.
    if (same && sameButCase(given, through)) throw new UserError(`${which} is already a name of someone tracked: ${listed}. Nothing was added: pass --new if this is a different person`);
    const how = same ? 'is not a stored name; it looks like someone already tracked' : 'is close to someone already tracked';
    throw new UserError(`${which} ${how}: ${listed}. Nothing was added: add it as their name with --alias-of ${shellWord(near[0]!.person.name)}, or pass --new if this is a different person`);
  }
  const prompter = await ctx.prompter();
  const shared = namesakeIds(all.map((n) => n.person));
  // A spelling only close to theirs may be a brother's: Enter must not give it, and what is recorded with it, to them.
  const choice = await prompter.select<string>(`${which} is close to someone already tracked. What is it?`, [
    // On a terminal every one of them is offered: one past the first few could be reached no other way.
    ...all.map((n) => ({ name: `Another name of ${nearChoice(n, shared)}`, value: n.person.id })),
    { name: 'A different person: add them', value: '' },
  ], same ? undefined : '');
  return choice ? all.find((n) => n.person.id === choice)!.person : null;
}

/** Tracked people with a name plausibly matching one of these, best match first. */
export async function nearPeople(
  store: SqliteStore, names: string[],
  candidates: (name: string) => Promise<NameCandidate[]> | NameCandidate[] = (name) => store.nameCandidates(name),
): Promise<Near[]> {
  const best = new Map<string, Omit<Near, 'person'> & { primary?: boolean }>();
  for (const name of names) {
    for (const candidate of await candidates(name)) {
      const match = scoreName(name, candidate.name);
      if (!match || match.score < PLAUSIBLE_MATCH) continue;
      const current = best.get(candidate.personId);
      // Of one new name's matches, the one explainsBetter picks: not a Cyrillic alias for a Latin name
      // that reads exactly as typed, where a Latin name matches too. Across the new names, the closer.
      const shows = current === undefined || (name === current.given
        ? explainsBetter(name, { ...candidate, score: match.score }, { name: current.through, primary: current.primary, score: current.score })
        : match.score > current.score);
      if (shows) {
        best.set(candidate.personId, { through: candidate.name, primary: candidate.primary, given: name, score: match.score, detail: match.detail, loose: match.reason === 'variant' });
      }
    }
  }
  const near: Near[] = [];
  for (const [id, { primary: _, ...info }] of best) near.push({ person: (await store.getPerson(id))!, ...info });
  return near.sort((a, b) => b.score - a.score);
}

/**
 * Whether `person` may take `name` as one of theirs (person alias, edit --name/--alias): another
 * tracked person's own name (up to case, accents or script) never, since neither could be told
 * apart by it; a name merely close to another's after confirmation on a terminal, or with --force
 * (or always, with 'close names').
 */
export async function allowNewName(ctx: Context, store: SqliteStore, person: PersonRecord, name: string, force: boolean | 'close names'): Promise<void> {
  const others = (await nearPeople(store, [name])).filter((n) => n.person.id !== person.id).slice(0, SHOWN);
  // By id: the two may share the very name (namesakes), and a name could reach a third person.
  const merge = (other: PersonRecord) => `caselog merge ${shortId(other.id)} ${shortId(person.id)}`;
  const same = others.find((n) => !n.loose);
  if (same) {
    throw new UserError(`"${same.through}" is already a name of ${same.person.name} [${shortId(same.person.id)}]: nothing was changed; ` +
      `if they are one person, ${merge(same.person)}`);
  }
  // add person --alias-of: the caseworker has said whose name it is, often on caselog's own advice.
  if (others.length === 0 || force === 'close names') return;
  const listed = describeNear(others);
  const warning = `"${name}" also closely matches ${others.length === 1 ? 'another tracked person' : 'other tracked people'}: ${listed}`;
  if (!force && !ctx.interactive) {
    throw new UserError(`${warning}. Nothing was changed: pass --force if it is ${person.name}'s name all the same, or if they are one person, ${merge(others[0]!.person)}`);
  }
  say(ctx, `warning: ${warning}`);
  if (!force && !(await (await ctx.prompter()).confirm(`Give "${name}" to ${person.name} all the same?`, false))) {
    throw new UserError(`nothing changed: "${name}" was not given to ${person.name}`);
  }
}

/** "Kasim Mahpir [p-…] (via "Kasim Mahpir", close spelling, score 0.91); …": the people a name came near. */
function describeNear(near: Near[]): string {
  const shared = namesakeIds(near.map((n) => n.person));
  return near.map((n) => `${n.person.name} [${shortId(n.person.id)}] (${shared.has(n.person.id) ? `${tellApart(n.person)}; ` : ''}via "${n.through}", ${n.detail}, score ${n.score.toFixed(2)})`).join('; ');
}

/** A near person as a choice: with their age, status and cases when another offered shares their name. */
function nearChoice(n: Near, shared: Set<string>): string {
  const how = `${n.detail}, score ${n.score.toFixed(2)}`;
  return shared.has(n.person.id) ? personChoice(n.person, how) : `${n.person.name} [${shortId(n.person.id)}] (${how})`;
}

/** "; and 13 more (list them all: caselog search ...)", when more people were near than a line shows. */
function moreNear(all: Near[], name: string): string {
  return all.length > SHOWN ? listAllHint(all.length - SHOWN, all.length, name) : '';
}

/** The person's stored name that this one is, spacing, capitals (as sameButCase reads them) and Unicode composition aside. */
export function heldName(person: PersonRecord, name: string): PersonRecord['names'][number] | undefined {
  return person.names.find((n) => sameButCase(n.name, name));
}

/** Whether the person already has this name, spacing, capitals and Unicode composition aside. */
export const holdsName = (person: PersonRecord, name: string): boolean => heldName(person, name) !== undefined;

/**
 * The names that are not one of `held`, nor an earlier one of `names`, but for spacing, capitals
 * and Unicode composition: those person alias adds nothing for.
 */
export function otherNames(names: string[], held: string[] = []): string[] {
  const seen = [...held];
  const other: string[] = [];
  for (const name of names) {
    if (seen.some((s) => sameButCase(s, name))) continue;
    seen.push(name);
    other.push(name);
  }
  return other;
}
