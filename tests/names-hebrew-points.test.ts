// Hebrew written with its vowel points (niqqud) and cantillation marks, as Arabic with its short
// vowels: the points do not matter to show, search and add person's near-duplicate check, and a
// database whose names were folded with them is folded again on upgrade.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { SCHEMA_VERSION } from '../src/store/schema';
import { withSearchOfSchema } from './helpers/old-search';

const at = (db: string) => (args: string[]) => caselog(args, { db, today: '2020-02-01' });
const MOSHE = 'משה בן דוד כהן';

describe('Hebrew vowel points', () => {
  it('are ignored by show and search, as the tester typed them', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', MOSHE])).code).toBe(0);
    const found = await c(['search', 'מֹשֶׁה']);
    expect(found.stdout).toContain(MOSHE);
    const shown = await c(['show', 'מֹשֶׁה כֹּהֵן']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.startsWith(`${MOSHE}  p-`)).toBe(true);
    // Cantillation marks too (etnahta, under the shin).
    expect((await c(['show', 'מֹשֶׁ֑ה כֹּהֵן'])).code).toBe(0);
  });

  it('are ignored in a name stored with them, and by the near-duplicate check', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'מֹשֶׁה כֹּהֵן'])).code).toBe(0);
    const shown = await c(['show', 'משה כהן']);
    expect(shown.code, shown.stderr).toBe(0);
    const again = await c(['add', 'person', 'משה כהן']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('"משה כהן" is not a stored name; it looks like someone already tracked: מֹשֶׁה כֹּהֵן [p-');
  });

  it('typed in a search find an event whose text is written without them', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'Moshe Cohen'])).code).toBe(0);
    expect((await c(['add', 'event', 'Moshe Cohen', '--date', '2020-01-10', '--type', 'arrest', '--summary', 'נעצר בתחנה המרכזית'])).code).toBe(0);
    const found = await c(['search', 'בַּתַּחֲנָה']);
    expect(found.stdout).toContain('המרכזית');
  });

  it('in a name folded by an earlier caselog, are folded away on upgrade', async () => {
    const db = tempDb();
    const c = at(db);
    expect((await c(['add', 'person', 'מֹשֶׁה כֹּהֵן'])).code).toBe(0);
    // As a caselog of schema 7 left it: the name folded and keyed with its points read as vowels.
    const raw = new Database(db);
    raw.prepare("UPDATE person_names SET folded = 'mosehh khohen'").run();
    raw.exec('DELETE FROM name_keys');
    raw.prepare("INSERT INTO name_keys (key, name_id) SELECT 's:msh', id FROM person_names").run();
    raw.close();
    withSearchOfSchema(db, 7);
    const shown = await c(['show', 'משה כהן']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.startsWith('מֹשֶׁה כֹּהֵן  p-')).toBe(true);
    const after = new Database(db, { readonly: true });
    expect(after.prepare('SELECT folded FROM person_names').pluck().get()).toBe('msh khhn');
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    after.close();
  });
});
