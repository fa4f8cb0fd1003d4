// Naming a target: by its id (any unique prefix), its name or its title, exactly or as whole words
// of either ("Tokayev", "Supreme People's Court"). Several fits, or none, are errors that list them.
import { asTyped } from '../domain/text';
import { distance } from 'fastest-levenshtein';
import type { TargetRecord } from '../domain/appeals';
import { shortId } from '../domain/ids';
import { foldName } from '../domain/names';
import { NotFoundError, UserError } from '../errors';
import { listTargets } from '../store/appeals';
import type { SqliteStore } from '../store/sqlite-store';

const plain = (s: string) => asTyped(s).toLowerCase();
export const describeTarget = (t: TargetRecord) => `${t.name}, ${t.title} [${shortId(t.id)}]`;

export function findTarget(targets: TargetRecord[], typed: string): TargetRecord {
  const text = typed.trim();
  if (!text) throw new UserError('an empty name matches no target');
  if (targets.length === 0) throw new NotFoundError('no targets yet: add one with caselog add target NAME --title TEXT --address TEXT');
  const found = matchingTargets(targets, text);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new UserError(`"${text}" fits several targets: ${found.map(describeTarget).join('; ')}: give more of the name or the id`);
  }
  const nearest = byDistance(targets, text).slice(0, 3).map(({ t }) => describeTarget(t));
  throw new NotFoundError(`no target "${text}"; nearest: ${nearest.join('; ')}`);
}

/**
 * The targets the closest way of naming them fits: an id prefix, then name or title exactly, then
 * whole words of either, or (wordsOf 'name': for edit and delete, which change or remove the one
 * found) of the name alone: a word of a title ("Xinjiang") is too loose to act on.
 */
export function matchingTargets(targets: TargetRecord[], typed: string, wordsOf: 'name' | 'name and title' = 'name and title'): TargetRecord[] {
  const text = typed.trim();
  if (!text) return [];
  const tiers: Array<(t: TargetRecord) => boolean> = [
    (t) => /^t-/i.test(text) && t.id.startsWith(text.toLowerCase()),
    (t) => [t.name, t.title, `${t.name}, ${t.title}`].some((s) => plain(s) === plain(text)),
    (t) => foldName(t.name) === foldName(text) || foldName(t.title) === foldName(text),
    (t) => foldName(text) !== '' && ` ${foldName(t.name)} ${wordsOf === 'name' ? '' : `${foldName(t.title)} `}`.includes(` ${foldName(text)} `),
  ];
  for (const fits of tiers) {
    const found = targets.filter(fits);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * Targets a few letters from what was typed ("Tokaev" for TOKAYEV): for a name that fits no case,
 * person or target, to say that a target was perhaps meant.
 */
export function nearTargets(targets: TargetRecord[], typed: string): TargetRecord[] {
  const letters = foldName(typed).length;
  return byDistance(targets, typed).filter(({ d }) => letters > 2 && d <= Math.max(1, Math.floor(letters / 3))).map(({ t }) => t);
}

function byDistance(targets: TargetRecord[], typed: string): Array<{ t: TargetRecord; d: number }> {
  const folded = foldName(typed);
  return targets
    // Typed names are often one word of the name ("Tokaev"): compare with each word too.
    .map((t) => ({ t, d: Math.min(...[t.name, t.title, ...foldName(t.name).split(' ')].map((s) => distance(folded, foldName(s)))) }))
    .sort((a, b) => a.d - b.d);
}

/** Each typed name to one target, in the order typed, without repeats. */
export async function resolveTargets(store: SqliteStore, typed: string[]): Promise<TargetRecord[]> {
  const targets = await listTargets(store);
  const found = typed.map((t) => findTarget(targets, t));
  return found.filter((t, i) => found.findIndex((o) => o.id === t.id) === i);
}
