// caselog risk WHO [--add R]... [--remove R]...: the risks a person faces; bare, lists them.
import type { Context } from '../context';
import { print, printJson, say } from '../context';
import type { Risk } from '../domain/types';
import { UsageError, UserError } from '../errors';
import { personJson } from '../render/json';
import { changeRisks } from '../store/upkeep-status';
import { resolveWho } from './who';

export async function risk(ctx: Context, whoText: string, opts: { add: Risk[]; remove: Risk[] }) {
  const both = opts.add.filter((r) => opts.remove.includes(r));
  if (both.length > 0) throw new UsageError(`${both.join(', ')} cannot be both added and removed`);
  const store = await ctx.openStore({ create: false });
  const writing = opts.add.length + opts.remove.length > 0;
  const who = await resolveWho(ctx, store, whoText, { writing });
  if (who.kind === 'case') throw new UserError(`risks belong to a person, not to case ${who.case.ref}: name the person`);
  const before = who.person;
  if (!writing) {
    if (ctx.json) printJson(ctx, personJson(before));
    else print(ctx, `${before.name}: ${before.risks.length > 0 ? before.risks.join(', ') : 'no risks recorded'}`);
    return;
  }
  const changed = await changeRisks(store, before.id, opts.add, opts.remove);
  const person = (await store.getPerson(before.id))!;
  if (ctx.json) printJson(ctx, personJson(person));
  const now = person.risks.length > 0 ? person.risks.join(', ') : 'none';
  if (!changed) {
    say(ctx, `Nothing changed: ${person.name} faces ${now}`);
    return;
  }
  const added = person.risks.filter((r) => !before.risks.includes(r));
  const removed = before.risks.filter((r) => !person.risks.includes(r));
  const what = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean).join('; ');
  say(ctx, `${person.name}: risks now ${now} (${what})`);
}
