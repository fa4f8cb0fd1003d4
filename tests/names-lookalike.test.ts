// Letters of other alphabets drawn like Latin ones (Cyrillic dze for s, Greek omicron for o): a name
// written with one looks like its Latin twin and is that name to add person's near-duplicate check,
// to show and to search; a name wholly in another script is still read by its own letters.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { LOOKALIKES } from '../src/domain/names-lookalike';
import { withSearchOfSchema } from './helpers/old-search';

const at = (db: string) => (args: string[]) => caselog(args, { db, today: '2020-02-01' });

/** A Latin name with the letter in it: a capital opens the family name, a small one sits inside it. */
const nameWith = (letter: string): string =>
  letter !== letter.toLowerCase() ? `Aruzhan ${letter}adorin` : `Aruzhan Ba${letter}urin`;

describe('a name written with a look-alike letter from another alphabet', () => {
  it('is refused as a near-duplicate of its Latin twin, for every look-alike known', async () => {
    const byLatin = new Map<string, string[]>();
    for (const [lookalike, latin] of LOOKALIKES) byLatin.set(latin, [...(byLatin.get(latin) ?? []), lookalike]);
    expect(byLatin.size).toBeGreaterThan(20);
    for (const [latin, lookalikes] of byLatin) {
      const c = at(tempDb());
      const small = nameWith(latin);
      const capital = nameWith(latin.toUpperCase());
      expect((await c(['add', 'person', small])).code).toBe(0);
      expect((await c(['add', 'person', capital, '--new'])).code).toBe(0);
      for (const lookalike of lookalikes) {
        const twin = lookalike !== lookalike.toLowerCase() ? capital : small;
        const typed = nameWith(lookalike);
        const added = await c(['add', 'person', typed]);
        expect(added.code, `${typed} (U+${lookalike.codePointAt(0)!.toString(16).toUpperCase()}): ${added.stdout}`).toBe(1);
        expect(added.stderr).toContain(`"${typed}" is close to someone already tracked: ${twin} [p-`);
      }
    }
  });

  it('is refused as the tester found it, with the reason said; --new still adds it', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'Kasim Mahpir', '--risk', 'torture'])).code).toBe(0);
    const dze = await c(['add', 'person', 'Ka\u0455im Mahpir', '--risk', 'torture']);
    expect(dze.code).toBe(1);
    expect(dze.stderr).toContain('(via "Kasim Mahpir", the same letters, some of them look-alikes from another script, score 0.97)');
    expect((await c(['add', 'person', 'Pyotr Xu'])).code).toBe(0);
    const ha = await c(['add', 'person', 'Pyotr \u0425u']);
    expect(ha.code).toBe(1);
    expect(ha.stderr).toContain('is close to someone already tracked: Pyotr Xu [p-');
    // Greek capitals and smalls in one name.
    const greek = await c(['add', 'person', '\u039A\u03B1sim \u039C\u03B1hpir']);
    expect(greek.code).toBe(1);
    expect(greek.stderr).toContain('is close to someone already tracked: Kasim Mahpir [p-');
    expect((await c(['add', 'person', 'Ka\u0455im Mahpir', '--new'])).code).toBe(0);
    const people = await c(['list', 'people']);
    expect(people.stdout.match(/Mahpir/g)).toHaveLength(2);
  });

  it('finds its Latin twin by show and search', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'Pyotr Xu'])).code).toBe(0);
    const shown = await c(['show', 'Pyotr \u0425u']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^Pyotr Xu {2}p-/);
    expect((await c(['search', '\u0420y\u043Etr'])).stdout).toContain('Pyotr Xu');
  });

  it('leaves a name wholly in Cyrillic to its own letters (Kh for its ha, not X)', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', '\u0425\u0430\u0441\u0430\u043D \u041E\u0440\u043B\u043E\u0432'])).code).toBe(0);
    const shown = await c(['show', 'Khasan Orlov']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^\u0425\u0430\u0441\u0430\u043D \u041E\u0440\u043B\u043E\u0432 {2}p-/);
    // Though every letter of it looks Latin ("Xoce"): it is Jose, read Khose.
    expect((await c(['add', 'person', '\u0425\u043E\u0441\u0435'])).code).toBe(0);
    const jose = await c(['show', 'Khose']);
    expect(jose.code, jose.stderr).toBe(0);
    expect(jose.stdout).toMatch(/^\u0425\u043E\u0441\u0435 {2}p-/);
    // Nor is a Latin name with a Russian word in it read as Latin where its letters do not look so.
    expect((await c(['add', 'person', 'Ivan \u0421\u0435\u0440\u0433\u0435\u0435\u0432\u0438\u0447'])).code).toBe(0);
    expect((await c(['show', 'Ivan Sergeevich'])).code).toBe(0);
  });

  it('reads a word wholly in Cyrillic inside a Latin name by its own letters: Taras, not "Tapac"', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'Taras Shevchenko'])).code).toBe(0);
    const mixed = await c(['add', 'person', '\u0422\u0430\u0440\u0430\u0441 Shevchenko']);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('is close to someone already tracked: Taras Shevchenko [p-');
    // Nor when a hyphen joins the two words.
    const hyphen = await c(['add', 'person', '\u0422\u0430\u0440\u0430\u0441-Shevchenko']);
    expect(hyphen.code).toBe(1);
    expect(hyphen.stderr).toContain('is close to someone already tracked: Taras Shevchenko [p-');
    expect((await c(['add', 'person', '\u0412\u0435\u0440\u0430 Tarasova', '--new'])).code).toBe(0);
    const vera = await c(['show', 'Vera Tarasova']);
    expect(vera.code, vera.stderr).toBe(0);
    expect(vera.stdout).toMatch(/^\u0412\u0435\u0440\u0430 Tarasova {2}p-/);
  });

  it('stored by an earlier caselog, is folded as its Latin twin on upgrade', async () => {
    const db = tempDb();
    const c = at(db);
    expect((await c(['add', 'person', 'Ka\u0455im Mahpir'])).code).toBe(0);
    // As a caselog of schema 7 left it: the dze read as "dz".
    const raw = new Database(db);
    raw.prepare("UPDATE person_names SET folded = 'kadzim mahpir'").run();
    raw.exec('DELETE FROM name_keys');
    raw.prepare("INSERT INTO name_keys (key, name_id) SELECT 's:ktsm', id FROM person_names").run();
    raw.close();
    withSearchOfSchema(db, 7);
    const added = await c(['add', 'person', 'Kasim Mahpir']);
    expect(added.code).toBe(1);
    expect(added.stderr).toContain('is close to someone already tracked: Ka\u0455im Mahpir [p-');
  });

  it('reads a word of Cyrillic letters with a Latin one typed among them as Cyrillic: "Касtер" is Kaster, not "Kactep"', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'Kaster Musakhanuly', '--alias', 'Қастер Мұсаханұлы'])).code).toBe(0);
    // A Latin t (drawn like no Cyrillic letter), and a Latin x for the Cyrillic ha in a word with letters that look like no Latin one.
    for (const typed of ['Касtер Мусаханулы', 'Кастер Мусаxанулы']) {
      const found = await c(['timeline', typed]);
      expect(found.code, `${typed}: ${found.stderr}`).toBe(0);
      expect(found.stdout).toMatch(/^Kaster Musakhanuly \(also Қастер Мұсаханұлы\) — unknown/);
      expect(found.stderr).toContain(`${typed} → Kaster Musakhanuly`);
    }
    // The same name again, with its Latin t: refused as near Kaster.
    const again = await c(['add', 'person', 'Касtер Мусаханулы']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is close to someone already tracked: Kaster Musakhanuly [p-');
  });

  it('stored by an earlier caselog with a Latin letter among Cyrillic ones, is found by its Cyrillic spelling on upgrade', async () => {
    const db = tempDb();
    const c = at(db);
    expect((await c(['add', 'person', 'Касtер Мусаханулы'])).code).toBe(0);
    // As a caselog of schema 9 left it: the word read as Latin look-alikes.
    const raw = new Database(db);
    raw.prepare("UPDATE person_names SET folded = 'kactep musakhanuly'").run();
    raw.exec('DELETE FROM name_keys');
    raw.prepare("INSERT INTO name_keys (key, name_id) SELECT 's:kaktap', id FROM person_names").run();
    raw.pragma('user_version = 9');
    raw.close();
    const found = await c(['timeline', 'Кастер Мусаханулы']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toMatch(/^Касtер Мусаханулы — unknown/);
    const after = new Database(db, { readonly: true });
    expect(after.prepare('SELECT folded FROM person_names').pluck().get()).toBe('kaster musakhanuly');
    after.close();
  });
});
