// caselog search TEXT [--limit N]: full-text search over events, deadlines, names, cases and
// ingested documents. Whatever is typed is searched for as words: quotes, stars, AND, NEAR( and
// leading dashes are not query syntax, so no input can make the search fail.
import type { Context } from '../context';
import { print, printJson } from '../context';
import { countAbove0 } from './ask';
import { renderSearch, searchJson } from '../render/search';
import { style } from '../render/style';
import { searchRecords } from '../store/search';

const DEFAULT_LIMIT = 20;

export async function search(ctx: Context, words: string[], opts: { limit?: string }) {
  const limit = opts.limit === undefined ? DEFAULT_LIMIT : countAbove0(opts.limit, '--limit');
  const query = words.join(' ');
  const store = await ctx.openStore({ create: false });
  const hits = searchRecords(store, query, limit);
  if (ctx.json) {
    printJson(ctx, hits.map(searchJson));
    return;
  }
  print(ctx, renderSearch(query.trim(), hits, style(ctx.color)));
}
