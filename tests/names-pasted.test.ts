// Names pasted from web pages and word processors: invisible direction marks and zero-width
// characters around or inside a name typed to look someone up are no part of it, and apostrophes
// of any form (’ ʼ ‘ `) are the one a keyboard types: the stored name, not a loose match.
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

const at = (db: string) => (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const event = (who: string) => ['add', 'event', who, '--date', '2026-11-01', '--type', 'statement', '--summary', 'x'];
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

describe('a name looked up with invisible characters from a web page', () => {
  it('is the stored name without them, for a writing command as for a reading one', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'Salma al-Shehab', '--alias', 'سلمى الشهاب'])).code).toBe(0);
    // As copied from an Arabic page: right-to-left marks around it; an isolate, an embedding, a zero-width space.
    for (const typed of ['\u200fسلمى الشهاب\u200f', '\u2067سلمى الشهاب\u2069', '\u202bسلمى الشهاب\u202c', 'Salma al-\u200bShehab', '\u200eSalma al-Shehab\ufeff']) {
      const added = await c(event(typed));
      expect(added.code, `${JSON.stringify(typed)}: ${added.stderr}`).toBe(0);
      expect(added.stderr).toContain('Recorded statement on 1 November 2026 for Salma al-Shehab [e-');
      const shown = await c(['timeline', typed]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toMatch(/^Salma al-Shehab \(also سلمى الشهاب\) — unknown/);
    }
    // Looked up, not stored: a name to be stored with them is still refused.
    const alias = await c(['person', 'alias', '\u200fSalma al-Shehab\u200f', 'Салма аль-Шехаб\u200f']);
    expect(alias.code).toBe(1);
    expect(alias.stderr).toContain('invisible direction or format character (U+200F)');
  });

  it('that is only near a stored name, is said, and a command suggested, without them', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'Salma al-Shehab'])).code).toBe(0);
    const refused = await c(event('\u200fSalma al-Shihab\u200f'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"Salma al-Shihab" is not a stored name; it looks like Salma al-Shehab [p-');
    expect(refused.stderr).toContain('person alias "Salma al-Shehab" "Salma al-Shihab"\n');
    expect(refused.stderr).not.toMatch(INVISIBLE);
    const nobody = await c(['timeline', '\u200fZhanna Baitelova\u200f']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('no case or person matches "Zhanna Baitelova"');
    expect(nobody.stderr).not.toMatch(INVISIBLE);
  });

});

describe('a name typed with another form of apostrophe', () => {
  it('is the stored name, not a loose match: a writing command takes it without asking, and says nothing of it', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', "Dilmurod Sa'idov"])).code).toBe(0);
    for (const typed of ['Dilmurod Sa’idov', 'Dilmurod Saʼidov', 'Dilmurod Sa‘idov', 'Dilmurod Sa`idov']) {
      const added = await c(event(typed));
      expect(added.code, `${typed}: ${added.stderr}`).toBe(0);
      expect(added.stderr).toMatch(/^Recorded statement on 1 November 2026 for Dilmurod Sa'idov \[e-[^\n]*\n$/);
    }
    // Nor is it a new person's name.
    const again = await c(['add', 'person', 'Dilmurod Sa’idov']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('"Dilmurod Sa’idov" is already a name of someone tracked: Dilmurod Sa\'idov [p-');
  });

  it('stored with a typographic apostrophe, is found by the one a keyboard types', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'Gʻulom Ulug’bekov'])).code).toBe(0);
    const added = await c(event("G'ulom Ulug'bekov"));
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toMatch(/^Recorded statement on 1 November 2026 for Gʻulom Ulug’bekov \[e-[^\n]*\n$/);
  });
});
