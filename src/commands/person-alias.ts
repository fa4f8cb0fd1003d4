// caselog person alias WHO NAME [--note TEXT] [--force]: another name for a tracked person — an
// older spelling, a transliteration, the name in another script.
import { asTyped } from '../domain/text';
import type { Context } from '../context';
import { printJson, say } from '../context';
import { shortId } from '../domain/ids';
import type { PersonRecord } from '../domain/model';
import { UserError, UsageError } from '../errors';
import { personJson } from '../render/json';
import { addAlias, removeAlias } from '../store/merge';
import type { SqliteStore } from '../store/sqlite-store';
import { allowNewName, heldName } from './duplicates';
import { resolveWho, type WhoOptions } from './who';


/** WHO as a person (a case reference is refused); a loose spelling only after confirmation. */
export async function personNamed(ctx: Context, store: SqliteStore, text: string, pick?: WhoOptions['pick']): Promise<PersonRecord> {
  const who = await resolveWho(ctx, store, text, { writing: true, pick });
  if (who.kind === 'case') throw new UserError(`"${text}" is the case ${who.case.ref}: name a person`);
  return who.person;
}

export async function personAlias(ctx: Context, whoText: string, nameText: string, opts: { note?: string; force?: boolean }) {
  const name = asTyped(nameText);
  if (!name) throw new UsageError('give the name to add: caselog person alias WHO NAME');
  const store = await ctx.openStore({ create: false });
  const person = await personNamed(ctx, store, whoText);
  // Asked for what is already so: done, as risk and status say (a script adding names runs again safely).
  // Their name again, even in other capitals, is not another name; with a note it would lose the note.
  const held = heldName(person, name);
  if (held) {
    if (opts.note?.trim() && opts.note.trim() !== held.note) {
      throw new UserError(`"${held.name}" is already a name of ${person.name}: nothing added, and its note is not changed by person alias`);
    }
    if (ctx.json) printJson(ctx, personJson(person));
    say(ctx, `Nothing to add: "${held.name}" is already a name of ${person.name} [${shortId(person.id)}]`);
    return;
  }

  // A name that fits someone else would make lookups of that person ambiguous, or mean the two are one.
  await allowNewName(ctx, store, person, name, Boolean(opts.force));

  const updated = await addAlias(store, person.id, name, opts.note?.trim() || undefined);
  if (ctx.json) printJson(ctx, personJson(updated));
  say(ctx, `Added "${name}" as another name of ${updated.name} [${shortId(updated.id)}]`);
}

/** caselog person unalias WHO NAME: takes away one of a person's other names, one added by mistake. */
export async function personUnalias(ctx: Context, whoText: string, nameText: string) {
  const name = asTyped(nameText);
  if (!name) throw new UsageError('give the name to take away: caselog person unalias WHO NAME');
  const store = await ctx.openStore({ create: false });
  const person = await personNamed(ctx, store, whoText);
  const held = heldName(person, name);
  const others = person.names.filter((n) => !n.primary).map((n) => `"${n.name}"`);
  if (!held) {
    throw new UserError(`"${name}" is not a name of ${person.name} [${shortId(person.id)}]` +
      (others.length ? `: their other names are ${others.join(', ')}` : ': they have no other name'));
  }
  if (held.primary) {
    throw new UserError(`"${held.name}" is the name ${person.name} is known by: to take it away, first give another with caselog edit ${shortId(person.id)} --name NAME (the old one is kept as another name), then unalias it`);
  }
  const updated = await removeAlias(store, person.id, held.id);
  if (ctx.json) printJson(ctx, personJson(updated));
  say(ctx, `Took "${held.name}" away from the names of ${updated.name} [${shortId(updated.id)}] (caselog undo puts it back)`);
}
