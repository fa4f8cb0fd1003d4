// Turning what the user typed (a case reference, a name, an id) into records.
// References are matched exactly (ignoring case and spacing); names go through the matcher.
import type { Context } from '../context';
import { say } from '../context';
import { kindOfId, looksLikeId } from '../domain/ids';
import type { CaseRecord, PersonRecord } from '../domain/model';
import { resolveName } from '../domain/names';
import { AmbiguousNameError, NotFoundError, UserError } from '../errors';
import type { SqliteStore } from '../store/sqlite-store';

export type Who = { kind: 'case'; case: CaseRecord } | { kind: 'person'; person: PersonRecord };

export interface WhoOptions {
  /** Writing commands use a loose (variant) match only after confirmation on a terminal. */
  writing: boolean;
}

export async function resolveWho(ctx: Context, store: SqliteStore, text: string, opts: WhoOptions): Promise<Who> {
  const typed = text.trim();
  if (!typed) throw new UserError('an empty name or reference matches nobody');
  if (looksLikeId(typed)) {
    const kind = kindOfId(typed.toLowerCase());
    if (kind === 'case' || kind === 'person') {
      const id = await uniqueId(store, kind, typed);
      if (id) {
        const record = kind === 'case' ? await store.getCase(id) : await store.getPerson(id);
        if (record) return kind === 'case' ? { kind, case: record as CaseRecord } : { kind, person: record as PersonRecord };
      }
    }
  }
  const found = await store.findCaseByRef(typed);
  if (found) return { kind: 'case', case: found };
  return { kind: 'person', person: await resolvePerson(ctx, store, typed, opts) };
}

export async function resolvePerson(ctx: Context, store: SqliteStore, typed: string, opts: WhoOptions): Promise<PersonRecord> {
  const candidates = await store.nameCandidates(typed);
  const resolution = resolveName(
    typed,
    candidates.map((c) => ({ person: c.personId, personId: c.personId, name: c.name })),
    candidates.length > 0 ? candidates.map((c) => c.name) : await store.nearbyNames(typed, 8),
  );
  if (resolution.kind === 'none') {
    const hint = resolution.nearest.length > 0 ? `; nearest: ${resolution.nearest.join(', ')}` : '';
    throw new NotFoundError(`no case or person matches "${typed}"${hint}`);
  }
  if (resolution.kind === 'several') {
    const listed = await Promise.all(
      resolution.candidates.map(async (c) => {
        const person = await store.getPerson(c.person);
        const cases = person?.cases.map((k) => k.ref).join(', ');
        return { id: c.person, name: person?.name ?? c.name, detail: `via "${c.name}", ${c.match.detail}, score ${c.match.score.toFixed(2)}${cases ? `, ${cases}` : ''}` };
      }),
    );
    if (ctx.interactive) {
      const prompter = await ctx.prompter();
      const id = await prompter.select(`"${typed}" matches several people; which one?`,
        listed.map((c) => ({ name: `${c.name} (${c.detail})`, value: c.id })));
      return (await store.getPerson(id))!;
    }
    throw new AmbiguousNameError(
      `"${typed}" matches several people: ${listed.map((c) => `${c.name} [${c.id.slice(0, 10)}] (${c.detail})`).join('; ')}`,
      listed,
    );
  }
  const { best } = resolution;
  const person = (await store.getPerson(best.person))!;
  const loose = best.match.reason === 'variant';
  if (loose && opts.writing) {
    if (!ctx.interactive) {
      throw new UserError(
        `"${typed}" is not a stored name; it looks like ${person.name} (${best.match.detail}): use a stored name, or add it with "caselog person alias"`,
      );
    }
    const prompter = await ctx.prompter();
    const yes = await prompter.confirm(`"${typed}" is not a stored name. Did you mean ${person.name} (${best.match.detail})?`, true);
    if (!yes) throw new UserError(`nothing recorded: "${typed}" was not confirmed as ${person.name}`);
  } else if (best.match.reason !== 'exact' || best.name !== person.name) {
    if (!ctx.json || best.match.reason !== 'exact') say(ctx, `${typed} → ${person.name}${best.name !== person.name && best.name !== typed ? ` (as "${best.name}")` : ''}`);
  }
  return person;
}

/** The one full id a typed prefix stands for; an error when it fits none or several. */
export async function uniqueId(store: SqliteStore, kind: 'case' | 'person' | 'event' | 'deadline' | 'source', typed: string): Promise<string | undefined> {
  const ids = await store.idsByPrefix(kind, typed);
  if (ids.length > 1) throw new UserError(`"${typed}" fits several ${kind} ids (${ids.map((i) => i.slice(0, 12)).join(', ')}): type more of it`);
  return ids[0];
}
