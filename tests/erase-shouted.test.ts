// A sentence written all in capitals ("ALI SAID HE WAS BEATEN") in someone else's record: its
// capitals tell nothing, so an erase of Said Ali does not take "ALI SAID" for his name surname first,
// nor --words "SAID" for a word of it. It lists the record to check; his name in its own order, and a
// surname in capitals in ordinary text, still go.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
const summaries = async () => new Map((await json(['timeline', 'Murager Alimuly'])).events.map((e: { id: string; summary: string }) => [e.id, e.summary]));
const event = async (summary: string) => (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'statement', '--summary', summary])).id as string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'Beatings']);
  await c(['add', 'person', 'Said Ali', '--case', 'UA 1/26']);
  await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA 1/26']);
  await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 1/26']);
});

describe('erase and a sentence in capitals', () => {
  it('leaves "ALI SAID HE WAS BEATEN" whole, in the record and its history, and lists it; "SAID ALI WAS BEATEN" and a surname in capitals go', async () => {
    const shouted = await event('ALI SAID HE WAS BEATEN');
    const named = await event('SAID ALI WAS BEATEN. Seen with ALI Said');
    // A surname in capitals in ordinary text, and a heading that is the name, are written as names.
    const mixed = await event('Kaster MUSAKHANULY was held; MUSAKHANULY K. too');
    const heading = await event('KASTER MUSAKHANULY DETAINED');
    const r = await c(['--json', 'erase', 'Said Ali', '--words', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect((await c(['erase', 'Kaster Musakhanuly', '--words', '--force'])).code).toBe(0);
    const now = await summaries();
    expect(now.get(shouted)).toBe('ALI SAID HE WAS BEATEN');
    expect(now.get(named)).toBe('[erased] WAS BEATEN. Seen with [erased]');
    expect(now.get(mixed)).toBe('[erased] was held; [erased] K. too');
    expect(now.get(heading)).toBe('[erased] DETAINED');
    expect(JSON.parse(r.stdout).stillMentionedIn).toEqual([{ kind: 'event', id: shouted }]);
    const log = JSON.stringify(await json(['log', '--limit', '0']));
    expect(log).toContain('ALI SAID HE WAS BEATEN');
    expect(log).not.toContain('SAID ALI WAS');
  });

  it('without --words, lists it to check', async () => {
    const shouted = await event('ALI SAID HE WAS BEATEN');
    const r = await c(['erase', 'Said Ali', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`hold a word of their names; check them: event ${shouted.slice(0, 10)}`));
    expect((await summaries()).get(shouted)).toBe('ALI SAID HE WAS BEATEN');
  });

  it('erase --word leaves the word in a sentence in capitals and lists it; --any-case replaces it there too', async () => {
    const shouted = await event('ALI SAID HE WAS BEATEN');
    expect((await c(['erase', 'Said Ali', '--force'])).code).toBe(0);
    const r = await c(['erase', '--word', 'Said', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`these hold the word in lower case or where a capital tells nothing [^\\n]*check them: event ${shouted.slice(0, 10)}`));
    expect((await summaries()).get(shouted)).toBe('ALI SAID HE WAS BEATEN');
    expect((await c(['erase', '--word', 'Said', '--any-case', '--force'])).code).toBe(0);
    expect((await summaries()).get(shouted)).toBe('ALI [erased] HE WAS BEATEN');
  });
});
