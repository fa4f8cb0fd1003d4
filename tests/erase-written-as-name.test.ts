// Where a word of an erased person's name counts as their name (name-mentions.ts writtenAsName):
// - a sentence written all in capitals ("ALI SAID HE WAS BEATEN") in someone else's record: its
//   capitals tell nothing, so an erase of Said Ali does not take "ALI SAID" for his name surname
//   first, nor --words "SAID" for a word of it; it lists the record to check. His name in its own
//   order, and a surname in capitals in ordinary text, still go.
// - a web address goes whole only where it holds the name itself (a word of a slug may be an
//   ordinary word: "said" in ".../lawyer-said-court-delayed"); a hashtag or handle that joins a word
//   of the name begun with a capital ("#FreeKaster", "KMusakhanuly@") names them.
// - "d'Artagnan", "O'Brien", "N'Diaye" and "al-Hassan" are names written with a capital.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
const summaries = async () => new Map((await json(['timeline', 'Murager Alimuly'])).events.map((e: { id: string; summary: string }) => [e.id, e.summary]));
const event = async (summary: string) => (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'statement', '--summary', summary])).id as string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'Detentions']);
  await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 1/26']);
});

describe('erase and a sentence in capitals', () => {
  beforeEach(async () => {
    await c(['add', 'person', 'Said Ali', '--case', 'UA 1/26']);
    await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA 1/26']);
  });

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

describe('erase and web addresses', () => {
  it('keeps an address whose slug holds a word of the name as an ordinary word, and lists it; one holding the name goes', async () => {
    await c(['add', 'person', 'Said Bek', '--case', 'UA 1/26']);
    await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA 1/26']);
    const slug = await event('See https://example.org/news/lawyer-said-court-delayed for the hearing');
    const named = await event('See https://example.org/news/said-bek-sentenced and https://example.org/people/said?q=lawyer+said');
    const full = await event('https://example.org/news/kaster-musakhanuly-sentenced');
    const source = (await json(['add', 'source', '--title', 'Hearing delayed', '--url', 'https://example.org/news/lawyer-said-court-delayed'])).id as string;
    const r = await c(['--json', 'erase', 'Said Bek', '--words', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect((await c(['erase', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    const now = await summaries();
    expect(now.get(slug)).toBe('See https://example.org/news/lawyer-said-court-delayed for the hearing');
    expect(now.get(named)).toBe('See [erased] and [erased]');
    expect(now.get(full)).toBe('[erased]');
    expect((await json(['show', source])).url).toBe('https://example.org/news/lawyer-said-court-delayed');
    expect(JSON.parse(r.stdout).stillMentionedIn).toEqual(expect.arrayContaining([{ kind: 'event', id: slug }, { kind: 'source', id: source }]));
  });
});

describe('erase and hashtags, handles and e-mail addresses', () => {
  it('lists "#FreeKaster" and "KMusakhanuly@example.org", and erase --word replaces the word of the name in them; a handle holding the name goes', async () => {
    await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA 1/26']);
    const tag = await event('Supporters posted #FreeKaster');
    const mail = await event('Write to KMusakhanuly@example.org');
    const handle = await event('Follow @kaster_musakhanuly and @Kaster_Musakhanuly');
    // A capital inside a word that is no hashtag or handle begins no word of its own.
    const plain = await event('Met KasterOff and McKaster at the gate');
    const listed = await c(['--json', 'erase', 'Kaster Musakhanuly', '--force']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).stillMentionedIn).toEqual(expect.arrayContaining([{ kind: 'event', id: tag }, { kind: 'event', id: mail }]));
    expect((await summaries()).get(handle)).toBe('Follow @[erased] and @[erased]');
    for (const word of ['Kaster', 'Musakhanuly']) expect((await c(['erase', '--word', word, '--force'])).code).toBe(0);
    const now = await summaries();
    expect(now.get(tag)).toBe('Supporters posted #Free[erased]');
    expect(now.get(mail)).toBe('Write to K[erased]@example.org');
    expect(now.get(plain)).toBe('Met KasterOff and McKaster at the gate');
    expect(JSON.stringify(await json(['log', '--limit', '0']))).not.toMatch(/FreeKaster|KMusakhanuly/);
  });
});

describe('erase and names with an apostrophe or a joined particle', () => {
  it('replaces "d\'Artagnan", "O\'Brien", "N\'Diaye" and "al-Hassan" as written with a capital', async () => {
    for (const name of ["Charles d'Artagnan", "Liam O'Brien", "Awa N'Diaye", 'Omar al-Hassan']) await c(['add', 'person', name, '--case', 'UA 1/26']);
    const texts = ["d'Artagnan was seen; D\u2019Artagnan too", "O'Brien and O\u2019Brien", "N'Diaye left", 'al-Hassan and Al-Hassan', "the l'avocat of d'artagnan"];
    const ids = await Promise.all(texts.map(event));
    for (const name of ["Charles d'Artagnan", "Liam O'Brien", "Awa N'Diaye", 'Omar al-Hassan']) expect((await c(['erase', name, '--words', '--force'])).code).toBe(0);
    const now = await summaries();
    expect(ids.map((id) => now.get(id))).toEqual(['[erased] was seen; [erased] too', '[erased] and [erased]', '[erased] left', 'al-[erased] and Al-[erased]', "the l'avocat of d'artagnan"]);
  });
});
