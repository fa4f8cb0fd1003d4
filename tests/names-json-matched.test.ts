// A reading command's --json says how the name typed reached the person: a loose match (a close
// spelling, another person's name perhaps) is otherwise said on stderr only, which a script reading
// stdout never sees.
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

const at = (db: string) => (args: string[]) => caselog(args, { db, today: '2026-11-24' });

describe('timeline and show --json of a person found by name', () => {
  it('carry how the name matched: loose for a close spelling, not for a stored name', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'])).code).toBe(0);
    expect((await c(['add', 'person', 'Ali Hussein', '--case', 'UA 1/26'])).code).toBe(0);
    const loose = { typed: 'Ali Husseini', name: 'Ali Hussein', loose: true, reason: 'variant', detail: 'close spelling', score: 0.865 };
    for (const command of ['timeline', 'show']) {
      const r = await c([command, 'Ali Husseini', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).matched).toEqual(loose);
      const stored = JSON.parse((await c([command, 'Ali Hussein', '--json'])).stdout);
      expect(stored.matched).toEqual({ typed: 'Ali Hussein', name: 'Ali Hussein', loose: false, reason: 'exact', detail: 'the same name', score: 1 });
      expect(JSON.parse((await c([command, 'ALI HUSSEIN', '--json'])).stdout).matched).toMatchObject({ loose: false, reason: 'folded' });
    }
    // The documented fields are as they were.
    const timeline = JSON.parse((await c(['timeline', 'Ali Husseini', '--json'])).stdout);
    expect(Object.keys(timeline)).toEqual(['person', 'matched', 'events']);
    expect(timeline.person.name).toBe('Ali Hussein');
  });

  it('found by id carry none; a case has no such field', async () => {
    const c = at(tempDb());
    expect((await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'])).code).toBe(0);
    expect((await c(['add', 'person', 'Ali Hussein', '--case', 'UA 1/26'])).code).toBe(0);
    const id = JSON.parse((await c(['timeline', 'Ali Hussein', '--json'])).stdout).person.id as string;
    expect(JSON.parse((await c(['timeline', id, '--json'])).stdout).matched).toBeNull();
    expect(JSON.parse((await c(['show', id, '--json'])).stdout).matched).toBeNull();
    expect(JSON.parse((await c(['timeline', 'UA 1/26', '--json'])).stdout)).not.toHaveProperty('matched');
  });
});
