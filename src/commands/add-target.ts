// caselog add target NAME --title TEXT --address TEXT... and caselog list targets [--limit N].
import type { Context } from '../context';
import { printJson, printWrapped, say } from '../context';
import { style } from '../render/style';
import { addressLines } from '../domain/appeals';
import { shortId } from '../domain/ids';
import { PLAUSIBLE_MATCH, scoreName } from '../domain/names';
import { UsageError } from '../errors';
import { renderTargets, targetJson } from '../render/appeals';
import { addTarget as storeTarget, listTargets as storedTargets, targetsListed } from '../store/appeals';
import { need } from './ask';
import { listLimit, sayLeftOut } from './limit';

export interface TargetOptions {
  title?: string; address: string[]; fax?: string; email?: string; salutation?: string; language?: string; country?: string;
}

export async function addTarget(ctx: Context, nameArg: string | undefined, opts: TargetOptions) {
  const name = (await need(ctx, nameArg, 'NAME', 'Name of the person or office to write to:')).trim();
  const title = (await need(ctx, opts.title, '--title', 'Their title (e.g. Minister of Foreign Affairs of ...):')).trim();
  let address = addressLines(opts.address);
  // A letter needs one way to go: post, fax or email (many Urgent Actions give only a fax).
  if (address.length === 0 && !opts.fax?.trim() && !opts.email?.trim()) {
    if (!ctx.interactive) throw new UsageError('missing a way to reach them: --address (repeat it for each line, or separate lines with \\n), --fax or --email');
    const prompter = await ctx.prompter();
    address = addressLines([await prompter.input('Postal address (separate lines with \\n):', { validate: (v) => (v.trim() ? true : 'required') })]);
  }
  const clean = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const store = await ctx.openStore({ create: true });
  // The same person in another office is another target, added; a title typed two ways may be one
  // office twice: said, as a near-duplicate person is.
  // The name written otherwise counts too ("Kasymzhomart Tokayev" beside "Kasymzhomart Kemel-uly TOKAYEV"), as for people.
  const namesakes = (await storedTargets(store)).filter((t) => (scoreName(name, t.name)?.score ?? 0) >= PLAUSIBLE_MATCH);
  const target = await storeTarget(store, {
    name, title, address, fax: clean(opts.fax), email: clean(opts.email), salutation: clean(opts.salutation),
    language: clean(opts.language), country: clean(opts.country),
  });
  if (ctx.json) printJson(ctx, targetJson(target));
  say(ctx, `Added target ${target.name}, ${target.title} [${shortId(target.id)}]`);
  for (const t of namesakes) {
    say(ctx, `note: close to target ${shortId(t.id)} ${t.name} (${t.title})`);
  }
}

export async function listTargets(ctx: Context, opts: { limit?: string }) {
  const limit = listLimit(opts.limit);
  const store = await ctx.openStore({ create: false });
  const { targets, total } = await targetsListed(store, limit);
  if (ctx.json) printJson(ctx, targets.map(targetJson));
  else printWrapped(ctx, renderTargets(targets, style(ctx.color)));
  sayLeftOut(ctx, total - targets.length, ['target', 'targets'], 'caselog list targets');
}
