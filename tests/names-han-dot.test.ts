// A foreign name transcribed in Chinese characters, its words divided by a dot ("伊力哈木·土赫提"):
// one of its words typed alone reaches the person by show, as search does, though two to four
// characters typed alone also read as a Chinese family and given name.
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

const at = (db: string) => (args: string[]) => caselog(args, { db, today: '2020-02-01' });

describe('one word of a name in Chinese characters divided by a dot', () => {
  it('reaches the person by show and timeline, as the tester typed it', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'person', 'Ilham Tohti', '--alias', '伊力哈木·土赫提'])).code).toBe(0);
    expect((await c(['add', 'person', '阿不都热合曼·买买提', '--risk', 'torture'])).code).toBe(0);
    for (const [typed, person] of [['土赫提', 'Ilham Tohti'], ['伊力哈木', 'Ilham Tohti'], ['买买提', '阿不都热合曼·买买提'], ['阿不都热合曼', '阿不都热合曼·买买提']]) {
      const shown = await c(['show', typed!]);
      expect(shown.code, `${typed}: ${shown.stderr}`).toBe(0);
      expect(shown.stdout.startsWith(`${person}  p-`)).toBe(true);
      expect(shown.stderr).toContain(`${typed} → ${person}`);
      expect((await c(['timeline', typed!])).code).toBe(0);
    }
    expect((await c(['search', '买买提'])).stdout).toContain('阿不都热合曼·买买提');
  });

  it('whichever dot divides it (katakana middle dot, fullwidth full stop, hyphenation point)', async () => {
    for (const dot of ['\u30FB', '\uFF0E', '\u2027', '\uFF65']) {
      const c = at(tempDb());
      expect((await c(['add', 'person', `伊力哈木${dot}土赫提`])).code).toBe(0);
      const shown = await c(['show', '土赫提']);
      expect(shown.code, `U+${dot.codePointAt(0)!.toString(16)}: ${shown.stderr}`).toBe(0);
    }
  });
});
