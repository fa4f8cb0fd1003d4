// Never a second record for someone already tracked because of a spelling difference.
import type { Context } from '../context';
import type { PersonRecord } from '../domain/model';
import { PLAUSIBLE_MATCH, scoreName } from '../domain/names';
import { UserError } from '../errors';
import { shortId } from '../domain/ids';
import type { SqliteStore } from '../store/sqlite-store';

/** At most this many tracked people are offered. */
const SHOWN = 5;

export interface Near { person: PersonRecord; through: string; score: number; detail: string; loose: boolean }

/**
 * Looks for tracked people whose names closely match the new ones; refuses without a terminal when
 * there are some. Returns the person the user chose to add the name to; null when the user said it
 * is a different person; undefined when nobody is near.
 */
export async function checkNewName(ctx: Context, store: SqliteStore, name: string, names: string[]): Promise<PersonRecord | null | undefined> {
  const near = (await nearPeople(store, names)).slice(0, SHOWN);
  if (near.length === 0) return undefined;
  const listed = near.map((n) => `${n.person.name} [${shortId(n.person.id)}] (via "${n.through}", ${n.detail}, score ${n.score.toFixed(2)})`).join('; ');
  const same = !near[0]!.loose;
  if (!ctx.interactive) {
    if (same) throw new UserError(`"${name}" is already a name of someone tracked: ${listed}. Nothing was added: pass --new if this is a different person`);
    throw new UserError(`"${name}" is close to someone already tracked: ${listed}. Nothing was added: add it as their name with --alias-of "${near[0]!.person.name}", or pass --new if this is a different person`);
  }
  const prompter = await ctx.prompter();
  const choice = await prompter.select<string>(`"${name}" is close to someone already tracked. What is it?`, [
    ...near.map((n) => ({ name: `Another name of ${n.person.name} (${n.detail})`, value: n.person.id })),
    { name: 'A different person: add them', value: '' },
  ]);
  return choice ? near.find((n) => n.person.id === choice)!.person : null;
}

/** Tracked people with a name plausibly matching one of these, best match first. */
export async function nearPeople(store: SqliteStore, names: string[]): Promise<Near[]> {
  const best = new Map<string, Omit<Near, 'person'>>();
  for (const name of names) {
    for (const candidate of await store.nameCandidates(name)) {
      const match = scoreName(name, candidate.name);
      if (!match || match.score < PLAUSIBLE_MATCH) continue;
      const current = best.get(candidate.personId);
      if (!current || match.score > current.score) {
        best.set(candidate.personId, { through: candidate.name, score: match.score, detail: match.detail, loose: match.reason === 'variant' });
      }
    }
  }
  const near: Near[] = [];
  for (const [id, info] of best) near.push({ person: (await store.getPerson(id))!, ...info });
  return near.sort((a, b) => b.score - a.score);
}
