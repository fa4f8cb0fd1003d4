// caselog search TEXT [--limit N]: full-text search over events, deadlines, names, cases and
// ingested documents. Whatever is typed is searched for as words: quotes, stars, AND, NEAR( and
// leading dashes are not query syntax, so no input can make the search fail.
import type { Context } from '../context';
import { printJson, printWrapped, say } from '../context';
import { countAbove0 } from './ask';
import { shellWord } from './hints';
import { renderSearch, searchJson } from '../render/search';
import { style } from '../render/style';
import { searchRecords } from '../store/search';

const DEFAULT_LIMIT = 20;

export async function search(ctx: Context, words: string[], opts: { limit?: string }) {
  const limit = opts.limit === undefined ? DEFAULT_LIMIT : countAbove0(opts.limit, '--limit');
  const query = words.join(' ');
  const store = await ctx.openStore({ create: false });
  // One more than shown: whether the list was cut, said on stderr (a count made from a cut list is wrong).
  const found = searchRecords(store, query, limit + 1);
  const hits = found.slice(0, limit);
  if (ctx.json) printJson(ctx, hits.map(searchJson));
  else printWrapped(ctx, renderSearch(query.trim(), hits, style(ctx.color)));
  if (found.length > limit) say(ctx, `More matches than these ${limit} are not shown: caselog search ${words.map(shellWord).join(' ')} --limit ${limit * 10} shows more`);
}
